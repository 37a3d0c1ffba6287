import type { AdminStatusResponse, MaintenanceSwitch } from '../../../common/api/admin-status';
import type { AdminTelemetryResponse } from '../../../common/api/admin-telemetry';
import { fetchJson } from './fetch-json';

export type { MaintenanceSwitch, ModeCause, SwitchAuditEntry } from '../../../common/api/admin-status';
/** GET /api/admin/status: one contract with the server (common/api/admin-status.ts). */
export type AdminStatus = AdminStatusResponse;

/** The body of POST /api/admin/maintenance. */
export interface SwitchRequest {
  mode: MaintenanceSwitch['mode'];
  message?: string;
  /** ISO 8601, in the future. */
  expectedBackAt?: string;
  reason: string;
}

export function getAdminStatus(signal?: AbortSignal): Promise<AdminStatus> {
  return fetchJson<AdminStatus>('/api/admin/status', { cache: 'no-store', signal });
}

/** The live figures of every process; `since` (ms since the epoch) asks only for newer buckets. */
export function getTelemetry(since: number | null, signal?: AbortSignal): Promise<AdminTelemetryResponse> {
  return fetchJson<AdminTelemetryResponse>(`/api/admin/telemetry${since === null ? '' : `?since=${Math.floor(since)}`}`, { cache: 'no-store', signal });
}

export function setMaintenance(request: SwitchRequest): Promise<AdminStatus> {
  return fetchJson<AdminStatus>('/api/admin/maintenance', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
}
