import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AppError } from '../http/app-error';
import { RecoveringRedisStore } from '../http/recovering-redis-store';

export interface AddressRateLimitOptions {
  redis: Redis;
  logger: Logger;
  /** Redis key prefix (from common/queue/names.ts). */
  prefix: string;
  /** Requests one address may make in the window. */
  limit: number;
  /** Length of the window, milliseconds. */
  windowMs: number;
  /** Count only failed requests (status >= 400), so people who type their password right are never held up. */
  skipSuccessfulRequests?: boolean;
}

/**
 * A per-address limit (express-rate-limit, counted in Redis so every server process shares it).
 * Answers 429 with Retry-After in the API's error format. IPv6 addresses are grouped by /56, since
 * one household or phone gets a whole block.
 */
export function addressRateLimit(options: AddressRateLimitOptions): RequestHandler {
  const store = new RecoveringRedisStore({
    prefix: options.prefix,
    sendCommand: (command: string, ...args: string[]) => options.redis.call(command, ...args) as Promise<never>,
  });
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ipv6Subnet: 56,
    skipSuccessfulRequests: options.skipSuccessfulRequests ?? false,
    store,
    logger: {
      warn: (problem: unknown) => options.logger.warn({ err: describe(problem) }, 'rate limiter warning'),
      error: (problem: unknown) => options.logger.warn({ err: describe(problem) }, 'rate limit store problem'),
    },
    handler: (req, _res, next, limitOptions) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = Math.max(1, Math.ceil(resetTime ? (resetTime.getTime() - Date.now()) / 1000 : limitOptions.windowMs / 1000));
      next(new AppError(429, 'too_many_attempts', `too many attempts from your network; try again in ${Math.ceil(seconds / 60)} minutes`, [], { 'Retry-After': String(seconds) }));
    },
  });
}

function describe(problem: unknown): string {
  return problem instanceof Error ? problem.message : String(problem);
}
