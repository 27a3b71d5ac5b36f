/**
 * The repository's root folder, for files read at run time by path (migrations, seed data, caches).
 * Paths relative to `import.meta.url` break once the code runs built from `dist/`, so every such path
 * starts here instead: the nearest folder above this module holding `package.json` is the root both
 * from `db/` (TypeScript through tsx or vitest) and from `dist/` (the built server).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** Absolute path of the repository's root folder. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** An absolute path inside the repository, e.g. `fromRoot('db', 'migrations')`. */
export const fromRoot = (...segments: string[]): string => join(PROJECT_ROOT, ...segments);

/** Kaimen's caches (the slim PostGIS bundle, embedded-database templates), beside other tools' caches. */
export const CACHE_DIR = fromRoot('node_modules', '.cache', 'kaimen');
