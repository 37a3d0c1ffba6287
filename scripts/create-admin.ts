import { loadConfig } from '../common/node/config';
import { createDatabase } from '../server/database/create-database';
import { migrateToLatest } from '../server/database/migrate';
import { AccountStore } from '../server/accounts/account-store';
import { OrganisationStore } from '../server/accounts/organisation-store';
import { AuditLog } from '../server/audit/audit-log';
import { runCreateAdmin } from '../server/accounts/create-admin-command';

/** `npm run admin:create -- --email x@y --org "Riverside Labour"`: see create-admin-command.ts. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const { db, close } = createDatabase({ url: config.DATABASE_URL, poolSize: 2, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
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

main().catch((err: unknown) => {
  console.error(`admin:create failed: ${err instanceof Error ? err.message : String(err)} (is PostgreSQL running at DATABASE_URL?)`);
  process.exit(1);
});
