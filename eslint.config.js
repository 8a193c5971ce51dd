// @ts-check
const { builtinModules } = require('node:module');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const { importX, createNodeResolver } = require('eslint-plugin-import-x');

// Workflow code runs in Temporal's deterministic sandbox, whose bundler refuses Node built-ins
// (except assert, url and util). Catching them here gives the error at lint time, not at worker start.
const allowedInWorkflows = new Set(['assert', 'url', 'util']);
const forbiddenBuiltins = builtinModules
  .filter((name) => !name.startsWith('_') && !allowedInWorkflows.has(name.split('/')[0]))
  .flatMap((name) => [name, `node:${name}`]);

/** Files that run inside Temporal's workflow sandbox: the bundle's entry and what it reaches. */
const WORKFLOW_CODE = ['src/workflows/**/*.ts', 'src/digest/digest-workflow.ts'];

/**
 * The layer map (README "Layout"): each room of src/ and the rooms it may import from. Everything
 * else is forbidden, so an arrow pointing up, or sideways past the map, fails `npm run lint`. The
 * composition roots (engine.ts, main.ts) may import anything and nothing may import them.
 */
const LAYERS = {
  // notify: `docket staff invite` mails the invitation link through the reminders' SMTP channel.
  'src/cli': ['access', 'client', 'reports', 'digest', 'codec', 'notify', 'rulebook', 'store', 'domain', 'rules', 'errors', 'config', 'logging.ts'],
  // notify: an invitation issued through the API is mailed as the CLI's is.
  'src/api': ['access', 'notify', 'client', 'reports', 'digest', 'codec', 'http', 'rulebook', 'store', 'domain', 'rules', 'errors', 'config', 'logging.ts', 'metrics'],
  // http: a worker-only process serves its health (and metrics) on a port of its own.
  'src/worker': ['activities', 'client', 'digest', 'codec', 'http', 'logging.ts', 'config', 'metrics'],
  'src/digest': ['reports', 'client', 'workflows', 'notify', 'store', 'domain', 'rules', 'errors'],
  'src/reports': ['client', 'rulebook', 'store', 'domain', 'rules', 'errors'],
  'src/client': ['workflows', 'access', 'codec', 'temporal', 'domain', 'rules', 'errors', 'config', 'logging.ts', 'metrics'],
  'src/temporal': ['workflows', 'errors', 'config'],
  // The bundle's entry re-exports the digest workflow, which lives with the rest of its feature.
  'src/workflows': ['activities', 'digest', 'domain', 'rules', 'errors'],
  'src/activities': ['notify', 'rulebook', 'store', 'domain', 'rules', 'errors', 'config', 'logging.ts', 'metrics'],
  'src/access': ['store', 'domain', 'errors', 'config'],
  // The rule data installed now and the archive of versions cases are pinned to.
  'src/rulebook': ['store', 'rules', 'errors', 'config', 'logging.ts'],
  'src/notify': ['store', 'domain', 'rules', 'errors', 'logging.ts'],
  'src/store': ['domain', 'rules', 'errors', 'config', 'metrics'],
  'src/codec': ['http', 'errors', 'config'],
  'src/http': [],
  // Prometheus metrics: a leaf every room that measures something records into.
  'src/metrics': [],
  'src/domain': ['rules', 'errors'],
  'src/rules': ['errors'],
  'src/errors': [],
  'src/config': ['errors'],
  'src/logging.ts': [],
};
const ROOMS = [...Object.keys(LAYERS).map((room) => room.slice('src/'.length)), 'engine.ts', 'main.ts'];
const layerZones = Object.entries(LAYERS).map(([target, allowed]) => ({
  target: `./${target}`,
  from: ROOMS.filter((room) => `src/${room}` !== target && !allowed.includes(room)).map((room) => `./src/${room}`),
  message: `${target} may import only from ${allowed.length > 0 ? allowed.join(', ') : 'nothing else in src'} (the layer map in the README's Layout section).`,
}));

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.venv/', '.cache/', 'data/', 'coverage/', 'bench/results/', 'test/histories/*.json'] },
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
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    files: WORKFLOW_CODE,
    rules: {
      // Workflows reach activities only through proxyActivities<T>: a value import would pull the activities'
      // Node dependencies into the sandbox bundle.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: forbiddenBuiltins.map((name) => ({
            name,
            message: 'Workflow code must stay free of Node built-ins (deterministic, no I/O).',
          })),
          patterns: [
            {
              group: ['**/activities', '**/activities/*', '**/digest-activities'],
              allowTypeImports: true,
              message: 'Workflow code imports activities as types only (proxyActivities<T>).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/rules/**/*.ts', 'src/errors/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenBuiltins.map((name) => ({
            name,
            message: 'Domain, rules and errors code is pure: no Node built-ins, no I/O.',
          })),
          patterns: [{ group: ['@temporalio/*'], message: 'Domain, rules and errors code must not depend on Temporal.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
