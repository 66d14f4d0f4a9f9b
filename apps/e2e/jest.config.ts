import type { Config } from 'jest';
import apiConfig from '../api/jest.config.ts';

/** Browser tests reuse the API project's transform and throw-away PostgreSQL. */
const config: Config = {
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.e2e.test.ts'],
  transform: apiConfig.transform,
  transformIgnorePatterns: apiConfig.transformIgnorePatterns,
  moduleNameMapper: apiConfig.moduleNameMapper,
  globalSetup: '<rootDir>/../api/test/support/postgres-global-setup.ts',
  globalTeardown: '<rootDir>/../api/test/support/postgres-global-teardown.ts',
};

export default config;
