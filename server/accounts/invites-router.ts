import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { type Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../common/accounts/password-length';
import { parseWith } from '../http/parse-with';
import { startSession } from '../sessions/start-session';
import { acceptInvite } from './accept-invite';
import type { AccountServices } from './account-services';

/** The body of POST /api/invites/accept. */
const acceptInviteSchema = z.object({
  token: z.string({ error: 'must be the token from the invite link' }).max(100, 'is not an invite token'),
  password: z.string({ error: 'must be the new password' }).max(MAX_PASSWORD_LENGTH + 1),
});

/**
 * Accepting an invite (or an access reset): set a password, and be signed in. The token travels in
 * the body, never in a URL, so it cannot end up in an access log.
 * @param inviteLimit The per-address limit on attempts.
 */
export function invitesRouter(services: AccountServices, inviteLimit: RequestHandler): Router {
  const router = caseSensitiveRouter();
  router.post('/api/invites/accept', inviteLimit, async (req, res) => {
    const account = await acceptInvite(parseWith(acceptInviteSchema, req.body), services);
    const body = await startSession(req, res, account, services);
    res.status(200).set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
