// One ESLint configuration for the whole monorepo (flat config).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      'coverage/**',
      'artifacts/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['apps/mobile/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // The phone takes the API's routes and types from @qinqing/domain; the schemas (and zod)
      // stay on the server, out of the mini-program's package.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@qinqing/domain/schemas',
              message: 'Server only: use the types and ROUTES of @qinqing/domain.',
              allowTypeImports: true,
            },
            {
              name: 'zod',
              message: 'Server only: the phone does not ship zod.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // class-validator's IsOptional lets null through to the database: an optional request field
    // is Optional() (null refused) or, for a nullable column, Nullable() (common/validators.ts).
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/config/**', 'apps/api/src/common/validators.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'Use Optional() or Nullable() from apps/api/src/common/validators.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // One place for each query: SQL runs in repositories (*.repository.ts) and database/ only.
    // Services orchestrate repositories inside Transactions.run and pass its opaque Tx along; they
    // never hold a DataSource, an EntityManager or a QueryRunner, and never run a query.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.repository.ts', 'apps/api/src/database/**', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              importNames: ['DataSource', 'EntityManager', 'QueryRunner', 'Repository'],
              message:
                'SQL belongs in a repository (*.repository.ts); services take Transactions and Tx.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(query|getRepository|createQueryBuilder|transaction)$/]',
          message: 'SQL belongs in a repository (*.repository.ts).',
        },
        {
          selector: 'MemberExpression[property.name="manager"]',
          message: 'SQL belongs in a repository (*.repository.ts).',
        },
      ],
    },
  },
  {
    // libs/ stays free of frameworks: the phone and the server both run it.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', '@tarojs/*', 'react', '**/apps/**'] },
      ],
    },
  },
);
