/**
 * `npm run import -- FILE [--crs wgs84|gcj02|bd09] [--format csv|geojson] [--mapping JSON|@file.json]
 * [--source tag] [--encoding utf-8|gb18030] [--dry-run]`: imports venues into the database DATABASE_URL
 * names (or the embedded one) with the same service as `POST /api/imports/venues`, showing progress and
 * a summary. The embedded database is opened the way `npm start` opens it (created from the seeded
 * template on a first run), so districts are there to assign; stop the server first, as PGlite allows
 * one process at a time.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createImportJob, listImportErrors, type ImportCounts } from '../db/queries/imports.ts';
import { COORD_SYSTEMS, type CoordSystem, type ImportFormat } from '../domain/vocab.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/database.ts';
import { ApiError } from '../server/errors.ts';
import { prepareImport, runImport } from '../server/services/import/import-venues.ts';
import { mappingAsJson } from '../server/services/import/mapping.ts';
import { decodeFile } from '../server/services/import/source.ts';

const USAGE =
  'usage: npm run import -- FILE [--crs wgs84|gcj02|bd09] [--format csv|geojson] --mapping JSON|@mapping.json ' +
  '[--source tag] [--encoding utf-8|gb18030] [--dry-run]';

/** Refuses the command line with a message and the usage; exit code 2 like other bad input. */
function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const { values: args, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        crs: { type: 'string', default: 'wgs84' },
        format: { type: 'string' },
        mapping: { type: 'string' },
        source: { type: 'string' },
        encoding: { type: 'string', default: 'utf-8' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
})();
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const path = positionals[0];
if (!path || positionals.length > 1) usage('give exactly one file to import');
const crs = args.crs as CoordSystem;
if (!COORD_SYSTEMS.includes(crs)) usage(`--crs must be one of ${COORD_SYSTEMS.join(', ')}`);
const format = (args.format ?? (extname(path).toLowerCase() === '.csv' ? 'csv' : 'geojson')) as ImportFormat;
if (format !== 'csv' && format !== 'geojson') usage('--format must be csv or geojson');
if (args.encoding !== 'utf-8' && args.encoding !== 'gb18030') usage('--encoding must be utf-8 or gb18030');
const mappingText = args.mapping?.startsWith('@') ? readFileSync(args.mapping.slice(1), 'utf8') : args.mapping;
// Without --source the file's name is the tag, so importing the same file again updates its venues.
const source =
  args.source ??
  basename(path, extname(path))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 63);
const dryRun = args['dry-run'];

let prepared;
try {
  const text = decodeFile(readFileSync(path), args.encoding);
  prepared = prepareImport({ format, text, mapping: mappingText, source });
} catch (error) {
  if (error instanceof ApiError) usage(`cannot import ${path}: ${error.message} (${error.code})`);
  throw error;
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const database = await openDatabase(loadConfig(), say);
const aborter = new AbortController();
process.once('SIGINT', () => {
  say('\nstopping after the current batch…');
  aborter.abort();
});
try {
  const job = await createImportJob(database.db, {
    format,
    crs,
    source,
    dryRun,
    mapping: mappingAsJson(prepared.mapping),
  });
  say(
    `importing ${path} (${format}, ${crs}) as source "${source}"${dryRun ? ' — dry run, nothing is written' : ''} into ${database.engine}, job ${job.id}`,
  );
  const started = performance.now();
  const done = await runImport(database.db, job.id, prepared.file, {
    source,
    crs,
    dryRun,
    mapping: prepared.mapping,
    signal: aborter.signal,
    onProgress: progressBar(process.stdout),
  });
  const seconds = (performance.now() - started) / 1000;
  const total = done.totalRows ?? 0;
  say(
    `${dryRun ? 'dry run done' : 'done'} in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} rows/s): ${total} rows — ` +
      `${done.inserted} inserted, ${done.updated} updated, ${done.failedRows} failed, ${done.duplicates} duplicates`,
  );
  const errors = await listImportErrors(database.db, { jobId: job.id, limit: 10 });
  if (errors.length > 0) {
    say(`first ${errors.length} of ${done.failedRows} errors (all: GET /api/imports/${job.id}/errors):`);
    for (const e of errors) say(`  ${format === 'csv' ? 'line' : 'feature'} ${e.line}: ${e.reason} (${e.code})`);
  }
  if (done.duplicates > 0) say(`likely duplicates: GET /api/imports/${job.id}/duplicates`);
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`\nimport failed: ${aborter.signal.aborted ? 'stopped' : (error as Error).message}\n`);
} finally {
  await database.close();
}

/**
 * Progress for a person at a terminal: one bar rewriting itself on a TTY, and a plain line at every
 * tenth of the file when output goes to a file or a CI log.
 */
function progressBar(out: { write(s: string): unknown; isTTY?: boolean }) {
  let lastTenth = -1;
  return (counts: ImportCounts, total: number) => {
    const share = total === 0 ? 1 : counts.processedRows / total;
    const width = 30;
    const filled = Math.round(share * width);
    const line =
      `  [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ` +
      `${counts.processedRows}/${total} rows (${counts.inserted} new, ${counts.updated} updated, ` +
      `${counts.failedRows} failed, ${counts.duplicates} duplicates)`;
    if (out.isTTY) {
      out.write(`\r${line}${counts.processedRows === total ? '\n' : ''}`);
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      out.write(`${line}\n`);
    }
  };
}
