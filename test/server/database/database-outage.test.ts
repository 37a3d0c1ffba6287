import { sql } from 'kysely';
import { createDatabase, type RosetteDatabase } from '../../../server/database/create-database';
import { DatabaseUnavailableError } from '../../../server/database/database-unavailable-error';
import { startTestPostgres, type TestPostgres } from '../../support/test-postgres';
import { waitForValue } from '../../support/wait-for';

describe('the database connection when PostgreSQL goes away', () => {
  let server: TestPostgres;
  let database: RosetteDatabase;

  beforeAll(async () => {
    server = await startTestPostgres();
    database = createDatabase({ url: server.url(), poolSize: 2, connectTimeoutMs: 500, statementTimeoutMs: 300 });
  });
  afterAll(async () => {
    await database.close();
    await server.cleanup();
  });

  const ping = () => sql`select 1`.execute(database.db);

  it('answers while it is up', async () => {
    await expect(ping()).resolves.toBeDefined();
  });

  it('fails a query in flight when it stops with DatabaseUnavailableError, and nothing else throws (no crash)', async () => {
    await ping(); // a connection in the pool, taken by the next query
    const inFlight = sql`select pg_sleep(30)`.execute(database.db).then(
      () => 'answered',
      (err: unknown) => err,
    );
    // Stopped under the running query: its connection ends while the pool has lent it out.
    await waitForValue('the query running', () => (database.pool.totalCount > 0 && database.pool.idleCount === 0) || undefined);
    await server.stop('immediate');
    expect(await inFlight).toBeInstanceOf(DatabaseUnavailableError);
    await server.start();
    await waitForValue('a query answered again', () => ping().then(() => true), { ignoreErrors: true });
  });

  it('fails a query with DatabaseUnavailableError, not a hang, while it is down', async () => {
    await server.stop('immediate');
    const outcome = await ping().then(
      () => 'answered',
      (err: unknown) => err,
    );
    expect(outcome).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('comes back by itself when PostgreSQL does', async () => {
    await server.start();
    await waitForValue('a query answered again', () => ping().then(() => true), { ignoreErrors: true });
  });

  it('cuts a statement that runs past the statement timeout', async () => {
    await expect(sql`select pg_sleep(2)`.execute(database.db)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(ping()).resolves.toBeDefined();
  });
});
