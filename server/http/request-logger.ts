import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** The header a request id comes in on (from the reverse proxy) and goes back out on. */
export const REQUEST_ID_HEADER = 'X-Request-Id';
/**
 * An incoming request id is kept only if it looks like one (nginx's 32 hex digits, a UUID, a
 * trace id): letters, digits, `.`, `_`, `-`, `:`, 8 to 128 of them. Anything else is replaced, so a
 * client cannot forge log lines or smuggle data through the header.
 */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/** Health checks run every few seconds per replica: logged at debug, not info. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);
/** Request headers worth a log line; cookies, authorization and the rest never reach one. */
const LOGGED_HEADERS = ['user-agent', 'content-type', 'content-length'] as const;
/** Anything shaped like an e-mail address in a path, its `@` plain or percent-encoded. */
const EMAIL = /[^/@\s]+(?:@|%40)[^/@\s]+/gi;

/** The request id pino-http gave this request (also on `req.id`). */
export function requestIdOf(req: IncomingMessage): string {
  return String(req.id);
}

/**
 * Logs one JSON line per request when it ends (method, path, route pattern, status, time) and gives
 * `req.log`, a child logger whose every line carries `reqId`. The id comes from `X-Request-Id` when
 * the proxy sent a valid one, so proxy and app lines of one request share it; otherwise it is a new
 * UUID. It is sent back in `X-Request-Id`, for support requests ("my upload failed, id ...").
 *
 * Personal data stays out: no query strings (they can carry tokens), e-mail addresses in paths are
 * masked, only a few harmless headers are logged, and the client address is cut to its network
 * (/24 for IPv4, /48 for IPv6): enough to see where a flood comes from, not who is reading. The
 * logger's own redaction (common/node/logger.ts) is a second line behind this.
 *
 * Quiet in tests: it logs through `logger`, which tests create silent. Answers that are part of
 * shedding (429, 503) are logged at debug, since a flood would otherwise become a flood of log lines;
 * they are counted in the metrics instead.
 */
export function requestLogger(deps: { logger: Logger }): RequestHandler {
  const middleware = pinoHttp({
    logger: deps.logger,
    quietReqLogger: true,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string; headers: Record<string, unknown>; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        path: safePath(req.url),
        headers: pickHeaders(req.headers),
        network: networkOf(req.remoteAddress),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customSuccessObject(req, res, value: Record<string, unknown>) {
      return { ...value, route: routeOf(req) };
    },
    customErrorObject(req, res, _err, value: Record<string, unknown>) {
      return { ...value, route: routeOf(req) };
    },
    customLogLevel(req, res, err) {
      if (res.statusCode === 429 || res.statusCode === 503) return 'debug';
      if (err || res.statusCode >= 500) return 'error';
      if (QUIET_PATHS.has(safePath(req.url ?? ''))) return 'debug';
      return 'info';
    },
  });
  return middleware as unknown as RequestHandler;
}

/**
 * A share-link path's token, in any case: the app routes only `/s/` and `/api/share/`, but a path is
 * logged whatever it turns out to be, and `/S/<token>` holds the same credential.
 */
const SHARE_TOKEN = /^\/(s|api\/share)\/[^/]+/i;

/** The path without its query string, with e-mail addresses and share-link tokens (credentials) masked. */
export function safePath(url: string): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  return path.slice(0, 300).replace(EMAIL, '[email]').replace(SHARE_TOKEN, '/$1/[token]');
}

/** The client's network, not its address: 203.0.113.0/24, 2001:db8:1::/48. */
export function networkOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.\d+$/.exec(address);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (address.includes(':')) {
    const groups = address.split('::')[0]!.split(':').filter(Boolean).slice(0, 3);
    while (groups.length < 3) groups.push('0');
    return `${groups.join(':')}::/48`;
  }
  return undefined;
}

function pickHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of LOGGED_HEADERS) if (headers[name] !== undefined) picked[name] = headers[name];
  return picked;
}

function routeOf(req: IncomingMessage): string | undefined {
  const r = req as IncomingMessage & { baseUrl?: string; route?: { path?: unknown } };
  return typeof r.route?.path === 'string' ? `${r.baseUrl ?? ''}${r.route.path}` : undefined;
}
