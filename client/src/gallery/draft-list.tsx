import { useState } from 'react';
import type { Draft } from '../drafts/draft';
import { deleteDraft } from '../drafts/draft-store';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Leaflets saved in this browser, to continue or delete (deleting asks once more). */
export function DraftList({ drafts, onChange }: { drafts: Draft[]; onChange: () => void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (drafts.length === 0) return null;
  return (
    <section className="drafts" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">Continue a leaflet</h2>
      <ul className="draft-list">
        {drafts.map((d) => (
          <li key={d.id} className="draft-item">
            <a className="draft-link" href={`#/draft/${d.id}`}>
              {d.design.title || 'Untitled leaflet'}
            </a>
            <span className="draft-meta">
              saved {when.format(d.savedAt)}
              {d.pendingPrint ? ' · waiting to be sent to print' : ''}
              {d.refusedPrint ? ' · not printed: Rosette refused the print you queued, open it to see why' : ''}
            </span>
            {confirming === d.id ? (
              <span className="draft-confirm">
                <button
                  type="button"
                  className="button-quiet button-danger"
                  onClick={() => {
                    deleteDraft(d.id);
                    setConfirming(null);
                    onChange();
                  }}
                >
                  Yes, delete “{d.design.title}”
                </button>
                <button type="button" className="button-quiet" onClick={() => setConfirming(null)}>
                  Keep it
                </button>
              </span>
            ) : (
              <button type="button" className="button-quiet" aria-label={`Delete ${d.design.title || 'untitled leaflet'}`} onClick={() => setConfirming(d.id)}>
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
