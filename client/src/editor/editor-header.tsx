import { useEffect, type ReactNode } from 'react';
import type { SaveState } from '../drafts/use-draft';

/** The editor's top bar: the way back to the gallery, the leaflet's name, and whether the draft is saved. */
/** @param actions More controls for the bar (Save to my designs). */
export function EditorHeader({ title, saveState, actions }: { title: string; saveState: SaveState; actions?: ReactNode }) {
  useEffect(() => {
    // The tab and the history name the leaflet being edited.
    const previous = document.title;
    document.title = `${title || 'Untitled leaflet'}: Rosette`;
    return () => {
      document.title = previous;
    };
  }, [title]);
  return (
    <header className="site-header">
      <a className="brand" href="#/">
        Rosette
      </a>
      <p className="header-title">{title || 'Untitled leaflet'}</p>
      <p className={`save-state save-${saveState}`} role="status">
        {saveState === 'saved' ? 'Saved in this browser' : 'Not saved: this browser refused to store the draft (storage full or turned off)'}
      </p>
      {actions}
      <a className="header-link" href="#/">
        All leaflets
      </a>
    </header>
  );
}
