import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { BUDGET_OF_KIND, rateLimitedBody } from '../http/rate-limit-budgets';
import type { ConcurrencyLimit } from './concurrency-limit';
import type { OverloadState } from './overload-state';
import type { RateLimitMemo } from './rate-limit-memo';
import { OPEN_IN_MAINTENANCE, priorityOf, routeKindOf, type Principal, type RouteKind } from './route-kind';
import { buildShedAnswers, json, sendAnswer, type ShedAnswer, type ShedAnswers } from './shed-answers';

export interface GateOptions {
  state: OverloadState;
  memo: RateLimitMemo;
  /** The rate-limit key of a request's client, exactly as the limiters compute it. */
  clientKey: (req: IncomingMessage) => string;
  /** How many requests may be in flight, per priority (learnt from the event loop: concurrency-limit.ts). */
  limit: ConcurrencyLimit;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** A monotonic clock for how long admitted requests take, milliseconds (performance.now unless given). */
  monotonic?: () => number;
  /** Who sent the request (server/sessions/admin-session.ts: a validly signed session cookie is signed in). */
  principalOf?: (req: IncomingMessage) => Principal;
  /** Told of every request the gate turns away with 503 (metrics). */
  onShed?: (kind: RouteKind, reason: ShedReason) => void;
  /** Told of every request the gate turns away with 429 for a client the limiters already refused (metrics). */
  onRateLimited?: (kind: RouteKind, budget: string) => void;
}

/** Why the gate answered 503: the label of the shed counter. */
export const SHED_REASONS = {
  maintenance: 'maintenance',
  printJobsPaused: 'print_jobs_paused',
  printQueueFull: 'print_queue_full',
  overloaded: 'overloaded',
  /** Too many heavy requests (print job submissions) waiting for their turn (heavy-work-queue.ts). */
  heavyWorkWaiting: 'heavy_work_waiting',
} as const;
export type ShedReason = (typeof SHED_REASONS)[keyof typeof SHED_REASONS];

/** Answers a request itself (returns true) or lets it through to the app (returns false). */
export interface Gate {
  (req: IncomingMessage, res: ServerResponse): boolean;
  /** Requests let through and not yet answered. */
  readonly inFlight: number;
  /** Turns away a request the gate let through, with the prepared 503 `overloaded` (counted with `reason`). */
  refuse(req: IncomingMessage, res: ServerResponse, reason: ShedReason): void;
}

/**
 * The overload gate, run for every request before Express: it only compares numbers the sampler
 * and the switch follower already stored, and sheds with answers built in advance.
 * - maintenance: everything but downloads, health checks, sign-in and the admin API gets 503 (HTML
 *   for browsers, JSON otherwise);
 * - degraded and up: POST /api/print-jobs gets 503;
 * - any mode: a print job past the backlog cap gets 503 with the estimated wait; a request over its
 *   priority's share of the concurrency limit gets 503 (downloads of finished PDFs are counted in a pool
 *   of their own, the whole limit); a client the limiters already refused gets 429.
 */
