import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
];

/** The boundaries of engineering.md §2, as import rules: crossing one fails lint. */
const boundary = (message, { paths = [], patterns = [] }) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: [{ group: patterns, message }],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      '.electron-native',
      'electron/db/migrations',
      'test-results',
      'playwright-report',
      'bench/out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Use a string-literal union, not an enum (engineering.md §5).',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...boundary(
        'renderer/ imports only renderer/ and shared/: files and the database belong to the main process (engineering.md §2).',
        {
          paths: ['electron', 'better-sqlite3', 'drizzle-orm', ...nodeBuiltins],
          patterns: ['node:*', '**/electron/**', '../electron', 'drizzle-orm/*'],
        },
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: boundary(
      'shared/ imports nothing from electron/, renderer/, Node, the DOM or the database (engineering.md §2).',
      {
        paths: ['electron', 'better-sqlite3', 'drizzle-orm', 'react', 'react-dom', ...nodeBuiltins],
        patterns: ['node:*', '**/electron/**', '**/renderer/**', 'drizzle-orm/*', '@mantine/*'],
      },
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: [
      'electron/main.ts',
      'electron/preload.ts',
      'electron/security.ts',
      'electron/ipc/register.ts',
    ],
    rules: boundary(
      'Only main.ts, preload.ts, security.ts and ipc/register.ts import electron; the rest is plain Node so the CLI, the browser host and tests run it (engineering.md §2).',
      {
        paths: ['electron', 'react', 'react-dom'],
        patterns: ['**/renderer/**', '@mantine/*'],
      },
    ),
  },
  {
    files: [
      'electron/main.ts',
      'electron/preload.ts',
      'electron/security.ts',
      'electron/ipc/register.ts',
    ],
    rules: boundary('The main process never imports the renderer.', {
      patterns: ['**/renderer/**'],
    }),
  },
);
