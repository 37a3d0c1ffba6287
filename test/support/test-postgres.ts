import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../common/node/local-redis';
import { LocalPostgres } from '../../common/node/local-postgres';
import { createDatabase, type RosetteDatabase } from '../../server/database/create-database';
import { migrateToLatest } from '../../server/database/migrate';

/** The environment variable through which the suite's shared PostgreSQL (postgres-global-setup.ts) reaches test files. */
export const SHARED_POSTGRES_ENV = 'ROSETTE_TEST_POSTGRES_URL';
/** The database every test file's fresh database is copied from: migrated once per run. */
export const TEMPLATE_DATABASE = 'rosette_template';

/** A PostgreSQL server of the test's own: initdb in a temporary folder, a free loopback port, trusted local connections. */
export type TestPostgres = LocalPostgres & {
  /** The cluster's folder. */
  dir: string;
  /** Stops the server and removes its folder. */
  cleanup(): Promise<void>;
};

/**
 * Starts a PostgreSQL server of the test's own (never the machine's): a test that stops or freezes
 * PostgreSQL needs one; others take a database of the shared one (createTestDatabase).
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-pg-'));
  // As root, the cluster belongs to `nobody` (LocalPostgres), who must be able to enter this folder.
  if (process.getuid?.() === 0) fs.chmodSync(dir, 0o755);
  const server = new LocalPostgres({ port: await freePort(), dataDir: path.join(dir, 'data'), user: 'rosette', fast: true });
  await server.start();
  return Object.assign(server, {
    dir,
    async cleanup() {
      await server.stop('immediate');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** Runs one statement on a server's `postgres` database (CREATE / DROP DATABASE cannot run in a transaction). */
export async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Makes `name` on the server from the migrated template (a file copy: milliseconds, not a migration run). */
export async function createFromTemplate(serverUrl: string, name: string): Promise<string> {
  await adminQuery(serverUrl, `create database "${name}" template ${TEMPLATE_DATABASE}`);
  return databaseUrl(serverUrl, name);
}

/** Makes and migrates the template database on a server (postgres-global-setup.ts, or a test's own server). */
export async function createTemplate(serverUrl: string): Promise<void> {
  await adminQuery(serverUrl, `create database ${TEMPLATE_DATABASE}`);
  const database = createDatabase({ url: databaseUrl(serverUrl, TEMPLATE_DATABASE), poolSize: 2, connectTimeoutMs: 10_000, statementTimeoutMs: 60_000 });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
}

/** A fresh, migrated database of the test file's own, on the suite's shared PostgreSQL (or a server of its own outside jest's global setup). */
export interface TestDatabase {
  /** Where to connect. */
  url: string;
  /** The server's `postgres` database (to make or drop others). */
  serverUrl: string;
  /** Opens Rosette's connection to it (the test closes it). */
  open(options?: { statementTimeoutMs?: number; connectTimeoutMs?: number }): RosetteDatabase;
  /** The PostgreSQL server, when it is the test's own (createTestDatabase({ own: true })): a test may stop and start it. */
  server: TestPostgres | null;
  /** Drops the database (and stops the server, when it was the test's own). */
  cleanup(): Promise<void>;
}

/**
 * Makes a fresh database from the template: every test file starts with empty, current tables.
 * @param options.own On a PostgreSQL server of its own (for tests that stop it), not the run's shared one.
 */
export async function createTestDatabase(options: { own?: boolean } = {}): Promise<TestDatabase> {
  let serverUrl = options.own ? undefined : process.env[SHARED_POSTGRES_ENV];
  let own: TestPostgres | null = null;
  if (!serverUrl) {
    own = await startTestPostgres();
    serverUrl = own.url();
    await createTemplate(serverUrl);
  }
  const name = `rosette_test_${crypto.randomBytes(6).toString('hex')}`;
  const url = await createFromTemplate(serverUrl, name);
  return {
    url,
    serverUrl,
    server: own,
    open: (options = {}) => createDatabase({ url, poolSize: 5, connectTimeoutMs: options.connectTimeoutMs ?? 5_000, statementTimeoutMs: options.statementTimeoutMs ?? 10_000 }),
    async cleanup() {
      if (own) return own.cleanup();
      await adminQuery(serverUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}
