/**
 * `npm run bench:bookings`: booking throughput through the API ÷ the same transaction in a raw SQL loop,
 * on PostgreSQL (issue 10: goal ≥ 0.5). A fresh database of its own (migrated, dropped afterwards), a
 * published venue, `--accounts` parents with live sessions (inserted in bulk: bench/booking-setup.ts).
 *
 * Each round gives each side a fresh slot with room for every account (so both count places over the
 * same number of bookings), and each side books one place per account in it, `--concurrency` at a time:
 *
 * - API: `buildApp` listening on 127.0.0.1 (the app's pool of `--pool` connections), clients in a forked
 *   process (bench/bookings-clients.ts), each with its own keep-alive connection, POST /api/bookings.
 * - raw SQL: postgres.js with a pool of the same size, one transaction per booking, the work createBooking
 *   does under the lock and nothing else: BEGIN; `SELECT … FROM slots … FOR UPDATE`; then the facts read
 *   (the slot, venue, programme, the places taken, the account's live booking of the slot);
 *   the same checks in JavaScript (bookable, window, one live booking, room); one statement inserting the
 *   booking, its audit entry and its outbox message; COMMIT. Prepared statements (postgres.js's default).
 *   It skips what only the API does: the session lookup, the request's plain pre-read, the booking's
 *   detail read for the answer, HTTP, validation and JSON.
 *
 * Sides alternate round by round (API first in odd rounds, raw first in even ones) so both meet the same
 * machine load. Prints bookings per second of each side and their ratio, per concurrency.
 *
 * Options: --accounts 400, --rounds 6, --concurrency 1,8 (a list), --pool 10, --admin-url.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createDb } from '../db/client.ts';
import { newBookingCode } from '../domain/booking.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import {
  benchAccounts,
  benchSlot,
  benchVenue,
  bookingBenchOptions,
  machine,
  withFreshDatabase,
  type BenchAccount,
} from './booking-setup.ts';
import type { FromBookingClients, ToBookingClients } from './bookings-clients.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    ...bookingBenchOptions,
    accounts: { type: 'string', default: '400' },
    rounds: { type: 'string', default: '6' },
    concurrency: { type: 'string', default: '1,8' },
  },
});
const accountCount = Number(values.accounts);
const rounds = Number(values.rounds);
const pool = Number(values.pool);
const concurrencies = values.concurrency.split(',').map(Number);
for (const [name, value] of [
  ['accounts', accountCount],
  ['rounds', rounds],
  ['pool', pool],
] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}
if (concurrencies.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('--concurrency: positive whole numbers');

interface Side {
  bookings: number;
  ms: number;
  /** CPU milliseconds of this process (the API server, or the raw loop's client) over the side's run. */
  cpuMs: number;
}

function cpuMsSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

await withFreshDatabase(values['admin-url'], 'bookings', async (url) => {
  const database = await createDb({ databaseUrl: url, maxConnections: pool });
  const app = await buildApp({ database, config: loadConfig({}), web: false });
  const raw = postgres(url, { max: pool, onnotice: () => {} });
  const child = fork(new URL('./bookings-clients.ts', import.meta.url), { stdio: 'inherit' });
  try {
    const venueId = await benchVenue(database);
    const accounts = await benchAccounts(url, accountCount);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    console.log(`booking throughput: ${accountCount} bookings per side and round, ${rounds} rounds, pool ${pool}`);
    console.log(`machine at start: ${machine()}`);

    const viaApi = async (concurrency: number): Promise<Side> => {
      const slotId = await benchSlot(database, venueId, accountCount);
      const done = new Promise<FromBookingClients>((resolve) => child.once('message', resolve));
      const cpu = process.cpuUsage();
      const round = { base, slotId, accounts: accounts.map(({ cookie, csrf }) => ({ cookie, csrf })), concurrency };
      child.send({ type: 'round', round } satisfies ToBookingClients);
      const { ms, statuses } = await done;
      if (statuses['201'] !== accountCount) throw new Error(`API answers: ${JSON.stringify(statuses)}`);
      return { bookings: accountCount, ms, cpuMs: cpuMsSince(cpu) };
    };
    const viaSql = async (concurrency: number): Promise<Side> => {
      const slotId = await benchSlot(database, venueId, accountCount);
      let next = 0;
      const cpu = process.cpuUsage();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < accounts.length) await rawBooking(raw, slotId, accounts[next++]!);
        }),
      );
      return { bookings: accountCount, ms: performance.now() - started, cpuMs: cpuMsSince(cpu) };
    };

    // One warm-up round of each side: JIT, prepared statements, connections.
    for (const concurrency of concurrencies) {
      await viaApi(concurrency);
      await viaSql(concurrency);
    }
    const rows: string[] = [];
    for (const concurrency of concurrencies) {
      const api: Side[] = [];
      const sql: Side[] = [];
      for (let round = 0; round < rounds; round++) {
        if (round % 2 === 0) {
          api.push(await viaApi(concurrency));
          sql.push(await viaSql(concurrency));
        } else {
          sql.push(await viaSql(concurrency));
          api.push(await viaApi(concurrency));
        }
      }
      const rate = (sides: Side[]) =>
        sides.reduce((n, s) => n + s.bookings, 0) / (sides.reduce((t, s) => t + s.ms, 0) / 1000);
      const cpuPerBooking = (sides: Side[]) =>
        (sides.reduce((t, s) => t + s.cpuMs, 0) / sides.reduce((n, s) => n + s.bookings, 0)).toFixed(2);
      const apiRate = rate(api);
      const sqlRate = rate(sql);
      rows.push(
        `concurrency ${String(concurrency).padStart(2)}: API ${apiRate.toFixed(0).padStart(5)} bookings/s, raw SQL ${sqlRate.toFixed(0).padStart(5)} bookings/s, ratio ${(apiRate / sqlRate).toFixed(2)} (Node CPU per booking: API server ${cpuPerBooking(api)} ms, raw loop ${cpuPerBooking(sql)} ms)`,
      );
      console.log(rows.at(-1));
    }
    console.log(`machine at the end: ${machine()}`);
    console.log(`date: ${new Date().toISOString()}`);
  } finally {
    child.kill();
    await app.close();
    await raw.end({ timeout: 5 });
    await database.close();
  }
});

