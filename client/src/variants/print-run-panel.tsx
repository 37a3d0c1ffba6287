import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { getPrintRun, retryRunVariant, startPrintRun } from '../api/print-runs-api';
import { patientRead } from '../api/patient-read';
import { RunAgentDesk } from './run-agent-desk';
import { useFollowedRun } from './use-followed-run';

/** Refusals a campaigner may confirm and send again, and what confirming says. */
const CONFIRMABLE: Record<string, { key: 'unchangedTemplateText' | 'lowResolutionImages'; label: string }> = {
  template_text_unchanged: { key: 'unchangedTemplateText', label: 'Print with the template’s words' },
  image_resolution_too_low: { key: 'lowResolutionImages', label: 'Print the soft photos anyway' },
};

type Problem = { text: string; confirm: (typeof CONFIRMABLE)[string] | null };

/**
 * "Print every version": saves the table (the run prints the saved one), starts a print run, follows
 * its progress, and links to the combined PDF for the printer, the ZIP and each version's PDF, with a
 * retry for a version that failed, and for the combined PDF if drawing it failed; once done, the run's
 * one sign-off and one order (RunAgentDesk).
 */
export function PrintRunPanel({ designId, save, disabled }: { designId: string; save: () => Promise<boolean>; disabled: boolean }) {
  const { run, setRun, trouble } = useFollowedRun();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState<Record<string, boolean>>({});

  const start = async (confirm: Record<string, boolean> = confirmed) => {
    setProblem(null);
    setBusy(true);
    try {
      if (!(await save())) return;
      setRun(await startPrintRun(designId, confirm));
    } catch (err) {
      const api = err instanceof ApiError ? err : null;
      const wait = api?.retryAfterSeconds ? ` Try again in about ${api.retryAfterSeconds} seconds.` : '';
      setProblem({ text: api && api.status !== 0 ? `Not started: ${api.message}.${wait}` : 'Rosette could not be reached; try again.', confirm: api ? (CONFIRMABLE[api.code] ?? null) : null });
    } finally {
      setBusy(false);
    }
  };
  const retry = async (url: string, what: string) => {
    try {
      setRun(await retryRunVariant(url));
    } catch {
      setProblem({ text: `${what} could not be sent again; try again.`, confirm: null });
    }
  };

  return (
    <section aria-labelledby="print-run-heading" className="print-run">
      <h2 id="print-run-heading">Print every version</h2>
      <p>Every version is printed in one run: a PDF of each, one combined PDF for the printer with every version in the table’s order, and a ZIP of them all.</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void start()} disabled={disabled || busy || (run !== null && run.status !== 'done')}>
          Print every version
        </button>
      </div>
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem.text}</p>
          {problem.confirm ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                const next = { ...confirmed, [problem.confirm!.key]: true };
                setConfirmed(next);
                void start(next);
              }}
            >
              {problem.confirm.label}
            </button>
          ) : null}
        </div>
      ) : null}
      {run ? (
        <div className="print-run-progress">
          <p role="status">
            {run.status === 'done'
              ? `All ${run.counts.variants} versions are printed.`
              : run.status === 'needs_retry' && run.counts.failed === 0
                ? `Every version is printed, but the combined PDF could not be made: ${run.failure ?? ''}`
                : run.status === 'needs_retry'
                  ? `${run.counts.failed} of ${run.counts.variants} versions failed; retry them below. ${run.counts.done} done.`
                  : run.counts.done === run.counts.variants
                    ? 'Every version is printed; making the combined PDF…'
                    : `Printing: ${run.counts.done} of ${run.counts.variants} versions done.`}
          </p>
          <progress max={run.counts.variants} value={run.counts.done} aria-label="Versions printed" />
          {trouble ? <p className={trouble.kind === 'stopped' ? 'notice notice-error' : 'notice notice-wait'}>{trouble.message}</p> : null}
          {run.retryUrl ? (
            <p className="button-row">
              <button type="button" className="button" onClick={() => void retry(run.retryUrl!, 'The run')}>
                Make the combined PDF again
              </button>
            </p>
          ) : null}
          {run.combined || run.zip ? (
            <p className="button-row">
              {run.combined ? (
                <a className="button" href={run.combined.url} download>
                  Combined PDF for the printer
                </a>
              ) : null}
              {run.zip ? (
                <a className="button" href={run.zip.url} download>
                  ZIP of every version
                </a>
              ) : null}
            </p>
          ) : null}
          <ol className="print-run-variants">
            {run.variants.map((v) => (
              <li key={v.n}>
                {v.download ? <a href={v.download.url}>{v.label}</a> : <span>{v.label}</span>} <span className="print-run-status">{v.status === 'done' ? '' : v.status === 'failed' ? `Failed: ${v.failure ?? ''}` : v.status === 'rendering' ? 'Printing…' : 'Waiting'}</span>
                {v.retryUrl ? (
                  <button type="button" className="button" onClick={() => void retry(v.retryUrl!, 'That version')}>
                    Retry version {v.n + 1}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          {run.status === 'done' ? <RunAgentDesk run={run} onChanged={() => void patientRead(() => getPrintRun(run.id)).then(setRun, () => undefined)} /> : null}
        </div>
      ) : null}
    </section>
  );
}
