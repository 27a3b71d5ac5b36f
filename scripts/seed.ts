/**
 * `npm run db:seed`: loads the seed data into the database DATABASE_URL names (or the embedded one).
 * Safe to run again: every loader upserts.
 */
import { createDb } from '../db/client.ts';
import { loadConfig } from '../server/config.ts';
import { loadSeeds } from '../seeds/load.ts';
import { progressPrinter } from '../seeds/progress.ts';
import { keepOpeningDataCurrent } from '../seeds/upkeep.ts';

const config = loadConfig();
const database = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  if (database.engine === 'pglite') await database.migrate();
  const summary = await loadSeeds(database.db, progressPrinter(process.stdout));
  const upkeep = await keepOpeningDataCurrent(database.db);
  console.log(
    `seeded (${database.engine}): ${summary.venues} venues, ${summary.designations} designations, ${summary.districts} districts (${summary.boundaries} with boundaries), ${summary.holidays} holiday-calendar days, ${upkeep.sampleSlotsAdded} new sample open-day slots`,
  );
} finally {
  await database.close();
}
