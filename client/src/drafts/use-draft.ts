import { useCallback, useEffect, useState } from 'react';
import type { Draft } from './draft';
import { saveDraft } from './draft-store';

/** Changes a draft: a function from the draft as it is now to the next one. */
export type DraftUpdater = (change: (draft: Draft) => Draft) => void;

/** What the page says about saving. */
export type SaveState = 'saved' | 'failed';

/** A draft held in React state and saved to the browser's storage after every change. */
export function useDraft(initial: Draft): { draft: Draft; update: DraftUpdater; saveState: SaveState } {
  const [draft, setDraft] = useState(initial);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  useEffect(() => {
    try {
      saveDraft(draft);
      setSaveState('saved');
    } catch {
      setSaveState('failed');
    }
  }, [draft]);
  const update = useCallback<DraftUpdater>(
    (change) =>
      setDraft((d) => {
        const next = change(d);
        return next === d ? d : { ...next, savedAt: Date.now() };
      }),
    [],
  );
  return { draft, update, saveState };
}
