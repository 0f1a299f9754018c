// Jest runs the TypeScript sources as native ES modules (NestJS 12 ships ESM only),
// so `npm test` passes --experimental-vm-modules; @swc/jest compiles with the project's .swcrc.
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));
delete swc.$schema;
swc.jsc.baseUrl = new URL('.', import.meta.url).pathname;

const esmRequiredFromCommonJs = ['content-disposition'];

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    // CommonJS packages that require() an ES-module-only dependency: Node 20 allows it, Jest's
    // module loader does not, so those few dependencies are compiled to CommonJS for the tests.
    [`/node_modules/(${esmRequiredFromCommonJs.join('|')})/.+\\.js$`]: ['@swc/jest', { swcrc: false, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`^(?!.*/node_modules/(${esmRequiredFromCommonJs.join('|')})/).*/node_modules/`],
  moduleNameMapper: {
    '^@/(.*)\\.js$': '<rootDir>/src/$1',
    '^@widget/(.*)\\.js$': '<rootDir>/widget/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.browser-spec.ts'],
  globalSetup: '<rootDir>/test/helpers/global-setup.mjs',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.mjs',
  testTimeout: 30_000,
  // Most of a test's time is spent waiting on PostgreSQL and the browser: two workers keep both cores busy.
  maxWorkers: 2,
};
