import type { PrintHistoryEntry } from '../../../common/api/print-history-entry';
import { fetchJson } from './fetch-json';

export type { PrintHistoryEntry };

/** The organisation's print jobs, newest first (GET /api/print-history). */
export async function listPrintHistory(): Promise<PrintHistoryEntry[]> {
  return (await fetchJson<{ printJobs: PrintHistoryEntry[] }>('/api/print-history', { cache: 'no-store' })).printJobs;
}
