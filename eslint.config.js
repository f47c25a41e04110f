// ESLint (flat config): typescript-eslint's recommended rules, no import cycles, and one import convention:
// relative imports without an extension (JSON files keep theirs). Formatting is Prettier's, so its rules are off.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'docs/', 'coverage/', 'test-artifacts/', 'src/generated/', 'web/dist/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,js,cjs}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/extensions': [
        'error',
        'never',
        {
          pattern: { json: 'always' },
          checkTypeImports: true,
          pathGroupOverrides: [{ pattern: '[!.]*/**', action: 'ignore' }],
        },
      ],
      'import-x/no-unresolved': 'error',
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', ['parent', 'sibling', 'index']],
          alphabetize: { order: 'asc', caseInsensitive: true },
          'newlines-between': 'never',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read terminal output, escape codes included.
    files: ['test/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The hostile cases break a valid document on purpose, so they hold it loosely typed.
    files: ['test/hostile/**', 'test/fixtures/hostile-rulesets/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
