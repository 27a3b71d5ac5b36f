/**
 * A dedicated PostgreSQL + PostGIS database for one benchmark run: created from template0, migrated with
 * the project's migrations, given the real administrative codes and holiday calendar, filled with
 * synthetic venues by COPY, and dropped afterwards (also on Ctrl-C) unless `--keep` asks to reuse it.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { createDb } from '../db/client.ts';
import { loadSeedCalendar } from '../seeds/holidays.ts';
import { addDays, localDayOf, localMidnight } from '../domain/hours/local-time.ts';
import { intervalsOn, parseOpeningHours, type OpeningHours } from '../domain/hours/opening-hours.ts';
import { namePinyin } from '../domain/pinyin.ts';
import { loadDistricts, loadHolidays } from '../seeds/load.ts';
import { SYNTHETIC_SOURCE, generateVenues, seedHoursPatterns, type SyntheticVenue } from './generate-venues.ts';

/** Options every benchmark that needs the synthetic database accepts (node:util parseArgs format). */
export const benchDatabaseOptions = {
  venues: { type: 'string', default: '100000' },
  seed: { type: 'string', default: '20250601' },
  keep: { type: 'boolean', default: false },
  'admin-url': {
    type: 'string',
    default: process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  },
} as const;

/** What selects and keeps the benchmark database. */
export interface BenchArgs {
  venues: number;
  seed: number;
  /** Keep the database (named by its size) and reuse it on the next run with the same size and seed. */
  keep: boolean;
  /** A URL of the server's maintenance database, for CREATE and DROP DATABASE. */
  adminUrl: string;
}

/** A loaded benchmark database. */
export interface BenchDatabase {
  name: string;
  url: string;
  venues: number;
  intervals: number;
  /** First and last Shanghai day with open intervals; date filters must ask within it. */
  horizon: { from: string; to: string };
}

/** Bumped when the generated data changes, so kept databases of an older shape are rebuilt. */
const GENERATOR_VERSION = 1;
/** Days of open intervals stored after today (the app stores 180; a week and a bit covers the queries). */
const INTERVAL_DAYS = 14;
const MARKER_KEY = 'synthetic_bench';
const quiet = { onnotice: () => {} };

/** Reads the shared options from parseArgs values. */
export function benchArgs(values: { venues?: string; seed?: string; keep?: boolean; 'admin-url'?: string }): BenchArgs {
  const venues = Number(values.venues);
  if (!Number.isInteger(venues) || venues < 1) throw new Error(`--venues must be a positive whole number`);
  return { venues, seed: Number(values.seed), keep: values.keep === true, adminUrl: values['admin-url'] ?? '' };
}

/** Parses the shared options alone (for scripts that take no others). */
export async function parseBenchArgs(argv: string[]): Promise<BenchArgs> {
  const { parseArgs } = await import('node:util');
  return benchArgs(parseArgs({ args: argv, options: benchDatabaseOptions }).values);
}

/**
 * Runs `work` against a loaded benchmark database and drops the database afterwards (after an error or
 * a SIGINT/SIGTERM too) unless `keep` is set.
 */
