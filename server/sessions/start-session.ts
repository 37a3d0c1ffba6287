import type { Request, Response } from 'express';
import type { Account } from '../accounts/account';
import { accountResponse, type SessionResponse } from '../accounts/account-response';
import type { OrganisationStore } from '../accounts/organisation-store';
import type { SessionCookie } from './session-cookie';
import type { SessionStore } from './session-store';

/**
 * Signs a browser in: whatever session its cookie named is ended, and a new one with a new id and
 * CSRF token is made (so a session id planted before sign-in is worth nothing after it).
 */
export async function startSession(req: Request, res: Response, account: Account, deps: { sessions: SessionStore; cookie: SessionCookie; organisations: OrganisationStore }): Promise<SessionResponse> {
  const previous = deps.cookie.read(req);
  const old = previous ? await deps.sessions.find(previous) : null;
  if (old) await deps.sessions.destroy(old);
  const { session, cookieValue } = await deps.sessions.create(account.id);
  deps.cookie.set(res, cookieValue);
  const org = await deps.organisations.find(account.orgId);
  return { account: accountResponse(account, org?.name ?? ''), csrfToken: session.csrfToken };
}
