import { createDatabase, type RosetteDatabase } from '../../../server/database/create-database';
import { migrateToLatest } from '../../../server/database/migrate';
import { PrintRunStore } from '../../../server/print-runs/print-run-store';
import { adminQuery, createTestDatabase, databaseUrl, type TestDatabase } from '../../support/test-postgres';

const ORG = 'a'.repeat(32);
const OTHER_ORG = '9'.repeat(32);
const ALICE = 'b'.repeat(32);
const DESIGN = 'c'.repeat(32);
const RUN = 'd'.repeat(32);
const JOB = 'e'.repeat(32);
const PDF = 'f'.repeat(64);
const at = new Date('2026-05-01T09:00:00Z');

/**
 * The print-run migration (0060), run on a database holding what the earlier ones made (an organisation,
 * a campaigner, a saved design with its variant table), and its rules tried: a run belongs to a design
 * that exists, has 1-1000 variants, and each variant a place and a name.
 */
describe('the print-run migration, on real data', () => {
  let template: TestDatabase;
  let database: RosetteDatabase;
  const name = `rosette_print_run_migrations_${process.pid}`;
  const db = () => database.db as any;
  const run = (overrides: Record<string, unknown> = {}) => ({ id: RUN, org_id: ORG, design_id: DESIGN, design_version: 1, variant_count: 2, created_by: ALICE, created_at: at, ...overrides });
  const variant = (overrides: Record<string, unknown> = {}) => ({ run_id: RUN, position: 0, label: 'Abbey', job_id: JOB, pdf_hash: PDF, ...overrides });

  beforeAll(async () => {
    template = await createTestDatabase();
    await adminQuery(template.serverUrl, `create database ${name}`);
    database = createDatabase({ url: databaseUrl(template.serverUrl, name), poolSize: 2, connectTimeoutMs: 5000, statementTimeoutMs: 10_000 });
    await migrateToLatest(database.db, '0053-brand-kits');
    await db().insertInto('organisations').values([{ id: ORG, name: 'Riverside Labour', name_key: 'riverside labour', created_at: at }, { id: OTHER_ORG, name: 'Hillside Greens', name_key: 'hillside greens', created_at: at }]).execute();
    await db().insertInto('accounts').values({ id: ALICE, email: 'alice@example.org', role: 'campaigner', org_id: ORG, status: 'active', password_hash: 'scrypt$x', created_at: at }).execute();
    // A design and its first version together, as the design store writes them (the version check is deferred to commit).
    await database.db.transaction().execute(async (trx: any) => {
      await trx.insertInto('designs').values({ id: DESIGN, org_id: ORG, created_by: ALICE, title: 'Ward newsletter', format_size: 'A5', orientation: 'portrait', page_count: 2, current_version: 1, created_at: at, updated_at: at, deleted_at: null }).execute();
      await trx.insertInto('design_versions').values({ design_id: DESIGN, version: 1, design: JSON.stringify({ title: 'Ward newsletter' }), saved_by: ALICE, saved_at: at }).execute();
    });
    await db().insertInto('variant_tables').values({ design_id: DESIGN, org_id: ORG, fields: JSON.stringify([{ key: 'ward', label: 'Ward', page: 0, elementId: 'vote' }]), rows: JSON.stringify([{ ward: 'Abbey' }, { ward: 'Castle' }]), updated_by: ALICE, updated_at: at }).execute();
  });
  afterAll(async () => {
    await database.close();
    await adminQuery(template.serverUrl, `drop database if exists ${name} with (force)`);
    await template.cleanup();
  });

  it('0060 keeps the designs and tables there are, and takes runs of them with their variants', async () => {
    expect(await migrateToLatest(database.db, '0060-print-runs')).toEqual(['0060-print-runs']);
    expect(await db().selectFrom('variant_tables').select('design_id').execute()).toEqual([{ design_id: DESIGN }]);
    await db().insertInto('print_runs').values(run()).execute();
    await db().insertInto('print_run_variants').values([variant(), variant({ position: 1, label: 'Castle' })]).execute();
    // Read back through the store: only by its own organisation.
    const store = new PrintRunStore(database.db);
    expect((await store.get(ORG, RUN))?.variants.map((v) => v.label)).toEqual(['Abbey', 'Castle']);
    expect(await store.get(OTHER_ORG, RUN)).toBeNull();
  });

  it('refuses a run of no design, of no versions or more than 2,000 (1,000 bilingual rows), and a variant without a place or a name', async () => {
    await expect(db().insertInto('print_runs').values(run({ id: '1'.repeat(32), design_id: '2'.repeat(32) })).execute()).rejects.toThrow(/foreign key/);
    await expect(db().insertInto('print_runs').values(run({ id: '1'.repeat(32), variant_count: 0 })).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('print_runs').values(run({ id: '1'.repeat(32), variant_count: 2001 })).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('print_run_variants').values(variant({ position: 0, label: 'Again' })).execute()).rejects.toThrow(/duplicate key/);
    await expect(db().insertInto('print_run_variants').values(variant({ position: -1 })).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('print_run_variants').values(variant({ position: 2, label: '' })).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('print_run_variants').values(variant({ run_id: '3'.repeat(32), position: 2 })).execute()).rejects.toThrow(/foreign key/);
  });

  it('the store (as of 0080, which keeps the hash of the table a run printed) writes a run of a thousand variants in one go', async () => {
    expect(await migrateToLatest(database.db, '0080-print-run-table-hash')).toEqual(['0070-variant-table-kind', '0080-print-run-table-hash']);
    const store = new PrintRunStore(database.db);
    const id = '4'.repeat(32);
    const variants = Array.from({ length: 1000 }, (_, n) => ({ position: n, label: `Ward ${n + 1}`, jobId: JOB, pdfHash: PDF }));
    await store.create({ id, orgId: ORG, designId: DESIGN, designVersion: 1, tableHash: null, createdBy: ALICE, createdAt: at.getTime(), variants });
    const read = await store.get(ORG, id);
    expect(read?.tableHash).toBeNull();
    expect(read?.variants).toHaveLength(1000);
    expect(read?.variants[999]).toEqual({ position: 999, label: 'Ward 1000', jobId: JOB, pdfHash: PDF });
  });
});
