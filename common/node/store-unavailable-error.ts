/**
 * The file store could not be read or written for a reason of its own (a full disk, a read-only mount,
 * object storage refusing or away): an infrastructure fault, not the design's. A print job that meets
 * it waits and tries again until the store is back, instead of spending its render attempts.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';

  /** @param code the system or service error code (ENOSPC, EROFS, SlowDown...), for logs and the console */
  constructor(
    readonly operation: 'read' | 'write' | 'stat',
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`the file store cannot ${operation === 'write' ? 'be written' : 'be read'} (${code})`, options);
  }

  /** Wraps a store call: any error it throws becomes a StoreUnavailableError naming its code. */
  static async guard<T>(operation: StoreUnavailableError['operation'], call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof StoreUnavailableError) throw err;
      throw new StoreUnavailableError(operation, errorCode(err), { cause: err });
    }
  }
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; name?: unknown };
    if (typeof e.code === 'string' && e.code) return e.code;
    if (typeof e.name === 'string' && e.name && e.name !== 'Error') return e.name;
  }
  return 'unknown';
}
