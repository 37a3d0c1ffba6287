import crypto from 'node:crypto';
import type { Config } from '../../common/node/config';
import { secretProblem } from '../../common/node/secret-strength';

/**
 * The server's secret key, from SESSION_SECRET. In production a missing or weak one stops the server
 * (there is no default secret). Elsewhere a random key is made when none is set: sessions then end
 * when the process restarts, which is fine on a laptop and in tests.
 */
export function serverSecretFrom(config: Pick<Config, 'NODE_ENV' | 'SESSION_SECRET'>): Buffer {
  if (config.NODE_ENV === 'production') {
    const problem = secretProblem(config.SESSION_SECRET);
    if (problem) throw new Error(`SESSION_SECRET ${problem}: Rosette will not run in production without a strong one`);
  }
  if (config.SESSION_SECRET) return Buffer.from(config.SESSION_SECRET, 'utf8');
  return crypto.randomBytes(32);
}
