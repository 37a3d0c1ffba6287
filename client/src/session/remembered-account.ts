import { ROLES, type Role } from '../../../common/accounts/roles';
import type { SessionAccount } from '../api/session-api';

/** localStorage key of the signed-in account, for opening the editor while the server cannot be reached. */
const KEY = 'rosette.account.v1';

/**
 * The account last signed in on this browser: the campaigner's own name and role, kept so the editor
 * opens from the service worker's copy while the server does not answer at all (in maintenance the
 * server still answers /api/session). Forgotten on sign-out, and whenever the server says nobody is
 * signed in. Never a secret: the session cookie stays the server's, and the CSRF token stays in memory.
 */
export function rememberAccount(account: SessionAccount): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(account));
  } catch {
    // Storage refused: the editor then needs the server to open, as before.
  }
}

export function forgetAccount(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}

export function recallAccount(): SessionAccount | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<SessionAccount> | null;
    if (!value || typeof value.id !== 'string' || typeof value.email !== 'string' || !(ROLES as readonly unknown[]).includes(value.role)) return null;
    return { id: value.id, email: value.email, role: value.role as Role, organisation: String(value.organisation ?? ''), organisationId: String(value.organisationId ?? ''), status: String(value.status ?? '') };
  } catch {
    return null;
  }
}
