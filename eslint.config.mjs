// Lint rules the code base keeps: typescript-eslint's recommended set, promises never left
// floating, switches over unions exhaustive, imports sorted, lines readable, and the import
// rules of the layering as far as an import's text shows them. The whole dependency graph
// (relative paths, cycles) is checked by .dependency-cruiser.cjs (npm run deps).
import { readdirSync } from 'node:fs';

import js from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

const CONTEXTS = readdirSync(new URL('./libs/domain/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const THROUGH_INDEX = [
  { group: ['@domain/*/*'], message: 'Use a context through its index: @domain/<context>.' },
  { group: ['@platform/*/*'], message: 'Use a platform module through its index: @platform/<module>.' },
  { group: ['@composition/*'], message: 'Use the composition root through its index: @composition.' },
];
const IO_AND_FRAMEWORK = [
  'typeorm',
  '@nestjs/*',
  '@platform',
  '@platform/*',
  'fs',
  'node:fs',
  'net',
  'node:net',
  'http',
  'node:http',
  'child_process',
  'node:child_process',
];

/** One no-restricted-imports entry per folder; a later entry for the same file replaces an earlier one, so each lists all it needs. */
const restrict = (files, ...patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [...THROUGH_INDEX, ...patterns] }] },
});
const layering = [
  restrict(['apps/**/*.ts', 'libs/**/*.ts']),
  restrict(
    ['apps/api/**/*.ts'],
    { group: ['**/worker/**'], message: 'The API and the worker never import each other.' },
    {
      group: ['@nestjs/common'],
      importNames: ['ParseUUIDPipe', 'ParseIntPipe'],
      message: 'Use ParseUuid (http/parse-uuid.pipe) or a query DTO: their 400s name the parameter.',
    },
  ),
  restrict(['apps/worker/**/*.ts'], { group: ['**/api/**'], message: 'The API and the worker never import each other.' }),
  restrict(['libs/**/*.ts'], { group: ['**/apps/**'], message: 'Libraries never import an app.' }),
  restrict(
    ['libs/platform/**/*.ts'],
    { group: ['@domain/*', '@composition', '**/domain/**', '**/composition/**'], message: 'The platform knows nothing of the product.' },
    { group: ['**/apps/**'], message: 'Libraries never import an app.' },
  ),
  ...CONTEXTS.map((context) =>
    restrict(
      [`libs/domain/${context}/**/*.ts`],
      { group: [`@domain/${context}`], message: 'Inside a context, import the file itself, not the own index.' },
      ...(context === 'shared'
        ? [{ group: ['@domain/*', '!@domain/shared', '@composition'], message: 'The shared kernel depends on no context.' }]
        : []),
      { group: ['@composition', '**/composition/**', '**/apps/**'], message: 'Contexts know neither the composition root nor the apps.' },
    ),
  ),
  ...CONTEXTS.map((context) =>
    restrict([`libs/domain/${context}/rules/**/*.ts`, `libs/domain/${context}/*/rules/**/*.ts`], {
      group: IO_AND_FRAMEWORK,
      message: 'Rules are pure: no database, framework, platform or I/O.',
    }),
  ),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'coverage/**',
      'apps/api/src/ui/assets/**',
      'test/architecture/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-duplicate-imports': 'error',
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  ...layering,
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        WebAssembly: 'readonly',
        document: 'readonly',
        window: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
