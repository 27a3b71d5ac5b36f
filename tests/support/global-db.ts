import { createDb } from '../../db/client.ts';
import { loadSeeds } from '../../seeds/load.ts';
import { keepOpeningDataCurrent } from '../../seeds/upkeep.ts';
import { ensureTemplate } from '../../seeds/template.ts';
import { REQUIRE_ALL, TEST_DATABASE_URL } from './engines.ts';

/**
 * Once per run: builds the PGlite templates (migrated, and migrated + seeded) unless the current ones
 * are cached, and migrates and seeds the PostgreSQL test database when there is one.
 */
export default async function setup(): Promise<void> {
  await ensureTemplate('empty');
  await ensureTemplate('seeded');
  if (!TEST_DATABASE_URL) {
    if (REQUIRE_ALL) throw new Error('REQUIRE_ALL=1 but TEST_DATABASE_URL is not set');
    console.warn('[tests] TEST_DATABASE_URL is not set: the PostgreSQL + PostGIS tier is skipped');
    return;
  }
  await preparePostgres(TEST_DATABASE_URL);
}

/**
 * Migrates and seeds the PostgreSQL test database. Idempotent, so the db and e2e tiers may both call
 * it whichever global setup runs first.
 */
export async function preparePostgres(url: string): Promise<void> {
  const database = await createDb({ databaseUrl: url });
  try {
    await database.migrate();
    await loadSeeds(database.db);
    await keepOpeningDataCurrent(database.db);
  } finally {
    await database.close();
  }
}
