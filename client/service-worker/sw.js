/* Rosette's service worker: makes the editor an app shell that opens and keeps editing while the
 * server is in maintenance (503) or cannot be reached. Hand-written and small on purpose: the build
 * (client/service-worker/service-worker-plugin.ts) puts the list of files to keep and a version in
 * front of this file and serves it at /sw.js, whose scope is the whole site.
 *
 * What it keeps, and where:
 * - `rosette-shell-<version>`: the page (index.html), the JS and CSS chunks, the fonts, the icon and
 *   the manifest of this build, fetched at install. Nothing in them is about anyone.
 * - `rosette-shared-v1`: the templates (GET /api/templates...), the same for everyone, kept from the
 *   last answer and used only when the server does not give one.
 * - `rosette-account-v1`: the preview's copies of photos (GET /api/assets/<id>/screen), which belong to
 *   an organisation: the page deletes this cache when the campaigner signs out.
 * Never kept: the session, designs, print jobs, share links, the admin's pages and API, anything not a
 * GET. Drafts are not here either: the page keeps them in localStorage (client/src/drafts/).
 */
/* global self, caches, fetch, Response, URL */
/* eslint-disable no-restricted-globals */

const VERSION = self.ROSETTE_SW_VERSION;
const SHELL_CACHE = 'rosette-shell-' + VERSION;
const SHARED_CACHE = 'rosette-shared-v1';
const ACCOUNT_CACHE = 'rosette-account-v1';
/** The page every hash route of the client is drawn in. */
const SHELL_PAGE = '/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await keepAll(cache, self.ROSETTE_PRECACHE);
      // The template list is best kept too, but a server in maintenance must not stop the install.
      try {
        const res = await fetch('/api/templates', { credentials: 'same-origin' });
        if (res.ok) await (await caches.open(SHARED_CACHE)).put('/api/templates', res);
      } catch {
        // Kept the first time the page loads it instead.
      }
      // Chunks of the build a page has open stay in the old cache until activate; the page offers a
      // reload if it then asks for one that is gone (client/src/app/lazy-screens.tsx).
      await self.skipWaiting();
    })(),
  );
});

/** Files fetched at once while installing: about what a browser opens to one host, not the whole shell in one burst. */
const INSTALL_FETCHES_AT_ONCE = 6;
/** Tries of one file before the install gives up (a browser installs again at the next visit). */
const INSTALL_TRIES = 5;
/** Longest wait before trying a file again, milliseconds (a busy server's Retry-After may ask for longer). */
const INSTALL_RETRY_CAP_MS = 5000;

/**
 * Keeps every file of the shell, a few at a time; a file the server sheds (503, 429: it is busy) is asked
 * again after its Retry-After, so an install during a rush completes instead of failing on one answer.
 * Any other failure fails the install, as cache.addAll would.
 */
async function keepAll(cache, paths) {
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) await cache.put(path, await fetchShellFile(path));
  };
  await Promise.all(Array.from({ length: INSTALL_FETCHES_AT_ONCE }, worker));
}

async function fetchShellFile(path) {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(path, { credentials: 'same-origin', cache: 'no-cache' });
    if (res.ok) return res;
    if ((res.status !== 503 && res.status !== 429) || attempt >= INSTALL_TRIES) throw new Error(`could not keep ${path}: ${res.status}`);
    const asked = Number(res.headers.get('Retry-After')) * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.min(INSTALL_RETRY_CAP_MS, Number.isFinite(asked) && asked > 0 ? asked : 250 * attempt)));
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith('rosette-shell-') && n !== SHELL_CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (request.mode === 'navigate') {
    if (path === '/' || path === '/index.html') event.respondWith(page(request));
    return; // the admin console, share pages and the rest: the network as it is
  }
  if (path.startsWith('/assets/') || path === '/favicon.svg' || path === '/manifest.webmanifest') {
    event.respondWith(cacheFirst(request, SHELL_CACHE));
    return;
  }
  if (path === '/api/templates' || path.startsWith('/api/templates/')) {
    event.respondWith(networkFirst(request, SHARED_CACHE));
    return;
  }
  if (/^\/api\/assets\/[^/]+\/screen$/.test(path)) {
    event.respondWith(cacheFirst(request, ACCOUNT_CACHE, true));
  }
  // Everything else (the session, designs, print jobs, /api/service-status ...) is never touched.
});

/** The page: the server's when it gives one, the kept shell when it is in maintenance or unreachable. */
async function page(request) {
  try {
    const res = await fetch(request);
    if (res.status !== 503 && res.status !== 502 && res.status !== 504) return res;
    return (await caches.match(SHELL_PAGE, { cacheName: SHELL_CACHE })) || res;
  } catch (err) {
    const kept = await caches.match(SHELL_PAGE, { cacheName: SHELL_CACHE });
    if (kept) return kept;
    throw err;
  }
}

/** Files that never change under their name: the kept copy, else the network (kept if `keep`). */
async function cacheFirst(request, cacheName, keep) {
  const kept = await caches.match(request, { cacheName });
  if (kept) return kept;
  const res = await fetch(request);
  if (keep && res.ok) await (await caches.open(cacheName)).put(request, res.clone());
  return res;
}

/** The server's answer when it gives a good one (kept), else the last good one kept. */
async function networkFirst(request, cacheName) {
  try {
    const res = await fetch(request);
    if (res.ok) {
      await (await caches.open(cacheName)).put(request, res.clone());
      return res;
    }
    return (await caches.match(request, { cacheName })) || res;
  } catch (err) {
    const kept = await caches.match(request, { cacheName });
    if (kept) return kept;
    throw err;
  }
}
