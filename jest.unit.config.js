// The unit tests that mutation runs use (stryker.config.mjs): the project's jest settings without the
// PostgreSQL global setup. None of these tests needs PostgreSQL, and Stryker starts one jest per test
// runner and re-runs the tests for every mutant, so the global setup made every runner initdb and start
// a server (a crawl, and servers left behind when a run was stopped). Setting `globalSetup: undefined`
// in Stryker's inline jest config does not work: the options reach the runners as JSON, which drops
// undefined values, so the key from jest.config.js stays.
// MUTATION_TEST_MATCH narrows the tests to one glob relative to the repository, e.g.
//   MUTATION_TEST_MATCH='test/common/design/**/*.test.ts'
const { globalSetup, globalTeardown, ...base } = require('./jest.config.js');

const only = process.env.MUTATION_TEST_MATCH;
module.exports = {
  ...base,
  testMatch: only
    ? [`<rootDir>/${only}`]
    : ['<rootDir>/test/common/{layout,design,templates}/**/*.test.ts', '<rootDir>/test/server/overload/**/*.test.ts'],
};
