import { lazy, Suspense, useEffect, type ReactNode } from 'react';

/*
 * Each screen but sign-in is a chunk of its own, fetched when it is first shown: the sign-in page
 * carries React and the form only (issue 13: under 150 KB on the wire). The editor's chunk brings the
 * layout engine and the design schema; the admin's, the console and its charts.
 */
export const Gallery = lazy(() => import('../gallery/gallery').then((m) => ({ default: m.Gallery })));
export const EditorScreen = lazy(() => import('../editor/editor-screen').then((m) => ({ default: m.EditorScreen })));
export const ConsolePage = lazy(() => import('../admin/console-page').then((m) => ({ default: m.ConsolePage })));
export const AccountsPage = lazy(() => import('../admin/accounts-page').then((m) => ({ default: m.AccountsPage })));
export const SharePage = lazy(() => import('../share/share-page').then((m) => ({ default: m.SharePage })));
export const AcceptInvitePage = lazy(() => import('../invites/accept-invite-page').then((m) => ({ default: m.AcceptInvitePage })));

/** The id of the "Loading…" page shown while a screen's chunk arrives. */
const LOADING_ID = 'screen-loading';

/**
 * Moves focus to the page's `<main>` (what a new screen does, as after a page load). When that is still
 * the "Loading…" placeholder, focus moves again to the real screen's `<main>` once its chunk has arrived,
 * instead of falling back to the document when the placeholder goes.
 */
export function focusMain(): void {
  const main = document.getElementById('main');
  main?.focus({ preventScroll: true });
  focusWhenShown = main?.dataset.loading === 'true';
}

let focusWhenShown = false;

function FocusWhenShown() {
  useEffect(() => {
    if (!focusWhenShown) return;
    focusWhenShown = false;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, []);
  return null;
}

/** A lazy screen, with "Loading…" while its chunk is fetched; `screenKey` names the screen shown. */
export function ScreenLoading({ children, screenKey }: { children: ReactNode; screenKey?: string }) {
  return (
    <Suspense
      fallback={
        <main id="main" tabIndex={-1} className="auth-page" data-loading="true" aria-busy="true" key={LOADING_ID}>
          <p role="status">Loading…</p>
        </main>
      }
    >
      {children}
      <FocusWhenShown key={screenKey} />
    </Suspense>
  );
}
