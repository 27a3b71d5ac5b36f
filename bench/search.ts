/**
 * `npm run bench:search -- --venues 100000`: how much the API adds over its own SQL (PRODUCT.md: the
 * API's median at most 1.5× the same SQL run directly through postgres.js, at 100,000 and 1,000,000
 * venues). Builds a synthetic database (bench-database.ts), serves the app on 127.0.0.1 over real HTTP,
 * captures the statements each request runs, then times the request and the replayed statements,
 * interleaved, after a warm-up. Cluster tiles, which the server caches, are measured with the cache emptied
 * before each request (the SQL comparison), then again as cache hits, reported apart. Prints a table and writes bench/results/search-<venues>.json; `--explain`
 * adds EXPLAIN (ANALYZE, BUFFERS) of the slowest requests' statements to bench/results/explain-<venues>.txt.
 *
 * Options: --venues N, --iterations 200, --warmup 20, --only <name parts, comma-separated>, --client http|fetch,
 * --explain [--explain-top 4], --breakdown, --keep (keep and reuse the database), --seed, --admin-url.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createDb } from '../db/client.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { invalidateVenueTiles } from '../server/services/tile-cache.ts';
import { CLUSTER_BELOW_ZOOM } from '../domain/tiles/tile-math.ts';
import { benchArgs, benchDatabaseOptions, withBenchDatabase, type BenchDatabase } from './bench-database.ts';
import { addBreakdownHooks, type Breakdown } from './breakdown.ts';
import {
  POOL_OPTIONS,
  capturingApp,
  httpClient,
  indexesInPlan,
  percentile,
  runStatements,
  timed,
  type HttpAnswer,
  type Statement,
} from './measure.ts';
import { benchQueries } from './search-queries.ts';

/** PRODUCT.md's bound on API median over raw SQL median. */
const TARGET_RATIO = 1.5;
const RESULTS_DIR = new URL('./results/', import.meta.url);

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    ...benchDatabaseOptions,
    iterations: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    only: { type: 'string' },
    client: { type: 'string', default: 'http' },
    explain: { type: 'boolean', default: false },
    breakdown: { type: 'boolean', default: false },
    'explain-top': { type: 'string', default: '4' },
  },
});
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);
const only = values.only?.split(',');
const clientKind = values.client === 'fetch' ? 'fetch' : 'http';
/** The machine's 1-minute load when measuring starts: other work on the 2 cores shows up as noise. */
let loadAtStart = 0;

/** One measured request with its statements and timings. */
interface Result {
  name: string;
  path: string;
  answer: string;
  statements: Statement[];
  indexes: string[];
  api: { p50: number; p95: number };
  raw: { p50: number; p95: number };
  ratio: number;
  /** Cluster tiles only: the API answering from its tile cache (not a SQL comparison). */
  cacheHit?: { p50: number; p95: number };
  breakdown?: Breakdown;
}

/** True for a tile the server caches (clusters): the SQL comparison then empties the cache before each request. */
function isCachedTile(path: string): boolean {
  const z = /^\/api\/tiles\/venues\/(\d+)\//.exec(path)?.[1];
  return z !== undefined && Number(z) < CLUSTER_BELOW_ZOOM;
}

