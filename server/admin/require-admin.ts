import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../http/app-error';
import { tokenMatches, type AdminToken } from './admin-token';

/**
 * Another way to recognise an admin than the token: a signed-in admin account. The accounts work
 * wires it (guards: signed in, admin role, CSRF token); until then only the token opens the admin API.
 */
export interface AdminSessionAuth {
  /** Run in order when a request sends no bearer token; each calls next() or fails with 401/403. */
  guards: RequestHandler[];
  /** Who the audit log names for a request the guards let through (an account id, never an email). */
  who: (res: Response) => string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const CHALLENGE = 'Bearer realm="rosette-admin"';

/**
 * Lets a request through as a signed-in admin when `session` is given, or with
 * `Authorization: Bearer <ADMIN_TOKEN>` when `admin` is given (the read-only machine credential);
 * 401 otherwise. Records who in `res.locals.adminWho`.
 */
export function requireAdmin(admin: AdminToken | null, session?: AdminSessionAuth): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    // Every 401 says how to authenticate; an answer that lets the request through drops it again.
    res.set('WWW-Authenticate', CHALLENGE);
    if (header === undefined && session) {
      for (const guard of session.guards) await run(guard, req, res);
      res.locals.adminWho = session.who(res);
      res.removeHeader('WWW-Authenticate');
      return next();
    }
    const match = BEARER.exec(header ?? '');
    if (!admin) throw new AppError(401, 'unauthorized', 'sign in with an admin account to do this (the admin token only reads the status)');
    if (!match || !tokenMatches(match[1]!, admin.token)) throw new AppError(401, 'unauthorized', 'send the admin token as "Authorization: Bearer <token>"');
    res.locals.adminWho = admin.label;
    res.removeHeader('WWW-Authenticate');
    next();
  };
}

/** Who `requireAdmin` let through. */
export function adminWho(res: Response): string {
  return String(res.locals.adminWho ?? 'admin');
}

function run(guard: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    const result: unknown = guard(req, res, (err?: unknown) => (err ? reject(err) : resolve()));
    if (result instanceof Promise) result.catch(reject);
  });
}
