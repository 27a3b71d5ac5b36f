/**
 * `npm run bench:soak`: a bounded soak of the API on PostgreSQL (issue 13), not run in CI. A fresh database
 * of its own (migrated, seeded with the shipped districts, boundaries, holidays and venues, dropped
 * afterwards), the API in a process of its own (bench/soak-server.ts, so its memory is the server's
 * alone), and mixed traffic at a steady rate from this process for `--minutes`:
 *
 * - searches (near, bbox, names, filters: the requests of bench/search-queries.ts) and venue pages,
 * - vector tiles around Beijing and Shanghai at zooms 5–14,
 * - sign-ins (argon2 included) and sign-outs of accounts with a known password,
 * - venue edits by the venue's manager (PATCH /api/venues/:id),
 * - bookings by parents, each cancelled again at once, so the slot never fills.
 *
 * The requests are started on a fixed schedule (open loop: a slow answer does not slow the offered load),
 * at `--rate` per second. Every minute it prints the minute's p50 / p99 / max latency, its requests and
 * their statuses, and the server's RSS and heap (after a full collection); at the end the number of 5xx answers and whether memory
 * is flat after the warm-up (the first `--warmup` minutes): the heap's and RSS's growth from the first
 * minute after warm-up to the last, and the least-squares slope of each over those minutes. Memory is
 * called flat when the heap grew by less than 10 % and less than 8 MB, and RSS by less than 32 MB.
 *
 * Options: --minutes 10, --rate 20 (requests per second), --warmup 2, --pool 10, --admin-url. Traffic goes
 * to 127.0.0.1 only.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createDb } from '../db/client.ts';
import { createOrganisation } from '../db/queries/organisations.ts';
import { insertUser } from '../db/queries/users.ts';
import { venues } from '../db/schema/index.ts';
import { namePinyin } from '../domain/pinyin.ts';
import { tileContaining } from '../domain/tiles/tile-math.ts';
import { loadSeeds } from '../seeds/load.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { hashToken, randomToken } from '../server/auth/tokens.ts';
import { SESSION_COOKIE } from '../server/plugins/app/auth.ts';
import {
  benchAccounts,
  benchSlot,
  bookingBenchOptions,
  machine,
  percentileOf,
  withFreshDatabase,
} from './booking-setup.ts';
import { benchQueries } from './search-queries.ts';
import type { FromSoakServer, ToSoakServer } from './soak-server.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    ...bookingBenchOptions,
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '2' },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const warmup = Number(values.warmup);
if (!(minutes > 0) || !(rate > 0) || !(warmup >= 0) || warmup >= minutes) {
  throw new Error('--minutes and --rate must be positive, --warmup at least 0 and less than --minutes');
}

const SIGN_IN_PASSWORD = 'soak password, not a secret';
const MB = 1024 * 1024;

type Kind = 'search' | 'venue' | 'tile' | 'sign-in' | 'edit' | 'booking';
/** The mix, as weights: mostly reading, as people use the map. */
const MIX: [Kind, number][] = [
  ['search', 40],
  ['venue', 15],
  ['tile', 25],
  ['sign-in', 5],
  ['edit', 5],
  ['booking', 10],
];
const TOTAL_WEIGHT = MIX.reduce((n, [, w]) => n + w, 0);

interface Sample {
  kind: Kind;
  ms: number;
  status: number;
}

