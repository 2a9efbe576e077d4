import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import folders from './scripts/lint/folder-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.cache/', 'coverage/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // lambdas/, mpc-servers/ and client/ meet only in contract/ (scripts/lint/folder-rules.js).
    plugins: { folders },
    rules: { 'folders/folder-boundaries': 'error' },
  },
  {
    // The domain and use cases stay free of AWS: adapters own the SDK.
    files: ['lambdas/domain/**/*.ts', 'lambdas/use-cases/**/*.ts', 'lambdas/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', 'aws-lambda', '@middy/*', '**/adapters/**', '**/handlers/**'],
              message: 'Domain and use cases import nothing from AWS or adapters.',
            },
          ],
        },
      ],
    },
  },
);
