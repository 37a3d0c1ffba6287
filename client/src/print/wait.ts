/**
 * Resolves after `ms` milliseconds, or at once when `wake` is called (a "Try now" button) or the signal
 * aborts (the component went away).
 */
export function wait(ms: number, signal: AbortSignal, wakeRef?: { current: (() => void) | null }): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      if (wakeRef) wakeRef.current = null;
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    if (wakeRef) wakeRef.current = done;
  });
}
