import { Component, lazy, Suspense, useEffect, type ReactNode } from 'react';

/*
 * Each screen but sign-in is a chunk of its own, fetched when it is first shown: the sign-in page
 * carries React and the form only (issue 13: under 150 KB on the wire). The editor's chunk brings the
 * layout engine and the design schema; the admin's, the console and its charts.
 */
export const Gallery = lazy(() => import('../gallery/gallery').then((m) => ({ default: m.Gallery })));
export const EditorScreen = lazy(() => import('../editor/editor-screen').then((m) => ({ default: m.EditorScreen })));
export const PrintHistoryScreen = lazy(() => import('../history/print-history-screen').then((m) => ({ default: m.PrintHistoryScreen })));
export const ConsolePage = lazy(() => import('../admin/console-page').then((m) => ({ default: m.ConsolePage })));
export const AccountsPage = lazy(() => import('../admin/accounts-page').then((m) => ({ default: m.AccountsPage })));
export const ImprintPage = lazy(() => import('../organisation/imprint-page').then((m) => ({ default: m.ImprintPage })));
export const SignOffPage = lazy(() => import('../sign-off/sign-off-page').then((m) => ({ default: m.SignOffPage })));
export const VariantsScreen = lazy(() => import('../variants/variants-screen').then((m) => ({ default: m.VariantsScreen })));
export const OrdersPage = lazy(() => import('../orders/orders-page').then((m) => ({ default: m.OrdersPage })));
export const PrintersPage = lazy(() => import('../orders/printers-page').then((m) => ({ default: m.PrintersPage })));
export const SpendingPage = lazy(() => import('../spending/spending-page').then((m) => ({ default: m.SpendingPage })));
export const BrandKitPage = lazy(() => import('../brand-kit/brand-kit-page').then((m) => ({ default: m.BrandKitPage })));
export const OrganisationsPage = lazy(() => import('../admin/organisations-page').then((m) => ({ default: m.OrganisationsPage })));
export const TemplatesDesk = lazy(() => import('../publishing/templates-desk').then((m) => ({ default: m.TemplatesDesk })));
export const PublishScreen = lazy(() => import('../publishing/publish-screen').then((m) => ({ default: m.PublishScreen })));
export const SharePage = lazy(() => import('../share/share-page').then((m) => ({ default: m.SharePage })));
export const AcceptInvitePage = lazy(() => import('../invites/accept-invite-page').then((m) => ({ default: m.AcceptInvitePage })));

/**
 * Moves focus to the page's `<main>` (what a new screen does, as after a page load). While the screen's
 * chunk is still on its way there is no `<main>` to take it (or only the previous screen's, hidden by
 * React): focus moves once the screen is shown instead.
 */
export function focusMain(): void {
  const main = document.getElementById('main');
  main?.focus({ preventScroll: true });
  focusWhenShown = !main || document.activeElement !== main;
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

/**
 * What shows when a screen's chunk cannot be fetched: the connection dropped, or Rosette was updated
 * since this page was loaded and the old chunk's name (a content hash) is gone. A reload fetches the
 * current page and chunks; the drafts are in this browser and survive it.
 */
class ChunkFailed extends Component<{ children: ReactNode; screenKey?: string }, { failed: boolean; key?: string }> {
  override state: { failed: boolean; key?: string } = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { screenKey?: string }, state: { failed: boolean; key?: string }) {
    // Another screen: try again.
    return props.screenKey === state.key ? null : { failed: false, key: props.screenKey };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main id="main" tabIndex={-1} className="auth-page">
        <div className="notice notice-error" role="alert">
          <p>This part of Rosette could not be loaded or shown: the connection may have dropped, or Rosette has been updated since you opened it.</p>
          <p>
            <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
              Reload the page
            </button>{' '}
            Your leaflets are kept in this browser.
          </p>
        </div>
      </main>
    );
  }
}

/** A lazy screen, with "Loading…" while its chunk is fetched; `screenKey` names the screen shown. */
export function ScreenLoading({ children, screenKey }: { children: ReactNode; screenKey?: string }) {
  return (
    <ChunkFailed screenKey={screenKey}>
      <Suspense
        fallback={
          // Not a <main id="main">: React keeps the previous screen's in the page, hidden, while this shows.
          <div className="auth-page" aria-busy="true">
            <p role="status">Loading…</p>
          </div>
        }
      >
        {children}
        <FocusWhenShown key={screenKey} />
      </Suspense>
    </ChunkFailed>
  );
}
