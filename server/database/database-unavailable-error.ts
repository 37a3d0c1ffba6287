/**
 * PostgreSQL cannot be reached or did not answer in time (as opposed to a bug, or a rule it refused):
 * the request that meets it gets 503 with Retry-After, and nothing is changed.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';

  /** @param code the driver's or server's error code (ECONNREFUSED, 57014 ...), for logs */
  constructor(
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`the database is unavailable (${code})`, options);
  }
}

/**
 * SQLSTATE classes and codes that mean "the database, not the query": connection exceptions (08),
 * too many connections (53300), operator intervention such as a shutdown (57P0x), and a statement
 * cancelled by statement_timeout (57014).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|53300|57P0[1-4]|57014)$/;
/** What the driver says when it has no connection to give: the pool's wait timed out, or the socket went. */
const UNAVAILABLE_MESSAGE = /timeout exceeded when trying to connect|Connection terminated|connection timeout|Query read timeout|Client has encountered a connection error|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|the database system is (starting up|shutting down)/i;

/** Whether an error from the driver means PostgreSQL is away or too slow right now. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  // Not `instanceof Error`: errors of Node's own sockets may come from another realm (a test runner's).
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || /^E[A-Z]+$/.test(code))) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
}

/** The error as a DatabaseUnavailableError when it is one, unchanged otherwise. */
export function asDatabaseError(err: unknown): unknown {
  if (err instanceof DatabaseUnavailableError || !isDatabaseUnavailable(err)) return err;
  const code = (err as { code?: unknown }).code;
  return new DatabaseUnavailableError(typeof code === 'string' && code ? code : 'connection', { cause: err });
}
