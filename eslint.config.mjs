// One lint config for the workspace. Type-aware rules (no-floating-promises) on TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.swc/**', '**/coverage/**', '.jest-cache/**', 'apps/miniapp/config/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'apps/api/test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', AbortSignal: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // libs/shared is compiled into the mini-app: no Node built-ins there.
    files: ['libs/shared/src/**/*.ts'],
    ignores: ['libs/shared/src/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'crypto', '@nestjs/*', 'typeorm', 'class-validator'] }] },
  },
  {
    // apps may import libs/shared, never each other. DTOs use the house Optional() and PartialType()
    // (common/validators/optional.ts): class-validator's and swagger's let null through every check.
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['**/apps/miniapp/**', '@zaogong/miniapp'],
          paths: [
            { name: 'class-validator', importNames: ['IsOptional'], message: 'Use Optional() from common/validators/optional: @IsOptional lets null through (a 500 later).' },
            { name: '@nestjs/swagger', importNames: ['PartialType'], message: 'Use PartialType() from common/validators/optional: it refuses null.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/miniapp/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/apps/api/**', '@zaogong/api'] }] },
  },
);
