import type { IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import { rateLimitPrefix } from '../../common/queue/names';
import { AppError } from '../http/app-error';
import { rateLimitedBody } from '../http/rate-limit-budgets';
import { retryAfterFullQueue } from '../overload/admission';
import type { OverloadState } from '../overload/overload-state';

/**
 * Adds `ARGV[1]` hits to a rate-limit counter only when the total stays within `ARGV[2]`; starts the
 * window (`ARGV[3]` ms) on a new counter, as rate-limit-redis does. Returns [added 0|1, hits, ms left].
 * All or nothing, in one step: two runs at once cannot both slip under the limit.
 */
const CHARGE_SCRIPT = `
local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
local add = tonumber(ARGV[1])
if hits + add > tonumber(ARGV[2]) then return {0, hits, ttl} end
hits = redis.call('INCRBY', KEYS[1], add)
if ttl <= 0 then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3])); ttl = tonumber(ARGV[3]) end
return {1, hits, ttl}
`;

export interface RunAdmissionOptions {
  /** The rate limiters' fail-fast connection (a frozen Redis costs the request under a second, then 503). */
  redis: Redis;
  state: OverloadState;
  /** The rate-limit key of a request's client, exactly as the limiters compute it. */
  clientKey: (req: IncomingMessage) => string;
  /** The print-jobs budget per window right now (tightened at busy and above), requests. */
  printJobLimit: () => number;
  /** The rate limits' window, milliseconds. */
  windowMs: number;
}

/**
 * Admission of a print run by its number of variants: a run of 600 is 600 print jobs to the backlog cap
 * and to the client's print-jobs budget, so it cannot slip past limits meant for 600 single jobs. The
 * gate and the limiter have already counted the request itself as one job (route-kind.ts classes
 * POST /api/designs/:id/runs with print job submissions); this counts the other variants, all or none:
 * a run is accepted whole or refused whole (503 print_queue_full or 429 rate_limited, with Retry-After).
 */
export class RunAdmission {
  constructor(private readonly options: RunAdmissionOptions) {}

  /** Admits a run of `variants`, or throws the refusal. */
  async admit(req: IncomingMessage, variants: number): Promise<void> {
    const { state } = this.options;
    // The request itself is already in admittedSinceSample (the gate counted it).
    const waiting = state.waiting + state.admittedSinceSample - 1;
    if (waiting + variants > state.backlogCap) {
      const wait = retryAfterFullQueue(waiting + variants, state.backlogCap, state.rate);
      throw new AppError(
        503,
        'print_queue_full',
        `the print queue cannot take ${variants} more jobs just now (it takes ${state.backlogCap} waiting jobs); please send the run again in about ${wait} seconds, or print fewer versions`,
        [],
        { 'Retry-After': String(wait) },
      );
    }
    const more = variants - 1;
    if (more > 0) {
      const key = rateLimitPrefix('print-jobs') + this.options.clientKey(req);
      let answer: [number, number, number];
      try {
        answer = (await this.options.redis.eval(CHARGE_SCRIPT, 1, key, String(more), String(this.options.printJobLimit()), String(this.options.windowMs))) as [number, number, number];
      } catch {
        throw new AppError(503, 'queue_unavailable', 'Rosette cannot reach its queue and limits for a moment; nothing you sent before was lost; please try again shortly', [], { 'Retry-After': '5' });
      }
      const [added, , ttl] = answer;
      if (added !== 1) {
        const { error } = rateLimitedBody();
        throw new AppError(429, error.code, `a run of ${variants} versions counts as ${variants} print jobs, more than your network has left in this window; ${error.message}`, [], { 'Retry-After': String(Math.max(1, Math.ceil(ttl / 1000))) });
      }
    }
    state.admittedSinceSample += more;
  }
}
