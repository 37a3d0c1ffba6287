// Mutation testing of the layout engine, the design schema and the overload rules (issue 12):
// `npm run test:mutation`. Stryker changes the code one small mutation at a time and runs the tests
// that cover it; a mutant that no test notices ("survived") is behaviour no test pins down.
// Only the fast unit tests of those folders run: integration/ and e2e/ start processes.
// Concurrency stays at 2 at most: the machine running it is often shared.
// MUTATION_TEST_MATCH narrows the tests to one glob (for a quick run of one folder with its own tests):
//   MUTATION_TEST_MATCH='test/common/design/**/*.test.ts' npx stryker run --mutate 'common/design/**/*.ts'
const only = process.env.MUTATION_TEST_MATCH;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      testMatch: only
        ? [`<rootDir>/${only}`]
        : ['<rootDir>/test/common/{layout,design,templates}/**/*.test.ts', '<rootDir>/test/server/overload/**/*.test.ts'],
    },
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
