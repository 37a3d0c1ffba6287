import { sql } from 'kysely';
import { createDatabase, type RosetteDatabase } from '../../../server/database/create-database';
import { migrateToLatest } from '../../../server/database/migrate';
import { BrandKitStore } from '../../../server/brand-kits/brand-kit-store';
import { adminQuery, createTestDatabase, databaseUrl, type TestDatabase } from '../../support/test-postgres';

/** National, Region, County, Local, Other: five organisations, as a real installation has them before the tree. */
const [NATIONAL, REGION, COUNTY, LOCAL, OTHER] = ['1', '2', '3', '4', '5'].map((c) => c.repeat(32)) as [string, string, string, string, string];
const ACCOUNT = 'b'.repeat(32);
const DESIGN = 'c'.repeat(32);
const TEMPLATE = 'd'.repeat(32);
const at = new Date('2026-05-01T09:00:00Z');

/**
 * The template library's migrations (0050-0052), each run on a database holding what the earlier ones
 * made (organisations, an account, a saved design with two versions), the way a real installation meets them.
 */
describe('the template library migrations, on real data', () => {
  let template: TestDatabase;
  let database: RosetteDatabase;
  const name = `rosette_template_library_migrations_${process.pid}`;
  const db = () => database.db as any;
  const parent = (id: string, parentId: string | null) => db().updateTable('organisations').set({ parent_id: parentId }).where('id', '=', id).execute();

  beforeAll(async () => {
    template = await createTestDatabase();
    await adminQuery(template.serverUrl, `create database ${name}`);
    database = createDatabase({ url: databaseUrl(template.serverUrl, name), poolSize: 4, connectTimeoutMs: 5000, statementTimeoutMs: 10_000 });
    await migrateToLatest(database.db, '0041-spending-order-link');
    await db()
      .insertInto('organisations')
      .values([NATIONAL, REGION, COUNTY, LOCAL, OTHER].map((id, i) => ({ id, name: `Party ${i}`, name_key: `party ${i}`, created_at: at })))
      .execute();
    await db().insertInto('accounts').values({ id: ACCOUNT, email: 'ann@example.org', role: 'agent', org_id: NATIONAL, status: 'active', password_hash: 'scrypt$x', created_at: at }).execute();
    await database.db.transaction().execute(async (trx) => {
      await (trx as any).insertInto('designs').values({ id: DESIGN, org_id: NATIONAL, created_by: ACCOUNT, title: 'Newsletter', format_size: 'A5', orientation: 'portrait', page_count: 1, current_version: 2, created_at: at, updated_at: at }).execute();
      await (trx as any).insertInto('design_versions').values([1, 2].map((version) => ({ design_id: DESIGN, version, design: JSON.stringify({ title: 'Newsletter' }), saved_by: ACCOUNT, saved_at: at }))).execute();
    });
  });
  afterAll(async () => {
    await database.close();
    await adminQuery(template.serverUrl, `drop database if exists ${name} with (force)`);
    await template.cleanup();
  });

  it('0050 gives existing organisations no parent, then keeps the tree free of cycles and at most 4 levels deep', async () => {
    expect(await migrateToLatest(database.db, '0050-organisation-parents')).toEqual(['0050-organisation-parents']);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from organisations where parent_id is null`.execute(database.db);
    expect(rows).toEqual([{ n: 5 }]);
    await parent(REGION, NATIONAL);
    await parent(COUNTY, REGION);
    await parent(LOCAL, COUNTY);
    // Itself, its child, its grandchild's child: each a cycle.
    await expect(parent(NATIONAL, NATIONAL)).rejects.toMatchObject({ constraint: 'organisation_tree_cycle' });
    await expect(parent(NATIONAL, REGION)).rejects.toMatchObject({ constraint: 'organisation_tree_cycle' });
    await expect(parent(NATIONAL, LOCAL)).rejects.toMatchObject({ constraint: 'organisation_tree_cycle' });
    // A fifth level, below the local party; and a whole four-level tree moved under another organisation.
    await expect(parent(OTHER, LOCAL)).rejects.toMatchObject({ constraint: 'organisation_tree_depth' });
    await expect(parent(NATIONAL, OTHER)).rejects.toMatchObject({ constraint: 'organisation_tree_depth' });
    await expect(parent(OTHER, 'f'.repeat(32))).rejects.toThrow(/foreign key/);
    // Moving a branch within the limits, and clearing a parent, are fine.
    await parent(LOCAL, REGION);
    await parent(OTHER, LOCAL);
    await parent(OTHER, null);
  });

  it('refuses two admins making a loop between them at once (one writer of the tree at a time)', async () => {
    await parent(LOCAL, COUNTY);
    await parent(COUNTY, null);
    // COUNTY -> LOCAL and LOCAL -> COUNTY already holds: only the first of two crossing moves can win.
    await parent(LOCAL, null);
    const results = await Promise.allSettled([parent(COUNTY, LOCAL), parent(LOCAL, COUNTY)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.constraint)).toEqual(['organisation_tree_cycle']);
  });

  it('0051 makes published templates of a saved design (one per design) with frozen versions', async () => {
    expect(await migrateToLatest(database.db, '0051-published-templates')).toEqual(['0051-published-templates']);
    const row = { id: TEMPLATE, org_id: NATIONAL, source_design_id: DESIGN, current_version: 1, created_at: at };
    await db().insertInto('published_templates').values(row).execute();
    await expect(db().insertInto('published_templates').values({ ...row, id: 'e'.repeat(32) }).execute()).rejects.toThrow(/unique|duplicate/);
    await expect(db().insertInto('published_templates').values({ ...row, id: 'e'.repeat(32), source_design_id: 'f'.repeat(32) }).execute()).rejects.toThrow(/foreign key/);
    const version = { template_id: TEMPLATE, version: 1, name: 'Newsletter', design: JSON.stringify({ title: 'Newsletter' }), locked: JSON.stringify(['logo']), source_design_version: 2, published_by: ACCOUNT, published_at: at };
    await db().insertInto('published_template_versions').values(version).execute();
    await expect(db().insertInto('published_template_versions').values(version).execute()).rejects.toThrow(/unique|duplicate/);
    await expect(db().insertInto('published_template_versions').values({ ...version, version: 2, locked: '{}' }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('published_template_versions').values({ ...version, version: 2, name: '' }).execute()).rejects.toThrow(/check/);
  });

  it('0052 lets a design remember a published template version that exists, or none', async () => {
    expect(await migrateToLatest(database.db, '0052-design-template-link')).toEqual(['0052-design-template-link']);
    const { rows } = await sql<{ template_id: string | null }>`select template_id from designs`.execute(database.db);
    expect(rows).toEqual([{ template_id: null }]);
    await db().updateTable('designs').set({ template_id: TEMPLATE, template_version: 1 }).where('id', '=', DESIGN).execute();
    await expect(db().updateTable('designs').set({ template_version: 9 }).where('id', '=', DESIGN).execute()).rejects.toThrow(/design_template_version_exists|foreign key/);
    await expect(db().updateTable('designs').set({ template_version: null }).where('id', '=', DESIGN).execute()).rejects.toThrow(/design_template_both|check/);
  });

  it('0053 keeps at most one brand kit per existing organisation, of bounded lists and a sane imprint size', async () => {
    expect(await migrateToLatest(database.db, '0053-brand-kits')).toEqual(['0053-brand-kits']);
    const kit = { org_id: NATIONAL, colours: JSON.stringify([{ name: 'Party red', colour: 'cmyk(0, 100, 80, 0)' }]), logos: '[]', typefaces: '["sans"]', imprint_min_font_size: 6, updated_by: ACCOUNT, updated_at: at };
    await db().insertInto('brand_kits').values(kit).execute();
    await expect(db().insertInto('brand_kits').values(kit).execute()).rejects.toThrow(/unique|duplicate/);
    await expect(db().insertInto('brand_kits').values({ ...kit, org_id: 'f'.repeat(32) }).execute()).rejects.toThrow(/foreign key/);
    await expect(db().insertInto('brand_kits').values({ ...kit, org_id: REGION, imprint_min_font_size: 2 }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('brand_kits').values({ ...kit, org_id: REGION, colours: '{}' }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('brand_kits').values({ ...kit, org_id: REGION, colours: JSON.stringify(Array.from({ length: 25 }, () => ({}))) }).execute()).rejects.toThrow(/check/);
  });

  it('0111 renames a second logo of one name in a kit saved before such names were refused, so the kit reads again, no logo lost', async () => {
    const asset = (c: string) => c.repeat(64);
    const long = 'A very long logo name of forty letters.'.padEnd(40, 'x');
    const logos = [
      { name: 'Logo', assetId: asset('a') },
      { name: 'logo', assetId: asset('b') },
      { name: 'Logo ', assetId: asset('c') },
      { name: 'Joint-party logo', assetId: asset('d') },
      { name: long, assetId: asset('e') },
      { name: long, assetId: asset('f') },
    ];
    await db().insertInto('brand_kits').values({ org_id: REGION, colours: '[]', logos: JSON.stringify(logos), typefaces: '[]', imprint_min_font_size: null, updated_by: ACCOUNT, updated_at: at }).execute();
    const store = new BrandKitStore(database.db, () => at.getTime());
    // Before: the kit fails the schema on reading, and is left out whole.
    expect((await store.kitsOf([REGION])).has(REGION)).toBe(false);
    expect(await migrateToLatest(database.db, '0111-brand-kit-logo-names')).toContain('0111-brand-kit-logo-names');
    const kit = (await store.kitsOf([NATIONAL, REGION])).get(REGION);
    expect(kit?.logos).toEqual([
      { name: 'Logo', assetId: asset('a') },
      { name: 'logo (2)', assetId: asset('b') },
      { name: 'Logo (3)', assetId: asset('c') },
      { name: 'Joint-party logo', assetId: asset('d') },
      { name: long, assetId: asset('e') },
      { name: `${long.slice(0, 36)} (2)`, assetId: asset('f') },
    ]);
    // A kit whose names were already distinct is as it was.
    expect((await db().selectFrom('brand_kits').select('logos').where('org_id', '=', NATIONAL).executeTakeFirst()).logos).toEqual([]);
  });
});
