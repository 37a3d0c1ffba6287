/**
 * Whether an error means Redis cannot be reached right now (as opposed to a bug). The server's Redis
 * client has no offline queue and one retry, so these arrive within a second of Redis going away.
 */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'MaxRetriesPerRequestError') return true;
  return /Stream isn't writeable|Connection is closed|Command timed out|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|LOADING|Reached the max retries/i.test(err.message);
}
