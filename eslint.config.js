import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** A lint rule that keeps one folder off the floors above it (tests may reach across). */
function floor(dir, above, why, packages = []) {
  return [
    {
      files: [`${dir}/**/*.{ts,tsx}`],
      ignores: [`${dir}/**/*.test.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: above.map((f) => `**/${f}/**`), message: `${dir}: ${why}.` },
              ...(packages.length ? [{ group: packages, message: `${dir}: ${why}.` }] : []),
            ],
          },
        ],
      },
    },
  ];
}

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
  // Floors (DESIGN.md): each folder imports only the floors below it.
  //   components -> state -> worker client -> core;  state -> content -> core;  layout -> core
  ...floor(
    'src/worker',
    ['components', 'state', 'content', 'layout'],
    'the worker is a thin shell over the core',
  ),
  ...floor(
    'src/layout',
    ['components', 'state', 'content', 'worker'],
    'layout is pure geometry over the core',
    ['react', 'react-dom', 'd3-selection', 'zustand'],
  ),
  ...floor(
    'src/content',
    ['components', 'state', 'layout', 'worker'],
    'content (equations, words, lessons) builds on the core only',
    ['react', 'react-dom', 'd3-selection', 'zustand'],
  ),
  ...floor('src/state', ['components', 'layout'], 'the store sits below the views'),
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
              group: [
                '**/components/**',
                '**/state/**',
                '**/worker/**',
                '**/layout/**',
                '**/content/**',
              ],
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
