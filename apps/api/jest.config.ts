import type { Config } from 'jest';

/** SWC compiles TypeScript with Nest's decorators and loads the ESM-only @nestjs packages. */
export const swcTransform: Config['transform'] = {
  '^.+\\.(t|j)s$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const config: Config = {
  displayName: 'api',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  transform: swcTransform,
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|content-disposition|cookie|file-type|strtok3|token-types|@tokenizer|@borewit|uint8array-extras)/)',
  ],
  moduleNameMapper: {
    '^@qinqing/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@qinqing/domain/schemas$': '<rootDir>/../../libs/domain/src/contract/schemas/index.ts',
  },
  globalSetup: '<rootDir>/test/support/postgres-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/postgres-global-teardown.ts',
};

export default config;
