import type { MaintenanceNotice } from '../api/api-error';
import { errorFromResponse } from '../api/error-from-response';

/** Whether Rosette's server takes work now, as the page last learnt it. */
export type ServiceStatus =
  | { state: 'open' }
  /** The server answers 503 for maintenance: the admin's message and expected return, when given. */
  | { state: 'maintenance'; notice: MaintenanceNotice }
  /** No answer at all: the server is stopped, or this device is offline. */
  | { state: 'unreachable' };

/** Time between checks while the server is closed, milliseconds. Each is answered by the gate from a prepared buffer. */
export const CHECK_WHILE_CLOSED_MS = 10_000;

const OPEN: ServiceStatus = { state: 'open' };
let status: ServiceStatus = OPEN;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

export function currentServiceStatus(): ServiceStatus {
  return status;
}

/** Called on every change of the status (React's useSyncExternalStore subscribes here). */
export function subscribeServiceStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: ServiceStatus): void {
  const same = next.state === status.state && (next.state !== 'maintenance' || (status.state === 'maintenance' && JSON.stringify(next.notice) === JSON.stringify(status.notice)));
  if (same) return;
  status = next;
  for (const listener of listeners) listener();
  if (next.state !== 'open') scheduleCheck();
}

/**
 * What another call learnt: a maintenance 503 or no answer closes the page's view of the service at once,
 * and checks begin until it is open again. Successes say nothing (sign-in stays open in maintenance).
 */
export function reportClosed(next: Exclude<ServiceStatus, { state: 'open' }>): void {
  set(next);
}

function scheduleCheck(): void {
  if (timer !== null) return;
  timer = setTimeout(() => {
    timer = null;
    void checkServiceStatus();
  }, CHECK_WHILE_CLOSED_MS);
}

/**
 * Asks GET /api/service-status (never kept by the service worker): 200 open, 503 maintenance with the
 * admin's notice, no answer unreachable. While closed, asks again every CHECK_WHILE_CLOSED_MS, and at
 * once when the browser says it is online again.
 */
export async function checkServiceStatus(): Promise<ServiceStatus> {
  try {
    const res = await fetch('/api/service-status', { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' } });
    // Read whole either way: an answer whose body is never read stays open in the browser.
    const text = await res.text();
    if (res.ok) set(OPEN);
    else {
      const error = errorFromResponse(res.status, text, res.headers.get('Retry-After'));
      if (error.maintenance) set({ state: 'maintenance', notice: error.maintenance });
      else if (res.status === 503 && error.code === 'queue_unavailable') set({ state: 'maintenance', notice: { message: null, expectedBackAt: null } });
      else set(OPEN); // busy or rate-limited: open, and the print panel says the rest
    }
  } catch {
    set({ state: 'unreachable' });
  }
  return status;
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => void checkServiceStatus());
}
