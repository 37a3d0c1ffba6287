import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { freePort } from '../common/node/local-redis';
import { LocalPostgres } from '../common/node/local-postgres';
import { designSchema } from '../common/design/design-schema';
import { findTemplate } from '../common/templates/templates';
import { AccountStore } from '../server/accounts/account-store';
import { OrganisationStore } from '../server/accounts/organisation-store';
import { createDatabase } from '../server/database/create-database';
import { migrateToLatest } from '../server/database/migrate';
import { DesignStore } from '../server/designs/design-store';
import { TokenDigester } from '../server/secrets/token-digester';
import { ShareLinkStore } from '../server/share-links/share-link-store';
import { fmt, percentiles, timeRuns } from './stats';

/**
 * `npm run bench:database`: the stores against a PostgreSQL of the bench's own (durable: fsync on, as in
 * production), each figure next to a baseline measured in the same run (`select 1` through the same
 * pool). Targets (issue 14): a design version saved p99 < 20 ms; an organisation's 1,000 designs listed
 * < 50 ms; a share link resolved from its cache < 1 ms.
 */
async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-bench-db-'));
  if (process.getuid?.() === 0) fs.chmodSync(dir, 0o755);
  const server = new LocalPostgres({ port: await freePort(), dataDir: path.join(dir, 'data'), user: 'rosette' });
  await server.start();
  const database = createDatabase({ url: server.url(), poolSize: 10, connectTimeoutMs: 5000, statementTimeoutMs: 30_000 });
  try {
    const { db } = database;
    await migrateToLatest(db);
    const now = Date.now;
    const org = await new OrganisationStore(db, now).findOrCreate('Bench Party');
    const account = await new AccountStore(db, now).create({ email: 'bench@example.org', role: 'campaigner', orgId: org.id, status: 'active', passwordHash: 'scrypt$bench' });
    const designs = new DesignStore(db, now);
    const design = designSchema.parse(findTemplate('a5-flyer')!.design);
    const lines: string[] = [];
    const say = (what: string, samples: number[]) => {
      const p = percentiles(samples);
      lines.push(`${what.padEnd(44)} median ${fmt(p.median, 3)} ms   p95 ${fmt(p.p95, 3)} ms   p99 ${fmt(p.p99, 3)} ms`);
    };

    say('baseline: select 1 through the pool', await timeRuns(500, 50, () => sql`select 1`.execute(db)));
    const first = await designs.create(org.id, account.id, design);
    let n = 0;
    say('save a design version (update)', await timeRuns(500, 20, () => designs.update(org.id, first.id, { ...design, title: `Version ${++n}` }, account.id)));
    for (let i = 1; i < 1000; i++) await designs.create(org.id, account.id, { ...design, title: `Design ${i}` });
    const listed = await designs.list(org.id);
    if (listed.length !== 1000) throw new Error(`listed ${listed.length} designs, not 1000`);
    say('list an organisation\'s 1,000 designs', await timeRuns(100, 10, () => designs.list(org.id)));

    const digester = new TokenDigester(Buffer.from('a bench secret that is long enough to be a key'));
    const links = new ShareLinkStore(db, digester, now);
    const jobId = 'a'.repeat(32);
    const front = { geometry: { trim: { width: 148, height: 210 }, bleed: 3 }, items: [] } as never;
    const { token } = await links.create({ jobId, orgId: org.id, pdfHash: 'b'.repeat(64), title: 'Bench', pages: 2, bytes: 1000, front }, null, account.id);
    await links.cache.poll();
    say('resolve a share link (cache, with the digest)', await timeRuns(10_000, 100, () => links.findByToken(token)));
    const uncached = new ShareLinkStore(db, digester, now);
    say('resolve a share link (table: a cache miss)', await timeRuns(500, 20, () => uncached.findByToken(token).then(() => uncached.cache.forget(digester.digest('share', token)))));
    console.log(`PostgreSQL ${(await sql<{ server_version: string }>`show server_version`.execute(db)).rows[0]!.server_version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    for (const line of lines) console.log(line);
  } finally {
    await database.close();
    await server.stop('fast');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench:database failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
