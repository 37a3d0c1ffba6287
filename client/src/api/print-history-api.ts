import type { PrintHistoryEntry, PrintHistoryResponse, PrintRunHistoryEntry } from '../../../common/api/print-history-entry';
import { fetchJson } from './fetch-json';

export type { PrintHistoryEntry, PrintHistoryResponse, PrintRunHistoryEntry };

/** The organisation's print jobs and print runs, each newest first (GET /api/print-history). */
export function listPrintHistory(): Promise<PrintHistoryResponse> {
  return fetchJson<PrintHistoryResponse>('/api/print-history', { cache: 'no-store' });
}