export function createGate(options: GateOptions): Gate {
  const { state, memo, clientKey, now, limit } = options;
  const monotonic = options.monotonic ?? (() => performance.now());
  const principalOf = options.principalOf ?? (() => 'anonymous' as const);
  const onShed = options.onShed ?? (() => undefined);
  const onRateLimited = options.onRateLimited ?? (() => undefined);
  const shed = (res: ServerResponse, kind: RouteKind, reason: ShedReason, answer: ShedAnswer) => {
    onShed(kind, reason);
    return sendAnswer(res, answer);
  };
  let answers: ShedAnswers = buildShedAnswers(state, now());
  let rung = state.rung;
  state.onChange(() => {
    answers = buildShedAnswers(state, now());
    if (state.rung !== rung) memo.clear(); // limits tighten or loosen with the mode
    rung = state.rung;
  });
  const limited = new Map<string, Buffer>();
  // Finished PDFs have places of their own: counted apart, so that a flood of anything else (or
  // campaigners' print jobs, which hold their places for Redis round trips) never takes them.
  const inFlight = { shared: 0, downloads: 0 };
  // Each admitted response carries the time it was let in (one number), so the limit learns how long
  // requests really wait (concurrency-limit.ts); the listeners are shared, not a closure per request.
  function releaseShared(this: AdmittedResponse) {
    inFlight.shared -= 1;
    limit.noteAnswered(monotonic() - this[ADMITTED_AT]);
  }
  function releaseDownload(this: AdmittedResponse) {
    inFlight.downloads -= 1;
    limit.noteAnswered(monotonic() - this[ADMITTED_AT]);
  }
  // Health checks and the admin API are never capped and mostly answered at once: their quick answers
  // would hide a queue of the requests the limit does govern, so they are not timed.
  const releaseUncapped = () => {
    inFlight.shared -= 1;
  };

  const gate = (req: IncomingMessage, res: ServerResponse): boolean => {
    const kind = routeKindOf(req.method, req.url);
    const rung = state.rung;
    if (rung === 3 && !OPEN_IN_MAINTENANCE[kind]) return shed(res, kind, SHED_REASONS.maintenance, wantsHtml(req, kind) ? answers.maintenanceHtml : answers.maintenanceJson);
    if (kind === 'printJobSubmit') {
      if (rung >= 2) return shed(res, kind, SHED_REASONS.printJobsPaused, answers.printJobsPaused);
      if (state.waiting + state.admittedSinceSample >= state.backlogCap) return shed(res, kind, SHED_REASONS.printQueueFull, answers.printQueueFull);
    }
    const download = kind === 'download';
    const used = download ? inFlight.downloads : inFlight.shared;
    const cap = limit.caps[priorityOf(kind, principalOf(req))]!;
    if (used >= cap) {
      limit.noteRefused();
      return shed(res, kind, SHED_REASONS.overloaded, answers.overloaded);
    }
    const budget = BUDGET_OF_KIND[kind];
    if (budget !== null && memo.size > 0) {
      const t = now();
      const until = memo.blockedUntil(budget, clientKey(req), t);
      if (until > 0) {
        onRateLimited(kind, budget);
        return sendAnswer(res, tooManyRequests(budget, Math.ceil((until - t) / 1000), limited));
      }
    }
    if (kind === 'printJobSubmit') state.admittedSinceSample += 1;
    if (download) inFlight.downloads += 1;
    else inFlight.shared += 1;
    limit.noteInFlight(Math.max(inFlight.shared, inFlight.downloads));
    if (cap === Number.POSITIVE_INFINITY) {
      res.once('close', releaseUncapped);
      return false;
    }
    (res as AdmittedResponse)[ADMITTED_AT] = monotonic();
    res.once('close', download ? releaseDownload : releaseShared);
    return false;
  };
  Object.defineProperty(gate, 'inFlight', { get: () => inFlight.shared + inFlight.downloads });
  const refuse = (req: IncomingMessage, res: ServerResponse, reason: ShedReason) => void shed(res, routeKindOf(req.method, req.url), reason, answers.overloaded);
  return Object.assign(gate, { refuse }) as Gate;
}

/** Where the gate keeps, on a response it let through, the monotonic time it did so (milliseconds). */
const ADMITTED_AT = Symbol('admittedAt');
type AdmittedResponse = ServerResponse & { [ADMITTED_AT]: number };

function wantsHtml(req: IncomingMessage, kind: RouteKind): boolean {
  if (kind !== 'page') return false;
  const accept = req.headers.accept;
  return accept !== undefined && accept.includes('text/html');
}

/** The 429 the limiters give, for a client the memo knows is over its budget. */
function tooManyRequests(budget: string, seconds: number, bodies: Map<string, Buffer>): ShedAnswer {
  let body = bodies.get(budget);
  if (!body) {
    body = json(429, rateLimitedBody(), 0).body;
    bodies.set(budget, body);
  }
  const wait = String(Math.max(1, seconds));
  return {
    status: 429,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
      'Retry-After': wait,
      RateLimit: `"${budget}"; r=0; t=${wait}`,
      'X-Content-Type-Options': 'nosniff',
    },
    body,
  };
}
