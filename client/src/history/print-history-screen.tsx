import { useEffect, useState } from 'react';
import { listPrintHistory, type PrintHistoryEntry } from '../api/print-history-api';
import { AccountBar } from '../session/account-bar';
import { PrintHistoryItem } from './print-history-item';
import '../gallery/gallery.css';
import './print-history.css';

type State = { state: 'loading' } | { state: 'ready'; jobs: PrintHistoryEntry[] } | { state: 'failed' };

/**
 * The organisation's print history (#/history): every print job any of its members sent, newest
 * first, with its PDF, its share links and a way to print it again. Reached from the gallery and from
 * a finished print.
 */
export function PrintHistoryScreen({ onOpenDraft }: { onOpenDraft: (id: string) => void }) {
  const [state, setState] = useState<State>({ state: 'loading' });
  useEffect(() => {
    document.title = 'Print history: Rosette';
    listPrintHistory().then(
      (jobs) => setState({ state: 'ready', jobs }),
      () => setState({ state: 'failed' }),
    );
  }, []);
  return (
    <>
      <header className="site-header">
        <a className="brand" href="#/">
          Rosette
        </a>
        <p className="header-title">Leaflets and posters for your campaign</p>
        <AccountBar />
      </header>
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
