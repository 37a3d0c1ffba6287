import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { parseColour } from '../design/colour';

/** An optional setting for which unset and empty (`S3_ENDPOINT=` in a compose file) both mean "not set". */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting Rosette reads from the environment, with its default. Secrets have no default. */
/** Default of SHARE_LINK_CACHE_ENTRIES: links one server process holds in memory. */
export const DEFAULT_SHARE_LINK_CACHE_ENTRIES = 10_000;

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address the HTTP server listens on. */
  HOST: z.string().default('127.0.0.1'),
  /**
   * A second TCP port (on HOST) for what must keep working through a flood: finished PDFs, share links,
   * health checks, signing in and the admin console, and nothing else (421 for other paths). Its own
   * listening socket has its own accept queue, so these connections never wait behind a flood's (Node
   * accepts one connection per turn of its event loop). The reverse proxy sends those paths here
   * (deploy/nginx.conf); never expose it publicly. 0: no second port.
   */
  PRIORITY_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /**
   * Redis for the queue and shared state. The default port is Rosette's own (not 6379), so `npm start`
   * never borrows somebody else's Redis: if nothing answers here, it starts one under DATA_DIR.
   */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6479'),
  /** Start a local redis-server when nothing answers at REDIS_URL (npm start only). */
  REDIS_AUTOSTART: bool.default(true),
  /** Folder for local state: the file store and an auto-started Redis and PostgreSQL. */
  DATA_DIR: z.string().default('data'),
  /**
   * PostgreSQL, the system of record (accounts, organisations, invites, designs and their versions, share
   * links, print records, the audit log). The default port is Rosette's own (not 5432), so `npm start` never
   * borrows somebody else's database: if nothing answers here, it starts one under DATA_DIR/postgres.
   */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').default('postgres://rosette@127.0.0.1:5479/rosette'),
  /** Start a local PostgreSQL when nothing answers at DATABASE_URL (npm start only). */
  DATABASE_AUTOSTART: bool.default(true),
  /** Connections one process keeps to PostgreSQL at most; more queries wait (up to DATABASE_CONNECT_TIMEOUT_MS) for one. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Longest a query waits to get a connection (opening one, or a free one of the pool), milliseconds; then 503. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /** Longest one SQL statement may run (PostgreSQL's statement_timeout, and the client's own bound), milliseconds. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Folder of the directory file store (uploaded images, rendered PDFs). Defaults to DATA_DIR/files. */
  FILES_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * How log lines are written: `json` (one JSON object a line, for log collectors), `pretty` (one
   * coloured line per event and per request, for people), or `auto`: pretty when NODE_ENV is
   * development and the output is a terminal, JSON otherwise (common/node/logger.ts).
   */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** Print jobs one worker process renders at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /**
   * How long a worker's lock on a job lasts, milliseconds; renewed at half that while the job runs. A
   * worker killed mid-render loses its jobs to another worker after this plus up to two stalled intervals.
   */
  WORKER_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** How often a worker looks for jobs whose worker died (stalled jobs), milliseconds. */
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** How long an idle worker blocks on Redis waiting for a job before asking again, seconds. */
  WORKER_DRAIN_DELAY_S: z.coerce.number().int().min(1).max(60).default(5),
  /**
   * Longest one PDF may take to draw, milliseconds; then its render thread is killed and the attempt
   * fails. Two timeouts in a row fail the job for good as too heavy a design.
   */
  WORKER_RENDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /**
   * Scheduling priority of a worker process (nice, 0 to 19): rendering is background work, so where
   * workers share CPUs with servers, serving requests comes first. 0 leaves the priority alone.
   */
  WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** How often a worker writes its heartbeat key to Redis, milliseconds (the key lives three times as long). */
  WORKER_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /**
   * A worker with no successful Redis round trip for this long, milliseconds, throws its BullMQ worker
   * and connection away and makes new ones. Must be more than twice WORKER_HEARTBEAT_MS.
   */
  WORKER_WATCHDOG_MS: z.coerce.number().int().min(500).max(3_600_000).default(30_000),
  /** Where uploaded images and rendered PDFs live: a folder (FILES_DIR) or an S3-compatible bucket (S3_*). */
  FILE_STORE: z.enum(['directory', 's3']).default('directory'),
  /** Bucket of the S3 file store; required when FILE_STORE=s3. */
  S3_BUCKET: unsetIfEmpty(z.string()),
  /** Endpoint of an S3-compatible service (MinIO, Ceph, R2...), e.g. `http://minio:9000`; unset for AWS S3. */
  S3_ENDPOINT: unsetIfEmpty(z.url({ protocol: /^https?$/ })),
  /** Region of the bucket; S3-compatible services mostly accept any value. */
  S3_REGION: z.string().min(1).default('us-east-1'),
  /**
   * Access key of the S3 file store. With S3_SECRET_ACCESS_KEY, or neither: then the AWS SDK's own chain
   * (instance role, AWS_* variables, ~/.aws) supplies credentials.
   */
  S3_ACCESS_KEY_ID: unsetIfEmpty(z.string()),
  /** Secret of S3_ACCESS_KEY_ID. No default, ever. */
  S3_SECRET_ACCESS_KEY: unsetIfEmpty(z.string()),
  /** Address buckets as `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO and most self-hosted stores need it). */
  S3_FORCE_PATH_STYLE: bool.default(false),
  /** Port of a server process's Prometheus endpoint (GET /metrics); 0 picks a free port. Never the public PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** Port of a worker process's Prometheus endpoint (GET /metrics, GET /healthz); 0 picks a free port. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
  /** Address the metrics endpoints listen on: loopback unless a scraper on a private network needs them. */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Memory a server process holds small stored files in (finished PDFs and uploaded images up to an
   * eighth of it each), megabytes; 0 streams every download from the store. Counts towards the
   * process's resident memory.
   */
  FILE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(8),
  /**
   * Most share links a server process holds in memory (share-link-cache.ts), entries: the least recently
   * used goes past it, and a link not held is read from PostgreSQL. While PostgreSQL is away only the links
   * held keep working, so keep it above the number of live links where that matters. Each entry is the
   * link's title and front-page drawing (typically a few KB).
   */
  SHARE_LINK_CACHE_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_SHARE_LINK_CACHE_ENTRIES),
  /** Largest JSON request body, in bytes. */
  JSON_LIMIT_BYTES: z.coerce.number().int().min(1024).default(512 * 1024),
  /** Largest image upload, in bytes. */
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  /** Largest image upload, in pixels (width x height). */
  UPLOAD_LIMIT_PIXELS: z.coerce.number().int().min(256).default(50_000_000),
  /**
   * Key that signs session cookies and digests the session ids, invite and share tokens kept in Redis.
   * No default: required (and checked for strength) when the server runs with NODE_ENV=production; in
   * development and tests a random one is made at each start, so sessions end when the server restarts.
   */
  SESSION_SECRET: z.string().min(1).optional(),
  /** A session ends after this long without a request, minutes. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(30 * 24 * 60).default(12 * 60),
  /** A session ends this long after sign-in, however busy, hours. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(7 * 24),
  /** An invite (or an access reset) link works for this long, hours. */
  INVITE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
  /** Sign-in attempts one address may make in 15 minutes, whatever the accounts. */
  SIGN_IN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Failed sign-ins to one account before each further attempt has to wait (1 s, 2 s, 4 s ... up to 15 min). */
  SIGN_IN_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Email of the first admin, created at start-up when no account has this address; with FIRST_ADMIN_PASSWORD. */
  FIRST_ADMIN_EMAIL: z.email('must be an email address').optional(),
  /** Password of the first admin (checked for strength; there is no default). */
  FIRST_ADMIN_PASSWORD: z.string().optional(),
  /** Organisation of the first admin. */
  FIRST_ADMIN_ORG: z.string().trim().min(1).max(120).default('Rosette'),
  /**
   * Read-only machine credential: a bearer token that opens `GET /api/admin/status` (monitoring, the
   * drill) and nothing else; changing anything needs a signed-in admin account. No default: checked for
   * strength when set with NODE_ENV=production; when unset a random one is made (logged at start in
   * development only).
   */
  ADMIN_TOKEN: unsetIfEmpty(z.string()),
  /** Who the status says ADMIN_TOKEN is. */
  ADMIN_TOKEN_LABEL: z.string().trim().min(1).max(60).default('admin-token'),
  /**
   * Which proxies in front of the server to believe about the client's address (X-Forwarded-For):
   * `false` (none, the default), a hop count (`1`), or a comma-separated list of addresses, subnets
   * (`10.0.0.0/8`) and the names `loopback`, `linklocal`, `uniquelocal`. Never `true`: that would let any
   * client pick its own address and dodge every rate limit.
   */
  TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
  /**
   * Print job submissions one server process works on at once (each costs its event loop milliseconds:
   * parse, check, lay out); more wait their turn in order, up to 64 of them for 5 s, then get 503. One at
   * a time still takes print jobs faster than workers render them, and keeps every turn of the loop short.
   */
  HEAVY_REQUESTS_AT_ONCE: z.coerce.number().int().min(1).max(1024).default(1),
  /** Requests one server process handles at once; past it (sooner for cheap anonymous reads) it answers 503. */
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(256),
  /** Longest a new print job may expect to wait in the queue, seconds; past it POST /api/print-jobs answers 503. */
  PRINT_MAX_WAIT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** Resident memory one server process should stay under, megabytes; the overload ladder steps up towards it. */
  RSS_LIMIT_MB: z.coerce.number().int().min(64).max(65_536).default(512),
  /**
   * The inks large areas of solid black print with, `cmyk(c, m, y, k)` in percent, or `none` to print them
   * with black ink alone (text, QR codes and thin shapes always print black ink only).
   */
  PRINT_RICH_BLACK: z
    .string()
    .default('cmyk(60, 40, 40, 100)')
    .transform((v, ctx) => {
      if (v.trim() === 'none') return null;
      const c = parseColour(v.trim());
      if (c?.space !== 'cmyk' || c.k < 100) {
        ctx.addIssue({ code: 'custom', message: 'must be cmyk(c, m, y, 100) (a black with full black ink) or none' });
        return z.NEVER;
      }
      return { c: c.c, m: c.m, y: c.y, k: c.k };
    }),
  /** Highest total ink (C+M+Y+K) a colour or a photo may print with, percent; more is a preflight warning. */
  PRINT_MAX_INK_COVERAGE: z.coerce.number().int().min(200).max(400).default(300),
  /**
   * The SMTP server Rosette sends email through (print orders to printers, the agent's copy):
   * `smtp://user:password@host:587` (STARTTLS when the server offers it) or `smtps://…:465`. Unset: nothing
   * is sent, and the screen shows each message's text to copy into your own email.
   */
  SMTP_URL: unsetIfEmpty(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })),
  /** The From of Rosette's email, such as `Rosette <rosette@riverside-labour.org.uk>`; needed with SMTP_URL. */
  MAIL_FROM: unsetIfEmpty(z.string().trim().min(3).max(254)),
  /**
   * The address people reach Rosette at, such as `https://print.riverside-labour.org.uk`: links in email
   * (a printer's PDF link) start with it. Defaults to http://HOST:PORT, right only on one machine.
   */
  PUBLIC_URL: unsetIfEmpty(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  /** Length of every rate-limit window, seconds. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Print jobs one address may send per window (halved while busy). */
  RATE_LIMIT_PRINT_JOBS: z.coerce.number().int().min(1).default(30),
  /** Image uploads one address may send per window (halved while busy). */
  RATE_LIMIT_UPLOADS: z.coerce.number().int().min(1).default(60),
  /** API reads and page loads one address may make per window (halved while busy). */
  RATE_LIMIT_READS: z.coerce.number().int().min(1).default(1200),
  /** PDF downloads one address may make per window (halved while busy). */
  RATE_LIMIT_DOWNLOADS: z.coerce.number().int().min(1).default(600),
});

