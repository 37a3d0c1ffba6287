import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../common/node/config';
import { rateLimitPrefix } from '../../common/queue/names';
import { routeKindOf } from '../overload/route-kind';
import { AppError } from './app-error';
import { IPV6_SUBNET } from './client-address';
import { BUDGET_OF_KIND, BUDGETS, rateLimitedBody, type Budget } from './rate-limit-budgets';
import { LocalFallbackStore } from './local-fallback-store';
import { RecoveringRedisStore } from './recovering-redis-store';

/** Share of each budget left while the ladder is at busy or above. */
export const TIGHTENED_SHARE = 0.5;

/**
 * Budgets that never wait on Redis: finished PDFs must keep flowing. They are counted in this process's
 * memory while Redis is slow or away (local-fallback-store.ts), and let through should even that fail.
 */
const FAILS_OPEN: Record<Budget, boolean> = { 'print-jobs': false, uploads: false, reads: false, downloads: true };

/** Store problems are logged at most this often, milliseconds (during an outage every request has one). */
const LOG_EVERY_MS = 10_000;

export interface RateLimitOptions {
  /** A fail-fast connection (no offline queue), so a request never waits for a Redis that is away. */
  redis: Redis;
  logger: Logger;
  config: Pick<Config, 'RATE_LIMIT_WINDOW_SECONDS' | 'RATE_LIMIT_PRINT_JOBS' | 'RATE_LIMIT_UPLOADS' | 'RATE_LIMIT_READS' | 'RATE_LIMIT_DOWNLOADS'>;
  /** Whether the ladder is at busy or above: limits tighten. */
  tightened: () => boolean;
  /** Whether Redis answered the last sample: the fail-open budgets skip the store when not. */
  redisUp: () => boolean;
  /** Told of every 429, with the client's key and when its window resets (ms since the epoch), so the gate can answer the next ones itself. */
  onLimited: (budget: Budget, req: IncomingMessage, resetAt: number) => void;
}

export type RateLimits = Record<Budget, RequestHandler>;

/**
 * One express-rate-limit per budget, counted in Redis (rate-limit-redis) so every server process
 * shares the count; keyed by address with IPv6 grouped by /56; standard `RateLimit` headers (IETF
 * draft 8). When Redis is slow or away, downloads are counted in memory, per process; the others answer
 * 503 (never 500).
 */
export function createRateLimits(options: RateLimitOptions): RateLimits {
  const { config } = options;
  const base: Record<Budget, number> = {
    'print-jobs': config.RATE_LIMIT_PRINT_JOBS,
    uploads: config.RATE_LIMIT_UPLOADS,
    reads: config.RATE_LIMIT_READS,
    downloads: config.RATE_LIMIT_DOWNLOADS,
  };
  const logger = throttledLogger(options.logger);
  const windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const shared = (budget: Budget) =>
    new RecoveringRedisStore({
      prefix: rateLimitPrefix(budget),
      sendCommand: (command: string, ...args: string[]) => options.redis.call(command, ...args) as Promise<never>,
    });
  const make = (budget: Budget): RequestHandler => {
    const limiter = rateLimit({
      windowMs,
      limit: () => (options.tightened() ? Math.max(1, Math.floor(base[budget] * TIGHTENED_SHARE)) : base[budget]),
      identifier: budget,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      ipv6Subnet: IPV6_SUBNET,
      store: FAILS_OPEN[budget] ? new LocalFallbackStore(shared(budget), { redisUp: options.redisUp, onFallback: (why) => logger.warn(`Redis ${why}`, `counting ${budget} in this process while Redis is slow or away`) }) : shared(budget),
      passOnStoreError: FAILS_OPEN[budget],
      logger,
      handler: (req, res) => {
        const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
        options.onLimited(budget, req, resetTime ? resetTime.getTime() : Date.now() + windowMs);
        res.status(429).set('Cache-Control', 'no-store').json(rateLimitedBody());
      },
    });
    if (FAILS_OPEN[budget]) return limiter;
    // A store error reaches here (passOnStoreError is off): say "unavailable for a moment", not 500.
    return (req, res, next) => {
      void limiter(req, res, (err?: unknown) => next(err === undefined ? undefined : storeUnavailable()));
    };
  };
  return Object.fromEntries(BUDGETS.map((b) => [b, make(b)])) as RateLimits;
}

/** Marks a request already counted, so a limiter mounted twice on its way (an app inside an app) counts it once. */
const COUNTED = Symbol('rate-limit-counted');

/** Counts each request against its budget (BUDGET_OF_KIND), before any body is read. */
export function limitByRoute(limits: RateLimits): RequestHandler {
  return (req, res, next) => {
    const budget = BUDGET_OF_KIND[routeKindOf(req.method, req.originalUrl)];
    const mark = req as { [COUNTED]?: true };
    if (budget === null || mark[COUNTED]) return next();
    mark[COUNTED] = true;
    return limits[budget](req, res, next);
  };
}

function storeUnavailable(): AppError {
  // The same code as any other answer while Redis is away (error-middleware.ts), so clients need to know only one.
  return new AppError(503, 'queue_unavailable', 'Rosette cannot reach its queue and limits for a moment; nothing you sent before was lost; please try again shortly', [], { 'Retry-After': '5' });
}

/** The limiter's logger, quiet during an outage: one line per LOG_EVERY_MS at most. */
function throttledLogger(logger: Logger) {
  let lastAt = 0;
  const log = (level: 'warn' | 'error') => (problem: unknown, message?: string) => {
    const now = Date.now();
    if (now - lastAt < LOG_EVERY_MS) return;
    lastAt = now;
    logger.warn({ err: problem instanceof Error ? problem.message : String(problem), level }, message ?? 'rate limiter problem');
  };
  return { warn: log('warn'), error: log('error') };
}
