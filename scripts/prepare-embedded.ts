/**
 * Runs at `npm install`: prepares the embedded database template (migrated, seeded, dumped) so the
 * first `npm start` only unpacks it. Never fails the install: without a template the first start
 * builds the database itself, just more slowly.
 */
import { existsSync } from 'node:fs';
import { progressPrinter } from '../seeds/progress.ts';
import { buildTemplate, templatePath } from '../seeds/template.ts';

if (process.env.DATABASE_URL) process.exit(0);
if (existsSync(templatePath('seeded'))) process.exit(0);
const started = Date.now();
process.stdout.write('[kaimen] Preparing the embedded database (PGlite + PostGIS) with the seed data…\n');
try {
  const { summary } = await buildTemplate('seeded', progressPrinter(process.stdout));
  process.stdout.write(
    `[kaimen] Embedded database prepared: ${summary?.venues ?? 0} venues (${((Date.now() - started) / 1000).toFixed(0)} s).\n`,
  );
} catch (error) {
  process.stderr.write(
    `[kaimen] could not prepare the embedded database now (${String(error)}); the first start will.\n`,
  );
}