async function main(): Promise<void> {
  await withBenchDatabase(benchArgs(values), async (bench) => {
    const config = loadConfig({ ...process.env, DATABASE_URL: bench.url, LOG_LEVEL: 'silent' });
    // The API side is the production path: createDb's pool, buildApp, listening on a real socket.
    const database = await createDb({ databaseUrl: bench.url });
    const app = await buildApp({ database, config, web: false });
    const hooks = values.breakdown ? addBreakdownHooks(app) : undefined;
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const http = httpClient(typeof address === 'object' && address ? address.port : 0, clientKind);
    const capture = await capturingApp(bench.url, config);
    const raw = postgres(bench.url, { ...POOL_OPTIONS, connection: { application_name: 'kaimen-bench-raw' } });
    try {
      const results: Result[] = [];
      loadAtStart = loadavg()[0]!;
      const getJson = async (path: string): Promise<unknown> => JSON.parse((await http.get(path)).body.toString());
      for (const query of benchQueries()) {
        if (only && !only.some((part) => query.name.includes(part))) continue;
        const path = typeof query.path === 'string' ? query.path : await query.path(getJson);
        const captured = await capture.capture(path);
        if (captured.status >= 300) throw new Error(`${query.name}: ${captured.status} ${captured.body.toString()}`);
        const indexes = await planIndexes(raw, captured.statements);
        // A cluster tile would otherwise come from the tile cache after the first request: the API side
        // empties it first, so both sides run the tile's SQL. Cache hits are timed apart, below.
        const cached = isCachedTile(path);
        const run = {
          api: () => {
            if (cached) invalidateVenueTiles(app);
            return http.get(path);
          },
          raw: () => runStatements(raw, captured.statements),
        };
        for (let i = 0; i < warmup; i++) {
          await run.api();
          await run.raw();
        }
        hooks?.take();
        const api: number[] = [];
        const direct: number[] = [];
        for (let i = 0; i < iterations; i++) {
          // Alternate which side goes first, so neither always runs on the other's warm cache.
          if (i % 2 === 0) {
            api.push(await timed(run.api));
            direct.push(await timed(run.raw));
          } else {
            direct.push(await timed(run.raw));
            api.push(await timed(run.api));
          }
        }
        const cacheHit = cached ? await timeCacheHits(http.get, path, captured.body) : undefined;
        const result: Result = {
          name: query.name,
          path,
          answer: describeAnswer(captured.status, captured.body),
          statements: captured.statements,
          indexes,
          api: { p50: percentile(api, 50), p95: percentile(api, 95) },
          raw: { p50: percentile(direct, 50), p95: percentile(direct, 95) },
          ratio: percentile(api, 50) / percentile(direct, 50),
          ...(cacheHit ? { cacheHit } : {}),
          ...(hooks ? { breakdown: hooks.take() } : {}),
        };
        results.push(result);
        console.log(row(result));
      }
      report(bench, results);
      if (values.explain) await explainSlowest(raw, bench, results, Number(values['explain-top']));
    } finally {
      http.close();
      await capture.close();
      await app.close();
      await database.close();
      await raw.end({ timeout: 5 });
    }
  });
}

