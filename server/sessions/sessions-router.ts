import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { type Router, type RequestHandler } from 'express';
import type { AccountServices } from '../accounts/account-services';
import { accountResponse, type SessionResponse } from '../accounts/account-response';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { authOf } from './request-auth';
import { currentAuth, signedIn } from './signed-in-guard';
import { signIn, signInSchema } from './sign-in';
import { startSession } from './start-session';

/** GET /api/session when nobody is signed in. */
interface SignedOutResponse {
  account: null;
  csrfToken: null;
}

/**
 * Sign in (POST), who am I (GET) and sign out (DELETE) at /api/session.
 * @param signInLimit The per-address limit on sign-in attempts.
 */
export function sessionsRouter(services: AccountServices, signInLimit: RequestHandler): Router {
  const router = caseSensitiveRouter();
  const member = signedIn(services);

  router.post('/api/session', signInLimit, async (req, res) => {
    const account = await signIn(parseWith(signInSchema, req.body), services);
    const body = await startSession(req, res, account, services);
    res.set('Cache-Control', 'no-store').json(body);
  });

  // Who am I: nobody is an answer, not an error (the page asks on every load).
  router.get('/api/session', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const auth = await currentAuth(req, services);
    if (!auth) {
      const body: SignedOutResponse = { account: null, csrfToken: null };
      res.json(body);
      return;
    }
    const org = await services.organisations.find(auth.account.orgId);
    const body: SessionResponse = { account: accountResponse(auth.account, org?.name ?? ''), csrfToken: auth.session.csrfToken };
    res.json(body);
  });

  router.delete('/api/session', member, csrfProtection, async (_req, res) => {
    await services.sessions.destroy(authOf(res).session);
    services.cookie.clear(res);
    res.status(204).end();
  });

  return router;
}
