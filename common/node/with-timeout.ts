/**
 * Settles as `promise` does, or rejects with `message` once `ms` milliseconds have passed first. The
 * promise itself runs on (a timeout cannot cancel it); its timer is cleared when it settles.
 * @param ms how long to wait, milliseconds.
 * @param message the rejection's message; by default "timed out after <ms> ms".
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, message = `timed out after ${ms} ms`): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]);
}
