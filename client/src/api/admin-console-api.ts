import type { AdminTelemetryResponse } from '../../../common/api/admin-telemetry';
import { fetchJson } from './fetch-json';

/** Why the mode is what it is: the ladder's signal, or the admin's switch (GET /api/admin/status `cause`). */
export type ModeCause =
  | { reason: string; signal: string | null; value: number | null; threshold: number | null }
  | { reason: 'admin_switch'; switch: MaintenanceSwitch }
  | null;

/** The admin's maintenance switch, as every server keeps a copy of it. */
export interface MaintenanceSwitch {
  mode: 'on' | 'off' | 'auto';
  message: string | null;
  /** ISO 8601. */
  expectedBackAt: string | null;
  reason: string | null;
  /** `account:<id>` or the admin token's label. */
  setBy: string | null;
  /** ISO 8601. */
  setAt: string | null;
}

/** One change of the switch, from the audit log. */
export interface SwitchAuditEntry {
  /** ISO 8601. */
  at: string;
  who: string;
  from: MaintenanceSwitch['mode'];
  to: MaintenanceSwitch['mode'];
  reason: string;
  message: string | null;
  expectedBackAt: string | null;
}

/**
 * The part of GET /api/admin/status the console reads (server/admin/admin-router.ts `statusOf`, which
 * answers for the one server process that took the request).
 */
export interface AdminStatus {
  mode: string;
  ladder: { mode: string; since: string };
  cause: ModeCause;
  switch: MaintenanceSwitch;
  redisUp: boolean;
  printQueue: { waiting: number; backlogCap: number; drainPerSecond: number | null; workers: number | null; estimatedWaitSeconds: number | null };
  inFlight: { now: number; max: number };
  changes: Array<{ at: string; from: string; to: string; reason: string }>;
  /** Null while Redis cannot be read. */
  audit: SwitchAuditEntry[] | null;
  process: { pid: number };
}

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
