import { sql } from 'kysely';
import { createDatabase, type RosetteDatabase } from '../../../server/database/create-database';
import { migrateToLatest } from '../../../server/database/migrate';
import { MIGRATIONS } from '../../../server/database/migrations';
import { adminQuery, createTestDatabase, databaseUrl, type TestDatabase } from '../../support/test-postgres';

const ORG = 'a'.repeat(32);
const ACCOUNT = 'b'.repeat(32);
const DESIGN = 'c'.repeat(32);
const JOB = 'd'.repeat(32);
const HASH = 'e'.repeat(64);
const at = new Date('2026-05-01T09:00:00Z');

/**
 * Each migration runs on a database holding what the migrations before it made, rows included, the
 * way a real installation meets it; then its rules are tried.
 */
describe('the migrations, one at a time on real data', () => {
  let template: TestDatabase;
  let empty: RosetteDatabase;
  const name = `rosette_migrations_${process.pid}`;

  beforeAll(async () => {
    template = await createTestDatabase();
    await adminQuery(template.serverUrl, `create database ${name}`);
    empty = createDatabase({ url: databaseUrl(template.serverUrl, name), poolSize: 2, connectTimeoutMs: 5000, statementTimeoutMs: 10_000 });
  });
  afterAll(async () => {
    await empty.close();
    await adminQuery(template.serverUrl, `drop database if exists ${name} with (force)`);
    await template.cleanup();
  });

  const db = () => empty.db as any;
  const up = (to: keyof typeof MIGRATIONS) => migrateToLatest(empty.db, to);

  it('0001 makes organisations whose folded name is unique', async () => {
    expect(await up('0001-organisations')).toEqual(['0001-organisations']);
    await db().insertInto('organisations').values({ id: ORG, name: 'Riverside Labour', name_key: 'riverside labour', created_at: at }).execute();
    await expect(db().insertInto('organisations').values({ id: 'f'.repeat(32), name: 'RIVERSIDE labour', name_key: 'riverside labour', created_at: at }).execute()).rejects.toThrow(/unique/);
  });

  it('0002 makes accounts that belong to an existing organisation, one per address', async () => {
    expect(await up('0002-accounts')).toEqual(['0002-accounts']);
    const account = { id: ACCOUNT, email: 'ann@example.org', role: 'campaigner', org_id: ORG, status: 'active', password_hash: 'scrypt$x', created_at: at };
    await db().insertInto('accounts').values(account).execute();
    await expect(db().insertInto('accounts').values({ ...account, id: 'f'.repeat(32) }).execute()).rejects.toThrow(/unique/);
    await expect(db().insertInto('accounts').values({ ...account, id: 'f'.repeat(32), email: 'bob@example.org', org_id: 'f'.repeat(32) }).execute()).rejects.toThrow(/foreign key/);
    await expect(db().insertInto('accounts').values({ ...account, id: 'f'.repeat(32), email: 'bob@example.org', role: 'owner' }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('accounts').values({ ...account, id: 'f'.repeat(32), email: 'bob@example.org', password_hash: '' }).execute()).rejects.toThrow(/active_has_password/);
  });

  it('0003 makes invites, at most one pending per account', async () => {
    expect(await up('0003-invites')).toEqual(['0003-invites']);
    await db().insertInto('invites').values({ digest: 'one', account_id: ACCOUNT, expires_at: at }).execute();
    await expect(db().insertInto('invites').values({ digest: 'two', account_id: ACCOUNT, expires_at: at }).execute()).rejects.toThrow(/unique/);
  });

  it('0004 makes designs whose current version exists and belongs to them', async () => {
    expect(await up('0004-designs')).toEqual(['0004-designs']);
    await empty.db.transaction().execute(async (trx) => {
      await (trx as any).insertInto('designs').values({ id: DESIGN, org_id: ORG, created_by: ACCOUNT, title: 'Leaflet', format_size: 'A5', orientation: 'portrait', page_count: 2, current_version: 1, created_at: at, updated_at: at }).execute();
      await (trx as any).insertInto('design_versions').values({ design_id: DESIGN, version: 1, design: JSON.stringify({ title: 'Leaflet' }), saved_by: ACCOUNT, saved_at: at }).execute();
    });
    // A current version that was never saved cannot be committed.
    await expect(db().updateTable('designs').set({ current_version: 2 }).where('id', '=', DESIGN).execute()).rejects.toThrow(/current_version_exists/);
    await expect(db().insertInto('design_versions').values({ design_id: 'f'.repeat(32), version: 1, design: '{}', saved_by: ACCOUNT, saved_at: at }).execute()).rejects.toThrow(/foreign key/);
  });

  it('0005 makes print records that point at a saved version, and a finished one names its PDF', async () => {
    expect(await up('0005-print-jobs')).toEqual(['0005-print-jobs']);
    const job = { id: JOB, org_id: ORG, account_id: ACCOUNT, design_id: DESIGN, design_version: 1, title: 'Leaflet', status: 'done', pages: 2, pdf_hash: HASH, created_at: at, finished_at: at };
    await db().insertInto('print_jobs').values(job).execute();
    await expect(db().insertInto('print_jobs').values({ ...job, id: 'f'.repeat(32), design_version: 9 }).execute()).rejects.toThrow(/foreign key/);
    await expect(db().insertInto('print_jobs').values({ ...job, id: 'f'.repeat(32), pdf_hash: null }).execute()).rejects.toThrow(/done_has_pdf/);
  });

  it('0006 makes share links of existing print records', async () => {
    expect(await up('0006-share-links')).toEqual(['0006-share-links']);
    const link = { id: 'f'.repeat(32), token_digest: HASH, job_id: JOB, org_id: ORG, pdf_hash: HASH, title: 'Leaflet', pages: 2, bytes: 1000, front: '[]', created_by: ACCOUNT, created_at: at, expires_at: null, withdrawn_at: null };
    await db().insertInto('share_links').values(link).execute();
    await expect(db().insertInto('share_links').values({ ...link, id: '1'.repeat(32), token_digest: '1'.repeat(64), job_id: '1'.repeat(32) }).execute()).rejects.toThrow(/foreign key/);
  });

  it('0007 makes the audit log, whose actors are accounts', async () => {
    expect(await up('0007-audit-log')).toEqual(['0007-audit-log']);
    await db().insertInto('audit_log').values({ at, action: 'account.activated', actor_id: ACCOUNT, target_id: ACCOUNT }).execute();
    await expect(db().insertInto('audit_log').values({ at, action: 'account.activated', actor_id: 'f'.repeat(32), target_id: null }).execute()).rejects.toThrow(/foreign key/);
  });

  it('0008 lets audit entries carry details (a JSON object), keeping the entries already there', async () => {
    expect(await up('0008-audit-details')).toEqual(['0008-audit-details']);
    const before = await db().selectFrom('audit_log').select(['action', 'details']).execute();
    expect(before).toEqual([{ action: 'account.activated', details: null }]);
    await db().insertInto('audit_log').values({ at, action: 'maintenance.on', actor_id: ACCOUNT, target_id: null, details: JSON.stringify({ from: 'auto', reason: 'moving servers' }) }).execute();
    const row = await db().selectFrom('audit_log').select('details').where('action', '=', 'maintenance.on').executeTakeFirstOrThrow();
    expect(row.details).toEqual({ from: 'auto', reason: 'moving servers' });
    await expect(db().insertInto('audit_log').values({ at, action: 'maintenance.on', actor_id: ACCOUNT, target_id: null, details: '["not", "an object"]' }).execute()).rejects.toThrow(/details_is_object/);
  });

  it('0009 lets a print record end unknown, keeping the records there, and no other status', async () => {
    expect(await up('0009-print-jobs-unknown')).toEqual(['0009-print-jobs-unknown']);
    expect(await db().selectFrom('print_jobs').select(['id', 'status']).execute()).toEqual([{ id: JOB, status: 'done' }]);
    const waiting = { id: '9'.repeat(32), org_id: ORG, account_id: ACCOUNT, design_id: null, design_version: null, title: 'Leaflet', status: 'waiting', pages: null, pdf_hash: null, created_at: at, finished_at: null };
    await db().insertInto('print_jobs').values(waiting).execute();
    await db().updateTable('print_jobs').set({ status: 'unknown' }).where('id', '=', waiting.id).execute();
    await expect(db().updateTable('print_jobs').set({ status: 'lost' }).where('id', '=', waiting.id).execute()).rejects.toThrow(/print_jobs_status_check/);
  });

  it('0010 finds print records by their PDF, through an index', async () => {
    expect(await up('0010-print-jobs-by-pdf')).toContain('0010-print-jobs-by-pdf');
    const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'print_jobs_by_pdf'`.execute(empty.db);
    expect(rows[0]?.indexdef).toMatch(/\(pdf_hash\) WHERE \(pdf_hash IS NOT NULL\)/);
    // The row written before the index exists is found through it.
    const plan = await empty.db.transaction().execute(async (trx) => {
      // One row: without this the planner rightly prefers reading the table.
      await sql`set local enable_seqscan = off`.execute(trx);
      return sql<{ 'QUERY PLAN': string }>`explain select title from print_jobs where pdf_hash = ${HASH}`.execute(trx);
    });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/print_jobs_by_pdf/);
    expect(await db().selectFrom('print_jobs').select('title').where('pdf_hash', '=', HASH).execute()).toEqual([{ title: 'Leaflet' }]);
  });

  it('0011 keeps the size of a print record\'s PDF, empty for the records before it', async () => {
    expect(await up('0011-print-jobs-bytes')).toContain('0011-print-jobs-bytes');
    expect(await db().selectFrom('print_jobs').select(['id', 'bytes']).where('id', '=', JOB).execute()).toEqual([{ id: JOB, bytes: null }]);
    await db().updateTable('print_jobs').set({ bytes: 310_000 }).where('id', '=', JOB).execute();
    expect(await db().selectFrom('print_jobs').select('bytes').where('id', '=', JOB).executeTakeFirst()).toEqual({ bytes: 310_000 });
    await expect(db().updateTable('print_jobs').set({ bytes: 0 }).where('id', '=', JOB).execute()).rejects.toThrow(/check/);
  });

  it('0012 keeps at most one imprint per existing organisation, set by an account', async () => {
    expect(await up('0012-organisation-imprints')).toContain('0012-organisation-imprints');
    const imprint = JSON.stringify({ promoter: { name: 'Jo Bloggs', address: '5 New Street' }, printer: { name: 'Riverside Print Works', address: '14 Dock Street' } });
    const row = { org_id: ORG, imprint, updated_by: ACCOUNT, updated_at: at };
    await db().insertInto('organisation_imprints').values(row).execute();
    const { rows } = await sql<{ name: string }>`select imprint->'promoter'->>'name' as name from organisation_imprints where org_id = ${ORG}`.execute(empty.db);
    expect(rows).toEqual([{ name: 'Jo Bloggs' }]);
    await expect(db().insertInto('organisation_imprints').values(row).execute()).rejects.toThrow(/duplicate key|unique/);
    await expect(db().insertInto('organisation_imprints').values({ ...row, org_id: 'f'.repeat(32) }).execute()).rejects.toThrow(/foreign key/);
    const other = '1'.repeat(32);
    await db().insertInto('organisations').values({ id: other, name: 'Hillside Greens', name_key: 'hillside greens', created_at: at }).execute();
    await expect(db().insertInto('organisation_imprints').values({ ...row, org_id: other, updated_by: 'f'.repeat(32) }).execute()).rejects.toThrow(/foreign key/);
    await expect(db().insertInto('organisation_imprints').values({ ...row, org_id: other, imprint: '"Jo Bloggs"' }).execute()).rejects.toThrow(/check/);
  });

  it('0014-0016 (sign-off) run on these rows: an account becomes an agent, a version is sent, the setting is off (their rules: sign-off-migrations.test.ts)', async () => {
    expect(await up('0016-sign-off-setting')).toEqual(['0014-agent-role', '0015-sign-off', '0016-sign-off-setting']);
    await db().updateTable('accounts').set({ role: 'agent' }).where('id', '=', ACCOUNT).execute();
    await db().insertInto('sign_off_requests').values({ id: JOB, org_id: ORG, design_id: DESIGN, design_version: 1, design_hash: HASH, status: 'approved', submitted_by: ACCOUNT, proof_job_id: null, created_at: at, updated_at: at }).execute();
    const { rows } = await sql<{ sign_off_required: boolean }>`select sign_off_required from organisations where id = ${ORG}`.execute(empty.db);
    expect(rows).toEqual([{ sign_off_required: false }]);
  });

  it('0020-0023 make printers with price tables and print orders of a saved version, with their trail', async () => {
    expect(await up('0023-print-order-transitions')).toEqual(['0020-printers', '0021-printer-prices', '0022-print-orders', '0023-print-order-transitions']);
    const PRINTER = '2'.repeat(32);
    const ORDER = '3'.repeat(32);
    await db().insertInto('printers').values({ id: PRINTER, org_id: ORG, name: 'Riverside Print Works', address: '14 Dock Street', email: 'orders@example.org', created_at: at, updated_at: at, removed_at: null }).execute();
    await expect(db().insertInto('printers').values({ id: '4'.repeat(32), org_id: 'f'.repeat(32), name: 'X', address: 'Y', email: 'x@example.org', created_at: at, updated_at: at }).execute()).rejects.toThrow(/foreign key/);
    const price = { printer_id: PRINTER, format: 'A5', stock: '130gsm gloss', quantity: 5000, price_pence: 15600, vat_pence: 2600 };
    await db().insertInto('printer_prices').values(price).execute();
    await expect(db().insertInto('printer_prices').values(price).execute()).rejects.toThrow(/unique|duplicate/);
    await expect(db().insertInto('printer_prices').values({ ...price, quantity: 1, price_pence: -1, vat_pence: 0 }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('printer_prices').values({ ...price, quantity: 2, vat_pence: 20000 }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('printer_prices').values({ ...price, quantity: 3, format: 'B5' }).execute()).rejects.toThrow(/check/);
    const order = { id: ORDER, org_id: ORG, design_id: DESIGN, design_version: 1, design_hash: HASH, pdf_hash: HASH, printer_id: PRINTER, quantity: 5000, stock: '130gsm gloss', delivery_address: '5 New Street', needed_by: '2026-05-08', price_pence: 15600, vat_pence: 2600, price_source: 'table', status: 'draft', created_by: ACCOUNT, created_at: at, updated_at: at };
    await db().insertInto('print_orders').values(order).execute();
    await expect(db().insertInto('print_orders').values({ ...order, id: '5'.repeat(32), design_version: 9 }).execute()).rejects.toThrow(/foreign key/);
    await expect(db().insertInto('print_orders').values({ ...order, id: '5'.repeat(32), quantity: 0 }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('print_orders').values({ ...order, id: '5'.repeat(32), status: 'lost' }).execute()).rejects.toThrow(/check/);
    // Placed means the printer's email was written (sent, or shown to copy).
    await expect(db().updateTable('print_orders').set({ status: 'placed' }).where('id', '=', ORDER).execute()).rejects.toThrow(/placed_has_email/);
    await expect(db().updateTable('print_orders').set({ invoice_key: `invoices/${HASH}.exe`, invoice_bytes: 10 }).where('id', '=', ORDER).execute()).rejects.toThrow(/check/);
    await expect(db().updateTable('print_orders').set({ invoice_key: `invoices/${HASH}.pdf` }).where('id', '=', ORDER).execute()).rejects.toThrow(/invoice_whole/);
    await db().insertInto('print_order_transitions').values({ order_id: ORDER, from_status: null, to_status: 'draft', actor_id: ACCOUNT, at }).execute();
    await expect(db().insertInto('print_order_transitions').values({ order_id: ORDER, from_status: 'draft', to_status: 'sent', actor_id: ACCOUNT, at }).execute()).rejects.toThrow(/check/);
    const { rows } = await sql<{ day: string }>`select to_char(needed_by, 'YYYY-MM-DD') as day from print_orders`.execute(empty.db);
    expect(rows).toEqual([{ day: '2026-05-08' }]);
  });

  it('0030-0031 (spending) run on these rows: an election of the organisation, a candidate, an entry split to it (their rules: spending-migrations.test.ts)', async () => {
    expect(await up('0031-spending-ledger')).toEqual(['0030-elections', '0031-spending-ledger']);
    const election = '3'.repeat(32);
    const candidate = '4'.repeat(32);
    const entry = '5'.repeat(32);
    await db().insertInto('elections').values({ id: election, org_id: ORG, name: 'Borough council', polling_day: '2026-05-07', kind: '', created_by: ACCOUNT, created_at: at }).execute();
    await db().insertInto('election_candidates').values({ id: candidate, election_id: election, name: 'Alice Ward', spending_limit_pence: 1_500_000, created_by: ACCOUNT, created_at: at }).execute();
    await empty.db.transaction().execute(async (trx) => {
      await (trx as any).insertInto('spending_entries').values({ id: entry, org_id: ORG, election_id: election, kind: 'charge', item: 'Leaflets', supplier_name: 'Riverside Print Works', supplier_address: '14 Dock Street', incurred_on: '2026-04-10', amount_pence: 12_000, vat_pence: 2_000, recorded_by: ACCOUNT, recorded_at: at }).execute();
      await (trx as any).insertInto('spending_entry_parts').values({ entry_id: entry, election_id: election, candidate_id: candidate, amount_pence: 12_000 }).execute();
    });
    const { rows } = await sql<{ total: string }>`select sum(amount_pence)::text as total from spending_entry_parts where candidate_id = ${candidate}`.execute(empty.db);
    expect(rows).toEqual([{ total: '12000' }]);
    await expect(sql`update spending_entries set amount_pence = 1`.execute(empty.db)).rejects.toThrow(/append-only/);
  });

  it('0040 makes variant tables: one per design, of 1 to 20 fields and 1 to 1000 rows', async () => {
    expect(await up('0040-variant-tables')).toEqual(['0040-variant-tables']);
    const table = { design_id: DESIGN, org_id: ORG, fields: JSON.stringify([{ key: 'ward' }]), rows: JSON.stringify([{ ward: 'Abbey' }]), updated_by: ACCOUNT, updated_at: at };
    await db().insertInto('variant_tables').values(table).execute();
    await expect(db().insertInto('variant_tables').values(table).execute()).rejects.toThrow(/duplicate key|unique/);
    await db().deleteFrom('variant_tables').execute();
    await expect(db().insertInto('variant_tables').values({ ...table, rows: '[]' }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('variant_tables').values({ ...table, fields: '{}' }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('variant_tables').values({ ...table, rows: JSON.stringify(Array.from({ length: 1001 }, () => ({}))) }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('variant_tables').values({ ...table, design_id: 'f'.repeat(32) }).execute()).rejects.toThrow(/foreign key/);
  });

  it('0041 lets a ledger entry name only a print order that exists', async () => {
    expect(await up('0041-spending-order-link')).toEqual(['0041-spending-order-link']);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_constraint where conname = 'spending_entries_print_order' and contype = 'f'`.execute(empty.db);
    expect(rows).toEqual([{ n: 1 }]);
    await expect(
      empty.db.transaction().execute(async (trx) => {
        await (trx as any).insertInto('spending_entries').values({ id: '6'.repeat(32), org_id: ORG, election_id: '3'.repeat(32), kind: 'charge', item: 'Leaflets', supplier_name: 'Print Works', supplier_address: '1 Dock Street', incurred_on: '2026-04-01', amount_pence: 100, vat_pence: 0, print_order_id: '9'.repeat(32), recorded_by: ACCOUNT, recorded_at: at }).execute();
      }),
    ).rejects.toThrow(/foreign key|spending_entries_print_order/);
  });

  it('0050-0053 (template library, brand kits) run on these rows: the organisation gets no parent and no kit, the design no template (their rules: template-library-migrations.test.ts)', async () => {
    expect(await up('0053-brand-kits')).toEqual(['0050-organisation-parents', '0051-published-templates', '0052-design-template-link', '0053-brand-kits']);
    const { rows } = await sql<{ parent_id: string | null; template_id: string | null }>`select o.parent_id, d.template_id from organisations o join designs d on d.org_id = o.id where d.id = ${DESIGN}`.execute(empty.db);
    expect(rows).toEqual([{ parent_id: null, template_id: null }]);
  });

  it('0060 (print runs) runs on these rows (its rules: print-run-migrations.test.ts)', async () => {
    expect(await up('0060-print-runs')).toEqual(['0060-print-runs']);
  });

  it('0070 gives variant tables a kind, the tables already there plain, and no kind but plain or bilingual', async () => {
    const table = { design_id: DESIGN, org_id: ORG, fields: JSON.stringify([{ key: 'ward', label: 'Ward', page: 0, elementId: 'vote' }]), rows: JSON.stringify([{ ward: 'Abbey' }]), updated_by: ACCOUNT, updated_at: at };
    await db().insertInto('variant_tables').values(table).execute();
    expect(await up('0070-variant-table-kind')).toEqual(['0070-variant-table-kind']);
    expect(await db().selectFrom('variant_tables').select(['design_id', 'kind', 'rows']).execute()).toEqual([{ design_id: DESIGN, kind: 'plain', rows: [{ ward: 'Abbey' }] }]);
    await db().updateTable('variant_tables').set({ kind: 'bilingual', rows: JSON.stringify([{ ward: { en: 'Abbey', cy: 'Abaty' } }]) }).execute();
    await expect(db().updateTable('variant_tables').set({ kind: 'trilingual' }).execute()).rejects.toThrow(/variant_tables_kind/);
    await db().deleteFrom('variant_tables').execute();
  });

  it("0080-0082 (a run's sign-off and order) keep the rows there: runs without a table hash, requests of a version alone, orders of one version", async () => {
    expect(await up('0082-run-orders')).toEqual(['0080-print-run-table-hash', '0081-sign-off-of-runs', '0082-run-orders']);
    expect(await db().selectFrom('sign_off_requests').select(['id', 'table_hash', 'run_id']).execute()).toEqual([{ id: JOB, table_hash: null, run_id: null }]);
    expect(await db().selectFrom('print_orders').select(['run_id']).execute()).toEqual([{ run_id: null }]);
    const RUN = '7'.repeat(32);
    const TABLE = '8'.repeat(64);
    await db().insertInto('print_runs').values({ id: RUN, org_id: ORG, design_id: DESIGN, design_version: 1, variant_count: 2, created_by: ACCOUNT, created_at: at, table_hash: TABLE }).execute();
    await expect(db().insertInto('print_runs').values({ id: '6'.repeat(32), org_id: ORG, design_id: DESIGN, design_version: 1, variant_count: 2, created_by: ACCOUNT, created_at: at, table_hash: 'not a hash' }).execute()).rejects.toThrow(/print_runs_table_hash/);
    const request = { org_id: ORG, design_id: DESIGN, design_version: 1, design_hash: HASH, status: 'pending', submitted_by: ACCOUNT, proof_job_id: null, created_at: at, updated_at: at };
    // The version alone was sent once already; with a table it is another request, which names its run.
    await expect(db().insertInto('sign_off_requests').values({ ...request, id: '1'.repeat(32) }).execute()).rejects.toThrow(/sign_off_requests_version_key/);
    await expect(db().insertInto('sign_off_requests').values({ ...request, id: '1'.repeat(32), table_hash: TABLE }).execute()).rejects.toThrow(/sign_off_run_whole/);
    await db().insertInto('sign_off_requests').values({ ...request, id: '1'.repeat(32), table_hash: TABLE, run_id: RUN }).execute();
    await expect(db().insertInto('sign_off_requests').values({ ...request, id: '2'.repeat(32), table_hash: TABLE, run_id: RUN, status: 'returned' }).execute()).rejects.toThrow(/sign_off_requests_run_key/);
    // One waiting of each kind per design: another table's request waits only once this one is not pending.
    await expect(db().insertInto('sign_off_requests').values({ ...request, id: '2'.repeat(32), table_hash: '9'.repeat(64), run_id: RUN }).execute()).rejects.toThrow(/sign_off_one_pending_per_design/);
    await db().updateTable('sign_off_requests').set({ status: 'superseded' }).where('id', '=', '1'.repeat(32)).execute();
    // A superseded request of a table does not stop the same table being sent again.
    await db().insertInto('sign_off_requests').values({ ...request, id: '2'.repeat(32), table_hash: TABLE, run_id: RUN }).execute();
    await expect(db().insertInto('print_order_versions').values({ order_id: '3'.repeat(32), position: 0, quantity: 0 }).execute()).rejects.toThrow(/check/);
    await db().insertInto('print_order_versions').values({ order_id: '3'.repeat(32), position: 0, quantity: 500 }).execute();
    await expect(db().insertInto('print_order_versions').values({ order_id: '4'.repeat(32), position: 0, quantity: 500 }).execute()).rejects.toThrow(/foreign key/);
    await expect(db().updateTable('print_orders').set({ run_id: '6'.repeat(32) }).execute()).rejects.toThrow(/foreign key/);
    await db().deleteFrom('print_order_versions').execute();
    await db().deleteFrom('sign_off_requests').where('run_id', 'is not', null).execute();
  });

  it("0110 indexes runs' versions by print job, the run there kept; 0111 (brand kits' logo names: template-library-migrations.test.ts) runs on these rows", async () => {
    expect(await up('0111-brand-kit-logo-names')).toEqual(['0110-print-run-variant-jobs', '0111-brand-kit-logo-names']);
    const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'print_run_variants_by_job'`.execute(db());
    expect(rows.map((r) => r.indexdef)).toEqual([expect.stringMatching(/\(job_id\)/)]);
    expect(await db().selectFrom('print_runs').select('id').execute()).toEqual([{ id: '7'.repeat(32) }]);
  });

  it('runs nothing again once current, and every migration is in the list it walked', async () => {
    expect(await migrateToLatest(empty.db)).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(empty.db);
    expect(rows[0]!.n).toBe(Object.keys(MIGRATIONS).length);
  });

  it('lets servers starting together run each migration once (the advisory lock)', async () => {
    const name2 = `${name}_together`;
    await adminQuery(template.serverUrl, `create database ${name2}`);
    const servers = [0, 1, 2].map(() => createDatabase({ url: databaseUrl(template.serverUrl, name2), poolSize: 2, connectTimeoutMs: 5000, statementTimeoutMs: 10_000 }));
    try {
      const ran = await Promise.all(servers.map((s) => migrateToLatest(s.db)));
      expect(ran.flat().sort()).toEqual(Object.keys(MIGRATIONS).sort());
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      await adminQuery(template.serverUrl, `drop database if exists ${name2} with (force)`);
    }
  });
});
