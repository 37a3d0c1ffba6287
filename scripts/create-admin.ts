import path from 'node:path';
import { loadConfig, type Config } from '../common/node/config';
import { answeringRedisUrl, redisUrlForPeople } from '../common/node/find-redis';
import { createFailFastRedis } from '../common/node/redis-connection';
import { AccountStore } from '../server/accounts/account-store';
import { OrganisationStore } from '../server/accounts/organisation-store';
import { AuditLog } from '../server/audit/audit-log';
import { runCreateAdmin } from '../server/accounts/create-admin-command';

/**
 * Why no admin could be made when no Redis answers, and how to point the command at the one Rosette
 * uses: `npm start` runs its own under DATA_DIR/redis, password in DATA_DIR/redis/password.
 */
export function noRedisMessage(config: { REDIS_URL: string; DATA_DIR: string }): string {
  return (
    `admin:create could not reach Redis at ${redisUrlForPeople(config.REDIS_URL)} (REDIS_URL), nor with the password of npm start's own Redis in ${path.join(config.DATA_DIR, 'redis', 'password')} (DATA_DIR). ` +
    `Start Rosette first (npm start), or run this with the REDIS_URL and DATA_DIR Rosette runs with, e.g. REDIS_URL=redis://127.0.0.1:6479 DATA_DIR=/path/to/data npm run admin:create -- --email you@example.org --org "Your organisation".`
  );
}

/** `npm run admin:create -- --email x@y --org "Riverside Labour"`: see create-admin-command.ts. */
async function main(config: Config): Promise<void> {
  // Ask first, with a bare PING (about a second at most), rather than let a client library retry for a minute.
  const url = await answeringRedisUrl(config);
  if (!url) {
    console.error(noRedisMessage(config));
    process.exitCode = 1;
    return;
  }
  const redis = createFailFastRedis(url, { enableOfflineQueue: true, maxRetriesPerRequest: 3 });
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

if (require.main === module) {
  const config = loadConfig(process.env);
  main(config).catch((err: unknown) => {
    console.error(`admin:create failed: ${err instanceof Error ? err.message : String(err)} (Redis at ${redisUrlForPeople(config.REDIS_URL)})`);
    process.exit(1);
  });
}