export async function withBenchDatabase(args: BenchArgs, work: (bench: BenchDatabase) => Promise<void>) {
  const admin = postgres(args.adminUrl, { max: 1, ...quiet });
  const name = args.keep ? `kaimen_bench_${args.venues}` : `kaimen_bench_${process.pid}`;
  const url = Object.assign(new URL(args.adminUrl), { pathname: `/${name}` }).toString();
  const drop = () => admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  // A kept database is kept only once complete: an interrupted or failed build never stays behind.
  let complete = false;
  const keeping = () => args.keep && complete;
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: ${keeping() ? 'stopping' : `dropping ${name}`}`);
    void (keeping() ? Promise.resolve() : drop()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const bench = (args.keep && (await reusable(admin, name, url, args))) || (await build(admin, name, url, args));
    complete = true;
    await work(bench);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    if (keeping()) console.log(`kept ${name} (drop it with: dropdb -h 127.0.0.1 -U postgres ${name})`);
    else await drop();
    await admin.end({ timeout: 5 });
  }
}

function wantedHorizon() {
  const today = localDayOf(Date.now());
  return { from: addDays(today, -1), to: addDays(today, INTERVAL_DAYS) };
}

/** A kept database of the same size, seed and generator whose intervals still cover the coming days. */
async function reusable(admin: postgres.Sql, name: string, url: string, args: BenchArgs) {
  const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
  if (!exists) return undefined;
  const sql = postgres(url, { max: 1, ...quiet });
  try {
    const [row] = await sql<{ value: Omit<BenchDatabase, 'name' | 'url'> & { seed: number; generator: number } }[]>`
      SELECT value FROM app_state WHERE key = ${MARKER_KEY}`;
    const m = row?.value;
    const wanted = wantedHorizon();
    if (!m || m.venues !== args.venues || m.seed !== args.seed || m.generator !== GENERATOR_VERSION) return undefined;
    if (m.horizon.from > wanted.from || m.horizon.to < addDays(wanted.to, -7)) return undefined;
    // Migrations added since the database was kept apply now, so the app finds the schema it expects.
    const database = await createDb({ databaseUrl: url });
    await database.migrate().finally(() => database.close());
    console.log(`reusing ${name} (${m.venues} venues)`);
    return { name, url, venues: m.venues, intervals: m.intervals, horizon: m.horizon };
  } catch {
    return undefined;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function build(admin: postgres.Sql, name: string, url: string, args: BenchArgs): Promise<BenchDatabase> {
  const started = performance.now();
  const step = (what: string) => console.log(`  ${((performance.now() - started) / 1000).toFixed(1)} s  ${what}`);
  console.log(`building ${name}: ${args.venues} synthetic venues`);
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  const database = await createDb({ databaseUrl: url });
  try {
    await database.migrate();
    await loadDistricts(database.db, () => {});
    await loadHolidays(database.db, () => {});
  } finally {
    await database.close();
  }
  step('migrated; administrative codes and holiday calendar loaded');

  const sql = postgres(url, { max: 1, ...quiet });
  try {
    await sql`SET maintenance_work_mem = '1GB'`;
    const patterns = parsedPatterns();
    await withoutIndexes(sql, 'venues', async () => {
      await copyVenues(sql, generateVenues(args.venues, args.seed), patterns);
      step('venues copied; rebuilding indexes');
    });
    step('venue indexes built');
    const horizon = wantedHorizon();
    const intervals = await withoutIndexes(sql, 'venue_open_intervals', () => insertIntervals(sql, patterns, horizon));
    step(`${intervals} open intervals (${horizon.from} to ${horizon.to})`);
    await sql`VACUUM (ANALYZE) venues`;
    await sql`VACUUM (ANALYZE) venue_open_intervals`;
    const marker = { venues: args.venues, intervals, horizon, seed: args.seed, generator: GENERATOR_VERSION };
    await sql`INSERT INTO app_state (key, value) VALUES (${MARKER_KEY}, ${sql.json(marker)})`;
    step('vacuumed and analysed');
    return { name, url, venues: args.venues, intervals, horizon };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The seed hours strings the generator copies, each parsed once (undefined when not understood). */
function parsedPatterns(): Map<string, OpeningHours | undefined> {
  const parse = (text: string) => {
    try {
      return parseOpeningHours(text);
    } catch {
      return undefined;
    }
  };
  return new Map(seedHoursPatterns().map(([text]) => [text, parse(text)]));
}

/**
 * Drops a table's plain indexes (not those behind constraints), runs `load`, and recreates them from
 * their exact definitions: bulk loads and then one index build are much faster than index upkeep per row.
 */
async function withoutIndexes<T>(sql: postgres.Sql, table: string, load: () => Promise<T>): Promise<T> {
  const indexes = await sql<{ name: string; def: string }[]>`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = ${table}::regclass
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`;
  for (const index of indexes) await sql.unsafe(`DROP INDEX ${index.name}`);
  const result = await load();
  for (const index of indexes) await sql.unsafe(index.def);
  return result;
}

/** The venue columns the COPY fills, in the order copyLine writes them. */
const COPY_COLUMNS = (
  'name_zh name_en kinds themes adcode address_zh location coord_precision opening_hours hours_known minors_admission ' +
  'booking_mode wheelchair age_min age_max green_channel verification_status status source source_ref source_note ' +
  'name_pinyin name_initials name_sort'
).split(' ');
const NOTE = 'Synthetic benchmark venue (bench/generate-venues.ts), not a real place';

/** A value in COPY's text format: \N for NULL, backslash escapes for the characters it reserves. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

function copyLine(v: SyntheticVenue, patterns: Map<string, OpeningHours | undefined>): string {
  const known = v.openingHours !== null && patterns.get(v.openingHours) !== undefined;
  // The name's pinyin, as every write path derives it (db/queries/venue-pinyin.ts).
  const pinyin = namePinyin(v.nameZh);
  return [
    v.nameZh,
    v.nameEn,
    `{${v.kinds.join(',')}}`,
    `{${v.themes.join(',')}}`,
    v.adcode,
    v.addressZh,
    `SRID=4326;POINT(${v.lng} ${v.lat})`,
    v.coordPrecision,
    v.openingHours,
    known,
    v.minorsAdmission,
    v.bookingMode,
    v.wheelchair,
    v.ageMin,
    v.ageMax,
    v.greenChannel,
    v.verificationStatus,
    v.status,
    SYNTHETIC_SOURCE,
    v.sourceRef,
    NOTE,
    pinyin.namePinyin,
    pinyin.nameInitials,
    pinyin.nameSort,
  ]
    .map(field)
    .join('\t');
}

async function copyVenues(
  sql: postgres.Sql,
  venues: Iterable<SyntheticVenue>,
  patterns: Map<string, OpeningHours | undefined>,
): Promise<void> {
  function* chunks(): Generator<string> {
    let lines: string[] = [];
    for (const venue of venues) {
      lines.push(copyLine(venue, patterns));
      if (lines.length === 2000) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
    if (lines.length > 0) yield `${lines.join('\n')}\n`;
  }
  const writable = await sql.unsafe(`COPY venues (${COPY_COLUMNS.join(', ')}) FROM STDIN`).writable();
  await pipeline(Readable.from(chunks()), writable);
}

/**
 * Open intervals as the app computes them (domain/hours with the seed holiday calendar), evaluated once
 * per hours string and day and joined onto the venues in SQL: the generator only uses the seed strings.
 */
async function insertIntervals(
  sql: postgres.Sql,
  patterns: Map<string, OpeningHours | undefined>,
  horizon: { from: string; to: string },
): Promise<number> {
  const calendar = loadSeedCalendar();
  const rows: { hours: string; day: string; opens_at: string; closes_at: string }[] = [];
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  for (const [text, hours] of patterns) {
    if (!hours) continue;
    for (let day = horizon.from; day <= horizon.to; day = addDays(day, 1)) {
      const midnight = localMidnight(day);
      for (const span of intervalsOn(hours, day, calendar)) {
        const at = (hhmm: string) => new Date(midnight + minutes(hhmm) * 60_000).toISOString();
        rows.push({ hours: text, day, opens_at: at(span.start), closes_at: at(span.end) });
      }
    }
  }
  const result = await sql`
    INSERT INTO venue_open_intervals (venue_id, day, opens_at, closes_at)
    SELECT v.id, h.day, h.opens_at, h.closes_at
    FROM jsonb_to_recordset(${sql.json(rows)}) AS h(hours text, day date, opens_at timestamptz, closes_at timestamptz)
    JOIN venues v ON v.opening_hours = h.hours AND v.hours_known`;
  return result.count;
}
