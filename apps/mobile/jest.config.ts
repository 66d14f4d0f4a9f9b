import type { Config } from 'jest';

/**
 * Component tests of the Taro app in jsdom. The root jest config lists this file in `projects`,
 * and `rootDir` is this folder (jest's default: the config's own) whatever the working directory is.
 */
const config: Config = {
  displayName: 'mobile',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx'],
  transform: {
    '^.+\\.[cm]?[jt]sx?$': '<rootDir>/test/babel-transform.js',
  },
  // Taro's components, their Stencil runtime and Swiper ship ES modules: let babel compile them, and
  // what they bundle in their own nested node_modules (e.g. tslib's ES build).
  // NutUI (ES modules) likewise.
  transformIgnorePatterns: [
    '^(?!.*/node_modules/(@tarojs|@stencil|swiper|@nutui|@swc/helpers)/).*/node_modules/',
  ],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/taro.mock.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@qinqing/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.(css|less|scss|sass)$': '<rootDir>/test/style.stub.ts',
  },
  // What Taro's webpack DefinePlugin provides at build time (mini-program defaults).
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: false,
    ENABLE_SIZE_APIS: false,
    ENABLE_TEMPLATE_CONTENT: false,
    ENABLE_CLONE_NODE: false,
    ENABLE_CONTAINS: false,
    ENABLE_MUTATION_OBSERVER: false,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
  clearMocks: true,
};

export default config;
