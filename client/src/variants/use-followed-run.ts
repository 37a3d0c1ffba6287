import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { getPrintRun, type PrintRunResponse } from '../api/print-runs-api';
import { waitReason, type WaitReason } from '../print/print-state';
import { retryDelayMs } from '../print/retry-delay';
import { wait } from '../print/wait';

/** How often a run in progress is read again, milliseconds. */
const POLL_MS = 1000;

/** Why the run's progress is not being read just now. */
export type RunTrouble =
  /** A read failed for a moment (503, 429, no network): the run goes on, and it is read again after a backoff. */
  | { kind: 'retrying'; message: string }
  /** The server refused the read for good (the run is gone, or the session ended): no more reads. */
  | { kind: 'stopped'; message: string };

/** What the screen says while it waits to read the run again, by the print panel's reasons (print-state.ts). */
const RETRYING: Record<WaitReason, string> = {
  unavailable: 'Rosette is not answering for a moment; the run goes on in the print queue. Checking again shortly.',
  busy: 'Rosette is busy; checking on the run again shortly.',
  offline: 'Rosette cannot be reached: check your internet connection. Checking again shortly.',
};

function troubleOf(error: ApiError): RunTrouble {
  if (!error.isTemporary) return { kind: 'stopped', message: `The run’s progress cannot be read: ${error.message}. Reload the page to try again.` };
  return { kind: 'retrying', message: RETRYING[waitReason(error)] };
}

/**
 * The run a screen shows, read again every second until it is done. A read that fails for a moment
 * does not stop the following (it once did, and the screen then said "Printing" for ever): the trouble
 * is shown, and the run is read again after an exponential backoff, never sooner than the server's
 * Retry-After. `setRun` takes a fresh answer from an action (start, retry); a run that is no longer
 * done (a retry) is followed again.
 */
export function useFollowedRun(): { run: PrintRunResponse | null; setRun: (run: PrintRunResponse) => void; trouble: RunTrouble | null } {
  const [run, setRun] = useState<PrintRunResponse | null>(null);
  const [trouble, setTrouble] = useState<RunTrouble | null>(null);
  const following = run !== null && run.status !== 'done' ? run.id : null;

  useEffect(() => {
    setTrouble(null);
    if (following === null) return;
    const ctrl = new AbortController();
    void (async () => {
      let delay = POLL_MS;
      for (let failures = 0; ; ) {
        await wait(delay, ctrl.signal);
        if (ctrl.signal.aborted) return;
        try {
          const next = await getPrintRun(following);
          if (ctrl.signal.aborted) return;
          failures = 0;
          delay = POLL_MS;
          setTrouble(null);
          setRun(next);
          if (next.status === 'done') return;
        } catch (err) {
          if (ctrl.signal.aborted) return;
          const error = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
          const next = troubleOf(error);
          setTrouble(next);
          if (next.kind === 'stopped') return;
          delay = retryDelayMs(failures++, error.retryAfterSeconds);
        }
      }
    })();
    return () => ctrl.abort();
  }, [following]);

  return { run, setRun, trouble };
}
