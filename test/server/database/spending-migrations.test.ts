import { sql } from 'kysely';
import { createDatabase, type RosetteDatabase } from '../../../server/database/create-database';
import { migrateToLatest } from '../../../server/database/migrate';
import { adminQuery, createTestDatabase, databaseUrl, type TestDatabase } from '../../support/test-postgres';

const ORG = 'a'.repeat(32);
const OTHER_ORG = '9'.repeat(32);
const AGENT = 'b'.repeat(32);
const ELECTION = 'c'.repeat(32);
const OTHER_ELECTION = '8'.repeat(32);
const ALICE = 'd'.repeat(32);
const BOB = 'e'.repeat(32);
const CARA = '7'.repeat(32);
const ENTRY = 'f'.repeat(32);
const at = new Date('2026-05-01T09:00:00Z');

/**
 * The spending migrations (0030-0031), run on a database holding what the earlier ones made (an
 * organisation with an agent), and their rules tried: limits in range, parts of the entry's own
 * election that add up to its amount, at most one reversal and one replacement per entry, and no row
 * ever updated or deleted.
 */
describe('the spending migrations, on real data', () => {
  let template: TestDatabase;
  let database: RosetteDatabase;
  const name = `rosette_spending_migrations_${process.pid}`;
  const db = () => database.db as any;
  const entry = (overrides: Record<string, unknown> = {}) => ({ id: ENTRY, org_id: ORG, election_id: ELECTION, kind: 'charge', corrects_id: null, item: 'Leaflets', supplier_name: 'Riverside Print Works', supplier_address: '14 Dock Street', incurred_on: '2026-04-10', amount_pence: 3001, vat_pence: 500, recorded_by: AGENT, recorded_at: at, ...overrides });
  /** Writes an entry and its parts in one transaction, as the store does (the sum is checked at commit). */
  const write = (row: Record<string, unknown>, parts: Array<[string, number]>, election = ELECTION) =>
    database.db.transaction().execute(async (trx) => {
      await (trx as any).insertInto('spending_entries').values(row).execute();
      await (trx as any).insertInto('spending_entry_parts').values(parts.map(([candidate_id, amount_pence]) => ({ entry_id: row.id, election_id: election, candidate_id, amount_pence }))).execute();
    });

  beforeAll(async () => {
    template = await createTestDatabase();
    await adminQuery(template.serverUrl, `create database ${name}`);
    database = createDatabase({ url: databaseUrl(template.serverUrl, name), poolSize: 2, connectTimeoutMs: 5000, statementTimeoutMs: 10_000 });
    await migrateToLatest(database.db, '0023-print-order-transitions');
    await db().insertInto('organisations').values([{ id: ORG, name: 'Riverside Labour', name_key: 'riverside labour', created_at: at }, { id: OTHER_ORG, name: 'Hillside Greens', name_key: 'hillside greens', created_at: at }]).execute();
    await db().insertInto('accounts').values({ id: AGENT, email: 'agent@example.org', role: 'agent', org_id: ORG, status: 'active', password_hash: 'scrypt$x', created_at: at }).execute();
  });
  afterAll(async () => {
    await database.close();
    await adminQuery(template.serverUrl, `drop database if exists ${name} with (force)`);
    await template.cleanup();
  });

  it('0030 keeps elections of existing organisations and candidates whose limit is whole pence in range', async () => {
    expect(await migrateToLatest(database.db, '0030-elections')).toEqual(['0030-elections']);
    const election = { id: ELECTION, org_id: ORG, name: 'Borough council', polling_day: '2026-05-07', kind: 'Local', created_by: AGENT, created_at: at };
    await db().insertInto('elections').values([election, { ...election, id: OTHER_ELECTION, name: 'By-election' }]).execute();
    await expect(db().insertInto('elections').values({ ...election, id: '1'.repeat(32), org_id: '2'.repeat(32) }).execute()).rejects.toThrow(/foreign key/);
    await expect(db().insertInto('elections').values({ ...election, id: '1'.repeat(32), polling_day: '2026-02-30' }).execute()).rejects.toThrow(/date/);
    const candidate = { id: ALICE, election_id: ELECTION, name: 'Alice Ward', spending_limit_pence: 10_000, created_by: AGENT, created_at: at };
    await db().insertInto('election_candidates').values([candidate, { ...candidate, id: BOB, name: 'Bob Hale', spending_limit_pence: null }, { ...candidate, id: CARA, election_id: OTHER_ELECTION, name: 'Cara Lee' }]).execute();
    await expect(db().insertInto('election_candidates').values({ ...candidate, id: '1'.repeat(32), spending_limit_pence: 0 }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('election_candidates').values({ ...candidate, id: '1'.repeat(32), spending_limit_pence: 100_000_001 }).execute()).rejects.toThrow(/check/);
  });

  it('0031 takes an entry whose parts add up to it, of candidates of its own election', async () => {
    expect(await migrateToLatest(database.db, '0031-spending-ledger')).toEqual(['0031-spending-ledger']);
    await write(entry(), [
      [ALICE, 1501],
      [BOB, 1500],
    ]);
    await expect(write(entry({ id: '1'.repeat(32) }), [[ALICE, 1000]])).rejects.toThrow(/spending_parts_add_up|add up/);
    await expect(write(entry({ id: '1'.repeat(32) }), [[CARA, 3001]])).rejects.toThrow(/foreign key/);
    await expect(write(entry({ id: '1'.repeat(32), vat_pence: 3002 }), [[ALICE, 3001]])).rejects.toThrow(/spending_entries_amounts/);
    await expect(write(entry({ id: '1'.repeat(32), amount_pence: -5 }), [[ALICE, -5]])).rejects.toThrow(/spending_entries_amounts/);
    await expect(write(entry({ id: '1'.repeat(32), amount_pence: 10_000_001, vat_pence: 0 }), [[ALICE, 10_000_001]])).rejects.toThrow(/spending_entries_amounts/);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from spending_entries`.execute(database.db);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('0031 corrects an entry once, with a reversal of its own election, and a replacement', async () => {
    const reversal = entry({ id: '2'.repeat(32), kind: 'reversal', corrects_id: ENTRY, amount_pence: -3001, vat_pence: -500, reason: 'Wrong amount' });
    await expect(write({ ...reversal, corrects_id: null }, [[ALICE, -3001]])).rejects.toThrow(/spending_entries_amounts/);
    await expect(write({ ...reversal, election_id: OTHER_ELECTION }, [[CARA, -3001]], OTHER_ELECTION)).rejects.toThrow(/foreign key/);
    await write(reversal, [
      [ALICE, -1501],
      [BOB, -1500],
    ]);
    await expect(write({ ...reversal, id: '3'.repeat(32) }, [[ALICE, -3001]])).rejects.toThrow(/spending_one_reversal/);
    await write(entry({ id: '4'.repeat(32), corrects_id: ENTRY, amount_pence: 2001, vat_pence: 333 }), [[ALICE, 2001]]);
    await expect(write(entry({ id: '5'.repeat(32), corrects_id: ENTRY }), [[ALICE, 3001]])).rejects.toThrow(/spending_one_replacement/);
    const { rows } = await sql<{ total: string }>`select sum(amount_pence)::text as total from spending_entry_parts where candidate_id = ${ALICE}`.execute(database.db);
    expect(rows).toEqual([{ total: '2001' }]);
  });

  it('0031 records an order once, and keeps invoices of the file store\'s invoice keys', async () => {
    await write(entry({ id: '6'.repeat(32), print_order_id: '1'.repeat(32) }), [[ALICE, 3001]]);
    await expect(write(entry({ id: '7'.repeat(32), print_order_id: '1'.repeat(32) }), [[ALICE, 3001]])).rejects.toThrow(/spending_one_entry_per_order/);
    const invoice = { entry_id: ENTRY, file_key: `invoices/${'a'.repeat(64)}.pdf`, attached_by: AGENT, attached_at: at };
    await db().insertInto('spending_invoices').values(invoice).execute();
    await expect(db().insertInto('spending_invoices').values({ ...invoice, entry_id: '6'.repeat(32), file_key: `pdfs/${'a'.repeat(64)}.pdf` }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('spending_invoices').values({ ...invoice, entry_id: '6'.repeat(32), file_key: `invoices/${'a'.repeat(64)}.exe` }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('spending_invoices').values(invoice).execute()).rejects.toThrow(/duplicate key|unique/);
  });

  it('0031 never lets a ledger row be updated, deleted or truncated', async () => {
    for (const statement of [
      sql`update spending_entries set amount_pence = 1 where id = ${ENTRY}`,
      sql`delete from spending_entries where id = ${'6'.repeat(32)}`,
      sql`update spending_entry_parts set amount_pence = 1`,
      sql`delete from spending_entry_parts`,
      sql`update spending_invoices set file_key = file_key`,
      sql`delete from spending_invoices`,
      sql`truncate spending_invoices`,
      sql`truncate spending_entries cascade`,
    ]) {
      await expect(statement.execute(database.db)).rejects.toThrow(/append-only/);
    }
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from spending_entry_parts`.execute(database.db);
    expect(rows).toEqual([{ n: 6 }]);
  });
});
