/**
 * What the booking benchmarks (`bench/rush.ts`, `bench/bookings.ts`) share: a fresh PostgreSQL database of
 * their own (created from template0, migrated, dropped afterwards), a published venue with slots, and
 * accounts made straight in the database — a user row and a live session each, as a login would leave
 * them, inserted in bulk (one argon2 hash for all: nobody signs in, so argon2 is not what is measured).
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import postgres from 'postgres';
import { createDb, type Database } from '../db/client.ts';
import { namePinyin } from '../domain/pinyin.ts';
import { slots, venues } from '../db/schema/index.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { hashToken, randomToken } from '../server/auth/tokens.ts';
import { SESSION_COOKIE } from '../server/plugins/app/auth.ts';

/** The options both benchmarks take (node:util parseArgs format). */
export const bookingBenchOptions = {
  'admin-url': {
    type: 'string',
    default: process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  },
  /** The app's PostgreSQL pool (createDb's default is 10). */
  pool: { type: 'string', default: '10' },
} as const;

/** A signed-in account as a client presents it. */
export interface BenchAccount {
  userId: string;
  cookie: string;
  csrf: string;
}

const quiet = { onnotice: () => {} };

/**
 * Creates `kaimen_<what>_<pid>`, migrates it, runs `work` with its URL, and drops it afterwards (also after
 * an error or Ctrl-C).
 */
export async function withFreshDatabase(
  adminUrl: string,
  what: string,
  work: (url: string) => Promise<void>,
): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, ...quiet });
  const name = `kaimen_${what}_${process.pid}`;
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const drop = () => admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: dropping ${name}`);
    void drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    await drop();
    await admin.unsafe(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    const database = await createDb({ databaseUrl: url });
    await database.migrate().finally(() => database.close());
    await work(url);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await drop();
    await admin.end({ timeout: 5 });
  }
}

/** A published venue (no district: none is loaded) for the benchmark's slots. */
export async function benchVenue(database: Database): Promise<string> {
  const [row] = await database.db
    .insert(venues)
    .values({
      nameZh: '压测场馆（合成数据）',
      ...namePinyin('压测场馆（合成数据）'),
      kinds: ['museum'],
      location: 'SRID=4326;POINT(116.4 39.9)',
      source: 'synthetic-bench',
      sourceRef: randomUUID(),
    })
    .returning({ id: venues.id });
  return row!.id;
}

/** A slot a week ahead that takes families at once (no approval), open for booking now. */
export async function benchSlot(database: Database, venueId: string, capacity: number): Promise<string> {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const [row] = await database.db
    .insert(slots)
    .values({
      venueId,
      startsAt: new Date(`${day}T01:00:00Z`),
      endsAt: new Date(`${day}T03:00:00Z`),
      capacity,
      approval: 'none',
    })
    .returning({ id: slots.id });
  return row!.id;
}

/**
 * `count` parent accounts with a live session each, inserted in bulk (a few statements of 5,000 rows):
 * seconds for 10,000, where signing up each through the API would spend ~0.1 s of argon2 apiece.
 */
export async function benchAccounts(url: string, count: number): Promise<BenchAccount[]> {
  const sql = postgres(url, { max: 1, ...quiet });
  const passwordHash = await hashPassword(randomToken());
  const accounts: BenchAccount[] = [];
  const run = `${process.pid}-${Date.now()}`;
  try {
    for (let start = 0; start < count; start += 5000) {
      const n = Math.min(5000, count - start);
      const ids = Array.from({ length: n }, () => randomUUID());
      const tokens = Array.from({ length: n }, () => randomToken());
      const csrfs = Array.from({ length: n }, () => randomToken());
      const emails = ids.map((_, i) => `bench-${run}-${start + i}@bench.kaimen`);
      const expires = new Date(Date.now() + 86_400_000);
      await sql`
        INSERT INTO users (id, email, display_name, password_hash, role)
        SELECT id, email, '压测家长 ' || email, ${passwordHash}, 'parent'
        FROM unnest(${ids}::uuid[], ${emails}::text[]) AS u(id, email)`;
      await sql`
        INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
        SELECT token_hash, user_id, csrf, ${expires}
        FROM unnest(${tokens.map(hashToken)}::text[], ${ids}::uuid[], ${csrfs}::text[]) AS s(token_hash, user_id, csrf)`;
      for (let i = 0; i < n; i++) {
        accounts.push({ userId: ids[i]!, cookie: `${SESSION_COOKIE}=${tokens[i]}`, csrf: csrfs[i]! });
      }
    }
    await sql`VACUUM (ANALYZE) users`;
    await sql`VACUUM (ANALYZE) sessions`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  return accounts;
}

/** The machine: cores, CPU model and load averages now. */
export function machine(): string {
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min)`;
}

/** The p-th percentile (0..100) of sorted samples, by the nearest-rank method. */
export function percentileOf(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
