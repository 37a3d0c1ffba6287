/** Name of the service worker's cache of per-account answers (photos); kept in step with client/service-worker/sw.js. */
export const ACCOUNT_CACHE = 'rosette-account-v1';

/**
 * Installs the service worker that keeps the editor's shell (client/service-worker/sw.js, built to /sw.js),
 * in a production build only (Vite's dev server serves no sw.js). A browser without service workers
 * (or a private window that refuses them) simply goes without.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  // After the page has loaded: its install fetches the rest of the shell, which must not compete with
  // the first page (the files the page already has come from the browser's HTTP cache).
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Deletes what the service worker keeps for the signed-in account: called on sign-out. */
export async function forgetAccountCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(ACCOUNT_CACHE).catch(() => false);
}
