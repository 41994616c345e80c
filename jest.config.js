// Jest runs the TypeScript sources as native ES modules (see STACK-NOTES: ESM only).
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'es6' },
      },
    ],
  },
  testEnvironment: 'node',
  // Inside the checkout (ignored by git), not in the shared /tmp: each clone keeps its own
  // transform cache and the file times the sequencer reads.
  cacheDirectory: '<rootDir>/.cache/jest',
  // One fast-check seed for every run (see the file).
  setupFiles: ['<rootDir>/test/support/fast-check-seed.ts'],
};

export default {
  silent: true,
  testTimeout: 30000,
  reporters: ['summary'],
  // The longest files first, also on a fresh clone (see the file).
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.mjs',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
        '<rootDir>/web/src/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
