/**
 * The session's CSRF token, kept in memory only (never in storage a script from elsewhere could read).
 * The server gives it with the session; every request that changes something sends it back.
 */
let current: string | null = null;

export function setCsrfToken(token: string | null): void {
  current = token;
}

/** The header to add to a state-changing request (none while signed out). */
export function csrfHeaders(): Record<string, string> {
  return current ? { 'X-CSRF-Token': current } : {};
}

/** Whether the page holds a token (not after a start while the server could not be reached). */
export function hasCsrfToken(): boolean {
  return current !== null;
}
