/**
 * GET /api/admin/status (and the answer to POST /api/admin/maintenance): what the one server process
 * that took the request is doing and why. The server builds it (server/admin/admin-router.ts), the
 * admin console reads it (client/src/admin/).
 */

/** on: maintenance now; off: never maintenance for load (Redis down still is); auto: the ladder decides. */
export type SwitchMode = 'on' | 'off' | 'auto';

/** The admin's maintenance switch as every server process keeps a copy of it. */
export interface MaintenanceSwitch {
  mode: SwitchMode;
  /** Shown on the maintenance page; only kept while on. */
  message: string | null;
  /** ISO 8601; shown on the maintenance page and sent as Retry-After; only kept while on. */
  expectedBackAt: string | null;
  /** Why the admin switched (for the audit log and the status page). */
  reason: string | null;
  /** Who switched: `account:<id>` or the admin token's label. */
  setBy: string | null;
  /** ISO 8601. */
  setAt: string | null;
}

/**
 * Who a `setBy` or audit `who` is, for the console to show a person rather than `account:<id>`. The
 * audit log itself keeps only the id (so an account's e-mail address is not copied into it).
 */
export interface PersonView {
  /** The person's name; null while accounts have none (they have only an e-mail address so far). */
  name: string | null;
  /** The account's e-mail address; null for the admin token or an account that no longer exists. */
  email: string | null;
}

/** One change of the switch: who, when, why. */
export interface SwitchAuditEntry {
  /** ISO 8601. */
  at: string;
  /** `account:<id>` or the admin token's label: never an e-mail address. */
  who: string;
  from: SwitchMode;
  to: SwitchMode;
  reason: string;
  message: string | null;
  expectedBackAt: string | null;
}

/** Why the process is in its mode: the signal that crossed its mark, the admin's switch, or nothing (calm). */
export type ModeCause =
  | {
      reason: string;
      /** The signal's name (server/overload/signals.ts); null for reasons without one. */
      signal: string | null;
      value: number | null;
      threshold: number | null;
    }
  | { reason: 'admin_switch'; switch: MaintenanceSwitch }
  | null;

/** One change of this process's mode. */
export interface ModeChangeView {
  /** ISO 8601. */
  at: string;
  from: string;
  to: string;
  /** The ladder's reason, or `admin_switch`. */
  reason: string;
}

export interface AdminStatusResponse {
  /** The mode this process acts on: normal, busy, degraded or maintenance. */
  mode: string;
  /** What the ladder alone says (the switch can override it); `since` is ISO 8601. */
  ladder: { mode: string; since: string };
  cause: ModeCause;
  switch: MaintenanceSwitch;
  redisUp: boolean;
  /** Whether this server can write to the file store; `since` is ISO 8601, `code` says why not (ENOSPC, EROFS...). */
  store: { writable: boolean; since: string; code: string | null };
  /** The smoothed signals (names and units: server/overload/signals.ts); null before the first sample. */
  signals: Record<string, number> | null;
  /** Bytes; null before the first sample. */
  memory: { heapUsedBytes: number; rssBytes: number } | null;
  printQueue: {
    waiting: number;
    backlogCap: number;
    /** Jobs per second; null when unknown. */
    drainPerSecond: number | null;
    workers: number | null;
    /** Seconds until a new job would start; null when unknown or while printing is paused. */
    estimatedWaitSeconds: number | null;
    /** An admin paused printing. */
    paused: boolean;
  };
  /** Requests in flight now, the limit learnt from the event loop, and its ceiling (MAX_IN_FLIGHT). */
  inFlight: { now: number; limit: number; max: number };
  /** Newest first. */
  changes: ModeChangeView[];
  /** Changes of the switch, newest first, from the audit log; null while PostgreSQL cannot be read. */
  audit: SwitchAuditEntry[] | null;
  /** The people the switch and the audit name, by their `setBy`/`who` (accounts only; empty while PostgreSQL cannot be read). */
  people: Record<string, PersonView>;
  process: { pid: number };
}