/**
 * One booking as a hand-written transaction: the slot lock, then the facts (as createBooking does), the
 * checks, and one statement for the booking, its audit entry and its message.
 */
async function rawBooking(sql: postgres.Sql, slotId: string, account: BenchAccount): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT id FROM slots WHERE id = ${slotId} FOR UPDATE`;
    const facts =
      await tx`SELECT s.status, s.capacity, s.school_allocation, s.allocation_release_at, s.booking_opens_at,
                s.booking_closes_at, s.starts_at, s.is_sample, v.status AS venue_status, v.name_zh, v.adcode,
                p.status AS programme_status, now() AS now,
                (SELECT coalesce(sum(b.public_places), 0)::int FROM bookings b WHERE b.slot_id = s.id
                   AND (b.status = 'confirmed' OR (b.status IN ('held', 'pending') AND b.expires_at > now()))) AS taken_public,
                (SELECT coalesce(sum(b.school_places), 0)::int FROM bookings b WHERE b.slot_id = s.id
                   AND (b.status = 'confirmed' OR (b.status IN ('held', 'pending') AND b.expires_at > now()))) AS taken_school,
                (SELECT b.id FROM bookings b WHERE b.slot_id = s.id AND b.user_id = ${account.userId}
                   AND b.status IN ('held', 'pending', 'confirmed') LIMIT 1) AS live
         FROM slots s JOIN venues v ON v.id = s.venue_id LEFT JOIN programmes p ON p.id = s.programme_id
         WHERE s.id = ${slotId}`;
    const f = facts[0]!;
    const now = new Date(f.now as string);
    if (f.status !== 'scheduled' || f.is_sample || f.venue_status !== 'published') throw new Error('not bookable');
    if (
      (f.booking_opens_at && now < new Date(f.booking_opens_at as string)) ||
      now >= new Date(f.starts_at as string)
    ) {
      throw new Error('outside the booking window');
    }
    if (f.live) throw new Error('already booked');
    const publicLeft = (f.capacity as number) - (f.school_allocation as number) - (f.taken_public as number);
    if (publicLeft < 1) throw new Error('sold out');
    const id = randomUUID();
    const code = newBookingCode();
    const after = {
      slot_id: slotId,
      kind: 'family',
      status: 'confirmed',
      places: 1,
      school_places: 0,
      public_places: 1,
    };
    const message = { booking_id: id, code, status: 'confirmed' };
    await tx`
      WITH inserted AS (
        INSERT INTO bookings (id, slot_id, user_id, kind, status, places, school_places, public_places, adults, code)
        VALUES (${id}, ${slotId}, ${account.userId}, 'family', 'confirmed', 1, 0, 1, 1, ${code})
        ON CONFLICT (code) DO NOTHING RETURNING id),
      audited AS (
        INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, adcode, after, ip)
        SELECT ${account.userId}, 'parent', 'booking.create', 'booking', ${id}, ${f.adcode as string | null},
               ${sql.json(after)}, '127.0.0.1' FROM inserted),
      told AS (
        INSERT INTO outbox_messages (recipient, topic, subject, body, data)
        SELECT 'bench@bench.kaimen', 'booking_confirmed', ${`预约成功：${f.name_zh as string}`},
               ${`您已预约，预约码：${code}`}, ${sql.json(message)} FROM inserted)
      SELECT id FROM inserted`;
  });
}
