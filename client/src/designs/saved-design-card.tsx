import { useId, useState, type FormEvent } from 'react';
import { formatUkDateTime } from '../admin/london-time';
import { ApiError } from '../api/api-error';
import { deleteDesign, duplicateDesign, renameDesign, type SavedDesignSummary } from '../api/designs-api';
import { memberLabel } from '../session/member-label';
import { useSession } from '../session/session-context';
import { publishHash } from '../app/use-hash-route';
import { SavedDesignThumbnail } from './saved-design-thumbnail';

type Mode = { mode: 'idle' } | { mode: 'renaming'; title: string } | { mode: 'confirming-delete' } | { mode: 'busy' };

/** What went wrong, as a sentence: the server's own words for a refused change ("title: must not be empty"). */
function sentence(err: unknown, fallback: string): string {
  if (!(err instanceof ApiError) || err.status === 0) return fallback;
  const field = err.fields[0];
  const text = field ? field.message : err.message;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * One of the organisation's saved designs: its front page, title, who made it ("You" or "Another
 * member"), when it was last changed (UK time), and open, rename, duplicate, delete (asked once more).
 * `onChanged` reloads the list after a change.
 */
export function SavedDesignCard({ design, onOpen, onChanged }: { design: SavedDesignSummary; onOpen: (id: string) => void; onChanged: () => void }) {
  const [mode, setMode] = useState<Mode>({ mode: 'idle' });
  // The organisation's agent (or an admin) publishes its designs as templates for the organisations below.
  const mayPublish = ['agent', 'admin'].includes(useSession().account.role);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();
  const inputId = useId();
  const title = design.title || 'Untitled leaflet';
  const act = async (action: () => Promise<unknown>, failed: string) => {
    setMode({ mode: 'busy' });
    setProblem(null);
    try {
      await action();
      setMode({ mode: 'idle' });
      onChanged();
    } catch (err) {
      setProblem(sentence(err, failed));
      setMode({ mode: 'idle' });
    }
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (mode.mode !== 'renaming') return;
    const next = mode.title;
    // The server says the same (400 naming the title); no need to ask it.
    if (next.trim() === '') {
      setProblem('A title must not be empty.');
      return;
    }
    setProblem(null);
    void (async () => {
      try {
        await renameDesign(design.id, next);
        setMode({ mode: 'idle' });
        onChanged();
      } catch (err) {
        setProblem(sentence(err, 'It could not be renamed; try again.'));
      }
    })();
  };
  return (
    <li className="design-card">
      <article aria-labelledby={headingId}>
        <SavedDesignThumbnail id={design.id} updatedAt={design.updatedAt} title={title} />
        <h3 id={headingId} className="design-title">
          {title}
        </h3>
        <p className="design-meta">
          By {memberLabel(design.createdByYou)} · last edited {formatUkDateTime(design.updatedAt)}
          <br />
          {design.format.size} {design.format.orientation}, {design.pages} {design.pages === 1 ? 'page' : 'pages'}
        </p>
        {design.template && design.template.currentVersion > design.template.version ? (
          <p className="notice notice-wait template-update">
            A newer version of the template it was made from is published (version {design.template.currentVersion}; this design is from version {design.template.version}). Start a new design from it in “Templates from your party” to use it.
          </p>
        ) : null}
        {mode.mode === 'renaming' ? (
          <form className="rename-form" onSubmit={rename}>
            <span className="field">
              <label htmlFor={inputId}>New title</label>
              <input id={inputId} value={mode.title} maxLength={120} onChange={(e) => (setMode({ mode: 'renaming', title: e.target.value }), setProblem(null))} aria-invalid={problem ? true : undefined} autoFocus />
            </span>
            <span className="button-row">
              <button type="submit" className="button-primary button">
                Save the new title
              </button>
              <button type="button" className="button-quiet" onClick={() => (setMode({ mode: 'idle' }), setProblem(null))}>
                Cancel
              </button>
            </span>
          </form>
        ) : mode.mode === 'confirming-delete' ? (
          <p className="draft-confirm">
            <button type="button" className="button-quiet button-danger" onClick={() => void act(() => deleteDesign(design.id), 'It could not be deleted; try again.')}>
              Yes, delete “{title}” for everyone
            </button>
            <button type="button" className="button-quiet" onClick={() => setMode({ mode: 'idle' })}>
              Keep it
            </button>
          </p>
        ) : (
          <div className="design-actions">
            <button type="button" className="button button-primary" onClick={() => onOpen(design.id)} aria-label={`Open “${title}”`} disabled={mode.mode === 'busy'}>
              Open
            </button>
            <a className="button-quiet" href={`#/variants/${design.id}`} aria-label={`Versions of “${title}”`}>
              Versions
            </a>
            {mayPublish ? (
              <a className="button-quiet" href={publishHash(design.id)} aria-label={`Publish as template: “${title}”`}>
                Publish as template
              </a>
            ) : null}
            <button type="button" className="button-quiet" onClick={() => setMode({ mode: 'renaming', title: design.title })} aria-label={`Rename “${title}”`} disabled={mode.mode === 'busy'}>
              Rename
            </button>
            <button type="button" className="button-quiet" onClick={() => void act(() => duplicateDesign(design.id), 'It could not be copied; try again.')} aria-label={`Duplicate “${title}”`} disabled={mode.mode === 'busy'}>
              Duplicate
            </button>
            <button type="button" className="button-quiet button-danger" onClick={() => setMode({ mode: 'confirming-delete' })} aria-label={`Delete “${title}”`} disabled={mode.mode === 'busy'}>
              Delete
            </button>
          </div>
        )}
        {problem ? (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        ) : null}
      </article>
    </li>
  );
}
