import { useEffect, useState } from 'react';
import { patientRead } from '../api/patient-read';
import { listPrintHistory, type PrintHistoryEntry, type PrintRunHistoryEntry } from '../api/print-history-api';
import { SignedInHeader } from '../session/signed-in-header';
import { PrintHistoryItem } from './print-history-item';
import { PrintRunHistoryItem } from './print-run-history-item';
import '../gallery/gallery.css';
import './print-history.css';

/** How often the history is read again while a job is unfinished, milliseconds. */
const REREAD_MS = 3000;

/** One line of the history: a print job, or a print run listed once for all its versions. */
type Item = { kind: 'job'; job: PrintHistoryEntry } | { kind: 'run'; run: PrintRunHistoryEntry };

type State = { state: 'loading' } | { state: 'ready'; items: Item[] } | { state: 'failed' };

const sentAtOf = (item: Item) => (item.kind === 'job' ? item.job.sentAt : item.run.sentAt);
const unfinishedItem = (item: Item) => (item.kind === 'job' ? item.job.status === 'waiting' || item.job.status === 'active' : item.run.status === 'printing');

/**
 * The organisation's print history (#/history): every print job any of its members sent, newest
 * first, with its PDF, its share links and a way to print it again; a print run once, with its combined
 * PDF, its ZIP and a way to its versions. Reached from the gallery and from a finished print.
 */
export function PrintHistoryScreen({ onOpenDraft }: { onOpenDraft: (id: string) => void }) {
  const [state, setState] = useState<State>({ state: 'loading' });
  const [reads, setReads] = useState(0);
  useEffect(() => {
    document.title = 'Print history: Rosette';
  }, []);
  useEffect(() => {
    let live = true;
    patientRead(listPrintHistory).then(
      ({ printJobs, printRuns }) => {
        const items: Item[] = [...printJobs.map((job): Item => ({ kind: 'job', job })), ...printRuns.map((run): Item => ({ kind: 'run', run }))];
        // ISO 8601 times in UTC sort as strings.
        items.sort((a, b) => (sentAtOf(a) < sentAtOf(b) ? 1 : sentAtOf(a) > sentAtOf(b) ? -1 : 0));
        if (live) setState({ state: 'ready', items });
      },
      () => live && setState((s) => (s.state === 'ready' ? s : { state: 'failed' })),
    );
    return () => void (live = false);
  }, [reads]);
  // While a job or a run is still waiting or printing, read again now and then, so it turns Ready by itself.
  const unfinished = state.state === 'ready' && state.items.some(unfinishedItem);
  useEffect(() => {
    if (!unfinished) return;
    const timer = setTimeout(() => setReads((n) => n + 1), REREAD_MS);
    return () => clearTimeout(timer);
  }, [unfinished, reads, state]);
  return (
    <>
      <SignedInHeader />
      <main id="main" tabIndex={-1} className="gallery print-history">
        <p className="back-link">
          <a href="#/">← Back to your leaflets</a>
        </p>
        <h1>Print history</h1>
        <p className="lead">Every leaflet your organisation has sent to print, newest first: download the PDF again, share it with volunteers, or open it to print again. A print run of many versions is listed once. Times are UK time.</p>
        {state.state === 'loading' ? <p role="status">Loading the print history…</p> : null}
        {state.state === 'failed' ? (
          <p className="notice notice-error" role="alert">
            The print history could not be loaded. Check your connection and reload the page.
          </p>
        ) : null}
        {state.state === 'ready' && state.items.length === 0 ? <p>Nothing has been printed yet. When you send a leaflet to print, it appears here.</p> : null}
        {state.state === 'ready' && state.items.length > 0 ? (
          <ol className="history-list">
            {state.items.map((item) => (item.kind === 'job' ? <PrintHistoryItem key={item.job.id} job={item.job} onOpenDraft={onOpenDraft} /> : <PrintRunHistoryItem key={item.run.id} run={item.run} />))}
          </ol>
        ) : null}
      </main>
    </>
  );
}
