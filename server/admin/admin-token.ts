import crypto from 'node:crypto';
import type { Config } from '../../common/node/config';
import { secretProblem } from '../../common/node/secret-strength';

/** The admin API's credential: the token and the name the audit log gives whoever holds it. */
export interface AdminToken {
  token: string;
  label: string;
  /** True when no ADMIN_TOKEN was configured and this one was made at start (main.ts logs it). */
  generated: boolean;
}

/**
 * ADMIN_TOKEN, the read-only machine credential of GET /api/admin/status (admins sign in), or a
 * random one when unset (in production nobody learns it, so nothing can use it). A weak configured
 * token stops a production server: there is no default token, ever.
 */
export function adminTokenFrom(config: Pick<Config, 'NODE_ENV' | 'ADMIN_TOKEN' | 'ADMIN_TOKEN_LABEL'>): AdminToken {
  if (config.NODE_ENV === 'production' && config.ADMIN_TOKEN !== undefined) {
    const problem = secretProblem(config.ADMIN_TOKEN);
    if (problem) throw new Error(`ADMIN_TOKEN ${problem}: Rosette will not run in production without a strong one`);
  }
  if (config.ADMIN_TOKEN) return { token: config.ADMIN_TOKEN, label: config.ADMIN_TOKEN_LABEL, generated: false };
  return { token: crypto.randomBytes(32).toString('base64url'), label: config.ADMIN_TOKEN_LABEL, generated: true };
}

/**
 * Whether `presented` is the token, in time that does not depend on where they differ: both sides are
 * hashed first, so timingSafeEqual compares equal lengths and the token's length does not leak either.
 */
export function tokenMatches(presented: string, token: string): boolean {
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(a, b);
}
