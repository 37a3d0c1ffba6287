import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { hasCsrfToken } from '../api/csrf-token';
import { getPrintJob, submitPrintJob, type PrintConfirmation } from '../api/print-jobs-api';
import { getSession } from '../api/session-api';
import type { Draft, PendingPrint, RefusedPrint } from '../drafts/draft';
import { designKey } from '../drafts/design-key';
import type { DraftUpdater } from '../drafts/use-draft';
import type { Problem } from '../editor/problem';
import { IMAGE_RESOLUTION_TOO_LOW } from './low-resolution-refusal';
import { waitReason, type PrintState } from './print-state';
import { TEMPLATE_TEXT_UNCHANGED, templateTextRefusalOf } from './template-text-refusal';
import { retryDelayMs } from './retry-delay';
import { wait } from './wait';
import { useWhenServiceReopens } from '../service-status/use-service-status';

/** What a send confirmed, as the draft records it. */
type Confirmation = Pick<PendingPrint, 'confirmLowResolutionImages' | 'confirmUnchangedTemplateText'>;

/** The refused queued print as the panel shows it after a reload. */
function rejectedFrom(refused: RefusedPrint): PrintState {
  const error = new ApiError(refused.status, refused.code, refused.message, refused.fields);
  return { phase: 'rejected', error, designKey: refused.designKey, confirmed: refused.confirmed, queued: true };
}

/** Time between status requests while a job is queued or rendering, milliseconds. */
const POLL_MS = 600;

/**
 * Sending the draft to print and following the job. Both steps are driven by what the draft records
 * (`pendingPrint`, `sentPrint`), which is saved with it: after a reload or a crashed tab, a print the
 * service turned away is sent again by itself, and a job on the queue is followed again.
 */
