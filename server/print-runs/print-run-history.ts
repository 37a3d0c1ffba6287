import type { PrintRunHistoryEntry } from '../../common/api/print-history-entry';
import { combinedPdfHash } from '../../common/node/combined-pdf-hash';
import type { FileStore } from '../../common/node/file-store';
import { pdfKey, runZipKey } from '../../common/queue/names';
import type { RunHistoryRow } from './print-run-store';

/**
 * A run as the print history lists it. Whether it is done is read from the file store, as the run's
 * own answer does (print-run-view.ts), so it needs neither the queue nor Redis.
 * @param viewerId The account asking: the entry says whether it started the run, never who did.
 */
export async function printRunHistoryEntry(row: RunHistoryRow, store: FileStore, viewerId: string): Promise<PrintRunHistoryEntry> {
  const combinedHash = combinedPdfHash(row.pdfHashes);
  const done = row.pdfHashes.length > 0 && (await store.stat(pdfKey(combinedHash))) !== null;
  const zip = done && (await store.stat(runZipKey(combinedHash))) !== null;
  return {
    id: row.id,
    title: row.title,
    versions: row.pdfHashes.length,
    status: done ? 'done' : row.failed > 0 ? 'some_failed' : 'printing',
    sentByYou: row.createdBy === viewerId,
    sentAt: new Date(row.createdAt).toISOString(),
    combinedUrl: done ? `/downloads/${combinedHash}.pdf` : null,
    zipUrl: zip ? `/api/runs/${row.id}/zip` : null,
    statusUrl: `/api/runs/${row.id}`,
    designId: row.designDeleted ? null : row.designId,
  };
}
