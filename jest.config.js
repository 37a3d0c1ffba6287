/** Jest runs TypeScript through swc (types are checked by `tsc --noEmit` in `npm test`). */
// The test timeout is a safety net only (tests wait on states and events): stretched by TEST_PATIENCE
// like every other one, see test/support/wait-for.ts.
const patience = process.env.TEST_PATIENCE ? Number(process.env.TEST_PATIENCE) : 4;
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: Math.round(30000 * patience),
  // One PostgreSQL server for the run; each test file makes its own database from a migrated template.
  globalSetup: '<rootDir>/test/support/postgres-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/postgres-global-teardown.ts',
};
