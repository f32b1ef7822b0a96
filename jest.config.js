// The whole suite in one Jest run: fast pure unit tests, then integration tests
// that talk to real PostgreSQL, Redis and a Temporal dev server (started once in
// globalSetup). `npm test -- <path>` runs one file.
const { moduleNameMapper } = require('./tools/jest/path-aliases');
const swcTransform = require('./tools/jest/swc-transform');

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': swcTransform },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/', '<rootDir>/.tools/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,activities}/**/*.spec.ts', '<rootDir>/tests/parser/**/*.spec.ts', '<rootDir>/tests/replay/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/support/integration-timeout.ts'],
    },
  ],
};
