import { ApiError } from './api-error';
import { retryDelayMs } from '../print/retry-delay';

/** Tries a read gets unless told: the first, and three more after 1 s, 2 s and 4 s (or the server's Retry-After). */
export const READ_ATTEMPTS = 4;

/**
 * Reads with `read`, and reads again after a failure that is only for a moment (503, 429, no network),
 * waiting as retryDelayMs says (exponential, never sooner than the server's Retry-After), at most
 * `attempts` tries in all. A refusal (4xx other than 429) and the last failure are thrown as they are.
 * For a screen's one-off reads (a list of printers, share links), which a busy moment would otherwise
 * leave empty until the page is reloaded.
 * @param sleep Waits so many milliseconds; injectable for tests.
 */
export async function patientRead<T>(read: () => Promise<T>, attempts = READ_ATTEMPTS, sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (err) {
      if (!(err instanceof ApiError) || !err.isTemporary || attempt + 1 >= attempts) throw err;
      await sleep(retryDelayMs(attempt, err.retryAfterSeconds));
    }
  }
}
