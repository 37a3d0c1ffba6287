import type { RequestHandler } from 'express';
import type { AccountStore } from '../accounts/account-store';
import { AppError } from '../http/app-error';
import { setAuth, type Auth } from './request-auth';
import type { SessionCookie } from './session-cookie';
import type { SessionStore } from './session-store';

export interface SessionDeps {
  sessions: SessionStore;
  accounts: AccountStore;
  cookie: SessionCookie;
}

/** The 401 of every route that needs an account: the same for no cookie, an ended session and a disabled account. */
export function signInRequired(): AppError {
  return new AppError(401, 'sign_in_required', 'sign in to do this');
}

/**
 * Who a request's session cookie signs in, or null. A session whose account is no longer active (it
 * was disabled, or its access reset) is ended on the spot.
 */
export async function currentAuth(req: Parameters<RequestHandler>[0], deps: SessionDeps): Promise<Auth | null> {
  const value = deps.cookie.read(req);
  const session = value ? await deps.sessions.find(value) : null;
  if (!session) return null;
  const account = await deps.accounts.findById(session.accountId);
  if (!account || account.status !== 'active') {
    await deps.sessions.destroy(session);
    return null;
  }
  return { account, session };
}

/** Lets a request through only with a live session of an active account (401 otherwise). */
export function signedIn(deps: SessionDeps): RequestHandler {
  return async (req, res, next) => {
    const auth = await currentAuth(req, deps);
    if (!auth) throw signInRequired();
    setAuth(res, auth);
    res.set('Cache-Control', 'no-store');
    next();
  };
}
