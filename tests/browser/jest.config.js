// Browser tests: the built admin in Debian's Chromium through playwright-core, against the built API started once
// by support/global-setup.mjs (its own port, data directory and users). `npm test` runs them when Chromium exists.
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'browser',
  rootDir: root,
  testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'],
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/browser/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/browser/support/global-teardown.mjs',
  // One browser at a time: this machine has 2 cores shared with the API and its database.
  maxWorkers: 1,
  testTimeout: 120_000,
};
