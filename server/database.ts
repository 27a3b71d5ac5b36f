import { count, sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDb, isNewDataDir, MIGRATIONS_FOLDER, queryRows, type Database, type Db } from '../db/client.ts';
import { fillMissingPinyin } from '../db/queries/venue-pinyin.ts';
import { venues } from '../db/schema/index.ts';
import { DEMO_PASSWORD, ensureDemoAccounts } from '../seeds/demo-accounts.ts';
import { hashPassword } from './auth/passwords.ts';
import { ensureDemoBookings } from './services/demo-bookings.ts';
import { loadSeeds } from '../seeds/load.ts';
import { progressPrinter } from '../seeds/progress.ts';
import { readTemplate } from '../seeds/template.ts';
import type { Config } from './config.ts';
import { keepOpeningDataCurrent } from '../seeds/upkeep.ts';

/** Where start-up tells a person what it is doing. */
export type Say = (line: string) => void;

/**
 * Opens the configured database ready to serve. The embedded one creates itself on a first start (from
 * the prepared template when `npm install` built one, else from nothing), migrates, and loads the seed
 * data when it holds no venues. PostgreSQL must already be migrated: `npm run db:migrate`. Either way
 * the opening days behind date filters and the sample schedule are brought up to date, and names without
 * their pinyin get it (db/queries/venue-pinyin.ts). In demo mode the demo accounts and their synthetic
 * bookings are made (what is missing of them).
 */
export async function openDatabase(config: Config, say: Say): Promise<Database> {
  const database = await openEngine(config, say);
  // Names written without their pinyin (a tool's raw rename clears it): cheap, a partial index finds them.
  await fillMissingPinyin(database.db);
  const upkeep = await keepOpeningDataCurrent(database.db);
  if (upkeep.intervalsRefreshed) say('Computed opening days for the coming months.');
  if (config.demo) {
    const created = await ensureDemoAccounts(database.db, await hashPassword(DEMO_PASSWORD));
    if (created > 0) say(`Created ${created} demo accounts (README: "Demo accounts"); password ${DEMO_PASSWORD}.`);
    // Demo data must never keep Kaimen from starting: a refusal is told, and the next start tries again.
    try {
      const scenes = await ensureDemoBookings(database.db);
      if (scenes.length > 0) say(`Added demo bookings (synthetic, at the demo venue): ${scenes.join(', ')}.`);
    } catch (error) {
      say(
        `Could not add the demo bookings (${error instanceof Error ? error.message : String(error)}); starting without them.`,
      );
    }
  }
  return database;
}

async function openEngine(config: Config, say: Say): Promise<Database> {
  if (config.databaseUrl) {
    say('Connecting to PostgreSQL (DATABASE_URL)…');
    const database = await createDb({ databaseUrl: config.databaseUrl });
    const pending = await pendingMigrations(database.db);
    if (pending > 0) {
      await database.close();
      throw new Error(
        `${pending} migration(s) are not applied to this database: run \`npm run db:migrate\` (and \`npm run db:seed\` for the seed data)`,
      );
    }
    return database;
  }
  return openEmbedded(config, say);
}

async function openEmbedded(config: Config, say: Say): Promise<Database> {
  const started = Date.now();
  let database: Database;
  const template = isNewDataDir(config.dataDir) ? readTemplate('seeded') : undefined;
  if (template) {
    say(`Creating the embedded database in ${config.dataDir} from the prepared template…`);
    database = await createDb({ dataDir: config.dataDir, loadDataDir: template });
  } else {
    if (isNewDataDir(config.dataDir)) {
      say(`Creating the embedded database in ${config.dataDir} (first start only; about half a minute)…`);
    }
    database = await createDb({ dataDir: config.dataDir });
  }
  const pending = await pendingMigrations(database.db);
  if (pending > 0) {
    say(
      `Migrating the database (${pending} migration${pending > 1 ? 's' : ''}${pending > 1 ? ', including PostGIS' : ''})…`,
    );
    await database.migrate();
  }
  if (config.seed === 'auto' && (await venueCount(database.db)) === 0) {
    say('Loading the seed data…');
    const summary = await loadSeeds(database.db, progressPrinter(process.stdout));
    say(
      `Loaded ${summary.venues} venues, ${summary.districts} districts and ${summary.holidays} holiday-calendar days.`,
    );
  }
  if (database.created || Date.now() - started > 2000) {
    say(
      `Embedded database ready with ${await venueCount(database.db)} venues (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
  }
  return database;
}

async function venueCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(venues);
  return row?.n ?? 0;
}

/** How many migrations in db/migrations this database has not applied. */
export async function pendingMigrations(db: Db): Promise<number> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (!exists?.present) return journal.entries.length;
  const [last] = await queryRows<{ created_at: string | number | null }>(
    db,
    sql`SELECT max(created_at) AS created_at FROM drizzle.__drizzle_migrations`,
  );
  const applied = Number(last?.created_at ?? 0);
  return journal.entries.filter((e) => e.when > applied).length;
}
