import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { authOf } from '../sessions/request-auth';
import { AppError } from './app-error';

/** The request header that carries the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Synchronizer-token CSRF protection for requests that a session cookie authorises. Each session has
 * a random token (given to the page with the session); every state-changing request must send it back
 * in X-CSRF-Token. Another site can make the browser send the cookie, but cannot read the token, and
 * cannot set a custom header on a cross-site request without a CORS preflight Rosette never grants.
 * Goes behind the signedIn guard.
 */
export const csrfProtection: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const sent = req.get(CSRF_HEADER);
  const expected = Buffer.from(authOf(res).session.csrfToken, 'utf8');
  const given = Buffer.from(sent ?? '', 'utf8');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    throw new AppError(403, 'csrf_token_invalid', 'this request did not carry the page\'s security token; reload the page and try again');
  }
  next();
};
