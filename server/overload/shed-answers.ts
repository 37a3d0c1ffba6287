import type { ServerResponse } from 'node:http';
import type { ErrorBody } from '../http/error-middleware';
import { retryAfterFullQueue } from './admission';
import { REASONS } from './ladder-rules';
import { MAINTENANCE_PAGE_CSP, maintenancePage } from './maintenance-page';
import type { OverloadState } from './overload-state';

/** A complete answer, built ahead of the requests it is for. */
export interface ShedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Every answer the gate gives instead of the app. */
export interface ShedAnswers {
  /** Maintenance, for /api and clients that do not ask for HTML. */
  maintenanceJson: ShedAnswer;
  /** Maintenance, for browsers (Accept: text/html). */
  maintenanceHtml: ShedAnswer;
  /** Degraded: new print jobs refused. */
  printJobsPaused: ShedAnswer;
  /** Admission control: the print queue holds more than PRINT_MAX_WAIT_SECONDS of work. */
  printQueueFull: ShedAnswer;
  /** Too many requests in flight. */
  overloaded: ShedAnswer;
}

/** The body of a maintenance answer: the error, plus what the admin said. */
export interface MaintenanceBody extends ErrorBody {
  maintenance: { message: string | null; expectedBackAt: string | null };
}

/** Retry-After of each situation, seconds. */
export const RETRY_AFTER_S = { redisDown: 5, overloadMaintenance: 30, adminMaintenance: 60, printJobsPaused: 30, overloaded: 2 } as const;
/** Longest Retry-After sent for an admin's expected return time, seconds. */
const MAX_RETRY_AFTER_S = 86_400;

/** Builds every shed answer from the state as it is now: called on each sample and switch change, never per request. */
export function buildShedAnswers(state: OverloadState, now: number): ShedAnswers {
  const sw = state.adminSwitch;
  const adminOn = sw.mode === 'on';
  const redisDown = !adminOn && (state.ladder.cause?.reason === REASONS.redisUnavailable || !state.redisUp);
  const message = adminOn ? sw.message : null;
  const expectedBackAt = adminOn ? sw.expectedBackAt : null;
  let retryAfter: number = redisDown ? RETRY_AFTER_S.redisDown : adminOn ? RETRY_AFTER_S.adminMaintenance : RETRY_AFTER_S.overloadMaintenance;
  const back = expectedBackAt ? Date.parse(expectedBackAt) : NaN;
  if (Number.isFinite(back) && back > now) retryAfter = Math.min(MAX_RETRY_AFTER_S, Math.ceil((back - now) / 1000));

  const maintenance: MaintenanceBody = {
    error: redisDown
      ? { code: 'queue_unavailable', message: 'Rosette cannot reach its print queue for a moment; nothing you sent before was lost; finished PDFs can still be downloaded; please try again shortly', fields: [] }
      : { code: 'maintenance', message: message ?? 'Rosette is in maintenance for a moment; finished PDFs can still be downloaded; please try again shortly', fields: [] },
    maintenance: { message, expectedBackAt },
  };
  const queueWaiting = state.waiting + state.admittedSinceSample;
  return {
    maintenanceJson: json(503, maintenance, retryAfter),
    maintenanceHtml: html(503, maintenancePage({ message, expectedBackAt }), retryAfter),
    printJobsPaused: json(
      503,
      { error: { code: 'print_jobs_paused', message: `Rosette is very busy and is not taking new print jobs just now; jobs already accepted are safe; please send yours again in ${RETRY_AFTER_S.printJobsPaused} seconds`, fields: [] } },
      RETRY_AFTER_S.printJobsPaused,
    ),
    printQueueFull: (() => {
      const wait = retryAfterFullQueue(queueWaiting, state.backlogCap, state.rate);
      return json(503, { error: { code: 'print_queue_full', message: `the print queue is full; please send your job again in about ${wait} seconds`, fields: [] } }, wait);
    })(),
    overloaded: json(503, { error: { code: 'overloaded', message: 'Rosette is handling too many requests right now; please try again in a moment', fields: [] } }, RETRY_AFTER_S.overloaded),
  };
}

/** Writes a prepared answer: no Express, no serialising. Returns true, so the gate can `return send(...)`. */
export function sendAnswer(res: ServerResponse, answer: ShedAnswer): true {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
  return true;
}

/** A JSON answer; `retryAfterSeconds` omitted: no Retry-After (an answer that waiting will not change). */
export function json(status: number, body: unknown, retryAfterSeconds?: number): ShedAnswer {
  const buffer = Buffer.from(JSON.stringify(body));
  return {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(buffer.length),
      'Cache-Control': 'no-store',
      ...(retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) }),
      'X-Content-Type-Options': 'nosniff',
    },
    body: buffer,
  };
}

function html(status: number, page: string, retryAfterSeconds: number): ShedAnswer {
  const buffer = Buffer.from(page);
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(buffer.length),
      'Cache-Control': 'no-store',
      'Retry-After': String(retryAfterSeconds),
      'Content-Security-Policy': MAINTENANCE_PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
    },
    body: buffer,
  };
}
