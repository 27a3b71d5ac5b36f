import { sql } from 'drizzle-orm';
import { createDb, type Database, type Engine } from '../../db/client.ts';
import { readTemplate, type TemplateKind } from '../../seeds/template.ts';
import { keepOpeningDataCurrent } from '../../seeds/upkeep.ts';
import { openForSuite } from './suite.ts';

/** True when the run must fail rather than skip a tier whose engine or browser is missing. */
export const REQUIRE_ALL = process.env.REQUIRE_ALL === '1';

/** The PostgreSQL + PostGIS database tests may use (migrated and seeded by the global setup). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Engines this machine can test on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  if (!TEST_DATABASE_URL && REQUIRE_ALL) {
    throw new Error('REQUIRE_ALL=1 but TEST_DATABASE_URL is not set: the PostgreSQL tier cannot run');
  }
  return TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * The engines a browser journey runs on. Every database and HTTP test runs on both engines (the db tier),
 * and a journey drives the same pages whichever engine serves them, so a journey runs on both only where
 * the server takes an engine's own path: the map's venue tiles (ST_AsMVT on PostgreSQL, an encoder of its
 * own on PGlite), search, and imports (small batches on the embedded engine). The others run on the engine
 * they name, booking journeys on PostgreSQL and consoles on PGlite, so each engine serves journeys. Running
 * every journey twice was most of CI's time (docs/ARCHITECTURE.md, "Decisions worth knowing"). Without
 * PostgreSQL here, a journey that names it runs on PGlite.
 */
export function journeyEngines(engine: Engine | 'both'): Engine[] {
  const available = testEngines();
  if (engine === 'both' || !available.includes(engine)) return available;
  return [engine];
}

/**
 * Opens a test database. PGlite starts in memory from the template the global setup built (seeded
 * or empty); PostgreSQL is the shared seeded test database, so tests there must leave it as they
 * found it (use `rollback`).
 */
export async function openTestDb(engine: Engine, kind: TemplateKind = 'seeded'): Promise<Database> {
  if (engine === 'postgres') {
    if (kind === 'empty') throw new Error('the PostgreSQL test database is always seeded');
    return createDb({ databaseUrl: TEST_DATABASE_URL, maxConnections: 4 });
  }
  const template = readTemplate(kind);
  if (!template) throw new Error(`no ${kind} PGlite template: the global setup should have built it`);
  const database = await createDb({ loadDataDir: template });
  // A template built on an earlier day rolls its opening days and sample schedule forward, as a start does.
  if (kind === 'seeded') await keepOpeningDataCurrent(database.db);
  return database;
}

/**
 * Opens a test database (see openTestDb) before the suite's tests and closes it after them. `bind` gets
 * it once it is open, for the suite to keep: `withTestDb(engine, (opened) => (database = opened))`.
 */
export function withTestDb(engine: Engine, bind: (database: Database) => unknown, kind: TemplateKind = 'seeded'): void {
  openForSuite(
    () => openTestDb(engine, kind),
    (database) => database.close(),
    bind,
  );
}

class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back, so the database is left untouched. */
export async function rollback<T>(
  database: Database,
  fn: (tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0]) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  try {
    await database.db.transaction(async (tx) => {
      result = await fn(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

/** Empties every catalogue table (for tests that start from nothing on the PGlite `empty` template). */
export async function truncateCatalogue(database: Database): Promise<void> {
  await database.db.execute(sql`TRUNCATE slots, programmes, designations, venues, holiday_days, districts CASCADE`);
}

/**
 * A database of the engine's own for tests whose writes commit (through the API, or from background
 * jobs) and so cannot run in `rollback`: other test files count the shared PostgreSQL database's seeded
 * venues while they run. PGlite is private anyway; on PostgreSQL this copies the migrated and seeded
 * template the global setup built (privateTemplateName), and `dispose` drops the copy.
 */
export async function openPrivateDb(
  engine: Engine,
): Promise<{ database: Database; dispose: () => Promise<void>; url?: string }> {
  if (engine === 'pglite') {
    const database = await openTestDb('pglite');
    return { database, dispose: () => database.close() };
  }
  const url = new URL(TEST_DATABASE_URL!);
  const name = `${url.pathname.slice(1)}_private_${process.pid}_${privateDbCount++}`;
  const admin = await createDb({ databaseUrl: TEST_DATABASE_URL, maxConnections: 1 });
  await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  // A copy of the template the global setup migrated and seeded (tests/support/global-db.ts).
  await admin.db.execute(sql.raw(`CREATE DATABASE "${name}" TEMPLATE "${privateTemplateName(TEST_DATABASE_URL!)}"`));
  url.pathname = `/${name}`;
  const database = await createDb({ databaseUrl: url.toString(), maxConnections: 4 });
  await keepOpeningDataCurrent(database.db);
  return {
    database,
    url: url.toString(),
    dispose: async () => {
      await database.close();
      await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      await admin.close();
    },
  };
}
let privateDbCount = 0;

/** The database private PostgreSQL test databases are copied from: the test database's name + `_template`. */
export function privateTemplateName(testDatabaseUrl: string): string {
  return `${new URL(testDatabaseUrl).pathname.slice(1)}_template`;
}
