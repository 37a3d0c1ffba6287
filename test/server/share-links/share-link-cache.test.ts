import { loadConfig } from '../../../common/node/config';
import type { RosetteDatabase } from '../../../server/database/create-database';
import { randomId } from '../../../server/secrets/random-token';
import { TokenDigester } from '../../../server/secrets/token-digester';
import { ShareLinkCache } from '../../../server/share-links/share-link-cache';
import { ShareLinkStore } from '../../../server/share-links/share-link-store';
import type { ShareLink } from '../../../server/share-links/share-link';
import { createTestDatabase, type TestDatabase } from '../../support/test-postgres';

const digester = new TokenDigester(Buffer.from('a share-link cache test secret, long enough 0123456789'));
const now = () => Date.now();
const front = { geometry: { trim: { width: 148, height: 210 }, bleed: 3 }, items: [] } as never;

function link(n: number): ShareLink {
  return { id: randomId(), jobId: randomId(), orgId: randomId(), tokenDigest: String(n).padStart(64, '0'), pdfHash: 'b'.repeat(64), title: `Leaflet ${n}`, pages: 2, bytes: 1000, front: '{}', createdAt: 0, expiresAt: 0 };
}

describe('the share-link cache\'s bound', () => {
  // Only put and get here: the database is never asked.
  const cache = () => new ShareLinkCache(null as never, () => null, now, 60_000, 3);

  it('holds at most its number of links, letting the least recently used go', () => {
    const c = cache();
    for (const n of [1, 2, 3]) c.put(link(n));
    expect(c.get(link(1).tokenDigest)?.title).toBe('Leaflet 1'); // 1 is now the most recently used
    c.put(link(4));
    expect(c.size).toBe(3);
    expect(c.get(link(2).tokenDigest)).toBeNull();
    expect([1, 3, 4].map((n) => c.get(link(n).tokenDigest)?.title)).toEqual(['Leaflet 1', 'Leaflet 3', 'Leaflet 4']);
  });

  it('counts a link put again once', () => {
    const c = cache();
    for (const n of [1, 1, 1, 2]) c.put(link(n));
    expect(c.size).toBe(2);
  });

  it('refuses a bound below one link', () => {
    expect(() => new ShareLinkCache(null as never, () => null, now, 60_000, 0)).toThrow(RangeError);
  });

  it('takes its bound from SHARE_LINK_CACHE_ENTRIES, 10,000 unless set, and refuses nonsense', () => {
    expect(loadConfig({}).SHARE_LINK_CACHE_ENTRIES).toBe(10_000);
    expect(loadConfig({ SHARE_LINK_CACHE_ENTRIES: '250' }).SHARE_LINK_CACHE_ENTRIES).toBe(250);
    for (const bad of ['0', '-5', 'lots', '1.5']) expect(() => loadConfig({ SHARE_LINK_CACHE_ENTRIES: bad })).toThrow(/SHARE_LINK_CACHE_ENTRIES/);
  });
});

describe('a share-link store whose cache is full', () => {
  let database: TestDatabase;
  let connection: RosetteDatabase;
  let store: ShareLinkStore;
  let orgId: string;
  let accountId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    connection = database.open();
    store = new ShareLinkStore(connection.db, digester, now, { pollMs: 50, cacheEntries: 2 });
    orgId = randomId();
    accountId = randomId();
    await connection.db.insertInto('organisations').values({ id: orgId, name: 'Riverside Labour', name_key: 'riverside labour', created_at: new Date() }).execute();
    await connection.db.insertInto('accounts').values({ id: accountId, email: 'maker@example.org', role: 'campaigner', org_id: orgId, status: 'invited', password_hash: '', invite_digest: '', created_at: new Date() }).execute();
  });
  afterAll(async () => {
    store.cache.stop();
    await connection.close();
    await database.cleanup();
  });

  const make = (n: number) => store.create({ jobId: randomId(), orgId, pdfHash: 'c'.repeat(64), title: `Leaflet ${n}`, pages: 2, bytes: 1000, front }, null, accountId);

  it('reads a link it let go from PostgreSQL, and holds it again', async () => {
    const made = [];
    for (const n of [1, 2, 3]) made.push(await make(n));
    expect(store.cache.size).toBe(2);
    const first = made[0]!;
    expect(store.cache.get(first.link.tokenDigest)).toBeNull();
    expect((await store.findByToken(first.token))?.title).toBe('Leaflet 1');
    expect(store.cache.get(first.link.tokenDigest)?.title).toBe('Leaflet 1');
    expect(store.cache.size).toBe(2);
  });

  it('loads only the newest links at start, and still clears a withdrawn link everywhere, held or not', async () => {
    const other = new ShareLinkStore(connection.db, digester, now, { pollMs: 50, cacheEntries: 2 });
    const made = [await make(4), await make(5)];
    await other.cache.poll();
    expect(other.cache.size).toBe(2);
    expect(made.map((m) => other.cache.get(m.link.tokenDigest)?.title)).toEqual(['Leaflet 4', 'Leaflet 5']);
    await store.withdraw(orgId, made[1]!.link.id);
    // The other server's cache drops it at its next read of the changes (every pollMs once started).
    await other.cache.poll();
    expect(other.cache.get(made[1]!.link.tokenDigest)).toBeNull();
    expect(await other.findByToken(made[1]!.token)).toBeNull();
  });
});
