import type { IncomingMessage } from 'node:http';
import type { AccountServices } from '../accounts/account-services';
import type { AdminSessionAuth } from '../admin/require-admin';
import { csrfProtection } from '../http/csrf';
import type { Principal } from '../overload/route-kind';
import { adminOnly } from './admin-guard';
import { authOf } from './request-auth';
import { signedIn } from './signed-in-guard';

/** How the admin API (server/admin/) recognises a signed-in admin: session, admin role, CSRF token; the audit names the account id. */
export function adminSessionAuth(services: AccountServices): AdminSessionAuth {
  return { guards: [signedIn(services), adminOnly, csrfProtection], who: (res) => `account:${authOf(res).account.id}` };
}

/**
 * Who a request is, for the overload gate's priorities, decided before Express and without Redis: a
 * session cookie whose signature is ours counts as signed in. A forged one cannot pass (it would need
 * SESSION_SECRET); one of an ended session still can, but only for priority, never for access.
 */
export function principalOf(services: Pick<AccountServices, 'cookie' | 'digester'>): (req: IncomingMessage) => Principal {
  return (req) => {
    const value = services.cookie.read(req);
    return value !== null && services.digester.unsign(value) !== null ? 'signedIn' : 'anonymous';
  };
}
