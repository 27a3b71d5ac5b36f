import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { slimPostgis } from './pglite-postgis-slim.ts';
import { fillMissingPinyin } from './queries/venue-pinyin.ts';
import { fromRoot } from './project-root.ts';
import * as schema from './schema/index.ts';

/** The drizzle database both engines share: queries take this and never know which engine runs. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Engine = 'pglite' | 'postgres';

export const MIGRATIONS_FOLDER = fromRoot('db', 'migrations');

export interface DbConfig {
  /** postgres:// URL of a PostgreSQL + PostGIS server; without it the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder of the persisted embedded database. Omit for an in-memory one (tests). */
  dataDir?: string | undefined;
  /** A PGlite data-dir dump to start the embedded database from (tests load a migrated template). */
  loadDataDir?: Blob | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number | undefined;
  /**
   * false switches off the slot guard for these connections (the booking trigger of migration 0008 and
   * the booking commands' slot lock): only the race tests' positive control does this, to show that the
   * tests fail without it. Refused (an error) when NODE_ENV=production.
   */
  slotGuard?: boolean | undefined;
  /**
   * false switches off the check-in lock for these connections (the booking row lock of
   * server/commands/check-in.ts): only the check-in race test's positive control does this, to show
   * that a double scan then checks in twice. Refused when NODE_ENV=production.
   */
  checkInLock?: boolean | undefined;
  /**
   * false switches off the venue lock of photo uploads (db/queries/photos.ts lockVenueForPhotos): only
   * the photo race test's positive control does this, to show that concurrent uploads then pass the
   * limit. Refused when NODE_ENV=production.
   */
  photoLock?: boolean | undefined;
}

