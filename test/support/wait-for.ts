/** How waitFor and waitForValue poll. */
export interface WaitOptions {
  /** Give up after this long, milliseconds. */
  timeoutMs?: number;
  /** Pause between two probes, milliseconds. */
  everyMs?: number;
  /** Count a probe that throws as "not yet" (Redis restarting, a server not up) instead of failing at once. */
  ignoreErrors?: boolean;
  /** What else to say when giving up (the last answer seen, a process's log); read only then. */
  detail?: () => string;
}

/**
 * Polls `probe` until it returns a truthy value and returns that value; throws, naming `what` (and
 * `detail`), after `timeoutMs`. The one polling loop of the tests: they wait on a state, never a fixed time.
 */
export async function waitForValue<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, options: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 5000, everyMs = 20, ignoreErrors = false, detail } = options;
  const started = Date.now();
  for (;;) {
    const value = ignoreErrors ? await Promise.resolve().then(probe).catch(() => null) : await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: still not so after ${timeoutMs} ms${detail ? `\n${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Polls `check` every `everyMs` until it returns true; throws with `what` after `timeoutMs`. Returns the milliseconds it took. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000, everyMs = 20): Promise<number> {
  const started = Date.now();
  await waitForValue(what, check, { timeoutMs, everyMs });
  return Date.now() - started;
}
