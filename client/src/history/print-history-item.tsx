import { useId, useState } from 'react';
import { getDesignVersion } from '../api/designs-api';
import { formatBytes } from '../app/format-bytes';
import type { PrintHistoryEntry } from '../api/print-history-api';
import { draftFromSaved } from '../designs/draft-from-saved';
import { saveDraft } from '../drafts/draft-store';
import { ShareLinksPanel } from '../print/share-links-panel';
import { SentFacts } from './sent-facts';

/** How each state of a print job reads in the history. */
const STATUS_WORDS: Record<PrintHistoryEntry['status'], string> = {
  waiting: 'Waiting to print',
  active: 'Printing now',
  done: 'Ready',
  failed: 'Failed',
  // The record outlived the queue's copy of the job without hearing how it ended: say so, do not guess.
  unknown: 'Not known: send it again if you need the PDF',
};

/**
 * One print job: what, who ("You" or "Another member"), when (UK time), how it ended, its PDF, its
 * share links, and "Print again", which opens the design as it was printed in the editor.
 */
export function PrintHistoryItem({ job, onOpenDraft }: { job: PrintHistoryEntry; onOpenDraft: (id: string) => void }) {
  const headingId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const title = job.title || 'Untitled leaflet';
  const printAgain = async () => {
    if (!job.design) return;
    setOpening(true);
    setProblem(null);
    try {
      const draft = draftFromSaved(await getDesignVersion(job.design.url));
      saveDraft(draft);
      onOpenDraft(draft.id);
    } catch {
      setProblem('That design could not be opened; try again.');
      setOpening(false);
    }
  };
  return (
    <li className="history-item">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="history-title">
          {title}
        </h2>
        <dl className="history-facts">
          <SentFacts sentByYou={job.sentByYou} sentAt={job.sentAt} />
          <div>
            <dt>Status</dt>
            <dd className={`history-status history-status-${job.status}`}>{STATUS_WORDS[job.status]}</dd>
          </div>
          <div>
            <dt>Pages</dt>
            <dd>{job.pages ?? '–'}</dd>
          </div>
          {job.bytes !== null ? (
            <div>
              <dt>PDF</dt>
              <dd>{formatBytes(job.bytes)}</dd>
            </div>
          ) : null}
        </dl>
        <div className="button-row">
          {job.downloadUrl ? (
            <a className="button button-primary" href={job.downloadUrl} download aria-label={`Download PDF of “${title}”`}>
              Download PDF
            </a>
          ) : null}
          {job.design ? (
            <button type="button" className="button-secondary" onClick={() => void printAgain()} disabled={opening} aria-label={`Print again: “${title}”`}>
              Print again
            </button>
          ) : null}
        </div>
        {!job.design ? (
          <p className="field-hint">
            {job.designDeleted
              ? 'Its saved design has been deleted, so it cannot be opened to print again.'
              : 'It was not sent from one of your organisation’s saved designs, so it cannot be opened here: save a design to keep it for printing again.'}
          </p>
        ) : null}
        {problem ? (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        ) : null}
        {job.status === 'done' ? <ShareLinksPanel jobId={job.id} title={title} /> : null}
      </article>
    </li>
  );
}
