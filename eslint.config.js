import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of docs/ARCHITECTURE.md and the directions imports may take between them. Arrows only
 * point down: web → (HTTP) → server → db → domain; seeds use db and domain; only entry points (scripts,
 * bench, tests) may build the server. `web/` talks to the server over HTTP and may share `domain/`.
 */
const full = (type, pattern, extra = {}) => ({ type, pattern, partialMatch: false, ...extra });
const LAYERS = [
  full('route', 'server/routes/*/**', { capture: ['resource'] }),
  full('server', 'server/**'),
  full('db-schema', 'db/schema/**'),
  full('db', 'db/**'),
  full('domain', 'domain/**'),
  full('seeds', 'seeds/**'),
  full('web', 'web/**'),
  full('entry', '{scripts,bench,tests}/**'),
];
const layer = (...types) => ({ to: { element: { types: { anyOf: types } } } });

/** Packages the pure domain may use: computation only, no I/O, no framework. */
const DOMAIN_PACKAGES = ['gcoord', 'pbf', 'pinyin-pro'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'data/',
      'scratch/',
      'web/build/',
      'web/.svelte-kit/',
      'db/migrations/',
      'bench/results/',
      'dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS,
      'boundaries/include': [
        'domain/**',
        'db/**',
        'seeds/**',
        'server/**',
        'web/src/**',
        'scripts/**',
        'bench/**',
        'tests/**',
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          message: '{{from.type}} must not import {{to.type}} (docs/ARCHITECTURE.md: allowed directions)',
          policies: [
            { allow: { to: { module: { origin: ['core', 'external'] } } } },
            { from: { element: { type: 'domain' } }, allow: layer('domain') },
            {
              from: { element: { type: 'domain' } },
              disallow: { to: { module: { origin: ['core', 'external'] } } },
              message: 'domain/ is pure: no Node built-ins, no framework or database packages',
            },
            {
              from: { element: { type: 'domain' } },
              allow: { to: { module: { origin: 'external', source: DOMAIN_PACKAGES } } },
            },
            { from: { element: { type: 'db-schema' } }, allow: layer('db-schema', 'domain') },
            { from: { element: { type: 'db' } }, allow: layer('db', 'db-schema', 'domain') },
            { from: { element: { type: 'seeds' } }, allow: layer('seeds', 'db', 'db-schema', 'domain') },
            {
              from: { element: { type: 'server' } },
              allow: layer('server', 'route', 'seeds', 'db', 'db-schema', 'domain'),
            },
            {
              from: { element: { type: 'route' } },
              allow: layer('server', 'seeds', 'db', 'domain'),
            },
            {
              from: { element: { type: 'route' } },
              disallow: { to: { module: { origin: 'external', source: ['drizzle-orm', 'drizzle-orm/*'] } } },
              message: 'routes call queries (db/queries) and commands (server/commands), never drizzle itself',
            },
            { from: { element: { type: 'web' } }, allow: layer('web', 'domain') },
            {
              from: { element: { type: 'entry' } },
              allow: layer('entry', 'server', 'route', 'seeds', 'db', 'db-schema', 'domain', 'web'),
            },
          ],
        },
      ],
    },
  },
);
