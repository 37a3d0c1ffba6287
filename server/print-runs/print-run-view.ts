import type { PrintRunResponse, RunVariantResponse, RunVariantStatus } from '../../common/api/print-run-response';
import { combinedPdfHash } from '../../common/node/combined-pdf-hash';
import type { FileStore } from '../../common/node/file-store';
import { pdfKey, runJobId, runZipKey } from '../../common/queue/names';
import type { PrintRunFlow, RunJobState } from './print-run-flow';
import type { StoredPrintRun } from './print-run-store';

/**
 * A run as GET /api/runs/:id answers it: each version's status from its render job, or, once the queue
 * has forgotten the job (30 days), from the file store (its PDF is there: done; it is not: failed).
 */
export async function printRunResponse(run: StoredPrintRun, flow: PrintRunFlow, store: FileStore): Promise<PrintRunResponse> {
  const jobIds = [...new Set(run.variants.map((v) => v.jobId))];
  const states = await flow.states(jobIds);
  const statusOf = new Map<string, RunVariantStatus>();
  const failures = new Map<string, string>();
  for (const id of jobIds) {
    const state: RunJobState = states.get(id) ?? 'gone';
    if (state === 'gone') {
      const hash = run.variants.find((v) => v.jobId === id)!.pdfHash;
      statusOf.set(id, (await store.stat(pdfKey(hash))) ? 'done' : 'failed');
      if (statusOf.get(id) === 'failed') failures.set(id, 'this version is no longer on the queue and its PDF was not made; print every version again');
      continue;
    }
    statusOf.set(id, state);
    if (state === 'failed') failures.set(id, await flow.failure(id));
  }
  const variants: RunVariantResponse[] = run.variants.map((v) => {
    const status = statusOf.get(v.jobId)!;
    const retryable = status === 'failed' && states.get(v.jobId) === 'failed';
    return {
      n: v.position,
      label: v.label,
      status,
      download: status === 'done' ? { url: `/downloads/${v.pdfHash}.pdf` } : null,
      failure: failures.get(v.jobId) ?? null,
      retryUrl: retryable ? `/api/runs/${run.id}/variants/${v.position}/retry` : null,
    };
  });
  const done = variants.filter((v) => v.status === 'done').length;
  const failed = variants.filter((v) => v.status === 'failed').length;
  // Known by name from the versions' PDFs (the worker derives it the same way), so it outlives the queue too.
  const combinedHash = combinedPdfHash(run.variants.map((v) => v.pdfHash));
  const combined = done === variants.length && (await store.stat(pdfKey(combinedHash))) ? { url: `/downloads/${combinedHash}.pdf` } : null;
  const zip = combined && (await store.stat(runZipKey(combinedHash))) ? { url: `/api/runs/${run.id}/zip` } : null;
  // Every version rendered but no combined PDF: the run's own step is still to come, under way, or failed after its attempts.
  const stepFailed = done === variants.length && !combined && (await flow.runState(run.id)) === 'failed';
  return {
    id: run.id,
    designId: run.designId,
    designVersion: run.designVersion,
    status: combined ? 'done' : failed > 0 || stepFailed ? 'needs_retry' : 'running',
    statusUrl: `/api/runs/${run.id}`,
    createdAt: new Date(run.createdAt).toISOString(),
    counts: { variants: variants.length, done, failed, waiting: variants.length - done - failed },
    combined,
    zip,
    failure: stepFailed ? await flow.failure(runJobId(run.id), 'the combined PDF could not be made; retry the run') : null,
    retryUrl: stepFailed ? `/api/runs/${run.id}/retry` : null,
    variants,
  };
}

/** Where a run's ZIP is kept in the file store. */
export function runZipKeyOf(run: StoredPrintRun): string {
  return runZipKey(combinedPdfHash(run.variants.map((v) => v.pdfHash)));
}
