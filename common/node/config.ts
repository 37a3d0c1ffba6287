import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting Rosette reads from the environment, with its default. Secrets have no default. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address the HTTP server listens on. */
  HOST: z.string().default('127.0.0.1'),
  /**
   * Redis for the queue and shared state. The default port is Rosette's own (not 6379), so `npm start`
   * never borrows somebody else's Redis: if nothing answers here, it starts one under DATA_DIR.
   */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6479'),
  /** Start a local redis-server when nothing answers at REDIS_URL (npm start only). */
  REDIS_AUTOSTART: bool.default(true),
  /** Folder for local state: the file store and an auto-started Redis. */
  DATA_DIR: z.string().default('data'),
  /** Folder of the directory file store (uploaded images, rendered PDFs). Defaults to DATA_DIR/files. */
  FILES_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Print jobs one worker process renders at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Largest JSON request body, in bytes. */
  JSON_LIMIT_BYTES: z.coerce.number().int().min(1024).default(512 * 1024),
  /** Largest image upload, in bytes. */
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  /** Largest image upload, in pixels (width x height). */
  UPLOAD_LIMIT_PIXELS: z.coerce.number().int().min(256).default(50_000_000),
});

export type Config = Omit<z.output<typeof configSchema>, 'FILES_DIR'> & { FILES_DIR: string };

/** Reads and checks the configuration once; throws one readable error listing every bad setting. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const c = result.data;
  return { ...c, FILES_DIR: c.FILES_DIR ?? path.join(c.DATA_DIR, 'files') };
}
