/**
 * A prepared embedded database: migrated and seeded once (at `npm install`, or by the test setup), then
 * dumped. Creating PGlite's data folder and PostGIS from nothing takes ~25 s on a small machine;
 * loading this dump takes ~5 s, which is what makes a first `npm start` quick.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createDb, MIGRATIONS_FOLDER } from '../db/client.ts';
import { CACHE_DIR, fromRoot, PROJECT_ROOT } from '../db/project-root.ts';
import { keepOpeningDataCurrent } from './upkeep.ts';
import { SEED_FILES } from './files.ts';
import { loadSeeds, type ProgressListener, type SeedSummary } from './load.ts';

/** A hash of everything that decides the template's contents: migrations, seed files and loaders. */
export function templateFingerprint(): string {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(MIGRATIONS_FOLDER, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
    ...Object.values(SEED_FILES),
    // The loaders and everything that derives data at seeding (open intervals, sample schedule), read from
    // their TypeScript sources whether this runs as TypeScript or built, so both find the same template.
    ...['files.ts', 'load.ts', 'sample-schedule.ts', 'upkeep.ts'].map((name) => fromRoot('seeds', name)),
    fromRoot('db', 'queries', 'open-intervals.ts'),
    fromRoot('db', 'queries', 'venue-pinyin.ts'),
    fromRoot('domain', 'pinyin.ts'),
    ...readdirSync(fromRoot('domain', 'hours'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => fromRoot('domain', 'hours', name)),
  ].sort();
  for (const file of files) hash.update(relative(PROJECT_ROOT, file)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export type TemplateKind = 'seeded' | 'empty';

/** Where the current template of a kind lives (it may not exist yet). */
export function templatePath(kind: TemplateKind): string {
  return join(CACHE_DIR, `pglite-${kind}-${templateFingerprint()}.tar.gz`);
}

/** The current template as a Blob for PGlite's `loadDataDir`, or undefined when none is built. */
export function readTemplate(kind: TemplateKind): Blob | undefined {
  const path = templatePath(kind);
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}

/**
 * Builds a template in memory and writes it atomically. `empty` is migrated only (for tests that make
 * their own rows); `seeded` also holds the seed data.
 */
export async function buildTemplate(
  kind: TemplateKind,
  onProgress?: ProgressListener,
): Promise<{ path: string; summary?: SeedSummary }> {
  const path = templatePath(kind);
  const database = await createDb({});
  try {
    await database.migrate();
    const summary = kind === 'seeded' ? await loadSeeds(database.db, onProgress) : undefined;
    if (kind === 'seeded') await keepOpeningDataCurrent(database.db);
    const dump = await database.pglite!.dumpDataDir('gzip');
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    return summary ? { path, summary } : { path };
  } finally {
    await database.close();
  }
}

/** Builds the template of a kind unless the current one exists; answers its path. */
export async function ensureTemplate(kind: TemplateKind, onProgress?: ProgressListener): Promise<string> {
  const path = templatePath(kind);
  if (existsSync(path)) return path;
  return (await buildTemplate(kind, onProgress)).path;
}
