import type { DesignHistory } from './use-design-history';
import './history-buttons.css';

/** Undo and Redo in the editor's bar, with their keys; a status line tells screen readers what happened. */
export function HistoryButtons({ history }: { history: DesignHistory }) {
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  const mod = mac ? '⌘' : 'Ctrl+';
  return (
    <div className="history-buttons" role="group" aria-label="Undo and redo">
      <button type="button" className="button-secondary" id="undo" aria-disabled={!history.canUndo} aria-keyshortcuts="Control+Z Meta+Z" title={`Undo (${mod}Z)`} onClick={history.undo}>
        Undo
      </button>
      <button
        type="button"
        className="button-secondary"
        id="redo"
        aria-disabled={!history.canRedo}
        aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
        title={`Redo (${mac ? '⌘⇧Z' : 'Ctrl+Y'})`}
        onClick={history.redo}
      >
        Redo
      </button>
      <span className="visually-hidden" role="status">
        {history.announcement}
      </span>
    </div>
  );
}
