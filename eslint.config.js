// @ts-check
// The layering rules of ARCHITECTURE.md ("Never: …") are enforced here, so `npm test` fails when
// one is broken. tests/unit/layering.test.ts proves each rule fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettierConfig from 'eslint-config-prettier';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'worker_threads',
  'stream',
  'url',
  'util',
];
const serverOnly = ['better-sqlite3', 'pg', 'fastify', 'fastify/*', '@fastify/*', 'ajv', 'ajv/*'];
const uiOnly = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'antd',
  'antd/*',
  '@ant-design/*',
  'echarts',
  'echarts/*',
  'zustand',
  'zustand/*',
  'i18next',
  'react-i18next',
];
const dbOnly = ['rxdb', 'rxdb/*', 'dexie', 'rxjs', 'rxjs/*'];
/** RxDB's write methods (collections, documents, local documents): screens never call them. */
const collectionWriteMethods = [
  'insert',
  'bulkInsert',
  'upsert',
  'bulkUpsert',
  'incrementalUpsert',
  'incrementalPatch',
  'incrementalModify',
  'patch',
  'modify',
  'incrementalRemove',
  'remove',
  'bulkRemove',
  'insertLocal',
  'upsertLocal',
];

/** @param {string[]} folders @param {string[]} packages @param {string} why */
const forbid = (folders, packages, why) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        // Relative paths only, so a package subpath such as 'react-dom/server' is not mistaken for server/.
        ...folders.map((f) => ({
          group: ['./', '../', '../../', '../../../', '../../../../'].flatMap((up) => [`${up}${f}`, `${up}${f}/**`]),
          message: why,
        })),
        ...(packages.length ? [{ group: packages, message: why }] : []),
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-electron/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
      'tests/fixtures/layering/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 450, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(
      ['renderer', 'electron', 'server', 'tests', 'bench'],
      ['electron', ...nodeBuiltins, ...serverOnly, ...uiOnly, ...dbOnly],
      'shared/ runs in every process and imports nothing outside shared/ (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: forbid(
      ['electron', 'server', 'tests', 'bench'],
      ['electron', ...nodeBuiltins, ...serverOnly],
      'renderer/ reaches native capabilities only through the bridge interface in shared/ (ARCHITECTURE.md).',
    ),
  },
  {
    // ARCHITECTURE.md, "Commands are the one write path": a screen sends a named command; only
    // renderer/db/ writes collections. Matched by method name on anything, since a screen holding
    // a collection or a document under another name is the very thing to catch.
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${collectionWriteMethods.join('|')})$/]`,
          message:
            'Screens do not write collections: run a named command (useCommand() from renderer/db/commands.ts; rules in shared/commands/).',
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: forbid(
      ['renderer', 'electron', 'tests', 'bench'],
      ['electron', ...uiOnly],
      'server/ never imports renderer/ or electron/ (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: forbid(
      ['renderer', 'server', 'tests', 'bench'],
      [...uiOnly, ...serverOnly],
      'electron/ stays thin: native capabilities only; domain logic lives in shared/ (ARCHITECTURE.md).',
    ),
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern; `{}` means none.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Layout is Prettier's (checked by `npm run lint`); no ESLint rule argues with it.
  prettierConfig,
);
