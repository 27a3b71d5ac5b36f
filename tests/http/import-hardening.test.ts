/**
 * Issue 13 rows 7 and 8: one GeoJSON feature with a deeply nested property failed the whole import, the
 * features after it never loaded; and a job whose process died stayed "running" for minutes.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { importJobs, venues } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { buildTestApp, withTestApp } from '../support/http.ts';
import { HEARTBEAT_MS, LEASE_MS } from '../../server/services/import/queue.ts';

interface Job {
  id: string;
  status: string;
  total_rows: number | null;
  processed_rows: number;
  inserted: number;
  failed_rows: number;
  message: string | null;
}

/**
 * The JSON text of a value nested `depth` levels deep, [[[…"museum"…]]] or {"a":{"a":…}}: written by
 * hand, as JSON.stringify itself would overflow the stack on it.
 */
function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}"museum"${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}"museum"${'}'.repeat(depth)}`;
}
/** A GeoJSON Point feature whose properties are JSON texts by name. */
const feature = (i: number, properties: Record<string, string>) =>
  `{"type":"Feature","geometry":{"type":"Point","coordinates":[${116.3 + i * 0.001},39.9]},"properties":{${Object.entries(
    properties,
  )
    .map(([key, value]) => `${JSON.stringify(key)}:${value}`)
    .join(',')}}}`;
const text = (value: string) => JSON.stringify(value);

describe.each(testEngines())('import hardening on %s', (engine) => {
  let database: Database;
  let app: App;
  let admin: TestActor;

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    admin = await createActor(database, { role: 'admin' });
  });

  const asAdmin = (url: string, init: { method?: 'POST'; payload?: string; headers?: Record<string, string> } = {}) =>
    app.inject({
      url,
      method: init.method ?? 'GET',
      headers: { ...admin.headers, ...init.headers },
      payload: init.payload,
    });
  const finished = async (id: string): Promise<Job> => {
    for (let i = 0; i < 600; i++) {
      const job = (await asAdmin(`/api/imports/${id}`)).json<Job>();
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} did not finish`);
  };

  it('a feature with a deeply nested property is reported bad on its own; the features after it load', async () => {
    const museum = text('museum');
    const features = [
      feature(0, { title: text('嵌套测试甲'), types: museum, id: text('n-0') }),
      feature(1, { title: text('嵌套测试乙'), types: nested(20_000, 'array'), id: text('n-1') }),
      feature(2, { title: nested(20_000, 'object'), types: museum, id: text('n-2') }),
      feature(3, { title: text('嵌套测试丙'), types: museum, id: text('n-3'), x: nested(20_000, 'object') }),
      feature(4, { title: text('嵌套测试丁'), types: '["museum","library"]', id: text('n-4') }),
    ];
    const mapping = JSON.stringify({ name_zh: 'title', kinds: 'types', source_ref: 'id' });
    const query = new URLSearchParams({ crs: 'wgs84', source: 'test-nested', mapping });
    const res = await asAdmin(`/api/imports/venues?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/geo+json' },
      payload: `{"type":"FeatureCollection","features":[${features.join(',')}]}`,
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(res.json<Job>().id);
    expect(job).toMatchObject({ status: 'done', total_rows: 5, processed_rows: 5, inserted: 3, failed_rows: 2 });
    const errors = (await asAdmin(`/api/imports/${job.id}/errors`)).json<{ items: { line: number; code: string }[] }>();
    expect(errors.items.map((e) => [e.line, e.code])).toEqual([
      [1, 'INVALID_VALUE'],
      [2, 'INVALID_VALUE'],
    ]);
    const loaded = await database.db
      .select({ ref: venues.sourceRef })
      .from(venues)
      .where(eq(venues.source, 'test-nested'))
      .orderBy(venues.sourceRef);
    expect(loaded.map((v) => v.ref)).toEqual(['n-0', 'n-3', 'n-4']);
  });

  /** A job some process left running (or queued) and stopped renewing `ago` ms ago. */
  const orphan = async (ago: number, status: 'running' | 'queued' = 'running') => {
    const [row] = await database.db
      .insert(importJobs)
      .values({ format: 'csv', crs: 'wgs84', source: 'test-lease', mapping: {}, status })
      .returning({ id: importJobs.id });
    await database.db
      .update(importJobs)
      .set({ heartbeatAt: sql`now() - make_interval(secs => ${ago / 1000})` })
      .where(eq(importJobs.id, row!.id));
    return row!.id;
  };

  it('a job whose lease expired (under a minute) fails visibly at start; one still within its lease is left alone', async () => {
    expect(LEASE_MS).toBeLessThanOrEqual(60_000);
    const expired = await orphan(LEASE_MS + 5_000);
    const queued = await orphan(LEASE_MS + 5_000, 'queued');
    const alive = await orphan(5_000);
    const restarted = await buildTestApp(database);
    await restarted.close();
    for (const id of [expired, queued]) {
      const job = (await asAdmin(`/api/imports/${id}`)).json<Job>();
      expect(job).toMatchObject({ status: 'failed' });
      expect(job.message).toMatch(/^interrupted: .*lease expired.*start the import again/);
    }
    expect((await asAdmin(`/api/imports/${alive}`)).json<Job>()).toMatchObject({ status: 'running' });
  });

  it('a running server’s sweep fails a job whose lease expires while it runs, within a heartbeat', async () => {
    const id = await orphan(LEASE_MS + 1_000);
    const started = Date.now();
    let job = (await asAdmin(`/api/imports/${id}`)).json<Job>();
    while (job.status !== 'failed' && Date.now() - started < HEARTBEAT_MS * 3) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = (await asAdmin(`/api/imports/${id}`)).json<Job>();
    }
    expect(job).toMatchObject({ status: 'failed' });
    expect(job.message).toMatch(/^interrupted/);
  }, 60_000);
});
