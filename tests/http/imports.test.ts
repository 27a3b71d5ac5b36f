import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import gcoordModule from 'gcoord';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createImportJob, listImportErrors } from '../../db/queries/imports.ts';
import { auditLog, importJobs, venueOpenIntervals, venues } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import type { components } from '../../web/src/lib/api/schema.d.ts';
import { greatCircleMetres } from '../../domain/geo.ts';
import { prepareImport, runImport } from '../../server/services/import/import-venues.ts';
import { batchSizeFor } from '../../server/services/import/job.ts';
import { testEngines, withTestDb } from '../support/engines.ts';
import { buildTestApp, everyPage, type ListPage, withTestApp } from '../support/http.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import type { InjectOptions } from 'fastify';

const gcoord = gcoordModule as unknown as typeof gcoordModule.default;
type Job = components['schemas']['ImportJob'];
const SOURCE = 'test-imports';

const MAPPING = {
  name_zh: 'name',
  name_en: 'name_en',
  lng: 'lng',
  lat: 'lat',
  kinds: 'kind',
  themes: 'theme',
  address_zh: 'address',
  opening_hours: 'hours',
  source_ref: 'ref',
};

// Lines are CRLF-terminated and line 7 holds a quoted two-line address, so lines 9 onwards only come out
// right if a line break inside quotes counts once.
const CSV = [
  'name,name_en,lng,lat,kind,theme,address,ref,hours',
  '开门测试馆,Kaimen Test Hall,116.3100,39.9900,museum,science,海淀区,t-1,Tu-Su 09:00-17:00; Mo off',
  ',No Name,116.3,39.9,museum,,,t-2,',
  '经度越界馆,,200,39.9,museum,,,t-3,',
  '太空港,,116.3,39.9,spaceport,,,t-4,',
  '坏数字馆,,116.3,39.9x,museum,,,t-5,',
  '开门测试图书馆,,116.3200,39.9800,library,reading,"海淀区\r\n某路 1 号",t-6,',
  'Kaimen Test Museum Alabama,,-87.5037,33.2933,museum,,,t-7,',
  '中国国家博物馆,National Museum of China,116.3970,39.9053,museum,,,t-8,',
  '主题未知馆,,116.3,39.9,museum,astrology,,t-9,',
  ' 开门测试馆 ,,116.3103,39.9901,museum,,,t-10,',
  '另一个馆,,116.35,39.95,museum,,,t-1,',
].join('\r\n');
const CSV_ERRORS = [
  { line: 3, code: 'NAME_REQUIRED', reason: 'the name (name) is empty' },
  { line: 4, code: 'COORDINATE_OUT_OF_RANGE', reason: 'lng 200 is outside -180…180' },
  { line: 5, code: 'UNKNOWN_KIND', reason: 'kind "spaceport" is not a known kind' },
  { line: 6, code: 'INVALID_NUMBER', reason: 'lat "39.9x" is not a number' },
  { line: 11, code: 'UNKNOWN_THEME', reason: 'theme "astrology" is not a known theme' },
  { line: 13, code: 'DUPLICATE_SOURCE_REF', reason: 'source_ref "t-1" is already used on line 2' },
];