export function usePrintJob(draft: Draft, update: DraftUpdater) {
  const [state, setState] = useState<PrintState>(() =>
    draft.pendingPrint
      ? { phase: 'sending' }
      : draft.sentPrint
        ? { phase: 'tracking', job: null, afterOutage: draft.sentPrint.afterOutage, trouble: null }
        : draft.refusedPrint
          ? rejectedFrom(draft.refusedPrint)
          : { phase: 'idle' },
  );
  const latest = useRef(draft);
  latest.current = draft;
  const wake = useRef<(() => void) | null>(null);
  const pendingSince = draft.pendingPrint?.requestedAt;
  const statusUrl = draft.sentPrint?.statusUrl;

  const send = useCallback(() => {
    update((d) => ({ ...d, pendingPrint: { requestedAt: Date.now() }, sentPrint: null, refusedPrint: null }));
  }, [update]);

  /**
   * Sends again, confirming what the server refused to print unasked (low-resolution images, or the
   * template's words), and keeping what was confirmed before: a leaflet may need both.
   */
  const confirmAndSend = useCallback(
    (confirmation: Confirmation) => {
      const before = state.phase === 'rejected' ? state.confirmed : {};
      update((d) => ({ ...d, pendingPrint: { requestedAt: Date.now(), ...before, ...confirmation }, sentPrint: null, refusedPrint: null }));
    },
    [update, state],
  );
  const printAnyway = useCallback(() => confirmAndSend({ confirmLowResolutionImages: true }), [confirmAndSend]);
  const printTemplateText = useCallback(() => confirmAndSend({ confirmUnchangedTemplateText: true }), [confirmAndSend]);

  /** The campaigner has read why their queued print was refused. */
  const dismissRefusal = useCallback(() => {
    update((d) => ({ ...d, refusedPrint: null }));
    setState({ phase: 'idle' });
  }, [update]);

  const stopTrying = useCallback(() => {
    update((d) => ({ ...d, pendingPrint: null }));
    setState({ phase: 'idle' });
  }, [update]);

  const tryNow = useCallback(() => wake.current?.(), []);
  // The wait after a maintenance answer follows its Retry-After (the admin's expected return, up to a
  // day): when the page learns the service is open again (service-status.ts), send at once instead.
  useWhenServiceReopens(tryNow);

  // Send, and while the service answers "not now" (503, 429, or no answer), wait and send again.
  useEffect(() => {
    if (pendingSince === undefined) return;
    const ctrl = new AbortController();
    void (async () => {
      for (let attempt = 0; ; attempt++) {
        const pending = latest.current.pendingPrint;
        if (!pending) return;
        const design = latest.current.design;
        setState({ phase: 'sending' });
        try {
          // A page opened while the server could not be reached has no CSRF token yet: ask for the session first.
          if (!hasCsrfToken()) await getSession();
          const confirm: PrintConfirmation = {
            ...(pending.confirmLowResolutionImages ? { lowResolutionImages: true as const } : {}),
            ...(pending.confirmUnchangedTemplateText ? { unchangedTemplateText: true as const } : {}),
          };
          const job = await submitPrintJob(design, ctrl.signal, Object.keys(confirm).length > 0 ? confirm : undefined, latest.current.savedDesignId);
          if (ctrl.signal.aborted) return;
          const afterOutage = attempt > 0 || pending.interrupted === true;
          setState({ phase: 'tracking', job, afterOutage, trouble: null });
          update((d) => ({ ...d, pendingPrint: null, sentPrint: { statusUrl: job.statusUrl, designKey: designKey(design), afterOutage } }));
          return;
        } catch (err) {
          if (ctrl.signal.aborted) return;
          const error = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
          const confirmed: Confirmation = {
            ...(pending.confirmLowResolutionImages ? { confirmLowResolutionImages: true } : {}),
            ...(pending.confirmUnchangedTemplateText ? { confirmUnchangedTemplateText: true } : {}),
          };
          if (!error.isTemporary) {
            // Queued while Rosette was closed: the campaigner may be elsewhere, so the refusal is kept with the draft.
            const queued = attempt > 0 || pending.interrupted === true;
            const key = designKey(design);
            setState({ phase: 'rejected', error, designKey: key, confirmed, queued });
            const refused: RefusedPrint | null = queued ? { at: Date.now(), status: error.status, code: error.code, message: error.message, fields: error.fields, designKey: key, confirmed } : null;
            update((d) => ({ ...d, pendingPrint: null, refusedPrint: refused }));
            return;
          }
          // About to queue it in this browser: ask now what the server would refuse unasked on its return
          // (the template's own words), rather than when the campaigner may have gone.
          const templateText = pending.confirmUnchangedTemplateText ? null : templateTextRefusalOf(design);
          if (templateText) {
            setState({ phase: 'rejected', error: templateText, designKey: designKey(design), confirmed, beforeQueueing: true });
            update((d) => ({ ...d, pendingPrint: null }));
            return;
          }
          const delay = retryDelayMs(attempt, error.retryAfterSeconds);
          setState({ phase: 'waiting', reason: waitReason(error), retryAt: Date.now() + delay, attempt, maintenance: error.maintenance });
          if (!pending.interrupted) update((d) => (d.pendingPrint ? { ...d, pendingPrint: { ...d.pendingPrint, interrupted: true } } : d));
          await wait(delay, ctrl.signal, wake);
          if (ctrl.signal.aborted) return;
        }
      }
    })();
    return () => ctrl.abort();
  }, [pendingSince, update]);

  // Follow the job until it is done or failed.
  useEffect(() => {
    if (statusUrl === undefined) return;
    const ctrl = new AbortController();
    void (async () => {
      for (let attempt = 0; ; ) {
        const afterOutage = latest.current.sentPrint?.afterOutage ?? false;
        try {
          const job = await getPrintJob(statusUrl, ctrl.signal);
          if (ctrl.signal.aborted) return;
          attempt = 0;
          setState({ phase: 'tracking', job, afterOutage, trouble: null });
          if (job.status === 'done' || job.status === 'failed') return;
          await wait(POLL_MS, ctrl.signal);
        } catch (err) {
          if (ctrl.signal.aborted) return;
          const error = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
          if (error.status === 404) {
            setState({ phase: 'lost' });
            update((d) => ({ ...d, sentPrint: null }));
            return;
          }
          setState((s) => (s.phase === 'tracking' ? { ...s, trouble: waitReason(error) } : { phase: 'tracking', job: null, afterOutage, trouble: waitReason(error) }));
          await wait(retryDelayMs(attempt++, error.retryAfterSeconds), ctrl.signal);
          if (ctrl.signal.aborted) return;
        }
      }
    })();
    return () => ctrl.abort();
  }, [statusUrl, update]);

  const current = designKey(draft.design);
  /** The design has changed since the job was sent: its PDF does not show the changes. */
  const stale = draft.sentPrint !== null && draft.sentPrint.designKey !== current;
  /** The refusal was for images the campaigner may still confirm ("Print anyway"), while the design is still the one it saw. */
  const canPrintAnyway = state.phase === 'rejected' && state.designKey === current && state.error.code === IMAGE_RESOLUTION_TOO_LOW;
  /** The same for text still the template's: "Print as it is". */
  const canPrintTemplateText = state.phase === 'rejected' && state.designKey === current && state.error.code === TEMPLATE_TEXT_UNCHANGED;
  /**
   * What the server said about fields of the design it refused, while the design is still the one it saw.
   * Coarse images are not among them: they are the campaigner's call, not something that must be fixed.
   */
  const serverProblems: Problem[] =
    state.phase === 'rejected' && state.designKey === current && state.error.code !== IMAGE_RESOLUTION_TOO_LOW && state.error.code !== TEMPLATE_TEXT_UNCHANGED
      ? state.error.fields.map((f) => ({ path: f.path.replace(/^design\.?/, ''), message: f.message, source: 'server' }))
      : [];
  return { state, send, printAnyway, canPrintAnyway, printTemplateText, canPrintTemplateText, stopTrying, dismissRefusal, tryNow, stale, serverProblems };
}
