import type { Role } from '../../../common/accounts/roles';
import { setCsrfToken } from './csrf-token';
import { fetchJson } from './fetch-json';

/** The signed-in account, as GET /api/session describes it. */
export interface SessionAccount {
  id: string;
  email: string;
  role: Role;
  organisation: string;
  /** The organisation's id: where its imprint is (/api/organisations/:id/imprint). */
  organisationId: string;
  status: string;
}

interface SessionBody {
  account: SessionAccount;
  csrfToken: string;
}

function adopt(body: SessionBody): SessionAccount {
  setCsrfToken(body.csrfToken);
  return body.account;
}

/** Who is signed in, or null when nobody is. */
export async function getSession(): Promise<SessionAccount | null> {
  const body = await fetchJson<SessionBody | { account: null; csrfToken: null }>('/api/session', { cache: 'no-store' });
  if (body.account === null) {
    setCsrfToken(null);
    return null;
  }
  return adopt(body as SessionBody);
}

export async function signIn(email: string, password: string): Promise<SessionAccount> {
  return adopt(await fetchJson<SessionBody>('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) }));
}

export async function signOut(): Promise<void> {
  await fetchJson<void>('/api/session', { method: 'DELETE' });
  setCsrfToken(null);
}

/** Sets the password of an invited account and signs in. */
export async function acceptInvite(token: string, password: string): Promise<SessionAccount> {
  return adopt(await fetchJson<SessionBody>('/api/invites/accept', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token, password }) }));
}
