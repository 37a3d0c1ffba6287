/**
 * What a request is, told from its method and path alone (no Express), so the gate can decide before
 * any work is done. The path is stripped of trailing slashes first, because Express's routers ignore a
 * trailing slash: the gate must not see a different route than they do. It is lower-cased too, though
 * the routers match case-sensitively (app.ts): `/S/<token>` then gets the share kind and Express's 404,
 * rather than a kind no route of the app has.
 */
export type RouteKind = 'health' | 'admin' | 'signIn' | 'download' | 'share' | 'clientAsset' | 'printJobSubmit' | 'upload' | 'apiRead' | 'apiWrite' | 'page';

/** Who sent a request, as far as the gate can tell cheaply (from the session cookie's signature, no Redis). */
export type Principal = 'anonymous' | 'signedIn';

export function routeKindOf(method: string | undefined, url: string | undefined): RouteKind {
  const path = pathOf(url ?? '/');
  if (path === '/healthz' || path === '/readyz') return 'health';
  if (path.startsWith('/downloads/')) return 'download';
  // A volunteer's share page and its data (the PDF is a download, below).
  if (path.startsWith('/api/share/') || (path.startsWith('/s/') && !path.endsWith('/leaflet.pdf'))) return 'share';
  if (path.startsWith('/api/')) {
    if (path === '/api/admin' || path.startsWith('/api/admin/')) return 'admin';
    if (path === '/api/session') return 'signIn';
    const read = method === 'GET' || method === 'HEAD';
    if (read) return 'apiRead';
    if (path === '/api/print-jobs') return 'printJobSubmit';
    // A print run is print jobs too, one per variant (print-runs/run-admission.ts counts the rest).
    if (path.startsWith('/api/designs/') && path.endsWith('/runs') && path.split('/').length === 5) return 'printJobSubmit';
    if (path === '/api/assets') return 'upload';
    // Signed-in work: designs, sign-off, printers and print orders (an invoice upload included).
    return 'apiWrite';
  }
  if (path.startsWith('/s/') && path.endsWith('/leaflet.pdf')) return 'download';
  // The browser client's files (content-hashed, cached for a year): the share page needs them; and the
  // service worker and web app manifest, which must be reachable in maintenance so the installed editor
  // can still update itself and be installed (client/service-worker/).
  if (path.startsWith('/assets/') || path === '/favicon.svg' || path === '/sw.js' || path === '/manifest.webmanifest') return 'clientAsset';
  // The admin console's page (index.html at a path of its own): never shed, open in maintenance. Reads only.
  if ((method === 'GET' || method === 'HEAD') && (path === '/admin' || path.startsWith('/admin/'))) return 'admin';
  return 'page';
}

function pathOf(url: string): string {
  let path = url;
  if (path[0] !== '/') {
    // Absolute form (`GET http://host/path`), which Express also routes by its path.
    try {
      path = new URL(path).pathname;
    } catch {
      return '/';
    }
  }
  const q = path.indexOf('?');
  if (q !== -1) path = path.slice(0, q);
  path = path.toLowerCase();
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

/**
 * Kinds that keep working in maintenance: finished PDFs, volunteers' share pages (and the client files
 * they are drawn with), health checks, the admin console (and signing in to it).
 */
export const OPEN_IN_MAINTENANCE: Record<RouteKind, boolean> = {
  health: true,
  admin: true,
  signIn: true,
  download: true,
  share: true,
  clientAsset: true,
  printJobSubmit: false,
  upload: false,
  apiRead: false,
  apiWrite: false,
  page: false,
};

/**
 * Kinds that cost the event loop milliseconds each and are worked on a few at a time
 * (heavy-work-queue.ts, HEAVY_REQUESTS_AT_ONCE): a print job is parsed, checked and laid out on the
 * loop. An upload is not, as sharp decodes it on libuv's thread pool, and one slot would make uploads
 * wait on each other.
 */
export const HEAVY_WORK: Record<RouteKind, boolean> = {
  health: false,
  admin: false,
  signIn: false,
  download: false,
  share: false,
  clientAsset: false,
  printJobSubmit: true,
  upload: false,
  apiRead: false,
  apiWrite: false,
  page: false,
};

/**
 * Priority of a kind of request when requests in flight pile up: lower is turned away sooner. Cheap
 * anonymous reads (the home page, the template gallery) go first, print jobs late, downloads last of
 * the dynamic routes; health checks and the admin console never.
 */
const KIND_PRIORITY: Record<RouteKind, number> = {
  page: 0,
  apiRead: 0,
  apiWrite: 1,
  upload: 1,
  printJobSubmit: 2,
  clientAsset: 2,
  download: 3,
  share: 3,
  signIn: 3,
  health: 4,
  admin: 4,
};

/** Highest priority a request can have. */
export const TOP_PRIORITY = 4;

/** A request's priority: its kind's, one step up for a signed-in campaigner (the hook for accounts). */
export function priorityOf(kind: RouteKind, principal: Principal): number {
  const base = KIND_PRIORITY[kind];
  return principal === 'signedIn' && base < TOP_PRIORITY - 1 ? base + 1 : base;
}

/** Share of MAX_IN_FLIGHT that requests of each priority may fill (index = priority). */
export const IN_FLIGHT_SHARE: readonly number[] = [0.5, 0.7, 0.85, 1, Number.POSITIVE_INFINITY];
