/**
 * The two sides `bench/search.ts` compares: a request to the API over real HTTP, and the SQL statements
 * that request runs, replayed directly through postgres.js. The statements are captured by serving each
 * request once from a second app whose drizzle instance logs every query (text and parameters) — the
 * same schema, driver and query functions as `createDb`, which itself exposes no logger.
 */
import { Agent, request } from 'node:http';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';
import { buildApp } from '../server/app.ts';
import { invalidateVenueTiles, venueTileCache } from '../server/services/tile-cache.ts';
import type { Config } from '../server/config.ts';

/** One SQL statement exactly as drizzle hands it to postgres.js. */
export interface Statement {
  text: string;
  params: unknown[];
}

/** What one request did: its status, body, and the statements it ran, in order. */
export interface Captured {
  status: number;
  body: Buffer;
  statements: Statement[];
}

/** The pool options createDb gives postgres.js, so the replay connects the way the app does. */
export const POOL_OPTIONS = { max: 10, onnotice: () => {} } as const;

/** An app whose every query is recorded; `capture(path)` serves one GET and returns what it ran. */
export async function capturingApp(url: string, config: Config) {
  const log: Statement[] = [];
  const client = postgres(url, { ...POOL_OPTIONS, connection: { application_name: 'kaimen-bench-capture' } });
  const db = drizzle({ client, schema, logger: { logQuery: (text, params) => log.push({ text, params }) } });
  const database: Database = {
    db,
    engine: 'postgres',
    created: false,
    migrate: async () => {},
    openConnections: async () => {},
    close: () => client.end({ timeout: 5 }),
  };
  const app = await buildApp({ database, config, web: false });
  // Start-up work (onReady hooks) runs its own queries; they must not count towards the first request.
  await app.ready();
  // A tile cache without its change probe, emptied before each capture: every capture runs the tile's
  // own SQL, and only that.
  venueTileCache(app);
  return {
    async capture(path: string): Promise<Captured> {
      invalidateVenueTiles(app);
      log.length = 0;
      const response = await app.inject({ method: 'GET', url: path });
      return { status: response.statusCode, body: response.rawPayload, statements: [...log] };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Runs a request's statements as the route does: at once, each on its own pooled connection (the only
 * request with two, the date filter, runs its page and its count concurrently); answers the rows of each.
 */
export async function runStatements(sql: postgres.Sql, statements: Statement[]): Promise<number[]> {
  // drizzle runs its queries unnamed (prepare: false), so the replay does too: same parse and plan work.
  const results = await Promise.all(statements.map((s) => sql.unsafe(s.text, s.params as never[], { prepare: false })));
  return results.map((result) => result.length);
}

/** An HTTP answer; `age` is set when the tile came from the server's tile cache. */
export interface HttpAnswer {
  status: number;
  body: Buffer;
  age: string | null;
}

/** A GET client for the app on 127.0.0.1: node:http on one kept-alive socket, or the global fetch. */
export function httpClient(port: number, kind: 'http' | 'fetch') {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const viaHttp = (path: string) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), age: res.headers.age ?? null }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  const viaFetch = async (path: string): Promise<HttpAnswer> => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()), age: res.headers.get('age') };
  };
  return { get: kind === 'http' ? viaHttp : viaFetch, close: () => agent.destroy() };
}

/** Milliseconds `run` takes. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** The p-th percentile (0..100) of some samples, by the nearest-rank method. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The index names a plan uses (index, index-only and bitmap index scans). */
export function indexesInPlan(plan: string): string[] {
  const names = [...plan.matchAll(/(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)];
  return [...new Set(names.map((m) => m[1]!))];
}
