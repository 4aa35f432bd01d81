import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * A lint rule that keeps some files off the floors above them (tests may reach across). `above`
 * names folders as they appear in import paths ('worker/host' for src/worker/host); an import
 * of the folder itself or of anything in it is an error.
 */
function floor(files, above, why, packages = []) {
  const message = `${files}: ${why} (docs/architecture.md, "Floors").`;
  return [
    {
      files: [files.endsWith('.ts') ? files : `${files}/**/*.{ts,tsx}`],
      ignores: ['**/*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: above.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message },
              ...(packages.length ? [{ group: packages, message }] : []),
            ],
          },
        ],
      },
    },
  ];
}

/** What only the views (and the worker's host, for comlink) may use. */
const UI = ['react', 'react-dom', 'react/*', 'react-dom/*', 'd3-selection', 'zustand', 'zustand/*'];
/** The floors of the page, each folder as import paths spell it. */
const PAGE = ['components', 'export', 'share', 'offline', 'state'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'reports'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Floors (docs/architecture.md): each folder imports only the floors below it.
  //   components -> export / share / offline -> state -> worker client -> protocol -> core
  //   worker host -> protocol -> core;  content -> core;  layout -> core
  ...floor(
    'src/components',
    ['worker'],
    'views never import the worker: they go through the store',
  ),
  ...floor(
    'src/export',
    ['components', 'worker'],
    'exports sit below the views and reach the worker only through the store',
  ),
  ...floor(
    'src/share',
    ['components', 'worker'],
    'sharing sits below the views and reaches the worker only through the store',
  ),
  ...floor(
    'src/offline',
    ['components', 'worker'],
    'the offline layer sits below the views and reaches the worker only through the store',
  ),
  ...floor(
    'src/state',
    ['components', 'export', 'share', 'offline', 'layout', 'worker/host', 'worker/testing'],
    'the store sits below the views and talks to the worker through its client and protocol',
  ),
  ...floor(
    'src/worker/client',
    [...PAGE, 'content', 'layout', 'host', 'testing'],
    "the worker's client knows the protocol, not the host's code",
    UI,
  ),
  ...floor(
    'src/worker/host',
    [...PAGE, 'content', 'layout', 'client', 'testing'],
    'the worker is a thin shell over the core that knows the protocol, not the client',
    UI,
  ),
  ...floor(
    'src/worker/protocol.ts',
    [...PAGE, 'content', 'layout', 'client', 'host', 'testing'],
    "the worker's protocol is types over the core, shared by the client and the host",
    [...UI, 'comlink'],
  ),
  ...floor(
    'src/worker/testing',
    [...PAGE, 'content', 'layout'],
    "the worker's test doubles stand in for a Worker, below the page",
    UI,
  ),
  ...floor(
    'src/layout',
    [...PAGE, 'content', 'worker'],
    'layout is pure geometry over the core',
    UI,
  ),
  ...floor(
    'src/content',
    [...PAGE, 'layout', 'worker'],
    'content (equations, words, lessons) builds on the core only',
    UI,
  ),
  {
    // The core is pure math: it serves the worker, the CLI and the tests alike.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'react-dom/*',
                'd3-selection',
                'd3',
                'zustand',
                'zustand/*',
                'katex',
                'comlink',
              ],
              message: 'src/core is pure math: no UI, DOM or worker imports.',
            },
            {
              group: [...PAGE, 'worker', 'layout', 'content'].flatMap((f) => [
                `**/${f}`,
                `**/${f}/**`,
              ]),
              message: 'src/core must not depend on the app.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'self'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded rng instead.' },
      ],
    },
  },
);
