import { loadDraft } from '../drafts/draft-store';
import { Editor } from './editor';

/** The editor route (#/draft/<id>): the draft from this browser, or a page saying it is not here. Its own chunk (app/lazy-screens.tsx). */
export function EditorScreen({ draftId }: { draftId: string }) {
  const draft = loadDraft(draftId);
  if (!draft) return <MissingDraft />;
  return <Editor key={draft.id} initial={draft} />;
}

function MissingDraft() {
  return (
    <main id="main" tabIndex={-1} className="gallery">
      <h1>This leaflet is not in this browser</h1>
      <p>Drafts are kept in the browser they were made in. It may have been deleted, or made on another device.</p>
      <p>
        <a href="#/">See your leaflets and the templates</a>
      </p>
    </main>
  );
}
