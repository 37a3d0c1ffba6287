import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../common/node/config';
import { localRedisPassword, REDIS_PASSWORD_FILE, withPassword } from '../common/node/local-redis-password';
import { backupDatabase, restoreDatabase } from '../server/database/backup';

/**
 * `npm run db:backup -- <file>` and `npm run db:restore -- <file>` (docs/operations.md): pg_dump and
 * pg_restore against DATABASE_URL, with the password of the PostgreSQL `npm start` runs under
 * DATA_DIR/postgres when the URL has none.
 */
async function main(): Promise<void> {
  const [action, file] = process.argv.slice(2);
  if ((action !== 'backup' && action !== 'restore') || !file) {
    console.error('usage: node dist/scripts/db-backup.js backup|restore <file>');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  let url = config.DATABASE_URL;
  const passwordDir = path.resolve(config.DATA_DIR, 'postgres');
  if (!new URL(url).password && fs.existsSync(path.join(passwordDir, REDIS_PASSWORD_FILE))) url = withPassword(url, localRedisPassword(passwordDir, 'PostgreSQL'));
  if (action === 'backup') {
    await backupDatabase(url, path.resolve(file));
    fs.chmodSync(path.resolve(file), 0o600);
    console.log(`backed up the database to ${path.resolve(file)} (0600: it holds password hashes)`);
  } else {
    await restoreDatabase(url, path.resolve(file));
    console.log(`restored ${path.resolve(file)} into the database; start the servers again`);
  }
}

main().catch((err: unknown) => {
  console.error(`db-backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
