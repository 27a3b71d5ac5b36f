#!/usr/bin/env node
// Builds the SvelteKit app into web/build unless the build there was made from the current sources.
// Runs at `npm install` and before `npm start`, so a fresh clone or a `git pull` never serves a stale UI.
// Plain Node (no tsx): it must run before anything else is known to work.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
const stampFile = join(web, 'build', '.source-hash');
const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'tsconfig.json'];

function* files(path) {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) yield* files(join(path, name));
  } else {
    yield path;
  }
}

const hash = createHash('sha256');
for (const input of inputs) {
  for (const file of files(join(web, input))) {
    if (file.endsWith('.test.ts')) continue;
    hash.update(relative(web, file)).update(readFileSync(file));
  }
}
const current = hash.digest('hex');
const built =
  existsSync(join(web, 'build', 'handler.js')) && existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (built === current) process.exit(0);

process.stdout.write('[kaimen] Building the web app (after install or a change to web/; about half a minute)…\n');
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: web,
    stdio: 'inherit',
    // Under vitest NODE_ENV is "test", which would make Svelte emit its development build.
    env: { ...process.env, NODE_ENV: 'production' },
  },
);
if (result.status !== 0) {
  process.stderr.write('[kaimen] the web build failed; see the messages above\n');
  process.exit(result.status ?? 1);
}
writeFileSync(stampFile, current);
process.stdout.write('[kaimen] Web app built.\n');
