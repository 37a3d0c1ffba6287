import { spawn } from 'node:child_process';
import path from 'node:path';
import { postgresBinDir } from '../../common/node/local-postgres';

/**
 * The connection of a DATABASE_URL as libpq's environment variables: the password reaches pg_dump and
 * pg_restore through PGPASSWORD, never their command line (which `ps` shows to every local user).
 */
export function libpqEnvironment(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = { PGHOST: u.hostname.replace(/^\[|\]$/g, ''), PGPORT: u.port || '5432', PGDATABASE: decodeURIComponent(u.pathname.slice(1)) || 'postgres' };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** Runs pg_dump or pg_restore (PostgreSQL's own, from postgresBinDir() or the PATH) against the URL's database. */
async function run(program: 'pg_dump' | 'pg_restore', url: string, args: string[]): Promise<void> {
  const dir = postgresBinDir();
  const command = dir ? path.join(dir, program) : program;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...libpqEnvironment(url) } });
    let errors = '';
    child.stderr.on('data', (c: Buffer) => (errors += c.toString()));
    child.on('error', (err) => reject(new Error(`${program} could not run (${err.message}): install PostgreSQL's client programs (Debian: postgresql-client)`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${program} failed (exit ${code}): ${errors.trim().split('\n').slice(-3).join(' ')}`))));
  });
}

/**
 * Writes a consistent snapshot of the database (pg_dump's custom format: compressed, restorable table by
 * table) to `file`. It runs in one repeatable-read transaction, so servers keep working meanwhile.
 */
export function backupDatabase(url: string, file: string): Promise<void> {
  return run('pg_dump', url, ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`]);
}

/**
 * Restores a backup into the URL's database, replacing what it holds of Rosette's tables (--clean). Stop
 * the servers first; restore into an empty database to be sure nothing else is left over.
 */
export function restoreDatabase(url: string, file: string): Promise<void> {
  return run('pg_restore', url, ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${libpqEnvironment(url).PGDATABASE}`, file]);
}
