/** First wait after the service says "not now", milliseconds. */
export const RETRY_BASE_MS = 1000;
/** Longest wait between attempts, milliseconds. */
export const RETRY_CAP_MS = 60_000;

/**
 * How long to wait before attempt `attempt + 1`, in milliseconds: exponential backoff (1 s, 2 s, 4 s ...
 * up to a minute), never sooner than the server's Retry-After, plus up to 25% random jitter so that many
 * browsers turned away together do not all come back in the same second.
 * @param attempt Attempts that have failed so far, minus one (0 after the first failure).
 * @param retryAfterSeconds The server's Retry-After, if it sent one.
 * @param random A number in [0, 1); injectable for tests.
 */
export function retryDelayMs(attempt: number, retryAfterSeconds: number | null, random: number = Math.random()): number {
  const backoff = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(attempt, 16));
  const floor = Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
  return Math.round(floor * (1 + 0.25 * random));
}