export interface Database {
  db: Db;
  engine: Engine;
  /** True when this call created the embedded database's folder (a first start). */
  created: boolean;
  /** Applies pending migrations, then derives the pinyin of names that have none (db/queries/venue-pinyin.ts). */
  migrate(): Promise<void>;
  /**
   * Opens every connection of the PostgreSQL pool (a statement on each at once), so the first burst of
   * requests after a start does not wait for connections to be made (a release rush on a fresh start:
   * docs/PERFORMANCE.md, "Bookings"). PGlite has its one connection already.
   */
  openConnections(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance, for dumping a template; undefined on PostgreSQL. */
  pglite?: PGlite;
}

/** Extensions PGlite must load before `CREATE EXTENSION` can succeed in a migration. */
export async function pgliteExtensions() {
  return { postgis: await slimPostgis(), pg_trgm };
}

/** Opens the database the configuration names: postgres.js when a URL is set, else PGlite + PostGIS. */
export async function createDb(config: DbConfig): Promise<Database> {
  // A fuse beside the switch itself, whatever configuration the caller built: production never runs
  // without the slot guard.
  if (config.slotGuard === false && process.env.NODE_ENV === 'production') {
    throw new Error('slotGuard: false is a test-only switch, refused when NODE_ENV=production');
  }
  if (config.checkInLock === false && process.env.NODE_ENV === 'production') {
    throw new Error('checkInLock: false is a test-only switch; it is refused when NODE_ENV=production');
  }
  if (config.photoLock === false && process.env.NODE_ENV === 'production') {
    throw new Error('photoLock: false is a test-only switch; it is refused when NODE_ENV=production');
  }
  return config.databaseUrl
    ? openPostgres(
        config.databaseUrl,
        config.maxConnections ?? 10,
        config.slotGuard ?? true,
        config.checkInLock ?? true,
        config.photoLock ?? true,
      )
    : openPglite(config);
}

/** The session setting server/commands/check-in.ts reads (db/queries/check-ins.ts lockBookingForCheckIn). */
const CHECK_IN_LOCK_SETTING = 'kaimen.check_in_lock';

/** The session setting db/queries/photos.ts lockVenueForPhotos reads. */
const PHOTO_LOCK_SETTING = 'kaimen.photo_lock';

/** The session setting migration 0008's trigger and the booking commands read. */
const SLOT_GUARD_SETTING = 'kaimen.slot_guard';

/** Handles of the embedded database: its queries run in this thread (see `isEmbedded`). */
const embedded = new WeakSet<object>();

/**
 * True for a handle of the embedded database (PGlite), whose queries run on this process's thread:
 * heavy work over it must come in small pieces with turns of the event loop between them, or every
 * other request waits (server/services/import/job.ts).
 */
export function isEmbedded(db: Db): boolean {
  return embedded.has(db);
}

/** Handles opened with the slot guard off (a test-only switch): see `slotGuardIsOff`. */
const unguarded = new WeakSet<object>();

/**
 * True for a handle opened with `slotGuard: false`: the race tests' positive control, which must find the
 * booking path without any of its protections, the in-process queue before the slot's lock included.
 */
export function slotGuardIsOff(db: Db): boolean {
  return unguarded.has(db);
}

function openPostgres(
  url: string,
  max: number,
  slotGuard: boolean,
  checkInLock: boolean,
  photoLock: boolean,
): Database {
  const client = postgres(url, {
    max,
    // A database out of reach answers 503 within seconds (server/plugins/app/errors.ts), not after 30.
    connect_timeout: 5,
    // After failed connects postgres.js waits before the next try, by default up to 20 s (3^n / 100): every
    // request meanwhile would wait that long for its 503. At most a second here; a refused connect is cheap.
    backoff: (retries: number) => Math.min(0.1 * retries, 1),
    onnotice: () => {},
    connection: {
      application_name: 'kaimen',
      ...(slotGuard ? {} : { [SLOT_GUARD_SETTING]: 'off' }),
      ...(checkInLock ? {} : { [CHECK_IN_LOCK_SETTING]: 'off' }),
      ...(photoLock ? {} : { [PHOTO_LOCK_SETTING]: 'off' }),
    },
  });
  const db = drizzlePostgres({ client, schema });
  if (!slotGuard) unguarded.add(db);
  return {
    db,
    engine: 'postgres',
    created: false,
    migrate: async () => {
      await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
      await fillMissingPinyin(db);
    },
    openConnections: async () => {
      // postgres.js opens a connection for a statement that finds none idle, up to `max`.
      await Promise.all(Array.from({ length: max }, () => client`SELECT 1`));
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** True when `dataDir` holds no embedded database yet (opening it would create one). */
export function isNewDataDir(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'PG_VERSION'));
}

async function openPglite(config: DbConfig): Promise<Database> {
  let created = false;
  let lock: DataDirLock | undefined;
  if (config.dataDir) {
    // One process per folder (db/data-dir-lock.ts): a second one refuses to start before it reads anything.
    lock = lockDataDir(config.dataDir);
    created = isNewDataDir(config.dataDir);
    mkdirSync(config.dataDir, { recursive: true });
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(config.dataDir ? { dataDir: config.dataDir } : {}),
      ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
      extensions: await pgliteExtensions(),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  if (config.slotGuard === false) await client.exec(`SET ${SLOT_GUARD_SETTING} = 'off'`);
  if (config.checkInLock === false) await client.exec(`SET ${CHECK_IN_LOCK_SETTING} = 'off'`);
  if (config.photoLock === false) await client.exec(`SET ${PHOTO_LOCK_SETTING} = 'off'`);
  const db = drizzlePglite({ client, schema });
  embedded.add(db);
  return {
    db,
    engine: 'pglite',
    created,
    migrate: async () => {
      await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
      await fillMissingPinyin(db);
    },
    openConnections: async () => {},
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
    pglite: client,
  };
}

/**
 * Runs raw SQL and returns its rows on either engine (postgres.js answers an array, PGlite an object
 * with `rows`). Prefer the query builder; this is for statements it cannot express.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

/**
 * The rows of a statement whose text never varies, run as a prepared statement: PostgreSQL parses and plans
 * it once per connection (postgres.js keeps it under its text), where drizzle's own statements are parsed
 * and planned on every run. Only for a fixed text, since each connection keeps every text it prepared: the
 * booking core's hot path (docs/PERFORMANCE.md, "Bookings"). PGlite runs it as any other statement.
 */
export async function preparedRows<T extends Record<string, unknown>>(
  db: Db,
  text: string,
  params: unknown[],
): Promise<T[]> {
  const result: unknown = await db._.session.prepareQuery({ sql: text, params }, undefined, 'kaimen', false).execute();
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

/** The database's clock: the transaction's start time, the same `now()` its statements compare with. */
export async function databaseNow(db: Db): Promise<Date> {
  const [row] = await queryRows<{ now: string | Date }>(db, sql`SELECT now() AS now`);
  return new Date(row!.now);
}

/** The PostGIS library version, e.g. "3.6.2". */
export async function postgisVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ version: string }>(db, sql`SELECT postgis_lib_version() AS version`);
  return row?.version ?? 'unknown';
}