/** p50 and p95 of a cluster tile answered from the tile cache (checked: the Age header, the same bytes). */
async function timeCacheHits(get: (path: string) => Promise<HttpAnswer>, path: string, expected: Buffer) {
  await get(path); // fills the cache
  for (let i = 0; i < warmup; i++) await get(path);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let answer: HttpAnswer | undefined;
    samples.push(await timed(async () => (answer = await get(path))));
    if (answer?.age === null || !answer?.body.equals(expected)) throw new Error(`${path}: not a cache hit`);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** "50 items" for a JSON page, "12.3 kB" for a tile, "empty" for a 204. */
function describeAnswer(status: number, body: Buffer): string {
  if (status === 204) return 'empty';
  if (body[0] === 0x7b) {
    const page = JSON.parse(body.toString()) as { items?: unknown[] };
    return `${page.items?.length ?? 0} items`;
  }
  return `${(body.length / 1024).toFixed(1)} kB`;
}

/** The indexes the planner picks for a request's statements (plain EXPLAIN, with the same parameters). */
async function planIndexes(sql: postgres.Sql, statements: Statement[]): Promise<string[]> {
  const names = new Set<string>();
  for (const s of statements) {
    const plan = await sql.unsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${s.text}`, s.params as never[], {
      prepare: false,
    });
    for (const name of indexesInPlan(plan.map((r) => r['QUERY PLAN']).join('\n'))) names.add(name);
  }
  return [...names];
}

const ms = (value: number) => value.toFixed(2).padStart(8);
/** Pads to a terminal width where CJK characters take two columns. */
const padEnd = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
const HEADER = `${'query'.padEnd(34)} ${'answer'.padEnd(10)} ${'SQL'.padStart(3)} ${'API p50'.padStart(8)} ${'API p95'.padStart(8)} ${'raw p50'.padStart(8)} ${'raw p95'.padStart(8)} ${'ratio'.padStart(6)}`;

function row(r: Result): string {
  const mark = r.ratio <= TARGET_RATIO ? ' ' : ' ✗';
  return `${padEnd(r.name, 34)} ${r.answer.padEnd(10)} ${String(r.statements.length).padStart(3)} ${ms(r.api.p50)} ${ms(r.api.p95)} ${ms(r.raw.p50)} ${ms(r.raw.p95)} ${r.ratio.toFixed(2).padStart(6)}${mark}`;
}

/** Prints the table with its context and writes the JSON beside the other results. */
function report(bench: BenchDatabase, results: Result[]): void {
  const within = results.filter((r) => r.ratio <= TARGET_RATIO).length;
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`;
  console.log(
    `\n${bench.venues.toLocaleString('en')} synthetic venues · ${iterations} interleaved runs per side after ${warmup} warm-up · ` +
      `API over HTTP (${clientKind === 'http' ? 'node:http, keep-alive' : 'fetch'}) · raw = same statements via postgres.js · ms\n`,
  );
  console.log(HEADER);
  for (const r of results) console.log(row(r));
  const load = `load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end`;
  console.log(`\n${within} of ${results.length} within ${TARGET_RATIO}× (✗ marks a miss) · ${machine} · ${load}`);
  for (const r of results) console.log(`  ${r.name}: ${r.indexes.join(', ') || 'no index'}`);
  const hits = results.filter((r) => r.cacheHit);
  if (hits.length > 0) {
    console.log(
      `\ncache hits (cluster tiles from the tile cache; NOT the SQL comparison above, which empties the cache) · ms`,
    );
    console.log(`${'query'.padEnd(34)} ${'hit p50'.padStart(8)} ${'hit p95'.padStart(8)} ${'raw p50'.padStart(8)}`);
    for (const r of hits)
      console.log(`${padEnd(r.name, 34)} ${ms(r.cacheHit!.p50)} ${ms(r.cacheHit!.p95)} ${ms(r.raw.p50)}`);
  }
  if (results.some((r) => r.breakdown)) printBreakdown(results);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = new URL(`search-${bench.venues}${only ? '-only' : ''}.json`, RESULTS_DIR);
  const summary = {
    venues: bench.venues,
    iterations,
    warmup,
    client: clientKind,
    machine,
    load,
    at: new Date().toISOString(),
  };
  writeFileSync(file, `${JSON.stringify({ ...summary, results }, null, 2)}\n`);
  console.log(`results: ${file.pathname}`);
}

/** Medians of the server's phases, and what the client saw beyond them (HTTP and the socket). */
function printBreakdown(results: Result[]): void {
  const cols = ['route', 'handler', 'serialise', 'send', 'server', 'outside'];
  console.log(`\nserver-side medians (ms): ${cols.join(' / ')} · handler includes its SQL (raw p50 beside it)`);
  for (const r of results) {
    const b = r.breakdown;
    if (!b) continue;
    const parts = [b.route, b.handler, b.serialise, b.send, b.server, r.api.p50 - b.server];
    console.log(`${padEnd(r.name, 34)} ${parts.map(ms).join(' ')}   raw ${ms(r.raw.p50)}`);
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement of the `top` slowest requests (by raw median). */
async function explainSlowest(sql: postgres.Sql, bench: BenchDatabase, results: Result[], top: number) {
  const slowest = [...results].sort((a, b) => b.raw.p50 - a.raw.p50).slice(0, top);
  const out: string[] = [];
  for (const r of slowest) {
    for (const [i, s] of r.statements.entries()) {
      const plan = await sql.unsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`,
        s.params as never[],
        { prepare: false },
      );
      const text = plan.map((p) => p['QUERY PLAN']).join('\n');
      const time = /Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? '?';
      console.log(`explain ${r.name} [${i + 1}/${r.statements.length}]: ${time} ms, ${indexesInPlan(text).join(', ')}`);
      out.push(
        `## ${r.name} — statement ${i + 1}/${r.statements.length}\n${r.path}\n\n${s.text}\n${JSON.stringify(s.params)}\n\n${text}\n`,
      );
    }
  }
  const file = new URL(`explain-${bench.venues}.txt`, RESULTS_DIR);
  writeFileSync(file, out.join('\n'));
  console.log(`plans: ${file.pathname}`);
}

await main();
