import { fetchJson } from './fetch-json';
import type { SessionAccount } from './session-api';

/** An account as the admin's accounts page lists it. */
export interface AdminAccount extends SessionAccount {
  createdAt: string;
}

/** An invite link, shown once: the admin passes it on (email, message). */
export interface Invite {
  /** Path of the set-password page; the token is in the fragment. */
  path: string;
  expiresAt: string;
}

export async function listAccounts(): Promise<AdminAccount[]> {
  return (await fetchJson<{ accounts: AdminAccount[] }>('/api/admin/accounts', { cache: 'no-store' })).accounts;
}

export function inviteAccount(email: string, organisation: string, role: 'campaigner' | 'admin'): Promise<{ account: AdminAccount; invite: Invite }> {
  return fetchJson('/api/admin/accounts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, organisation, role }) });
}

export function disableAccount(id: string): Promise<{ account: AdminAccount }> {
  return fetchJson(`/api/admin/accounts/${encodeURIComponent(id)}/disable`, { method: 'POST' });
}

export function resetAccess(id: string): Promise<{ account: AdminAccount; invite: Invite }> {
  return fetchJson(`/api/admin/accounts/${encodeURIComponent(id)}/reset-access`, { method: 'POST' });
}
