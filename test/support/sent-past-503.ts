import { waitForValue } from './wait-for';

/**
 * Sends a request again while it is answered 503, as the editor does after Retry-After, and answers the
 * first other answer. For a test whose first print job (or sign-off proof) is its server's first enqueue:
 * on a busy machine that can miss the producer's 1 s bound again and again (a clean clone beside
 * stress-ng got 503 for 20 s); nothing is accepted then, and the same job id makes a retry find a late
 * one. Gives up after 60 s (times PATIENCE), saying the last refusal.
 */
export function sentPast503<T extends { status: number }>(what: string, send: () => Promise<T>): Promise<T> {
  let refused = 'none';
  return waitForValue(
    `${what} answered other than 503`,
    async () => {
      const res = await send();
      if (res.status !== 503) return res;
      refused = 'body' in res ? JSON.stringify(res.body) : `${res.status}`;
      return null;
    },
    { timeoutMs: 60_000, everyMs: 250, detail: () => `the last 503: ${refused}` },
  );
}
