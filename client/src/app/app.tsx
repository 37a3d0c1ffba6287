import { useEffect, useMemo, useRef } from 'react';
import { SessionContext } from '../session/session-context';
import { useSessionLoader } from '../session/use-session-loader';
import { SignInPage } from '../sign-in/sign-in-page';
import { AcceptInvitePage, AccountsPage, BrandKitPage, ConsolePage, EditorScreen, focusMain, Gallery, ImprintPage, OrdersPage, OrganisationsPage, PrintersPage, PrintHistoryScreen, PublishScreen, ScreenLoading, SharePage, SignOffPage, SpendingPage, TemplatesDesk, VariantsScreen } from './lazy-screens';
import { SkipLink } from './skip-link';
import { MaintenanceBanner } from '../service-status/maintenance-banner';
import { useHashRoute, type Route } from './use-hash-route';

/** A volunteer's share page is a real path (`/s/<token>`), served by the server; everything else is one page with hash routes. */
const SHARE_PATH = /^\/s\/([A-Za-z0-9_-]{1,100})\/?$/;

/**
 * The admin pages are real paths too, under /admin, which the server keeps open in maintenance and
 * never sheds (the home page is shed): the console at /admin, the accounts page at /admin/accounts,
 * the organisation tree at /admin/organisations.
 */
export function adminScreenOf(pathname: string): 'console' | 'accounts' | 'organisations' | null {
  const path = pathname.toLowerCase().replace(/\/+$/, '');
  if (path === '/admin/accounts') return 'accounts';
  if (path === '/admin/organisations') return 'organisations';
  if (path === '/admin' || path.startsWith('/admin/')) return 'console';
  return null;
}

/** The whole client: a volunteer's share page, or (behind sign-in) the gallery, the editor, and the admin's console and accounts page. */
export function App() {
  const share = SHARE_PATH.exec(window.location.pathname);
  return (
    <>
      <SkipLink />
      {share ? (
        <ScreenLoading>
          <SharePage token={share[1]!} />
        </ScreenLoading>
      ) : (
        <SignedInApp />
      )}
    </>
  );
}

function SignedInApp() {
  const [route, go] = useHashRoute();
  const { status, signedIn, signOut } = useSessionLoader();
  const screenKey = route.screen === 'editor' ? route.draftId : route.screen === 'variants' || route.screen === 'publish' ? `${route.screen}/${route.designId}` : route.screen === 'brand-kit' ? `brand-kit/${route.orgId ?? ''}` : route.screen;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A new screen: start reading (and tabbing) from its top, as after a page load.
    window.scrollTo(0, 0);
    focusMain();
  }, [screenKey, status.state]);
  const session = useMemo(() => (status.state === 'signed-in' ? { account: status.account, signOut } : null), [status, signOut]);

  if (route.screen === 'invite') {
    return (
      <ScreenLoading>
        <AcceptInvitePage
          token={route.token}
          onSignedIn={(account) => {
            signedIn(account);
            go('#/');
          }}
        />
      </ScreenLoading>
    );
  }
  if (status.state === 'loading') {
    return (
      <main id="main" tabIndex={-1} className="auth-page">
        <p role="status">Loading…</p>
      </main>
    );
  }
  if (status.state === 'failed') {
    return (
      <main id="main" tabIndex={-1} className="auth-page">
        <p className="notice notice-error" role="alert">
          Rosette could not be reached ({status.message}). Check your connection and reload the page.
        </p>
      </main>
    );
  }
  if (!session)
    return (
      <>
        <MaintenanceBanner />
        <SignInPage onSignedIn={signedIn} />
      </>
    );
  return (
    <SessionContext.Provider value={session}>
      {/* The admin's console shows the mode itself; the banner is for the campaigner's screens. */}
      {adminScreenOf(window.location.pathname) ? null : <MaintenanceBanner />}
      <ScreenLoading screenKey={screenKey}>
        <Screen route={route} go={go} />
      </ScreenLoading>
    </SessionContext.Provider>
  );
}

function Screen({ route, go }: { route: Route; go: (hash: string) => void }) {
  const admin = adminScreenOf(window.location.pathname);
  if (admin === 'console') return <ConsolePage />;
  if (admin === 'organisations') return <OrganisationsPage />;
  if (admin === 'accounts' || route.screen === 'accounts') return <AccountsPage />;
  if (route.screen === 'editor') return <EditorScreen key={route.draftId} draftId={route.draftId} />;
  if (route.screen === 'imprint') return <ImprintPage />;
  if (route.screen === 'history') return <PrintHistoryScreen onOpenDraft={(id) => go(`#/draft/${id}`)} />;
  if (route.screen === 'sign-off') return <SignOffPage requestId={route.requestId} />;
  if (route.screen === 'variants') return <VariantsScreen key={route.designId} designId={route.designId} onOpenDraft={(id) => go(`#/draft/${id}`)} />;
  if (route.screen === 'orders') return <OrdersPage />;
  if (route.screen === 'printers') return <PrintersPage />;
  if (route.screen === 'spending') return <SpendingPage />;
  if (route.screen === 'brand-kit') return <BrandKitPage key={route.orgId ?? ''} orgId={route.orgId ?? undefined} />;
  if (route.screen === 'templates') return <TemplatesDesk />;
  if (route.screen === 'publish') return <PublishScreen key={route.designId} designId={route.designId} />;
  return <Gallery onOpenDraft={(id) => go(`#/draft/${id}`)} />;
}
