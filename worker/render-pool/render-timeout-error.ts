/**
 * A render ran past WORKER_RENDER_TIMEOUT_MS and its thread was killed. The message starts with
 * RENDER_TIMEOUT_REASON, which BullMQ keeps as the job's failedReason, so the next attempt can tell
 * that the previous one timed out too.
 */
export class RenderTimeoutError extends Error {
  override readonly name = 'RenderTimeoutError';

  /** @param timeoutMs the limit that was exceeded, milliseconds. */
  constructor(readonly timeoutMs: number) {
    super(`${RENDER_TIMEOUT_REASON} (over ${timeoutMs} ms)`);
  }
}

/** Start of the failure reason of an attempt whose render timed out. */
export const RENDER_TIMEOUT_REASON = 'render timed out';
