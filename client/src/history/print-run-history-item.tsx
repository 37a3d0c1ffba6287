import { useId } from 'react';
import type { PrintRunHistoryEntry } from '../api/print-history-api';
import { SentFacts } from './sent-facts';

/** How each state of a print run reads in the history. */
const STATUS_WORDS: Record<PrintRunHistoryEntry['status'], string> = {
  printing: 'Printing: open its versions to follow it',
  needs_retry: 'Needs a retry: open its versions to see what failed',
  done: 'Ready',
};

/**
 * One print run, listed once however many versions it printed: what, who ("You" or "Another member"),
 * when (UK time), how far it is, its combined PDF and ZIP, and a way to its versions.
 */
export function PrintRunHistoryItem({ run }: { run: PrintRunHistoryEntry }) {
  const headingId = useId();
  const title = run.title || 'Untitled leaflet';
  return (
    <li className="history-item">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="history-title">
          {title}: print run of {run.versions.toLocaleString('en-GB')} {run.versions === 1 ? 'version' : 'versions'}
        </h2>
        <dl className="history-facts">
          <SentFacts sentByYou={run.sentByYou} sentAt={run.sentAt} />
          <div>
            <dt>Status</dt>
            <dd className={`history-status history-status-${run.status === 'needs_retry' ? 'failed' : run.status}`}>{STATUS_WORDS[run.status]}</dd>
          </div>
        </dl>
        <div className="button-row">
          {run.combinedUrl ? (
            <a className="button button-primary" href={run.combinedUrl} download aria-label={`Combined PDF for the printer of “${title}”`}>
              Combined PDF for the printer
            </a>
          ) : null}
          {run.zipUrl ? (
            <a className="button button-secondary" href={run.zipUrl} download aria-label={`ZIP of every version of “${title}”`}>
              ZIP of every version
            </a>
          ) : null}
          {run.designId ? (
            <a className="button button-secondary" href={`#/variants/${run.designId}`}>
              Open its versions
            </a>
          ) : null}
        </div>
        {!run.designId ? <p className="field-hint">Its saved design has been deleted, so its versions cannot be opened.</p> : null}
      </article>
    </li>
  );
}
