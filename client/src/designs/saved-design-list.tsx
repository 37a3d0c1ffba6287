import { useEffect, useState } from 'react';
import { getDesign, listDesigns, type SavedDesignSummary } from '../api/designs-api';
import { saveDraft } from '../drafts/draft-store';
import { draftFromSaved } from './draft-from-saved';
import { SavedDesignCard } from './saved-design-card';

/**
 * "My organisation's designs": the designs the organisation saved on the server, for any of its
 * campaigners to open on any device. Opening one makes a browser draft of it, which saves back to the
 * same design (a new version each time, the earlier ones kept).
 */
export function SavedDesignList({ onOpenDraft }: { onOpenDraft: (id: string) => void }) {
  const [designs, setDesigns] = useState<SavedDesignSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = () => {
    listDesigns().then(
      (list) => (setDesigns(list), setProblem(null)),
      () => setProblem('Your organisation’s designs could not be loaded.'),
    );
  };
  useEffect(reload, []);

  const open = async (id: string) => {
    try {
      const draft = draftFromSaved(await getDesign(id));
      saveDraft(draft);
      onOpenDraft(draft.id);
    } catch {
      setProblem('That design could not be opened; try again.');
    }
  };

  return (
    <section className="drafts saved-designs" aria-labelledby="saved-designs-heading">
      <h2 id="saved-designs-heading">My organisation’s designs</h2>
      <p className="field-hint">Saved on Rosette for everyone in your organisation, on any device. Each save keeps the earlier versions.</p>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      {designs === null && !problem ? <p role="status">Loading…</p> : null}
      {designs?.length === 0 ? <p className="field-hint">Nothing saved yet: use “Save to my designs” in the editor to keep a leaflet for your whole team.</p> : null}
      {designs && designs.length > 0 ? (
        <ul className="design-grid">
          {designs.map((d) => (
            <SavedDesignCard key={d.id} design={d} onOpen={(id) => void open(id)} onChanged={reload} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
