/**
 * `npm run bench:rush -- --clients 10000 --capacity 500`: the release rush of issue 10. On a fresh
 * PostgreSQL database of its own (migrated, dropped afterwards), `--clients` distinct parent accounts
 * (user and session rows inserted in bulk: bench/booking-setup.ts) each book one place in one slot of
 * `--capacity` places, all released at once, through the real API: `buildApp` listening on a port of
 * 127.0.0.1, the clients in a forked process (bench/rush-clients.ts), each with its own HTTP connection.
 *
 * Prints how many were confirmed (exactly the capacity, with parties of one), how the others were
 * answered (SOLD_OUT expected), the 5xx count (must be 0), p50/p95/p99/max latency from the release,
 * and the machine's load. Exits 1 on an oversell, a wrong confirmed count, any 5xx or another answer.
 *
 * Options: --clients 10000, --capacity 500, --pool 10 (the app's PostgreSQL pool), --admin-url.
 */
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createDb, queryRows } from '../db/client.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import {
  benchAccounts,
  benchSlot,
  benchVenue,
  bookingBenchOptions,
  machine,
  percentileOf,
  withFreshDatabase,
} from './booking-setup.ts';
import type { FromClients, RushAnswer, ToClients } from './rush-clients.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    ...bookingBenchOptions,
    clients: { type: 'string', default: '10000' },
    capacity: { type: 'string', default: '500' },
  },
});
const clients = Number(values.clients);
const capacity = Number(values.capacity);
const pool = Number(values.pool);
for (const [name, value] of Object.entries({ clients, capacity, pool })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}

const step = (() => {
  const started = performance.now();
  return (what: string) => console.log(`  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${what}`);
})();

let failed = false;

await withFreshDatabase(values['admin-url'], 'rush', async (url) => {
  console.log(`release rush: ${clients} clients, one slot of ${capacity} places, app pool ${pool}`);
  const database = await createDb({ databaseUrl: url, maxConnections: pool });
  // Errors (a 5xx) are logged, to stderr, with their cause.
  const app = await buildApp({
    database,
    config: loadConfig({}),
    web: false,
    logger: { level: 'error', stream: process.stderr },
  });
  try {
    const venueId = await benchVenue(database);
    const slotId = await benchSlot(database, venueId, capacity);
    const accounts = await benchAccounts(url, clients);
    step(`database migrated; ${accounts.length} accounts with sessions inserted`);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });

    const child = fork(new URL('./rush-clients.ts', import.meta.url), { stdio: 'inherit' });
    const next = () => new Promise<FromClients>((resolve) => child.once('message', (m: FromClients) => resolve(m)));
    const tell = (message: ToClients) => child.send(message);

    let message = next();
    tell({ type: 'job', job: { base, slotId, accounts: accounts.map(({ cookie, csrf }) => ({ cookie, csrf })) } });
    const ready = await message;
    if (ready.type !== 'ready') throw new Error('the clients did not get ready');
    step(`${ready.connected} client connections open${ready.failed ? `, ${ready.failed} failed` : ''}`);
    const loadBefore = machine();
    message = next();
    const cpuBefore = process.cpuUsage();
    tell({ type: 'go' });
    const done = await message;
    if (done.type !== 'done') throw new Error('the clients did not finish');
    const cpu = process.cpuUsage(cpuBefore);
    step(`all answered (the clients took ${done.sentMs.toFixed(0)} ms to send every request)`);
    console.log(`clients' process CPU during the rush: ${(done.cpuMs / 1000).toFixed(1)} s`);
    const loadAfter = machine();

    const [taken] = await queryRows<{ bookings: number; places: number }>(
      database.db,
      sql`SELECT count(*)::int AS bookings, coalesce(sum(places), 0)::int AS places
          FROM bookings WHERE slot_id = ${slotId} AND status IN ('confirmed', 'pending', 'held')`,
    );
    console.log(
      `server process CPU during the rush: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s)`,
    );
    failed = report(done.answers, taken!, { loadBefore, loadAfter });
  } finally {
    await app.close();
    await database.close();
  }
});

process.exit(failed ? 1 : 0);

/** Prints the figures; answers true when the rush broke a rule (oversell, 5xx, a wrong count). */
function report(
  answers: RushAnswer[],
  taken: { bookings: number; places: number },
  load: { loadBefore: string; loadAfter: string },
): boolean {
  const confirmed = answers.filter((a) => a.status === 201 && a.bookingStatus === 'confirmed').length;
  const soldOut = answers.filter((a) => a.status === 409 && a.code === 'SOLD_OUT').length;
  const serverErrors = answers.filter((a) => a.status >= 500).length;
  const others = new Map<string, number>();
  for (const a of answers) {
    if ((a.status === 201 && a.bookingStatus === 'confirmed') || (a.status === 409 && a.code === 'SOLD_OUT')) continue;
    const key = `${a.status} ${a.code ?? a.bookingStatus ?? ''}`.trim();
    others.set(key, (others.get(key) ?? 0) + 1);
  }
  const ms = answers.filter((a) => a.status > 0).map((a) => a.ms);
  ms.sort((a, b) => a - b);
  const latency = (p: number) => `${(percentileOf(ms, p) / 1000).toFixed(3)} s`;
  const expected = Math.min(capacity, answers.length);

  console.log('');
  console.log(`confirmed (201)        ${confirmed} (expected exactly ${expected})`);
  console.log(`SOLD_OUT (409)         ${soldOut}`);
  console.log(`5xx                    ${serverErrors}`);
  console.log(`other answers          ${others.size === 0 ? 'none' : JSON.stringify(Object.fromEntries(others))}`);
  console.log(`places taken in the database: ${taken.places} by ${taken.bookings} bookings (capacity ${capacity})`);
  console.log(
    `latency from the release: p50 ${latency(50)}  p95 ${latency(95)}  p99 ${latency(99)}  max ${(ms.at(-1)! / 1000).toFixed(3)} s`,
  );
  const confirmedMs = answers.filter((a) => a.status === 201).map((a) => a.ms);
  if (confirmedMs.length > 0) {
    console.log(`the slot filled in ${(Math.max(...confirmedMs) / 1000).toFixed(3)} s (the last confirmed answer)`);
  }
  console.log(`machine before the release: ${load.loadBefore}`);
  console.log(`machine after the rush:     ${load.loadAfter}`);
  console.log(`date: ${new Date().toISOString()}`);

  const problems: string[] = [];
  if (taken.places > capacity) problems.push(`OVERSOLD: ${taken.places} places taken of ${capacity}`);
  if (confirmed !== expected || taken.bookings !== expected) {
    problems.push(`confirmed ${confirmed} (database: ${taken.bookings}), expected ${expected}`);
  }
  if (serverErrors > 0) problems.push(`${serverErrors} answers were 5xx`);
  if (others.size > 0) problems.push('some answers were neither a confirmed booking nor SOLD_OUT');
  if (problems.length > 0) {
    console.log(`\nFAILED: ${problems.join('; ')}`);
    return true;
  }
  console.log('\nOK: nothing oversold, no 5xx, every other answer SOLD_OUT');
  return false;
}
