import path from 'node:path';
import { loadConfig, type Config } from '../common/node/config';
import { answeringDatabaseUrl } from '../common/node/find-postgres';
import { urlForPeople } from '../common/node/service-url';
import { createDatabase } from '../server/database/create-database';
import { migrateToLatest } from '../server/database/migrate';
import { AccountStore } from '../server/accounts/account-store';
import { OrganisationStore } from '../server/accounts/organisation-store';
import { AuditLog } from '../server/audit/audit-log';
import { runCreateAdmin } from '../server/accounts/create-admin-command';

/**
 * Why no admin could be made when no PostgreSQL answers, and how to point the command at the one
 * Rosette uses: `npm start` runs its own under DATA_DIR/postgres, password in DATA_DIR/postgres/password.
 */
export function noDatabaseMessage(config: { DATABASE_URL: string; DATA_DIR: string }): string {
  return (
    `admin:create could not reach PostgreSQL at ${urlForPeople(config.DATABASE_URL)} (DATABASE_URL; npm start's own keeps its password in ${path.join(config.DATA_DIR, 'postgres', 'password')}, under DATA_DIR). ` +
    `Start Rosette first (npm start), or run this with the DATABASE_URL and DATA_DIR Rosette runs with, e.g. DATABASE_URL=postgres://rosette@127.0.0.1:5479/rosette DATA_DIR=/path/to/data npm run admin:create -- --email you@example.org --org "Your organisation".`
  );
}

/** `npm run admin:create -- --email x@y --org "Riverside Labour"`: see create-admin-command.ts. */
async function main(config: Config): Promise<void> {
  // Ask first, with a bare handshake (half a second at most), rather than let a pool retry.
  const url = await answeringDatabaseUrl(config);
  if (!url) {
    console.error(noDatabaseMessage(config));
    process.exitCode = 1;
    return;
  }
  const { db, close } = createDatabase({ url, poolSize: 2, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
  try {
    // Run before any server has: the tables may not exist yet.
    await migrateToLatest(db);
    const code = await runCreateAdmin(process.argv.slice(2), { accounts: new AccountStore(db, Date.now), organisations: new OrganisationStore(db, Date.now), audit: new AuditLog(db, Date.now) }, {
      readStdin: async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      },
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
    process.exitCode = code;
  } finally {
    await close();
  }
}

if (require.main === module) {
  const config = loadConfig(process.env);
  main(config).catch((err: unknown) => {
    console.error(`admin:create failed: ${err instanceof Error ? err.message : String(err)} (PostgreSQL at ${urlForPeople(config.DATABASE_URL)})`);
    process.exit(1);
  });
}