/** Names proxy-addr (Express's `trust proxy`) understands besides addresses and subnets. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY as Express's `trust proxy` takes it: false, a hop count, or a list of addresses. `true`
 * (trust every hop) is refused, as is anything that is not an address, a subnet or a known name.
 */
export function parseTrustProxy(value: string, ctx: z.RefinementCtx): false | number | string[] {
  const v = value.trim();
  if (v === 'false' || v === '' || v === '0') return false;
  if (v === 'true') {
    ctx.addIssue({ code: 'custom', message: 'must not be true (any client could then choose its own address); give a hop count or the proxies\' addresses' });
    return z.NEVER;
  }
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.find((e) => !PROXY_NAMES.has(e) && !isAddressOrSubnet(e));
  if (bad !== undefined) {
    ctx.addIssue({ code: 'custom', message: `"${bad.slice(0, 60)}" is not a hop count, an address, a subnet or one of ${[...PROXY_NAMES].join(', ')}` });
    return z.NEVER;
  }
  return entries;
}

function isAddressOrSubnet(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (net.isIP(bits) === 4) return family === 4; // a netmask, such as 255.255.0.0
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

export type Config = Omit<z.output<typeof configSchema>, 'FILES_DIR'> & { FILES_DIR: string };

/** Reads and checks the configuration once; throws one readable error listing every bad setting. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const c = result.data;
  if (c.WORKER_WATCHDOG_MS <= 2 * c.WORKER_HEARTBEAT_MS) {
    throw new Error(`invalid configuration: WORKER_WATCHDOG_MS (${c.WORKER_WATCHDOG_MS}) must be more than twice WORKER_HEARTBEAT_MS (${c.WORKER_HEARTBEAT_MS})`);
  }
  if (c.PRIORITY_PORT !== 0 && (c.PRIORITY_PORT === c.PORT || c.PRIORITY_PORT === c.METRICS_PORT)) {
    throw new Error(`invalid configuration: PRIORITY_PORT (${c.PRIORITY_PORT}) must differ from PORT and METRICS_PORT`);
  }
  if (c.SMTP_URL !== undefined && c.MAIL_FROM === undefined) throw new Error('invalid configuration: MAIL_FROM must be set when SMTP_URL is');
  if (c.FILE_STORE === 's3' && !c.S3_BUCKET) throw new Error('invalid configuration: S3_BUCKET must be set when FILE_STORE=s3');
  if (Boolean(c.S3_ACCESS_KEY_ID) !== Boolean(c.S3_SECRET_ACCESS_KEY)) {
    throw new Error('invalid configuration: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither');
  }
  if ((c.FIRST_ADMIN_EMAIL === undefined) !== (c.FIRST_ADMIN_PASSWORD === undefined)) {
    throw new Error('invalid configuration: set FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD together, or neither');
  }
  // Loaded only when needed: the strength checker's dictionaries cost half a second of CPU to load, in
  // every process that reads the configuration (npm start's, the worker's, admin:create's).
  const weakAdminPassword =
    c.FIRST_ADMIN_PASSWORD === undefined
      ? null
      : (require('../accounts/password-policy') as typeof import('../accounts/password-policy')).passwordProblem(c.FIRST_ADMIN_PASSWORD, { email: c.FIRST_ADMIN_EMAIL, organisation: c.FIRST_ADMIN_ORG });
  if (weakAdminPassword) throw new Error(`invalid configuration: FIRST_ADMIN_PASSWORD ${weakAdminPassword}`);
  return { ...c, FILES_DIR: c.FILES_DIR ?? path.join(c.DATA_DIR, 'files') };
}
