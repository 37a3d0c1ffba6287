import { sql } from 'kysely';
import { createDatabase, type RosetteDatabase } from '../../../server/database/create-database';
import { migrateToLatest } from '../../../server/database/migrate';
import { adminQuery, createTestDatabase, databaseUrl, type TestDatabase } from '../../support/test-postgres';

const ORG = 'a'.repeat(32);
const CAMPAIGNER = 'b'.repeat(32);
const AGENT = '2'.repeat(32);
const DESIGN = 'c'.repeat(32);
const REQUEST = 'd'.repeat(32);
const HASH = 'e'.repeat(64);
const at = new Date('2026-05-01T09:00:00Z');

/**
 * The sign-off migrations (0014-0016), each run on a database holding what the earlier ones made,
 * accounts and a saved design included, the way a real installation meets them.
 */
describe('the sign-off migrations, on real data', () => {
  let template: TestDatabase;
  let database: RosetteDatabase;
  const name = `rosette_sign_off_migrations_${process.pid}`;
  const db = () => database.db as any;

  beforeAll(async () => {
    template = await createTestDatabase();
    await adminQuery(template.serverUrl, `create database ${name}`);
    database = createDatabase({ url: databaseUrl(template.serverUrl, name), poolSize: 2, connectTimeoutMs: 5000, statementTimeoutMs: 10_000 });
    await migrateToLatest(database.db, '0012-organisation-imprints');
    await db().insertInto('organisations').values({ id: ORG, name: 'Riverside Labour', name_key: 'riverside labour', created_at: at }).execute();
    const account = { email: 'ann@example.org', role: 'campaigner', org_id: ORG, status: 'active', password_hash: 'scrypt$x', created_at: at };
    await db().insertInto('accounts').values([{ ...account, id: CAMPAIGNER }, { ...account, id: AGENT, email: 'agent@example.org' }]).execute();
    await database.db.transaction().execute(async (trx) => {
      await (trx as any).insertInto('designs').values({ id: DESIGN, org_id: ORG, created_by: CAMPAIGNER, title: 'Leaflet', format_size: 'A5', orientation: 'portrait', page_count: 1, current_version: 2, created_at: at, updated_at: at }).execute();
      await (trx as any).insertInto('design_versions').values([1, 2].map((version) => ({ design_id: DESIGN, version, design: JSON.stringify({ title: 'Leaflet' }), saved_by: CAMPAIGNER, saved_at: at }))).execute();
    });
  });
  afterAll(async () => {
    await database.close();
    await adminQuery(template.serverUrl, `drop database if exists ${name} with (force)`);
    await template.cleanup();
  });

  it('0014 lets an existing account become an agent, and still refuses unknown roles', async () => {
    await expect(db().updateTable('accounts').set({ role: 'agent' }).where('id', '=', AGENT).execute()).rejects.toThrow(/check/);
    expect(await migrateToLatest(database.db, '0014-agent-role')).toEqual(['0014-agent-role']);
    await db().updateTable('accounts').set({ role: 'agent' }).where('id', '=', AGENT).execute();
    await expect(db().updateTable('accounts').set({ role: 'owner' }).where('id', '=', AGENT).execute()).rejects.toThrow(/accounts_role_check/);
    const { rows } = await sql<{ role: string }>`select role from accounts order by id`.execute(database.db);
    expect(rows.map((r) => r.role)).toEqual(['agent', 'campaigner']);
  });

  it('0015 keeps one request per saved version, one waiting per design, and transitions of known statuses', async () => {
    expect(await migrateToLatest(database.db, '0015-sign-off')).toEqual(['0015-sign-off']);
    const request = { id: REQUEST, org_id: ORG, design_id: DESIGN, design_version: 1, design_hash: HASH, status: 'pending', submitted_by: CAMPAIGNER, proof_job_id: null, created_at: at, updated_at: at };
    await db().insertInto('sign_off_requests').values(request).execute();
    await expect(db().insertInto('sign_off_requests').values({ ...request, id: '3'.repeat(32), status: 'returned' }).execute()).rejects.toThrow(/sign_off_requests_design_id_design_version_key/);
    await expect(db().insertInto('sign_off_requests').values({ ...request, id: '3'.repeat(32), design_version: 2 }).execute()).rejects.toThrow(/sign_off_one_pending_per_design/);
    await expect(db().insertInto('sign_off_requests').values({ ...request, id: '3'.repeat(32), design_version: 9, status: 'returned' }).execute()).rejects.toThrow(/foreign key/);
    await expect(db().insertInto('sign_off_requests').values({ ...request, id: '3'.repeat(32), design_version: 2, status: 'signed' }).execute()).rejects.toThrow(/check/);
    await db().insertInto('sign_off_requests').values({ ...request, id: '3'.repeat(32), design_version: 2, status: 'approved' }).execute();

    const move = { request_id: REQUEST, from_status: 'pending', to_status: 'returned', actor_id: AGENT, at, comment: 'Say which routes' };
    await db().insertInto('sign_off_transitions').values(move).execute();
    await expect(db().insertInto('sign_off_transitions').values({ ...move, to_status: 'lost' }).execute()).rejects.toThrow(/check/);
    await expect(db().insertInto('sign_off_transitions').values({ ...move, actor_id: 'f'.repeat(32) }).execute()).rejects.toThrow(/foreign key/);
    await expect(db().insertInto('sign_off_transitions').values({ ...move, comment: 'x'.repeat(2001) }).execute()).rejects.toThrow(/check/);
  });

  it('0016 gives every existing organisation the setting, off', async () => {
    expect(await migrateToLatest(database.db, '0016-sign-off-setting')).toEqual(['0016-sign-off-setting']);
    const { rows } = await sql<{ sign_off_required: boolean }>`select sign_off_required from organisations`.execute(database.db);
    expect(rows).toEqual([{ sign_off_required: false }]);
    await db().updateTable('organisations').set({ sign_off_required: true }).where('id', '=', ORG).execute();
    await expect(db().updateTable('organisations').set({ sign_off_required: null }).where('id', '=', ORG).execute()).rejects.toThrow(/null/);
  });
});
