import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { isDatabaseUnavailable } from './database-unavailable-error';
import { MIGRATIONS } from './migrations';

/** Table where the migrator records what has run. */
export const MIGRATION_TABLE = 'schema_migrations';
export const MIGRATION_LOCK_TABLE = 'schema_migrations_lock';

/** A migrator over Rosette's migrations (migrations/index.ts), all of them or the first `upTo`. */
export function rosetteMigrator(db: Kysely<any>, upTo?: string): Migrator {
  const names = Object.keys(MIGRATIONS);
  const chosen = upTo === undefined ? names : names.slice(0, names.indexOf(upTo) + 1);
  if (upTo !== undefined && !names.includes(upTo)) throw new Error(`no migration is called ${upTo}`);
  return new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(chosen.map((n) => [n, MIGRATIONS[n]!])) },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
}

/**
 * Brings the schema up to date; run by every server at start-up. Kysely's migrator holds a PostgreSQL
 * advisory lock while it works, so servers starting together run each migration once; each migration
 * runs in a transaction of its own. Throws, naming the migration, when one fails.
 * @returns Names of the migrations it ran (none when the schema was current).
 */
export async function migrateToLatest(db: Kysely<any>, upTo?: string): Promise<string[]> {
  const { error, results }: MigrationResultSet = await rosetteMigrator(db, upTo).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const message = error instanceof Error ? error.message : String(error ?? 'failed');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Pause between two attempts to reach PostgreSQL at start-up, milliseconds. */
const START_RETRY_MS = 2_000;

/**
 * migrateToLatest, waiting for PostgreSQL while it cannot be reached (a server started before its
 * database, as compose may): says so once, then tries every START_RETRY_MS. A failing migration throws.
 */
export async function migrateWhenReachable(db: Kysely<any>, log: { warn(message: string): void }): Promise<string[]> {
  let said = false;
  for (;;) {
    try {
      return await migrateToLatest(db);
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause;
      if (!isDatabaseUnavailable(err) && !isDatabaseUnavailable(cause)) throw err;
      if (!said) log.warn('waiting for PostgreSQL (DATABASE_URL) to answer before migrating');
      said = true;
      await new Promise((r) => setTimeout(r, START_RETRY_MS));
    }
  }
}
