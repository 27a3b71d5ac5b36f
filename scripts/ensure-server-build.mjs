/**
 * Runs at `npm install`, before every `npm start` and in the e2e setup: builds the server's JavaScript
 * into dist/ unless none of the files the last build read has changed since (a hash stamp, as for the
 * web app), so a start after `git pull` never runs stale code.
 *
 * Why esbuild, bundling Kaimen's own modules (server/, db/, seeds/, domain/) and leaving packages as
 * imports: it is already installed (tsx and Vite run on it), it builds in 0.2 s on a quiet machine and
 * under 2 s on the loaded shared one, where `tsc --noCheck` with rewriteRelativeImportExtensions took
 * 6–8 CPU seconds (17–25 s), and one file per entry loads faster than 140 modules. Each entry is one whole file (no shared
 * chunk), so a stack trace names dist/server/server.js, mapped back to the sources by the linked source
 * map under `node --enable-source-maps`. Type checking stays `npm run check`'s job. docs/PERFORMANCE.md
 * ("Start-up: tsx vs built JavaScript") has the measurements.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const stampFile = join(dist, '.source-hash.json');
/** What `npm start` and the install-time template preparation run. */
const ENTRIES = ['server/server.ts', 'scripts/prepare-embedded.ts'];
/** Besides the sources: what decides how they are built. */
const SETTINGS = ['scripts/ensure-server-build.mjs', 'tsconfig.json', 'node_modules/esbuild/package.json'];

/** Hash of the files, or undefined when one is gone (a renamed or deleted source). */
function hashOf(files) {
  const hash = createHash('sha256');
  for (const file of [...SETTINGS, ...files].sort()) {
    if (!existsSync(join(root, file))) return undefined;
    hash.update(file).update(readFileSync(join(root, file)));
  }
  return hash.digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
}

const stamp = readStamp();
if (stamp && stamp.hash === hashOf(stamp.inputs) && ENTRIES.every((entry) => stamp.entries?.includes(entry))) {
  process.exit(0);
}

const started = performance.now();
const { build } = await import('esbuild');
// Built beside dist/ and swapped in whole, so no run sees half a build or chunks of an older one.
const partial = join(root, `dist.${process.pid}.partial`);
try {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: partial,
    outbase: '.',
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs);
  writeFileSync(join(partial, '.source-hash.json'), JSON.stringify({ hash: hashOf(inputs), entries: ENTRIES, inputs }));
  rmSync(dist, { recursive: true, force: true });
  renameSync(partial, dist);
} catch (error) {
  rmSync(partial, { recursive: true, force: true });
  process.stderr.write(`[kaimen] the server build failed: ${error.message}\n`);
  process.exit(1);
}
process.stdout.write(`[kaimen] Server built into dist/ (${((performance.now() - started) / 1000).toFixed(1)} s).\n`);
