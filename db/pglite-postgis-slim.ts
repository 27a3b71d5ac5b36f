/**
 * PGlite unpacks every file of an extension's bundle and compiles every .so in it at each start. The
 * PostGIS bundle holds ~95 MB: raster, topology and tiger-geocoder libraries and scripts Kaimen never
 * loads. This keeps only what `CREATE EXTENSION postgis` and the spatial functions need (the core
 * library, its install script and control file, and PROJ's data) in a cached bundle, which cuts
 * seconds off every embedded start.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Extension } from '@electric-sql/pglite';
import * as tar from 'tar';
import { CACHE_DIR } from './project-root.ts';

const require = createRequire(import.meta.url);

/** Paths in the bundle that the core extension needs; everything else is left out. */
function needed(path: string): boolean {
  const p = path.replace(/^\.\//, '');
  return (
    p === 'lib/postgresql/postgis-3.so' ||
    p.startsWith('share/proj/') ||
    p === 'share/postgresql/extension/postgis.control' ||
    /^share\/postgresql\/extension\/postgis--\d+\.\d+\.\d+\.sql$/.test(p) ||
    p.endsWith('/')
  );
}

function originalBundle(): string {
  // The package exports only its entry point, which sits beside the bundle in dist/.
  return join(dirname(require.resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz');
}

/** Builds the slim bundle unless a current one is cached; answers its path. */
export async function slimPostgisBundle(): Promise<string> {
  const original = originalBundle();
  const { size, mtimeMs } = statSync(original);
  const path = join(CACHE_DIR, `postgis-core-${size}-${Math.round(mtimeMs)}.tar.gz`);
  if (existsSync(path)) return path;
  mkdirSync(CACHE_DIR, { recursive: true });
  const work = mkdtempSync(join(CACHE_DIR, 'postgis-'));
  try {
    await tar.x({ file: original, cwd: work, filter: (entry) => needed(entry) });
    const partial = `${path}.${process.pid}.partial`;
    await tar.c({ gzip: true, file: partial, cwd: work, portable: true }, ['lib', 'share']);
    renameSync(partial, path);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return path;
}

/** The PostGIS extension for PGlite with the slim bundle in place of the full one. */
export async function slimPostgis(): Promise<Extension> {
  const bundle = pathToFileURL(await slimPostgisBundle());
  return {
    name: postgis.name,
    setup: async (pg, emscriptenOpts) => ({ ...(await postgis.setup(pg, emscriptenOpts)), bundlePath: bundle }),
  };
}
