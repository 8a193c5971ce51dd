/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  testTimeout: 120_000,
  setupFiles: ['<rootDir>/test/support/quiet-temporal-logs.ts'],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
