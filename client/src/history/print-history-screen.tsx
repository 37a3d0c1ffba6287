import { useEffect, useState } from 'react';
import { listPrintHistory, type PrintHistoryEntry } from '../api/print-history-api';
import { SignedInHeader } from '../session/signed-in-header';
import { PrintHistoryItem } from './print-history-item';
import '../gallery/gallery.css';
import './print-history.css';

/** How often the history is read again while a job is unfinished, milliseconds. */
const REREAD_MS = 3000;

type State = { state: 'loading' } | { state: 'ready'; jobs: PrintHistoryEntry[] } | { state: 'failed' };

/**
 * The organisation's print history (#/history): every print job any of its members sent, newest
 * first, with its PDF, its share links and a way to print it again. Reached from the gallery and from
 * a finished print.
 */
export function PrintHistoryScreen({ onOpenDraft }: { onOpenDraft: (id: string) => void }) {
  const [state, setState] = useState<State>({ state: 'loading' });
  const [reads, setReads] = useState(0);
  useEffect(() => {
    document.title = 'Print history: Rosette';
  }, []);
  useEffect(() => {
    let live = true;
    listPrintHistory().then(
      (jobs) => live && setState({ state: 'ready', jobs }),
      () => live && setState((s) => (s.state === 'ready' ? s : { state: 'failed' })),
    );
    return () => void (live = false);
  }, [reads]);
  // While a job is still waiting or printing, read again now and then, so it turns Ready by itself.
  const unfinished = state.state === 'ready' && state.jobs.some((j) => j.status === 'waiting' || j.status === 'active');
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
        <p className="lead">Every leaflet your organisation has sent to print, newest first: download the PDF again, share it with volunteers, or open it to print again. Times are UK time.</p>
        {state.state === 'loading' ? <p role="status">Loading the print history…</p> : null}
        {state.state === 'failed' ? (
          <p className="notice notice-error" role="alert">
            The print history could not be loaded. Check your connection and reload the page.
          </p>
        ) : null}
        {state.state === 'ready' && state.jobs.length === 0 ? <p>Nothing has been printed yet. When you send a leaflet to print, it appears here.</p> : null}
        {state.state === 'ready' && state.jobs.length > 0 ? (
          <ol className="history-list">
            {state.jobs.map((job) => (
              <PrintHistoryItem key={job.id} job={job} onOpenDraft={onOpenDraft} />
            ))}
          </ol>
        ) : null}
      </main>
    </>
  );
}
