import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** API folders holding business objects: generic code (common/, database/, auth/…) never imports them. */
const BUSINESS_OBJECTS = [
  'activities',
  'clients',
  'demo',
  'invoices',
  'jobs',
  'leads',
  'opportunities',
  'payments',
  'quotes',
  'receivables',
  'reference',
  'sales-targets',
  'staff',
  'supplier-invoices',
  'users',
];
/** What a controller may not import (generic controllers get it with the generic rule below). */
const CONTROLLER_IMPORTS = {
  group: ['**/*.repository.js', '**/persistence/*', '**/*.table.js'],
  message: 'A controller only translates HTTP: call a service, never a repository or a table.',
};
const businessImports = BUSINESS_OBJECTS.flatMap((name) => [
  `../${name}/*`,
  `../../${name}/*`,
  `../../../${name}/*`,
]);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.angular/**',
      '**/.data/**',
      'e2e/artifacts/**',
      '.keycloak/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Boundaries (docs/architecture.md): one ESLint run checks them with the rest of the code, so
  // `npm run lint` is the single gate — import-x resolves the TypeScript sources for cycle search.
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are parsed as TypeScript too (a file that fails to parse hides its cycles).
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: [
            'apps/api/tsconfig.json',
            'apps/idp/tsconfig.json',
            'apps/web/tsconfig.app.json',
            'packages/contracts/tsconfig.json',
            'e2e/tsconfig.json',
          ],
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['apps/api/src/**/*.controller.ts', 'apps/api/src/**/http/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [CONTROLLER_IMPORTS],
        },
      ],
    },
  },
  {
    files: [
      'apps/api/src/common/**/*.ts',
      'apps/api/src/database/**/*.ts',
      'apps/api/src/auth/**/*.ts',
      'apps/api/src/documents/**/*.ts',
      'apps/api/src/mail/**/*.ts',
    ],
    // schema.ts is the list of every table (drizzle's typed queries need them all).
    ignores: ['**/*.test.ts', 'apps/api/src/database/schema.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: businessImports,
              message:
                'Generic code (common, database, auth, documents, mail) must not import a business object.',
            },
            CONTROLLER_IMPORTS,
          ],
        },
      ],
    },
  },
);
