// @ts-check
const { builtinModules } = require('node:module');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

// Workflow code runs in Temporal's deterministic sandbox, whose bundler refuses Node built-ins
// (except assert, url and util). Catching them here gives the error at lint time, not at worker start.
const allowedInWorkflows = new Set(['assert', 'url', 'util']);
const forbiddenBuiltins = builtinModules
  .filter((name) => !name.startsWith('_') && !allowedInWorkflows.has(name.split('/')[0]))
  .flatMap((name) => [name, `node:${name}`]);

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.venv/', 'data/', 'coverage/', 'bench/results/', 'test/histories/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/workflows/**/*.ts', 'src/domain/**/*.ts', 'src/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenBuiltins.map((name) => ({
            name,
            message: 'Workflow, domain and rules code must stay free of Node built-ins (deterministic, no I/O).',
          })),
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenBuiltins.map((name) => ({
            name,
            message: 'Domain and rules code is pure: no Node built-ins, no I/O.',
          })),
          patterns: [{ group: ['@temporalio/*'], message: 'Domain and rules code must not depend on Temporal.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
