import fs from 'node:fs';
import path from 'node:path';
import { answersPostgres } from './local-postgres';
import { REDIS_PASSWORD_FILE, withPassword } from './local-redis-password';
import { isLoopbackUrl } from './service-url';

/**
 * The URL to reach this configuration's PostgreSQL with, within about half a second, or null when
 * nothing speaks PostgreSQL at DATABASE_URL. When DATABASE_URL is local and carries no password and
 * `npm start` runs its own cluster under DATA_DIR/postgres, that cluster's password (kept in
 * DATA_DIR/postgres/password) is added. The file is only read here: its folder's modes are npm start's
 * to set (as root, PostgreSQL runs as `nobody` and must be able to enter it). Never print the result.
 */
export async function answeringDatabaseUrl(config: { DATABASE_URL: string; DATA_DIR: string }): Promise<string | null> {
  if (!(await answersPostgres(config.DATABASE_URL))) return null;
  const url = new URL(config.DATABASE_URL);
  const file = path.join(path.resolve(config.DATA_DIR, 'postgres'), REDIS_PASSWORD_FILE);
  if (!isLoopbackUrl(config.DATABASE_URL) || url.password || !fs.existsSync(file)) return config.DATABASE_URL;
  return withPassword(config.DATABASE_URL, fs.readFileSync(file, 'utf8').trim());
}
