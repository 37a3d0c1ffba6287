import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { saveDesign } from '../api/designs-api';
import type { Draft } from '../drafts/draft';
import type { DraftUpdater } from '../drafts/use-draft';
import '../session/session.css';

/** Saves the draft's design on the server, for the whole organisation (over the design it came from, if any). */
export function SaveDesignButton({ draft, update }: { draft: Draft; update: DraftUpdater }) {
  const [state, setState] = useState<{ phase: 'idle' | 'saving' | 'saved' } | { phase: 'failed'; message: string }>({ phase: 'idle' });
  const save = async () => {
    setState({ phase: 'saving' });
    try {
      const saved = await saveDesign(draft.design, draft.savedDesignId ?? null);
      update((d) => (d.savedDesignId === saved.id ? d : { ...d, savedDesignId: saved.id }));
      setState({ phase: 'saved' });
    } catch (err) {
      const message = err instanceof ApiError && err.status === 400 ? 'fix the problems shown first' : err instanceof ApiError ? err.message : 'the server could not be reached';
      setState({ phase: 'failed', message });
    }
  };
  return (
    <span className="save-design">
      <button type="button" className="button-quiet header-button" onClick={() => void save()} disabled={state.phase === 'saving'}>
        {draft.savedDesignId ? 'Save changes to my designs' : 'Save to my designs'}
      </button>
      <span role="status" className="save-state">
        {state.phase === 'saved' ? 'Saved for your organisation' : state.phase === 'failed' ? `Not saved: ${state.message}` : ''}
      </span>
    </span>
  );
}
