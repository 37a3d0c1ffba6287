import { SHARED_POSTGRES_ENV, createTemplate, startTestPostgres, type TestPostgres } from './test-postgres';

/**
 * Jest's global setup: one PostgreSQL server for the whole run (initdb costs seconds, a database made
 * from a template milliseconds), with the migrated template database. Test files get its address from
 * the environment (workers inherit it) and make their own database from the template.
 */
export default async function setup(): Promise<void> {
  const server = await startTestPostgres();
  await createTemplate(server.url());
  process.env[SHARED_POSTGRES_ENV] = server.url();
  (globalThis as { rosetteTestPostgres?: TestPostgres }).rosetteTestPostgres = server;
}
