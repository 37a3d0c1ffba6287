import type { TestPostgres } from './test-postgres';

/** Jest's global teardown: stops the run's PostgreSQL and removes its folder. */
export default async function teardown(): Promise<void> {
  await (globalThis as { rosetteTestPostgres?: TestPostgres }).rosetteTestPostgres?.cleanup();
}
