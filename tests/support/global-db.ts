import { sql } from 'drizzle-orm';
import { createDb } from '../../db/client.ts';
import { loadSeeds } from '../../seeds/load.ts';
import { keepOpeningDataCurrent } from '../../seeds/upkeep.ts';
import { ensureTemplate } from '../../seeds/template.ts';
import { privateTemplateName, REQUIRE_ALL, TEST_DATABASE_URL } from './engines.ts';

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
 * Migrates and seeds the PostgreSQL test database, and builds the template the tests' private databases
 * are copied from (privateTemplateName). Idempotent, so the db and e2e tiers may both call it whichever
 * global setup runs first; the template is built once per run.
 */
export async function preparePostgres(url: string): Promise<void> {
  await migrateAndSeed(url);
  templateBuilt ??= buildPrivateTemplate(url);
  await templateBuilt;
}
let templateBuilt: Promise<void> | undefined;

async function migrateAndSeed(url: string): Promise<void> {
  const database = await createDb({ databaseUrl: url });
  try {
    await database.migrate();
    await loadSeeds(database.db);
    await keepOpeningDataCurrent(database.db);
  } finally {
    await database.close();
  }
}

/**
 * A migrated and seeded database no one connects to, so that PostgreSQL can copy it (CREATE DATABASE …
 * TEMPLATE) in a fraction of a second for each test that needs a database of its own, instead of
 * migrating and seeding one each time (about 5 s). Rebuilt every run, so it follows the migrations and
 * seeds of the sources under test; .ci/run drops it with the test database.
 */
async function buildPrivateTemplate(url: string): Promise<void> {
  const name = privateTemplateName(url);
  const admin = await createDb({ databaseUrl: url, maxConnections: 1 });
  try {
    await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    await admin.db.execute(
      sql.raw(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`),
    );
  } finally {
    await admin.close();
  }
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${name}`;
  await migrateAndSeed(templateUrl.toString());
}
