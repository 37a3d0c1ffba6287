import { loadConfig } from '../common/node/config';
import { createFailFastRedis } from '../common/node/redis-connection';
import { AccountStore } from '../server/accounts/account-store';
import { OrganisationStore } from '../server/accounts/organisation-store';
import { AuditLog } from '../server/audit/audit-log';
import { runCreateAdmin } from '../server/accounts/create-admin-command';

/** `npm run admin:create -- --email x@y --org "Riverside Labour"`: see create-admin-command.ts. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const redis = createFailFastRedis(config.REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: 3 });
  redis.on('error', () => undefined);
  try {
    const code = await runCreateAdmin(process.argv.slice(2), { accounts: new AccountStore(redis, Date.now), organisations: new OrganisationStore(redis), audit: new AuditLog(redis, Date.now) }, {
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
    redis.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(`admin:create failed: ${err instanceof Error ? err.message : String(err)} (is Redis running at REDIS_URL?)`);
  process.exit(1);
});