await withFreshDatabase(values['admin-url'], 'soak', async (url) => {
  // ---- Fixtures, straight in the database.
  const database = await createDb({ databaseUrl: url, maxConnections: 2 });
  console.log('loading the shipped seed data…');
  await loadSeeds(database.db);
  const managerHash = await hashPassword(randomToken());
  const manager = (await insertUser(database.db, {
    email: `soak-manager-${process.pid}@bench.kaimen`,
    displayName: '压测场馆管理员',
    passwordHash: managerHash,
    role: 'venue_manager',
  }))!;
  const organisationId = await createOrganisation(database.db, '压测机构（合成数据）', manager.id);
  const [venue] = await database.db
    .insert(venues)
    .values({
      nameZh: '压测场馆（合成数据）',
      ...namePinyin('压测场馆（合成数据）'),
      kinds: ['museum'],
      location: 'SRID=4326;POINT(116.4166 39.9288)',
      adcode: '110101',
      organisationId,
      source: 'synthetic-bench',
      sourceRef: randomUUID(),
    })
    .returning({ id: venues.id });
  const venueId = venue!.id;
  const slotId = await benchSlot(database, venueId, 100_000);
  const managerToken = randomToken();
  const managerCsrf = randomToken();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
            VALUES (${hashToken(managerToken)}, ${manager.id}, ${managerCsrf}, now() + interval '1 day')`;
  const signInHash = await hashPassword(SIGN_IN_PASSWORD);
  const signInEmails = Array.from({ length: 20 }, (_, i) => `soak-signin-${process.pid}-${i}@bench.kaimen`);
  for (const email of signInEmails) {
    await insertUser(database.db, { email, displayName: '压测登录', passwordHash: signInHash, role: 'parent' });
  }
  await sql.end({ timeout: 5 });
  await database.close();
  const parents = await benchAccounts(url, 200);

  // ---- The server.
  const server = fork(new URL('./soak-server.ts', import.meta.url), {
    env: { ...process.env, SOAK_DATABASE_URL: url, SOAK_POOL: values.pool },
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const fromServer = <T extends FromSoakServer['type']>(type: T) =>
    new Promise<Extract<FromSoakServer, { type: T }>>((resolve) => {
      const listener = (message: FromSoakServer) => {
        if (message.type !== type) return;
        server.off('message', listener);
        resolve(message as Extract<FromSoakServer, { type: T }>);
      };
      server.on('message', listener);
    });
  const tell = (message: ToSoakServer) => server.send(message);
  const { base } = await fromServer('listening');

  try {
    // ---- What the requests ask for.
    const searchPaths = benchQueries()
      .map((q) => q.path)
      .filter((p): p is string => typeof p === 'string' && !p.includes('/tiles/'));
    const listed = (await (await fetch(`${base}/api/venues?bbox=115.4,39.4,117.5,41.1&limit=200`)).json()) as {
      items: { id: string }[];
    };
    const venueIds = listed.items.map((v) => v.id);
    if (venueIds.length === 0) throw new Error('the seeded database lists no venues in Beijing');
    const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
    let nextParent = 0;
    let edits = 0;

    async function timed(kind: Kind, samples: Sample[], work: () => Promise<number>): Promise<void> {
      const started = performance.now();
      let status: number;
      try {
        status = await work();
      } catch (error) {
        console.error(`${kind}: ${String(error)}`);
        status = 0;
      }
      samples.push({ kind, ms: performance.now() - started, status });
    }
    const json = (method: string, body: unknown, auth?: { cookie: string; csrf: string }) => ({
      method,
      headers: {
        'content-type': 'application/json',
        ...(auth ? { cookie: auth.cookie, 'x-csrf-token': auth.csrf } : {}),
      },
      body: JSON.stringify(body),
    });
    const drain = async (res: Response) => {
      await res.arrayBuffer();
      return res.status;
    };

    const requests: Record<Kind, () => Promise<number>> = {
      search: async () => drain(await fetch(`${base}${pick(searchPaths)}`)),
      venue: async () => drain(await fetch(`${base}/api/venues/${pick(venueIds)}`)),
      tile: async () => {
        const z = pick([5, 8, 10, 12, 14]);
        const centre = pick([
          { lng: 116.3975, lat: 39.9087 },
          { lng: 121.4737, lat: 31.2304 },
        ]);
        const { x, y } = tileContaining(
          centre.lng + (Math.random() - 0.5) * 0.2,
          centre.lat + (Math.random() - 0.5) * 0.2,
          z,
        );
        return drain(await fetch(`${base}/api/tiles/venues/${z}/${x}/${y}.mvt`));
      },
      'sign-in': async () => {
        const res = await fetch(
          `${base}/api/auth/login`,
          json('POST', { email: pick(signInEmails), password: SIGN_IN_PASSWORD }),
        );
        if (res.status !== 200) return drain(res);
        const me = (await res.json()) as { csrf_token: string };
        const cookie = res.headers
          .getSetCookie()
          .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
          .split(';')[0]!;
        const out = await fetch(`${base}/api/auth/logout`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': me.csrf_token },
        });
        return out.status === 204 ? 200 : drain(out);
      },
      edit: async () =>
        drain(
          await fetch(
            `${base}/api/venues/${venueId}`,
            json(
              'PATCH',
              { admission_rule: `压测第 ${++edits} 次修改：凭预约码入场` },
              {
                cookie: `${SESSION_COOKIE}=${managerToken}`,
                csrf: managerCsrf,
              },
            ),
          ),
        ),
      booking: async () => {
        const parent = parents[nextParent++ % parents.length]!;
        const res = await fetch(
          `${base}/api/bookings`,
          json('POST', { slot_id: slotId, kind: 'family', adults: 1, children_by_band: {} }, parent),
        );
        if (res.status !== 201) return drain(res);
        const booking = (await res.json()) as { id: string };
        return drain(await fetch(`${base}/api/bookings/${booking.id}/cancel`, json('POST', {}, parent)));
      },
    };
    const chooseKind = (): Kind => {
      let r = Math.random() * TOTAL_WEIGHT;
      for (const [kind, weight] of MIX) if ((r -= weight) < 0) return kind;
      return 'search';
    };

    // ---- The soak.
    console.log(
      `soak: ${minutes} min at ${rate} requests/s (mix ${MIX.map(([k, w]) => `${k} ${w}`).join(', ')}), warm-up ${warmup} min, pool ${values.pool}`,
    );
    console.log(`machine at start: ${machine()}`);
    const interval = 1000 / rate;
    const started = performance.now();
    const inFlight = new Set<Promise<void>>();
    const perMinute: {
      p50: number;
      p99: number;
      max: number;
      count: number;
      fivexx: number;
      rss: number;
      heap: number;
    }[] = [];
    let total = 0;
    let fivexx = 0;
    const unexpected: Record<string, number> = {};
    for (let minute = 0; minute < minutes; minute++) {
      const samples: Sample[] = [];
      const minuteEnd = started + (minute + 1) * 60_000;
      let sent = 0;
      while (true) {
        const due = started + minute * 60_000 + sent * interval;
        if (due >= minuteEnd) break;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const kind = chooseKind();
        const done = timed(kind, samples, requests[kind]).finally(() => inFlight.delete(done));
        inFlight.add(done);
        sent++;
      }
      // The minute's own requests are counted when they have answered (the next minute's start meanwhile).
      await Promise.all([...inFlight]);
      tell({ type: 'memory' });
      const memory = await fromServer('memory');
      const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
      const errors = samples.filter((s) => s.status >= 500 || s.status === 0).length;
      for (const s of samples) {
        const expected = s.status === 200 || s.status === 201 || s.status === 204;
        if (!expected) unexpected[`${s.kind} ${s.status}`] = (unexpected[`${s.kind} ${s.status}`] ?? 0) + 1;
      }
      total += samples.length;
      fivexx += errors;
      const row = {
        p50: percentileOf(sorted, 50),
        p99: percentileOf(sorted, 99),
        max: sorted.at(-1) ?? 0,
        count: samples.length,
        fivexx: errors,
        rss: memory.rss / MB,
        heap: memory.heapUsed / MB,
      };
      perMinute.push(row);
      const byKind = MIX.map(([kind]) => {
        const mine = samples
          .filter((s) => s.kind === kind)
          .map((s) => s.ms)
          .sort((a, b) => a - b);
        return `${kind} ${percentileOf(mine, 99).toFixed(0)}`;
      }).join(', ');
      console.log(
        `minute ${String(minute + 1).padStart(2)}: ${row.count} requests, p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, max ${row.max.toFixed(0)} ms, 5xx ${row.fivexx}; server RSS ${row.rss.toFixed(1)} MB, heap ${row.heap.toFixed(1)} MB (p99 by kind, ms: ${byKind})`,
      );
    }

    // ---- The verdict.
    const steady = perMinute.slice(warmup);
    const slope = (ys: number[]) => {
      const n = ys.length;
      if (n < 2) return 0;
      const mx = (n - 1) / 2;
      const my = ys.reduce((a, b) => a + b, 0) / n;
      const num = ys.reduce((a, y, x) => a + (x - mx) * (y - my), 0);
      const den = ys.reduce((a, _, x) => a + (x - mx) ** 2, 0);
      return num / den;
    };
    const heapGrowth = steady.at(-1)!.heap - steady[0]!.heap;
    const rssGrowth = steady.at(-1)!.rss - steady[0]!.rss;
    const flat = heapGrowth < Math.max(0.1 * steady[0]!.heap, 0) && heapGrowth < 8 && rssGrowth < 32;
    console.log(`requests: ${total}, 5xx or no answer: ${fivexx}`);
    console.log(`answers other than 200/201/204: ${JSON.stringify(unexpected)}`);
    console.log(
      `after warm-up (minutes ${warmup + 1}–${minutes}): heap ${steady[0]!.heap.toFixed(1)} → ${steady.at(-1)!.heap.toFixed(1)} MB (${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(1)}, slope ${slope(steady.map((m) => m.heap)).toFixed(2)} MB/min), RSS ${steady[0]!.rss.toFixed(1)} → ${steady.at(-1)!.rss.toFixed(1)} MB (${rssGrowth >= 0 ? '+' : ''}${rssGrowth.toFixed(1)}, slope ${slope(steady.map((m) => m.rss)).toFixed(2)} MB/min)`,
    );
    console.log(`memory flat after warm-up: ${flat ? 'yes' : 'NO'}`);
    console.log(`machine at the end: ${machine()}`);
    console.log(`date: ${new Date().toISOString()}`);
    if (fivexx > 0) process.exitCode = 1;
  } finally {
    tell({ type: 'stop' });
    await new Promise((resolve) => server.once('exit', resolve));
  }
});
