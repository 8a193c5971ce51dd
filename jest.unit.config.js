// `npm run test:unit`: the suites that need no server, as a fast loop while editing pure code. `npm test`
// runs them too, once, with everything else (jest.config.js); this lane only picks some of them.
const { existsSync } = require('node:fs');
const path = require('node:path');
const base = require('./jest.config');

/**
 * Suites (folders or files) that listen on no port, connect to no server and start no Temporal server
 * or browser; test/support/unit-lane-guard.ts fails any of them that tries. The register's suites run on
 * SQLite only here (npm test adds PostgreSQL).
 */
const UNIT_SUITES = [
  'test/domain',
  'test/rules',
  'test/rulebook',
  'test/histories',
  'test/store',
  'test/access/access-store.test.ts',
  'test/access/password-hash.test.ts',
  'test/access/password-rules.test.ts',
  'test/access/staff-sign-in.test.ts',
  'test/api/case-list-csv.test.ts',
  'test/api/render-calendar.test.ts',
  'test/api/render-calendar-reminder-days.test.ts',
  'test/cli/docket-deadlines.test.ts',
  'test/client/temporal-errors.test.ts',
  'test/codec/encryption-codec.test.ts',
  'test/codec/applicant-index.test.ts',
  'test/codec/key-ring.test.ts',
  'test/desk',
  'test/digest/office-day.test.ts',
  'test/metrics/engine-metrics.test.ts',
  'test/foundation/config.test.ts',
  'test/foundation/logging.test.ts',
  'test/notify/render-message.test.ts',
  'test/privacy/personal-data.test.ts',
  'test/reports/desk-read-models.test.ts',
];

const missing = UNIT_SUITES.filter((suite) => !existsSync(path.join(__dirname, suite)));
if (missing.length > 0) throw new Error(`jest.unit.config.js lists suites that do not exist (moved?): ${missing.join(', ')}`);

// The lane must not reach PostgreSQL even when the shell points the register's suites at it.
delete process.env.TEST_DATABASE_URL;

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: UNIT_SUITES.map((suite) => (suite.endsWith('.ts') ? `<rootDir>/${suite}` : `<rootDir>/${suite}/**/*.test.ts`)),
  setupFilesAfterEnv: ['<rootDir>/test/support/unit-lane-guard.ts'],
};
