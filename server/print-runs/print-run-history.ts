import type { PrintRunHistoryEntry } from '../../common/api/print-history-entry';
import { combinedPdfHash } from '../../common/node/combined-pdf-hash';
import type { FileStore } from '../../common/node/file-store';
import { withTimeout } from '../../common/node/with-timeout';
import { pdfKey, runZipKey } from '../../common/queue/names';
import type { PrintRunFlow } from './print-run-flow';
import type { RunHistoryRow } from './print-run-store';

/** How long the history waits for the queue to say how a run's own step went, milliseconds: the list never waits on a slow Redis for longer. */
export const RUN_STEP_READ_MS = 500;

/**
 * A run as the print history lists it. Whether it is done is read from the file store, as the run's own
 * answer does (print-run-view.ts), and how its versions went from their print records, so a list of runs
 * needs neither the queue nor Redis. Only a run whose versions are all rendered but which has no combined
 * PDF asks `runStepFailed`: its own step may be under way, or have failed (then it needs a retry, and the
 * history stops reading it again and again as if it were still printing).
 * @param viewerId The account asking: the entry says whether it started the run, never who did.
 * @param runStepFailed Whether the run's own step (the combined PDF) failed or is gone from the queue; false when that cannot be told.
 */
export async function printRunHistoryEntry(row: RunHistoryRow, store: FileStore, viewerId: string, runStepFailed: (runId: string) => Promise<boolean>): Promise<PrintRunHistoryEntry> {
  const combinedHash = combinedPdfHash(row.pdfHashes);
  const done = row.pdfHashes.length > 0 && (await store.stat(pdfKey(combinedHash))) !== null;
  const zip = done && (await store.stat(runZipKey(combinedHash))) !== null;
  const needsRetry = !done && (row.failed > 0 || (row.rendered === row.renders && (await runStepFailed(row.id))));
  return {
    id: row.id,
    title: row.title,
    versions: row.pdfHashes.length,
    status: done ? 'done' : needsRetry ? 'needs_retry' : 'printing',
    sentByYou: row.createdBy === viewerId,
    sentAt: new Date(row.createdAt).toISOString(),
    combinedUrl: done ? `/downloads/${combinedHash}.pdf` : null,
    zipUrl: zip ? `/api/runs/${row.id}/zip` : null,
    statusUrl: `/api/runs/${row.id}`,
    designId: row.designDeleted ? null : row.designId,
  };
}

/**
 * Whether a run's own step failed or is gone from the queue; false (still printing, as far as can be
 * told) when the queue does not answer within `timeoutMs`.
 */
export function runStepFailedOf(flow: Pick<PrintRunFlow, 'runState'>, timeoutMs = RUN_STEP_READ_MS): (runId: string) => Promise<boolean> {
  return async (runId) => {
    try {
      const state = await withTimeout(flow.runState(runId), timeoutMs);
      return state === 'failed' || state === 'gone';
    } catch {
      return false;
    }
  };
}
