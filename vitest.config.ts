import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

/**
 * Test tiers, all against real engines (see docs/ARCHITECTURE.md):
 * - unit: pure functions, no I/O
 * - web: the SvelteKit client's pure helpers and runes state
 * - db: queries and constraints on PGlite and, with TEST_DATABASE_URL, on PostgreSQL + PostGIS;
 *       HTTP through app.inject on the same engines
 * - e2e: the built app in Debian's Chromium through playwright-core
 * With REQUIRE_ALL=1 a missing engine or browser fails the run instead of skipping.
 *
 * Vitest's default is one worker less than the cores: ONE on this 2-core machine, so every file ran after
 * the other while a database file mostly waits on PostgreSQL or starts a fork. The unit, web and db tiers
 * run two files at a time; the browser journeys, each with its servers and Chromium, one at a time after them.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          maxWorkers: 2,
        },
      },
      {
        // SvelteKit's own plugin reads svelte.config.js from the working directory, so the web tier
        // compiles runes with the plain Svelte plugin and maps $lib itself.
        plugins: [svelte({ configFile: false })],
        resolve: {
          alias: {
            $lib: fileURLToPath(new URL('./web/src/lib', import.meta.url)),
            $domain: fileURLToPath(new URL('./domain', import.meta.url)),
          },
        },
        test: {
          name: 'web',
          include: ['web/src/**/*.test.ts'],
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts', 'tests/commands/**/*.test.ts', 'tests/http/**/*.test.ts'],
          globalSetup: ['tests/support/global-db.ts'],
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // A page under a loaded machine (CI shares two cores) takes more than the default second.
          expect: { poll: { timeout: 10_000 } },
          globalSetup: ['tests/support/global-e2e.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
