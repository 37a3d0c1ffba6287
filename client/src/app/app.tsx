import { useEffect, useRef } from 'react';
import { loadDraft } from '../drafts/draft-store';
import { Editor } from '../editor/editor';
import { Gallery } from '../gallery/gallery';
import { SkipLink } from './skip-link';
import { useHashRoute, type Route } from './use-hash-route';

/** The whole designer: the gallery, or the editor of one draft. */
export function App() {
  const [route, go] = useHashRoute();
  const screenKey = route.screen === 'editor' ? route.draftId : 'gallery';
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A new screen: start reading (and tabbing) from its top, as after a page load.
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [screenKey]);
  return (
    <>
      <SkipLink />
      <Screen route={route} go={go} />
    </>
  );
}

function Screen({ route, go }: { route: Route; go: (hash: string) => void }) {
  if (route.screen === 'editor') {
    const draft = loadDraft(route.draftId);
    if (!draft) return <MissingDraft />;
    return <Editor key={draft.id} initial={draft} />;
  }
  return <Gallery onOpenDraft={(id) => go(`#/draft/${id}`)} />;
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
