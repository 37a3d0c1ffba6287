/**
 * How many times longer than its nominal figure every safety net of the tests waits: the timeouts of
 * waitFor / waitForValue and the jest test timeouts (see `patient`). They are only there so a broken build
 * fails instead of hanging, and must hold on a machine at load 8 on 2 cores. `TEST_PATIENCE` overrides it.
 */
export const PATIENCE = patienceFrom(process.env.TEST_PATIENCE);

function patienceFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 4;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`TEST_PATIENCE must be a positive number, not ${JSON.stringify(value)}`);
  return n;
}

/** A safety-net timeout, milliseconds: `nominalMs` stretched by PATIENCE. Use for jest per-test timeouts. */
export function patient(nominalMs: number): number {
  return Math.round(nominalMs * PATIENCE);
}

/** How waitFor and waitForValue poll. */
export interface WaitOptions {
  /** Give up after this long, milliseconds, times PATIENCE. */
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
 * `detail`), after `timeoutMs` (times PATIENCE). The one polling loop of the tests: they wait on a state, never a fixed time.
 */
export async function waitForValue<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, options: WaitOptions = {}): Promise<T> {
  const { everyMs = 20, ignoreErrors = false, detail } = options;
  const timeoutMs = patient(options.timeoutMs ?? 5000);
  const started = Date.now();
  for (;;) {
    const value = ignoreErrors ? await Promise.resolve().then(probe).catch(() => null) : await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: still not so after ${timeoutMs} ms${detail ? `\n${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Polls `check` every `everyMs` until it returns true; throws with `what` after `timeoutMs` (times PATIENCE). Returns the milliseconds it took. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000, everyMs = 20): Promise<number> {
  const started = Date.now();
  await waitForValue(what, check, { timeoutMs, everyMs });
  return Date.now() - started;
}
