import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { getPrintJob, type PrintJob } from '../api/print-jobs-api';
import { retryDelayMs } from '../print/retry-delay';

/** How often the proof's status is asked for while it is drawn, milliseconds. */
const POLL_MS = 1000;

/** A link to the request's proof PDF (marked "PROOF — NOT APPROVED" on every page), once the worker has drawn it. */
export function ProofLink({ jobId }: { jobId: string | null }) {
  const [job, setJob] = useState<PrintJob | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!jobId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const poll = async () => {
      try {
        const next = await getPrintJob(`/api/print-jobs/${encodeURIComponent(jobId)}`);
        if (!live) return;
        failures = 0;
        setJob(next);
        if (next.status !== 'done' && next.status !== 'failed') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (!live) return;
        // A busy or unreachable service is asked again later; only a refusal (the job is gone) ends it.
        if (err instanceof ApiError && !err.isTemporary) setFailed(true);
        else timer = setTimeout(() => void poll(), retryDelayMs(failures++, err instanceof ApiError ? err.retryAfterSeconds : null));
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [jobId]);
  if (!jobId || failed) return <p>No proof PDF is available for this version (the print queue may have cleared it).</p>;
  if (job?.status === 'done' && job.download) {
    return (
      <p>
        <a className="button button-secondary" href={job.download.url} target="_blank" rel="noopener">
          Open the proof PDF
        </a>{' '}
        <span className="field-hint">Every page says “PROOF — NOT APPROVED”: it is for checking, never for printing.</span>
      </p>
    );
  }
  if (job?.status === 'failed') return <p className="notice notice-error">The proof could not be drawn: {job.failure ?? 'try sending the design again'}.</p>;
  return <p role="status">Drawing the proof PDF…</p>;
}
