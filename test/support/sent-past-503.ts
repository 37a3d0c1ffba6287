import { waitForValue } from './wait-for';

/**
 * Sends a request again while it is answered 503, as the editor does after Retry-After, and answers the
 * first other answer. For a test whose first print job (or sign-off proof) is its server's first enqueue:
 * on a busy machine that can miss the producer's 1 s bound again and again (a clean clone beside
 * stress-ng got 503 for 20 s, and for over 100 s in a two-server test); nothing is accepted then, and the same job id makes a retry find a late
 * one. Gives up after 20 s (times PATIENCE: within a test's own timeout), saying the last refusal; when it
 * had to send again, says so in the suite's output.
 */
export async function sentPast503<T extends { status: number }>(what: string, send: () => Promise<T>): Promise<T> {
  let refused: string | null = null;
  let count = 0;
  const started = Date.now();
  const answer = await waitForValue(
    `${what} answered other than 503`,
    async () => {
      const res = await send();
      if (res.status !== 503) return res;
      count++;
      refused = 'body' in res ? JSON.stringify(res.body) : await (res as unknown as Response).clone().text().catch(() => '503');
      return null;
    },
    { timeoutMs: 20_000, everyMs: 250, detail: () => `${count} answers 503, the last: ${refused}` },
  );
  // Said in the suite's output: which 503 a busy machine gives, and for how long.
  if (count > 0) console.warn(`${what}: ${count} answers 503 over ${Date.now() - started} ms before ${answer.status}; the last: ${refused}`);
  return answer;
}
