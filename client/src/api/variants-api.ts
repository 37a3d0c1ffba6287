import type { VariantTableResponse } from '../../../common/api/variant-table-response';
import type { AnyVariantTable } from '../../../common/variants/variant-table';
import { fetchJson } from './fetch-json';

export type { VariantTableResponse };

const url = (designId: string) => `/api/designs/${encodeURIComponent(designId)}/variants`;

/** The design's variant table (no fields and no rows when it has none yet). */
export function getVariantTable(designId: string): Promise<VariantTableResponse> {
  return fetchJson<VariantTableResponse>(url(designId), { cache: 'no-store' });
}

/** Replaces the design's variant table (of either kind; a plain table is sent with kind "plain"). */
export function saveVariantTable(designId: string, table: AnyVariantTable): Promise<VariantTableResponse> {
  return fetchJson<VariantTableResponse>(url(designId), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(table) });
}
