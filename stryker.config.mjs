// Mutation testing of the pure rule modules (npm run test:mutation; not part of npm test).
// Jest runs ESM through node's VM modules, hence the node flag for Stryker's test runner.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js' },
  testRunnerNodeArgs: ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning'],
  coverageAnalysis: 'perTest',
  // Static mutants (the module-level tables: status moves, crisis phrases, survey items) re-run
  // every test of a file each and took most of an hour here; the tests bound to the published
  // rules (status grid, crisis phrases, survey keys) hold those tables instead.
  ignoreStatic: true,
  concurrency: 2,
  mutate: [
    'src/vocabulary/lead-status.ts',
    'src/vocabulary/urgency.ts',
    'src/clinicians/matching.ts',
    'src/leads/lead-triage.ts',
    'src/notifications/recipients.ts',
    'src/vocabulary/response-targets.ts',
    'src/survey/scoring.ts',
    'src/vocabulary/keyset-cursor.ts',
    'src/leads/export/csv.ts',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 95, low: 90, break: 90 },
};
