import { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../../../common/queue/names';
import { AccountStore } from '../../../server/accounts/account-store';
import { InviteStore } from '../../../server/accounts/invite-store';
import { AuditLog } from '../../../server/audit/audit-log';
import type { RosetteDatabase } from '../../../server/database/create-database';
import { importFromRedis } from '../../../server/database/import-from-redis';
import { DesignStore } from '../../../server/designs/design-store';
import { PrintQueue } from '../../../server/print-jobs/print-queue';
import { TokenDigester } from '../../../server/secrets/token-digester';
import { ShareLinkStore } from '../../../server/share-links/share-link-store';
import { AccountStore as RedisAccountStore } from '../../support/legacy-redis/account-store';
import { AuditLog as RedisAuditLog } from '../../support/legacy-redis/audit-log';
import { DesignStore as RedisDesignStore } from '../../support/legacy-redis/design-store';
import { InviteStore as RedisInviteStore } from '../../support/legacy-redis/invite-store';
import { OrganisationStore as RedisOrganisationStore } from '../../support/legacy-redis/organisation-store';
import { ShareLinkStore as RedisShareLinkStore } from '../../support/legacy-redis/share-link-store';
import { SwitchStore as RedisSwitchStore } from '../../support/legacy-redis/switch-store';
import { SwitchTrail } from '../../../server/admin/switch-trail';
import { findTemplate } from '../../../common/templates/templates';
import { designSchema } from '../../../common/design/design-schema';
import { createTestDatabase, type TestDatabase } from '../../support/test-postgres';
import { startTestRedis } from '../../support/test-redis';

const HOUR = 3600_000;
const digester = new TokenDigester(Buffer.from('an import test secret of enough length 0123456789'));
let redisServer: Awaited<ReturnType<typeof startTestRedis>>;
let redis: Redis;
let database: TestDatabase;
let connection: RosetteDatabase;
let queue: PrintQueue;
const now = () => 1_800_000_000_000;

/** An installation's records, made by main's own Redis stores (test/support/legacy-redis/). */
async function makeOldInstallation() {
  const orgs = new RedisOrganisationStore(redis);
  const accounts = new RedisAccountStore(redis, now);
  const invites = new RedisInviteStore(redis, digester, 72 * HOUR, now);
  const riverside = await orgs.findOrCreate('Riverside Labour');
  const hillside = await orgs.findOrCreate('Hillside Greens');
  const ann = await accounts.create({ email: 'ann@example.org', role: 'admin', orgId: riverside.id, status: 'active', passwordHash: 'scrypt$ann' });
  const bob = await accounts.create({ email: 'bob@example.org', role: 'campaigner', orgId: hillside.id, status: 'invited' });
  const invite = await invites.issue(bob);
  await accounts.update(bob.id, { inviteDigest: invite.digest });
  const design = designSchema.parse(findTemplate('a5-flyer')!.design);
  const saved = await new RedisDesignStore(redis, now).create(riverside.id, ann.id, { ...design, title: 'Old leaflet' });
  const links = new RedisShareLinkStore(redis, digester, now);
  const jobId = 'a'.repeat(32);
  const front = { geometry: { trim: { width: 148, height: 210 }, bleed: 3 }, items: [] } as never;
  const { token } = await links.create({ jobId, orgId: riverside.id, pdfHash: 'b'.repeat(64), title: 'Old leaflet', pages: 2, bytes: 1234, front }, null, ann.id);
  const audit = new RedisAuditLog(redis, now);
  await audit.record('account.invited', ann.id, bob.id);
  await audit.record('share-link.withdrawn', ann.id, 'c'.repeat(32));
  // The switch's trail: one change by an account, one by the admin token (a label, not a person).
  const switches = new RedisSwitchStore(redis);
  await switches.write({ mode: 'on', message: 'Back by six', expectedBackAt: '2027-01-15T18:00:00.000Z', reason: 'moving servers', setBy: `account:${ann.id}`, setAt: '2027-01-15T08:00:00.000Z' }, 'auto');
  await switches.write({ mode: 'auto', message: null, expectedBackAt: null, reason: 'moved', setBy: 'ops-token', setAt: '2027-01-15T09:00:00.000Z' }, 'on');
  return { riverside, hillside, ann, bob, invite, saved, token, jobId };
}

beforeAll(async () => {
  redisServer = await startTestRedis();
  redis = new Redis(redisServer.url);
  database = await createTestDatabase();
  connection = database.open();
  queue = new PrintQueue(redis);
});
afterAll(async () => {
  await queue.close();
  redis.disconnect();
  await redisServer.cleanup();
  await connection.close();
  await database.cleanup();
});

describe('npm run db:import-redis', () => {
  it('copies accounts, organisations, invites, designs, share links and the audit log made by the Redis stores, and a second run copies nothing twice', async () => {
    const old = await makeOldInstallation();
    const db = connection.db;
    const first = await importFromRedis(redis, db, { now, queue });
    expect(first).toMatchObject({ organisations: 2, accounts: 2, invites: 1, designs: 1, shareLinks: 1, auditEntries: 4, skipped: 0 });

    // Read back through the PostgreSQL stores, as the servers will.
    const accounts = new AccountStore(db, now);
    expect(await accounts.findByEmail('ann@example.org')).toMatchObject({ id: old.ann.id, role: 'admin', status: 'active', passwordHash: 'scrypt$ann', orgId: old.riverside.id });
    expect(await new InviteStore(db, digester, 72 * HOUR, now).peek(old.invite.token)).toBe(old.bob.id);
    const designs = new DesignStore(db, now);
    expect(await designs.get(old.riverside.id, old.saved.id)).toMatchObject({ title: 'Old leaflet', version: 1, createdBy: old.ann.id });
    expect(await designs.get(old.hillside.id, old.saved.id)).toBeNull();
    const links = new ShareLinkStore(db, digester, now);
    expect(await links.findByToken(old.token)).toMatchObject({ jobId: old.jobId, orgId: old.riverside.id, createdBy: old.ann.id });
    expect(await links.listForOrganisation(old.riverside.id)).toHaveLength(1);
    const audit = await new AuditLog(db, now).recent();
    expect(audit.map((e) => e.action)).toEqual(['maintenance.auto', 'maintenance.on', 'share-link.withdrawn', 'account.invited']);
    // The console's switch trail now reads them from PostgreSQL, as they were.
    expect(await new SwitchTrail(new AuditLog(db, now)).recent()).toEqual([
      { at: '2027-01-15T09:00:00.000Z', who: 'ops-token', from: 'on', to: 'auto', reason: 'moved', message: null, expectedBackAt: null },
      { at: '2027-01-15T08:00:00.000Z', who: `account:${old.ann.id}`, from: 'auto', to: 'on', reason: 'moving servers', message: 'Back by six', expectedBackAt: '2027-01-15T18:00:00.000Z' },
    ]);

    const again = await importFromRedis(redis, db, { now, queue });
    expect(again).toEqual({ organisations: 0, accounts: 0, invites: 0, designs: 0, printRecords: 0, shareLinks: 0, auditEntries: 0, skipped: 0 });
    expect(await new AuditLog(db, now).recent()).toHaveLength(4);
  });

  it('copies the print jobs the queue still holds as print records', async () => {
    const org = (await connection.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    const q = new Queue(PRINT_QUEUE, { connection: redis, prefix: QUEUE_PREFIX });
    const design = designSchema.parse(findTemplate('a5-flyer')!.design);
    await q.add('render-pdf', { design, copies: 1, pdfHash: 'd'.repeat(64), acceptedAt: now(), orgId: org } as never, { jobId: 'e'.repeat(32) });
    await q.close();
    const counts = await importFromRedis(redis, connection.db, { now, queue });
    expect(counts.printRecords).toBe(1);
    expect(await connection.db.selectFrom('print_jobs').select(['status', 'org_id']).where('id', '=', 'e'.repeat(32)).executeTakeFirst()).toEqual({ status: 'waiting', org_id: org });
  });
});
