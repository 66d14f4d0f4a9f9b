import type { Config } from 'jest';

/** `npm test`: every project's tests, each with its own environment and setup. */
const config: Config = {
  // Global only (ignored in project configs): integration tests start an app on a fresh database.
  testTimeout: 60_000,
  projects: [
    '<rootDir>/libs/domain/jest.config.ts',
    '<rootDir>/apps/api/jest.config.ts',
    '<rootDir>/apps/mobile/jest.config.ts',
    '<rootDir>/apps/e2e/jest.config.ts',
  ],
};

export default config;
