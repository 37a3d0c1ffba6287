import { useEffect, useState } from 'react';
import { deleteDesign, getDesign, listDesigns, type SavedDesignSummary } from '../api/designs-api';
import type { Draft } from '../drafts/draft';
import { newDraftId, saveDraft } from '../drafts/draft-store';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * "My designs": the designs the organisation saved on the server, for any of its campaigners to open
 * on any device. Opening one makes a browser draft of it, which saves back to the same design.
 */
export function SavedDesignList({ onOpenDraft }: { onOpenDraft: (id: string) => void }) {
  const [designs, setDesigns] = useState<SavedDesignSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const reload = () => {
    listDesigns().then(setDesigns, () => setProblem('Your saved designs could not be loaded.'));
  };
  useEffect(reload, []);

  const open = async (id: string) => {
    try {
      const saved = await getDesign(id);
      const draft: Draft = { id: newDraftId(), templateId: '', design: saved.design, assets: {}, page: 0, pendingPrint: null, sentPrint: null, savedAt: Date.now(), savedDesignId: saved.id };
      saveDraft(draft);
      onOpenDraft(draft.id);
    } catch {
      setProblem('That design could not be opened; try again.');
    }
  };

  return (
    <section className="drafts" aria-labelledby="saved-designs-heading">
      <h2 id="saved-designs-heading">My organisation’s designs</h2>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      {designs === null && !problem ? <p role="status">Loading…</p> : null}
      {designs?.length === 0 ? <p className="field-hint">Nothing saved yet: use “Save to my designs” in the editor to keep a leaflet for your whole team.</p> : null}
      {designs && designs.length > 0 ? (
        <ul className="draft-list">
          {designs.map((d) => (
            <li key={d.id} className="draft-item">
              <button type="button" className="link-button draft-link" onClick={() => void open(d.id)}>
                {d.title || 'Untitled leaflet'}
              </button>
              <span className="draft-meta">
                {d.format.size} · saved {when.format(new Date(d.updatedAt))}
              </span>
              {confirming === d.id ? (
                <span className="draft-confirm">
                  <button type="button" className="button-quiet button-danger" onClick={() => void deleteDesign(d.id).then(() => (setConfirming(null), reload()), () => setProblem('It could not be deleted; try again.'))}>
                    Yes, delete “{d.title}” for everyone
                  </button>
                  <button type="button" className="button-quiet" onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </span>
              ) : (
                <button type="button" className="button-quiet" aria-label={`Delete saved design ${d.title || 'untitled leaflet'}`} onClick={() => setConfirming(d.id)}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
