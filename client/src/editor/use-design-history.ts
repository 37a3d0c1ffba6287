import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { DesignInput } from '../../../common/design/design-schema';
import type { DraftUpdater } from '../drafts/use-draft';

/** Most steps kept to undo; older ones are forgotten. */
const MAX_STEPS = 100;

/** Undo and redo over the design, with what the buttons need to know. */
export interface DesignHistory {
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
  /** What the last undo or redo did, for a screen reader ("Undone", "Redone"); empty before any. */
  announcement: string;
}

/**
 * Undo and redo over the design as the campaigner changes it (not the page shown, uploads or printing).
 * Changes made one after another in the same control (typing a headline letter by letter) are one step,
 * so Undo takes back the whole edit of a field rather than one letter. The history lives as long as the
 * editor is open.
 */
export function useDesignHistory(design: DesignInput, update: DraftUpdater): DesignHistory {
  const past = useRef<DesignInput[]>([]);
  const future = useRef<DesignInput[]>([]);
  const shown = useRef(design);
  /** The id of the control the last recorded change came from; another change from it joins that step. */
  const lastControl = useRef<string | null>(null);
  const announcement = useRef('');
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    if (design === shown.current) return;
    const control = document.activeElement?.id || null;
    if (control === null || control !== lastControl.current || past.current.length === 0) {
      past.current.push(shown.current);
      if (past.current.length > MAX_STEPS) past.current.shift();
    }
    lastControl.current = control;
    future.current = [];
    shown.current = design;
    rerender();
  }, [design]);

  const move = useCallback(
    (from: React.MutableRefObject<DesignInput[]>, to: React.MutableRefObject<DesignInput[]>, words: string) => {
      const target = from.current.pop();
      if (target === undefined) return;
      to.current.push(shown.current);
      shown.current = target;
      lastControl.current = null;
      announcement.current = words;
      update((d) => ({ ...d, design: target }));
      rerender();
    },
    [update],
  );
  const undo = useCallback(() => move(past, future, 'Undone'), [move]);
  const redo = useCallback(() => move(future, past, 'Redone'), [move]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      // Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo (Cmd on a Mac). The browser's own undo of a text
      // field would fight the design's history, so these always go to the design.
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  return { canUndo: past.current.length > 0, canRedo: future.current.length > 0, undo, redo, announcement: announcement.current };
}
