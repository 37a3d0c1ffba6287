import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { getAdminStatus, getTelemetry, type AdminStatus } from '../api/admin-console-api';
import { mergeHistory, nextSince, type TelemetryHistory } from './telemetry-history';
import { useVisiblePolling } from './use-visible-polling';

/** How often the console reads the status and the figures while the tab is visible, milliseconds. */
export const POLL_MS = 2500;

/** What the console knows, and how fresh it is. */
export interface ConsoleData {
  status: AdminStatus | null;
  /** Why the last status read failed; null when it worked. */
  statusProblem: string | null;
  telemetry: TelemetryHistory | null;
  /** Why the last telemetry read failed; null when it worked. */
  telemetryProblem: string | null;
  /** When the last read that worked came back (this browser's clock), milliseconds. */
  updatedAt: number | null;
  /** When reads started failing (this browser's clock), milliseconds; null while they work. */
  failingSince: number | null;
  /** The tab is hidden: reading is paused. */
  paused: boolean;
}

/**
 * Reads GET /api/admin/status and GET /api/admin/telemetry every POLL_MS while the tab is visible
 * (at once when it becomes visible again), asking only for the buckets it lacks. A failed read never
 * throws: it is kept as a sentence, and the last figures stay on screen. `refresh` reads at once (after
 * a switch).
 */
export function useConsoleData(): ConsoleData & { refresh(): void; adoptStatus(status: AdminStatus): void } {
  const [data, setData] = useState<ConsoleData>({ status: null, statusProblem: null, telemetry: null, telemetryProblem: null, updatedAt: null, failingSince: null, paused: false });
  const history = useRef<TelemetryHistory | null>(null);
  const refresh = useVisiblePolling(
    async (signal) => {
      const [status, telemetry] = await Promise.allSettled([getAdminStatus(signal), getTelemetry(nextSince(history.current), signal)]);
      if (signal.aborted) return;
      if (telemetry.status === 'fulfilled') history.current = mergeHistory(history.current, telemetry.value);
      setData((d) => {
        const ok = status.status === 'fulfilled' || telemetry.status === 'fulfilled';
        const now = Date.now();
        return {
          status: status.status === 'fulfilled' ? status.value : d.status,
          statusProblem: status.status === 'rejected' ? problemOf(status.reason) : null,
          telemetry: history.current,
          telemetryProblem: telemetry.status === 'rejected' ? problemOf(telemetry.reason) : null,
          updatedAt: ok ? now : d.updatedAt,
          failingSince: ok ? null : (d.failingSince ?? now),
          paused: false,
        };
      });
    },
    POLL_MS,
    [],
    () => setData((d) => (d.paused ? d : { ...d, paused: true })),
  );
  const adoptStatus = useCallback((status: AdminStatus) => setData((d) => ({ ...d, status, statusProblem: null })), []);
  return { ...data, refresh, adoptStatus };
}

/** A sentence for a failed read; an answer that is not JSON (a proxy's page) gets one too. */
function problemOf(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return 'the server cannot be reached';
    return err.message;
  }
  return 'the answer could not be read';
}