describe.each(testEngines())('venue imports on %s', (engine) => {
  let database: Database;
  let app: App;
  let admin: TestActor;
  const asAdminOf = (target: App) => (options: InjectOptions) =>
    target.inject({ ...options, headers: { ...admin.headers, ...options.headers } });
  const asAdmin = (options: InjectOptions) => asAdminOf(app)(options);

  const importUrl = (query: Record<string, string>) =>
    `/api/imports/venues?${new URLSearchParams({ crs: 'wgs84', source: SOURCE, mapping: JSON.stringify(MAPPING), ...query })}`;
  const post = (payload: string | Buffer, query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    asAdmin({
      method: 'POST',
      url: importUrl(query),
      headers: { 'content-type': 'text/csv', ...headers },
      payload,
    });
  /** Polls the job until it has finished; every answer on the way must be consistent. */
  const finished = async (id: string): Promise<Job> => {
    for (let i = 0; i < 600; i++) {
      const res = await asAdmin({ url: `/api/imports/${id}` });
      expect(res.statusCode).toBe(200);
      const job = res.json<Job>();
      if (job.total_rows !== null) expect(job.processed_rows).toBeLessThanOrEqual(job.total_rows);
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} did not finish`);
  };
  const importCsv = async (payload: string | Buffer, query: Record<string, string> = {}) => {
    const res = await post(payload, query);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.headers.location).toBe(`/api/imports/${res.json<Job>().id}`);
    return finished(res.json<Job>().id);
  };
  const list = async <T>(id: string, which: 'errors' | 'duplicates', query = '') => {
    const res = await asAdmin({ url: `/api/imports/${id}/${which}${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: T[]; next_cursor: string | null }>();
  };
  const imported = (source = SOURCE) =>
    database.db
      .select({
        id: venues.id,
        name: venues.nameZh,
        ref: venues.sourceRef,
        adcode: venues.adcode,
        crs: venues.sourceCrs,
        hoursKnown: venues.hoursKnown,
        lng: sql<number>`ST_X(${venues.location})`.mapWith(Number),
        lat: sql<number>`ST_Y(${venues.location})`.mapWith(Number),
      })
      .from(venues)
      .where(eq(venues.source, source))
      .orderBy(venues.sourceRef);

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    admin = await createActor(database, { role: 'admin' });
  });

  it('loads the good rows of a CSV and lists each bad row with its exact line, reason and code', async () => {
    const job = await importCsv(CSV);
    expect(job).toMatchObject({ status: 'done', total_rows: 11, processed_rows: 11, inserted: 3, updated: 0 });
    expect(job).toMatchObject({ failed_rows: 6, duplicates: 2 });
    expect(job.started_at).not.toBeNull();
    expect(job.finished_at! >= job.started_at!).toBe(true);
    const { items } = await list<{ line: number; code: string; reason: string }>(job.id, 'errors');
    expect(items).toEqual(CSV_ERRORS);

    const rows = await imported();
    expect(rows.map((r) => r.ref)).toEqual(['t-1', 't-6', 't-7']);
    const [hall, library, alabama] = rows;
    expect(hall).toMatchObject({ name: '开门测试馆', crs: 'wgs84', hoursKnown: true, lng: 116.31, lat: 39.99 });
    expect(hall!.adcode).toMatch(/^11\d{4}$/);
    expect(library!.adcode).toMatch(/^11\d{4}$/);
    expect(alabama!.adcode).toBeNull();
    const [intervals] = await database.db
      .select({ n: count() })
      .from(venueOpenIntervals)
      .where(eq(venueOpenIntervals.venueId, hall!.id));
    expect(intervals!.n).toBeGreaterThan(50);

    const detail = await asAdmin({ url: `/api/venues/${library!.id}` });
    expect(detail.json()).toMatchObject({
      address: '海淀区\r\n某路 1 号',
      provenance: { source: SOURCE, source_ref: 't-6' },
    });
  });

  it('reports a seeded venue and an earlier row of the same file as duplicates, loading neither', async () => {
    const res = await asAdmin({ url: `/api/venues?q=${encodeURIComponent('中国国家博物馆')}` });
    const museum = res
      .json<{ items: { id: string; name: string }[] }>()
      .items.find((v) => v.name === '中国国家博物馆')!;
    const again = await importCsv(CSV);
    const { items } = await list<Record<string, unknown>>(again.id, 'duplicates');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      line: 10,
      name: '中国国家博物馆',
      existing_venue_id: museum.id,
      existing_line: null,
      existing_name: '中国国家博物馆',
    });
    expect(items[0]!.distance_m).toBeLessThan(100);
    const hall = (await imported()).find((r) => r.ref === 't-1')!;
    expect(items[1]).toMatchObject({ line: 12, name: '开门测试馆', existing_venue_id: hall.id, existing_line: 2 });
    expect(items[1]!.distance_m).toBeGreaterThan(20);
    expect(items[1]!.distance_m).toBeLessThan(100);
  });

  it('importing the same file again updates its venues instead of adding them twice', async () => {
    const before = await imported();
    const job = await importCsv(CSV);
    expect(job).toMatchObject({ status: 'done', inserted: 0, updated: 3, failed_rows: 6, duplicates: 2 });
    const after = await imported();
    expect(after.map((r) => [r.id, r.ref])).toEqual(before.map((r) => [r.id, r.ref]));
  });

  it.each([
    ['gcj02', gcoord.GCJ02],
    ['bd09', gcoord.BD09],
  ] as const)('converts %s points to WGS-84 and records the system they came in', async (crs, system) => {
    const opera = { lng: 116.3834, lat: 39.9033 }; // 国家大剧院 in WGS-84
    const [lng, lat] = gcoord.transform<[number, number]>([opera.lng, opera.lat], gcoord.WGS84, system);
    expect(greatCircleMetres({ lng, lat }, opera)).toBeGreaterThan(300);
    const csv = `name,lng,lat,kind,ref\n开门坐标测试 ${crs},${lng.toFixed(7)},${lat.toFixed(7)},performance_venue,${crs}-1\n`;
    const source = `${SOURCE}-${crs}`;
    const mapping = JSON.stringify({ name_zh: 'name', lng: 'lng', lat: 'lat', kinds: 'kind', source_ref: 'ref' });
    const job = await importCsv(csv, { crs, source, mapping });
    expect(job).toMatchObject({ status: 'done', inserted: 1 });
    const [venue] = await imported(source);
    expect(venue!.crs).toBe(crs);
    expect(greatCircleMetres(venue!, opera)).toBeLessThan(10);
    expect(venue!.adcode).toMatch(/^11\d{4}$/);
  });

  it('imports GeoJSON Point features, mapping their properties, with bad features listed by index', async () => {
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [121.47, 31.23] },
          properties: { title: '开门测试科技角', types: ['science_center', 'library'], id: 17 },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
          properties: {},
        },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [121.4, 31.2] }, properties: { title: '' } },
      ],
    };
    const mapping = JSON.stringify({ name_zh: 'title', kinds: 'types', source_ref: 'id' });
    const res = await post(
      JSON.stringify(geojson),
      { source: `${SOURCE}-geojson`, mapping },
      {
        'content-type': 'application/geo+json',
      },
    );
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(res.json<Job>().id);
    expect(job).toMatchObject({ status: 'done', total_rows: 3, processed_rows: 3, inserted: 1, failed_rows: 2 });
    const { items } = await list<{ line: number; code: string }>(job.id, 'errors');
    expect(items.map((e) => [e.line, e.code])).toEqual([
      [1, 'GEOMETRY_NOT_POINT'],
      [2, 'NAME_REQUIRED'],
    ]);
    const [venue] = await imported(`${SOURCE}-geojson`);
    expect(venue).toMatchObject({ name: '开门测试科技角', ref: '17', lng: 121.47, lat: 31.23 });
    expect(venue!.adcode).toMatch(/^31\d{4}$/);
  });

  it('retries a batch the database refuses row by row, so only the refused row fails and none is written twice', async () => {
    // PostgreSQL text cannot hold NUL: the database, not the row checks, refuses line 3.
    const csv =
      'name,lng,lat,kind,ref\n批次甲,116.21,39.91,museum,b-1\n批次\u0000乙,116.22,39.91,museum,b-2\n批次丙,116.23,39.91,museum,b-3\n';
    const source = `${SOURCE}-batch`;
    const mapping = JSON.stringify({ name_zh: 'name', lng: 'lng', lat: 'lat', kinds: 'kind', source_ref: 'ref' });
    const job = await importCsv(csv, { source, mapping });
    expect(job).toMatchObject({ status: 'done', total_rows: 3, inserted: 2, failed_rows: 1 });
    const { items } = await list<{ line: number; code: string; reason: string }>(job.id, 'errors');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ line: 3, code: 'DB_REJECTED' });
    expect(items[0]!.reason).toMatch(/^the database refused the row: /);
    expect(items[0]!.reason).not.toContain('Failed query');
    expect((await imported(source)).map((r) => r.ref)).toEqual(['b-1', 'b-3']);
  });

  it('reports progress that only grows and reaches the total, batch by batch', async () => {
    const rows = Array.from(
      { length: 1_200 },
      (_, i) => `进度测试 ${i},${(100 + i * 0.01).toFixed(2)},30.5,museum,p-${i}`,
    );
    const res = await post(`name,lng,lat,kind,ref\n${rows.join('\n')}\n`, {
      source: `${SOURCE}-progress`,
      mapping: JSON.stringify({ name_zh: 'name', lng: 'lng', lat: 'lat', kinds: 'kind', source_ref: 'ref' }),
    });
    expect(res.statusCode, res.body).toBe(202);
    const seen: number[] = [];
    let job: Job;
    do {
      job = (await asAdmin({ url: `/api/imports/${res.json<Job>().id}` })).json<Job>();
      seen.push(job.processed_rows);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } while (job.status === 'queued' || job.status === 'running');
    expect(job).toMatchObject({ status: 'done', total_rows: 1_200, processed_rows: 1_200, inserted: 1_200 });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const size = batchSizeFor(database.db);
    expect(seen.every((n) => n === 1_200 || n % size === 0)).toBe(true);
    // Requests are answered while the job runs (on PGlite too, which shares this thread).
    expect(seen.some((n) => n > 0 && n < 1_200)).toBe(true);
  });

  it('a dry run counts what would happen and writes no venue', async () => {
    // Other names, so the venues the tests above loaded are not duplicates of these rows.
    const csv = CSV.replaceAll('开门测试', '试运行').replaceAll('Kaimen Test', 'Dry Run');
    const source = `${SOURCE}-dry`;
    const job = await importCsv(csv, { source, dry_run: 'true' });
    expect(job).toMatchObject({ status: 'done', inserted: 3, updated: 0, failed_rows: 6, duplicates: 2 });
    expect(await imported(source)).toEqual([]);
    const { items } = await list<{ line: number; existing_venue_id: string | null }>(job.id, 'duplicates');
    expect(items.find((d) => d.line === 12)?.existing_venue_id).toBeNull();
  });

  it('takes the mapping from the X-Import-Mapping header, percent-encoded, and GB18030 text', async () => {
    const gbk = Buffer.from('d6d0cec4c3fb2c6c6e672c6c61740ad0c2b9dd2c3131362e342c33392e390a', 'hex'); // 中文名,lng,lat\n新馆,116.4,39.9
    const mapping = encodeURIComponent(
      JSON.stringify({ name_zh: '中文名', lng: 'lng', lat: 'lat', defaults: { kinds: 'museum' } }),
    );
    const res = await asAdmin({
      method: 'POST',
      url: `/api/imports/venues?crs=wgs84&source=${SOURCE}-gbk&encoding=gb18030`,
      headers: { 'content-type': 'text/csv', 'x-import-mapping': mapping },
      payload: gbk,
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(await finished(res.json<Job>().id)).toMatchObject({ status: 'done', inserted: 1 });
    expect((await imported(`${SOURCE}-gbk`))[0]?.name).toBe('新馆');
  });

  it('pages through bad rows with a cursor bound to the job and the list', async () => {
    const job = await importCsv(CSV, { source: `${SOURCE}-pages`, dry_run: 'true' });
    const pages = await everyPage<ListPage<{ line: number }>>(app, `/api/imports/${job.id}/errors`, 4, {
      headers: admin.headers,
    });
    expect(pages.flatMap((page) => page.items.map((e) => e.line))).toEqual(CSV_ERRORS.map((e) => e.line));
    const first = await list<unknown>(job.id, 'errors', '?limit=1');
    const elsewhere = await asAdmin({
      url: `/api/imports/${job.id}/duplicates?cursor=${encodeURIComponent(first.next_cursor!)}`,
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json()).toMatchObject({ error: { code: 'INVALID_CURSOR' } });
  });

  it('a stopping server fails its unfinished job; a starting one fails jobs whose owner stopped beating', async () => {
    const other = await buildTestApp(database);
    const rows = Array.from(
      { length: 3_000 },
      (_, i) => `停止测试 ${i},${(100 + i * 0.01).toFixed(2)},31.5,museum,s-${i}`,
    );
    const res = await asAdminOf(other)({
      method: 'POST',
      url: importUrl({
        source: `${SOURCE}-stop`,
        mapping: JSON.stringify({ name_zh: 'name', lng: 'lng', lat: 'lat', kinds: 'kind', source_ref: 'ref' }),
      }),
      headers: { 'content-type': 'text/csv' },
      payload: `name,lng,lat,kind,ref\n${rows.join('\n')}\n`,
    });
    expect(res.statusCode, res.body).toBe(202);
    await other.close();
    const stopped = (await asAdmin({ url: `/api/imports/${res.json<Job>().id}` })).json<Job & { message: string }>();
    expect(stopped).toMatchObject({ status: 'failed' });
    expect(stopped.message).toMatch(/^stopped: the server shut down/);
    expect(stopped.processed_rows).toBeLessThan(3_000);

    const [orphan] = await database.db
      .insert(importJobs)
      .values({ format: 'csv', crs: 'wgs84', source: `${SOURCE}-orphan`, mapping: {}, status: 'running' })
      .returning({ id: importJobs.id });
    await database.db
      .update(importJobs)
      .set({ heartbeatAt: sql`now() - interval '10 minutes'` })
      .where(eq(importJobs.id, orphan!.id));
    const restarted = await buildTestApp(database);
    await restarted.close();
    const recovered = (await asAdmin({ url: `/api/imports/${orphan!.id}` })).json<Job & { message: string }>();
    expect(recovered).toMatchObject({ status: 'failed' });
    expect(recovered.message).toMatch(/^interrupted/);
  });

  it('records who started each import in the audit log, with the job it made', async () => {
    const res = await post(CSV, { source: `${SOURCE}-audit`, dry_run: 'true' });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json<Job>().id;
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entry).toMatchObject({
      action: 'import.create',
      actorId: admin.user.id,
      actorRole: 'admin',
      entityType: 'import_job',
    });
    expect(entry!.after).toMatchObject({ source: `${SOURCE}-audit`, dry_run: true, crs: 'wgs84' });
    await finished(id);
  });

  it('answers 401 to anonymous callers and 403 to a bureau: imports are for administrators', async () => {
    const anonymous = await app.inject({
      method: 'POST',
      url: importUrl({}),
      headers: { 'content-type': 'text/csv' },
      payload: CSV,
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
    const bureau = await createActor(database, { role: 'bureau', regionPrefix: '11' });
    const refused = await app.inject({
      method: 'POST',
      url: importUrl({}),
      headers: { 'content-type': 'text/csv', ...bureau.headers },
      payload: CSV,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await app.inject({ url: '/api/imports/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(401);
  });

  it('answers 404 IMPORT_NOT_FOUND for an unknown job and 400 INVALID_ID for a malformed id', async () => {
    for (const path of ['', '/errors', '/duplicates']) {
      const res = await asAdmin({ url: `/api/imports/00000000-0000-4000-8000-000000000000${path}` });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'IMPORT_NOT_FOUND' } });
    }
    const bad = await asAdmin({ url: '/api/imports/abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_ID' } });
  });

  it('takes files past the usual 1 MB body limit and refuses those over 50 MB with 413 BODY_TOO_LARGE', async () => {
    const header = CSV.split('\r\n')[0]!;
    const big = `${header}\n大文件馆,,116.3,39.9,museum,,"${'长'.repeat(700_000)}",big-1,\n`;
    const accepted = await post(big, { source: `${SOURCE}-big`, dry_run: 'true' });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const job = await finished(accepted.json<Job>().id);
    expect(job).toMatchObject({ status: 'done', failed_rows: 1 });
    expect((await list<{ code: string }>(job.id, 'errors')).items[0]?.code).toBe('VALUE_TOO_LONG');
    const tooBig = await post(Buffer.alloc(50 * 1024 * 1024 + 1, 0x61), { source: `${SOURCE}-big` });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
  });

  it.each([
    ['a mapping that is not JSON', CSV, { mapping: '{name' }, {}, 400, 'INVALID_MAPPING'],
    ['no mapping', CSV, { mapping: '' }, {}, 400, 'INVALID_MAPPING'],
    [
      'a mapping without name_zh',
      CSV,
      { mapping: '{"lng":"lng","lat":"lat","kinds":"kind"}' },
      {},
      400,
      'INVALID_MAPPING',
    ],
    [
      'a mapped column missing from the header',
      CSV,
      { mapping: JSON.stringify({ ...MAPPING, phone: 'tel' }) },
      {},
      400,
      'INVALID_MAPPING',
    ],
    ['an unknown format', CSV, { format: 'xlsx' }, {}, 400, 'UNSUPPORTED_FORMAT'],
    ['format contradicting Content-Type', CSV, { format: 'geojson' }, {}, 400, 'UNSUPPORTED_FORMAT'],
    ['an unknown crs', CSV, { crs: 'utm50n' }, {}, 400, 'INVALID_CRS'],
    ['no crs', CSV, { crs: '' }, {}, 400, 'INVALID_CRS'],
    ['a source with spaces', CSV, { source: 'my source' }, {}, 400, 'INVALID_SOURCE'],
    ["Kaimen's own seed source", CSV, { source: 'kaimen-curated' }, {}, 400, 'RESERVED_SOURCE'],
    ['an empty body', '', {}, {}, 400, 'EMPTY_FILE'],
    ['a header without rows', `${CSV.split('\r\n')[0]}\r\n\r\n`, {}, {}, 400, 'EMPTY_FILE'],
    ['GeoJSON that is not JSON', '{"type":', {}, { 'content-type': 'application/geo+json' }, 400, 'INVALID_GEOJSON'],
    ['JSON that is not a FeatureCollection', '[1]', {}, { 'content-type': 'application/json' }, 400, 'INVALID_GEOJSON'],
    [
      'a FeatureCollection without features',
      '{"type":"FeatureCollection","features":[]}',
      {},
      { 'content-type': 'application/geo+json' },
      400,
      'EMPTY_FILE',
    ],
    [
      'bytes that are not UTF-8',
      Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe]),
      {},
      {},
      400,
      'INVALID_ENCODING',
    ],
    [
      'a media type it does not read',
      '<xml/>',
      {},
      { 'content-type': 'application/xml' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ] as const)('refuses %s', async (_what, payload, query, headers, status, code) => {
    const res = await post(
      payload as string | Buffer,
      query as Record<string, string>,
      headers as Record<string, string>,
    );
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({ error: { code } });
  });
});

// The whole IMLS Museum Universe Data File (US federal data) through the service. PGlite only: the
// slower engine bounds the time, and once is enough. Imported under its own source tag: these are US
// museums and must never be shown as Chinese venues (all of them get adcode null).
describe('the 35,144 US museums (IMLS MUDF 2014 Q3) on pglite', () => {
  const FILE = fileURLToPath(
    new URL('../../../shared/data/us-museums/us_imls_museums_mudf_2014q3.csv', import.meta.url),
  );
  const US_SOURCE = 'imls-mudf-2014q3';
  const US_MAPPING = {
    name_zh: 'name',
    name_en: 'altname',
    lng: 'longitude',
    lat: 'latitude',
    address_zh: 'address',
    kinds: 'discipl',
    source_ref: 'mid',
    kinds_map: {
      ART: 'art_gallery',
      HSC: 'museum',
      HST: 'museum',
      GMU: 'museum',
      SCI: 'science_center',
      CMU: 'children_center',
      NAT: 'museum',
      BOT: 'park',
      ZAW: 'park',
    },
    defaults: { kinds: ['museum'] },
  };
  let database: Database;
  withTestDb('pglite', (opened) => (database = opened));

  it('imports every row: each one inserted, refused with a line and reason, or reported as a duplicate', async () => {
    const text = readFileSync(FILE, 'utf8');
    const { file, mapping } = prepareImport({
      format: 'csv',
      text,
      mapping: JSON.stringify(US_MAPPING),
      source: US_SOURCE,
    });
    const created = await createImportJob(database.db, {
      format: 'csv',
      crs: 'wgs84',
      source: US_SOURCE,
      dryRun: false,
      mapping: US_MAPPING,
    });
    const started = performance.now();
    const progress: number[] = [];
    const job = await runImport(database.db, created.id, file, {
      source: US_SOURCE,
      crs: 'wgs84',
      dryRun: false,
      mapping,
      onProgress: (counts) => progress.push(counts.processedRows),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[imports] US museums on pglite: ${job.totalRows} rows, ${job.inserted} inserted, ${job.updated} updated, ` +
        `${job.failedRows} failed, ${job.duplicates} duplicates in ${seconds.toFixed(1)} s ` +
        `(${Math.round(job.totalRows! / seconds)} rows/s)`,
    );

    expect(job).toMatchObject({ status: 'done', totalRows: 35_144, processedRows: 35_144 });
    expect(job.inserted + job.updated + job.failedRows + job.duplicates).toBe(35_144);
    // Progress was saved after every batch (500 rows; 50 on the embedded database, which yields between them).
    const size = batchSizeFor(database.db);
    expect(progress).toEqual(
      Array.from({ length: Math.ceil(35_144 / size) }, (_, i) => Math.min((i + 1) * size, 35_144)),
    );
    expect(job.inserted).toBeGreaterThan(34_000);
    const errors = await listImportErrors(database.db, { jobId: job.id, limit: 100_000 });
    expect(errors).toHaveLength(job.failedRows);
    for (const e of errors) {
      expect(e.line).toBeGreaterThanOrEqual(2);
      expect(e.line).toBeLessThanOrEqual(35_145);
      expect(e.reason.length).toBeGreaterThan(5);
    }
    const [loaded] = await database.db.select({ n: count() }).from(venues).where(eq(venues.source, US_SOURCE));
    expect(loaded!.n).toBe(job.inserted);
    const [withAdcode] = await database.db
      .select({ n: count() })
      .from(venues)
      .where(and(eq(venues.source, US_SOURCE), isNotNull(venues.adcode)));
    expect(withAdcode!.n).toBe(0);
  }, 240_000);
});
