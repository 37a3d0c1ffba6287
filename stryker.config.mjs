// Mutation testing of the layout engine, the design schema and the overload rules (issue 12):
// `npm run test:mutation`. Stryker changes the code one small mutation at a time and runs the tests
// that cover it; a mutant that no test notices ("survived") is behaviour no test pins down.
// Only the fast unit tests of those folders run: integration/ and e2e/ start processes.
// Concurrency stays at 2 at most: the machine running it is often shared.
// MUTATION_TEST_MATCH narrows the tests to one glob (for a quick run of one folder with its own tests;
// read by jest.unit.config.js):
//   MUTATION_TEST_MATCH='test/common/design/**/*.test.ts' npx stryker run --mutate 'common/design/**/*.ts'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // The unit tests only, without the PostgreSQL global setup (see jest.unit.config.js for why it is a
    // file of its own); MUTATION_TEST_MATCH is read there.
    configFile: 'jest.unit.config.js',
    enableFindRelatedTests: false,
  },
  coverageAnalysis: 'perTest',
  mutate: ['common/layout/**/*.ts', 'common/design/**/*.ts', 'server/overload/**/*.ts'],
  concurrency: 2,
  timeoutMS: 5000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'reports', 'client/generated-fonts', '.artifacts', 'data', 'backups'],
  thresholds: { high: 90, low: 80, break: null },
};
