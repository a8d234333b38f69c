// ESLint 9 flat config: JavaScript and typescript-eslint recommended rules (syntax only, no
// type-aware rules: fast on a small machine; `astro check` does the type checking) and the
// Astro plugin for .astro files. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.bench/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'tests/fixtures/',
      'seeds/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    // Modules run at build time (Node), in the browser (search client) or both.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Text hygiene (ingest, content checks, terminal report) matches control characters on purpose.
      'no-control-regex': 'off',
    },
  },
);
