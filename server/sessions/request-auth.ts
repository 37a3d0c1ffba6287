import type { Response } from 'express';
import type { Account } from '../accounts/account';
import type { Session } from './session-store';

/** Who is making a request: the signed-in account and its session. */
export interface Auth {
  account: Account;
  session: Session;
}

/** Stores who is signing this request (set by the signedIn guard). */
export function setAuth(res: Response, auth: Auth): void {
  res.locals.auth = auth;
}

/** Who is signing this request; only call it behind the signedIn guard, which guarantees there is someone. */
export function authOf(res: Response): Auth {
  const auth = res.locals.auth as Auth | undefined;
  if (!auth) throw new Error('authOf called on a route without the signedIn guard');
  return auth;
}
