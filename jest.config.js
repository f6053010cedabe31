// Unit tests beside the code; e2e tests against the real AppModule and a real PostgreSQL (tests/support).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
// ESM-only packages the API loads (intake's URL guard, and linkedom's DOM for HTML pages), compiled to CommonJS for
// Jest; Node itself runs them as they are (require of ES modules, Node 20.19+).
const ESM_ONLY = [
  'request-filtering-agent',
  'css-select',
  'css-what',
  'nth-check',
  'boolbase',
  'cssomnom',
  'domutils',
  'domhandler',
  'dom-serializer',
  'entities',
  'domelementtype',
];
const shared = {
  transform: { '^.+\\.ts$': swc, [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper: {
    '^@rabta/domain$': '<rootDir>/packages/domain/src',
    '^@rabta/domain/(.*)$': '<rootDir>/packages/domain/src/$1',
    '^@rabta/db$': '<rootDir>/packages/db/src',
    '^@rabta/intake$': '<rootDir>/packages/intake/src',
    '^@rabta/intake/(.*)$': '<rootDir>/packages/intake/src/$1',
  },
  testEnvironment: 'node',
  rootDir: __dirname,
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/packages/*/src/**/*.spec.ts',
        '<rootDir>/apps/api/src/**/*.spec.ts',
        '<rootDir>/apps/admin/src/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/support/jest-setup.ts'],
    },
  ],
};
