import { and, count, eq, sql } from 'drizzle-orm';
import { batchSizeFor } from '../../server/services/import/job.ts';
import gcoordModule from 'gcoord';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { auditLog, importJobs, schoolMembers, schools } from '../../db/schema/index.ts';
import { greatCircleMetres } from '../../domain/geo.ts';
import type { App } from '../../server/app.ts';
import type { components } from '../../web/src/lib/api/schema.d.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { DONGCHENG, XICHENG } from '../support/factories.ts';
import { withTestApp } from '../support/http.ts';

/**
 * School imports (an official list) through HTTP on both engines: bad rows with their codes and lines,
 * duplicates of schools and of earlier rows, crs conversion, GeoJSON, progress, who may verify what
 * (an administrator anywhere, a bureau only in its region), who may follow a job, and bad requests.
 * Every school here is test data with made-up names.
 */

const gcoord = gcoordModule as unknown as typeof gcoordModule.default;
type Job = components['schemas']['ImportJob'];
const SOURCE = 'test-school-imports';

const MAPPING = {
  name: 'name',
  name_en: 'name_en',
  kind: 'kind',
  grades: 'grades',
  adcode: 'adcode',
  lng: 'lng',
  lat: 'lat',
  address_zh: 'address',
  pupil_count: 'pupils',
  contact_name: 'contact',
  contact_phone: 'phone',
  source_ref: 'ref',
};
const HEADER = 'name,name_en,kind,grades,adcode,lng,lat,address,pupils,contact,phone,ref';
const CSV = [
  HEADER,
  `开门测试小学,Kaimen Test Primary,小学,1-6,110101,${DONGCHENG.lng},${DONGCHENG.lat},东城区测试路 1 号,800,王老师,010-12345678,s-1`,
  ',No Name,小学,1-6,,116.41,39.93,,,,,s-2',
  '无坐标学校,,小学,,,,39.93,,,,,s-3',
  '太空学校,,spaceschool,,,116.41,39.93,,,,,s-4',
  '年级错学校,,primary,1-15,,116.41,39.93,,,,,s-5',
  '区划不明学校,,primary,,999999,116.41,39.93,,,,,s-6',
  '区划不符学校,,primary,,110101,121.47,31.23,,,,,s-7',
  '开门测试中学,,初级中学,,,121.47,31.23,,1200,,,s-8',
  'Kaimen Test School Alabama,,primary,"1,2,3",,-87.5037,33.2933,,,,,s-9',
  '学生数错学校,,primary,,,116.41,39.93,,many,,,s-10',
  ` 开门测试小学 ,,小学,,,${DONGCHENG.lng + 0.0002},${DONGCHENG.lat + 0.0001},,,,,s-11`,
  '另一个学校,,primary,,,116.35,39.95,,,,,s-1',
].join('\r\n');
const CSV_ERRORS = [
  { line: 3, code: 'NAME_REQUIRED', reason: 'the name (name) is empty' },
  { line: 4, code: 'COORDINATES_REQUIRED', reason: 'lng (lng) empty' },
  { line: 5, code: 'UNKNOWN_KIND' },
  { line: 6, code: 'INVALID_GRADES', reason: 'grades "1-15" go outside 0–12' },
  { line: 7, code: 'INVALID_VALUE', reason: 'adcode 999999 is not a known district' },
  { line: 8, code: 'INVALID_VALUE' },
  { line: 11, code: 'INVALID_NUMBER', reason: 'pupil_count "many" is not a whole number' },
  { line: 13, code: 'DUPLICATE_SOURCE_REF', reason: 'source_ref "s-1" is already used on line 2' },
];

describe.each(testEngines())('school imports on %s', (engine) => {
  let database: Database;
  let app: App;
  let admin: TestActor;
  let dongcheng: TestActor;
  let beijing: TestActor;
  let shanghai: TestActor;

  const as = (actor: TestActor | null) => (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(actor?.headers ?? {}), ...options.headers } });
  const importUrl = (query: Record<string, string>) =>
    `/api/imports/schools?${new URLSearchParams({ crs: 'wgs84', source: SOURCE, mapping: JSON.stringify(MAPPING), ...query })}`;
  const post = (
    actor: TestActor | null,
    payload: string | Buffer,
    query: Record<string, string> = {},
    headers: Record<string, string> = {},
  ) =>
    as(actor)({ method: 'POST', url: importUrl(query), headers: { 'content-type': 'text/csv', ...headers }, payload });
  /** Polls the job (as `actor`) until it has finished; every answer on the way must be consistent. */
  const finished = async (actor: TestActor, id: string): Promise<Job> => {
    for (let i = 0; i < 600; i++) {
      const res = await as(actor)({ url: `/api/imports/${id}` });
      expect(res.statusCode, res.body).toBe(200);
      const job = res.json<Job>();
      if (job.total_rows !== null) expect(job.processed_rows).toBeLessThanOrEqual(job.total_rows);
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} did not finish`);
  };
  const run = async (actor: TestActor, payload: string, query: Record<string, string> = {}, headers = {}) => {
    const res = await post(actor, payload, query, headers);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.headers.location).toBe(`/api/imports/${res.json<Job>().id}`);
    return finished(actor, res.json<Job>().id);
  };
  const list = async <T>(actor: TestActor, id: string, which: 'errors' | 'duplicates') => {
    const res = await as(actor)({ url: `/api/imports/${id}/${which}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: T[]; next_cursor: string | null }>().items;
  };
  const imported = (source = SOURCE) =>
    database.db
      .select({
        id: schools.id,
        name: schools.name,
        ref: schools.sourceRef,
        kind: schools.kind,
        grades: schools.grades,
        adcode: schools.adcode,
        crs: schools.sourceCrs,
        status: schools.verificationStatus,
        verifiedBy: schools.verifiedBy,
        createdBy: schools.createdBy,
        pupils: schools.pupilCount,
        contact: schools.contactName,
        lng: sql<number>`ST_X(${schools.location})`.mapWith(Number),
        lat: sql<number>`ST_Y(${schools.location})`.mapWith(Number),
      })
      .from(schools)
      .where(eq(schools.source, source))
      .orderBy(schools.sourceRef);

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    admin = await createActor(database, { role: 'admin' });
    dongcheng = await createActor(database, { role: 'bureau', regionPrefix: DONGCHENG.adcode });
    beijing = await createActor(database, { role: 'bureau', regionPrefix: '11' });
    shanghai = await createActor(database, { role: 'bureau', regionPrefix: '31' });
  });

  it("loads an administrator's good rows verified and lists each bad row with its line, code and reason", async () => {
    const job = await run(admin, CSV, { verify: 'true' });
    expect(job).toMatchObject({ entity: 'schools', verify: true, status: 'done', dry_run: false });
    expect(job).toMatchObject({ total_rows: 12, processed_rows: 12, inserted: 3, updated: 0 });
    expect(job).toMatchObject({ failed_rows: 8, duplicates: 1 });
    const errors = await list<{ line: number; code: string; reason: string }>(admin, job.id, 'errors');
    expect(errors).toMatchObject(CSV_ERRORS);
    expect(errors).toHaveLength(CSV_ERRORS.length);
    expect(errors[5]!.reason).toMatch(/^adcode 110101 does not agree with the point, which lies in 31\d{4}$/);

    const [primary, secondary, alabama] = await imported();
    expect(primary).toMatchObject({
      name: '开门测试小学',
      ref: 's-1',
      kind: 'primary',
      grades: [1, 2, 3, 4, 5, 6],
      adcode: DONGCHENG.adcode,
      crs: 'wgs84',
      status: 'verified',
      verifiedBy: admin.user.id,
      createdBy: admin.user.id,
      pupils: 800,
      contact: '王老师',
    });
    // The kind's usual grades when the file gives none; the district from the point.
    expect(secondary).toMatchObject({ ref: 's-8', kind: 'junior_secondary', grades: [7, 8, 9], status: 'verified' });
    expect(secondary!.adcode).toMatch(/^31\d{4}$/);
    // Abroad: no district, so it cannot be verified and stays pending.
    expect(alabama).toMatchObject({ ref: 's-9', grades: [1, 2, 3], adcode: null, status: 'pending' });
    // Imported schools have no admins until someone claims them.
    const [members] = await database.db
      .select({ n: count() })
      .from(schoolMembers)
      .where(eq(schoolMembers.schoolId, primary!.id));
    expect(members!.n).toBe(0);

    const duplicates = await list<Record<string, unknown>>(admin, job.id, 'duplicates');
    expect(duplicates).toEqual([
      {
        line: 12,
        name: '开门测试小学',
        existing_school_id: primary!.id,
        existing_venue_id: null,
        existing_line: 2,
        existing_name: '开门测试小学',
        distance_m: expect.any(Number),
      },
    ]);
    expect(duplicates[0]!.distance_m).toBeGreaterThan(10);
    expect(duplicates[0]!.distance_m).toBeLessThan(100);
  });

  it('importing the same list again updates its schools; another list naming one of them lists it as a duplicate', async () => {
    const before = await imported();
    const again = await run(admin, CSV);
    expect(again).toMatchObject({ status: 'done', verify: false, inserted: 0, updated: 3, failed_rows: 8 });
    expect((await imported()).map((s) => [s.id, s.ref, s.status])).toEqual(before.map((s) => [s.id, s.ref, s.status]));

    const other = await run(admin, CSV, { source: `${SOURCE}-other` });
    const duplicates = await list<{ line: number; existing_school_id: string | null }>(admin, other.id, 'duplicates');
    expect(duplicates.find((d) => d.line === 2)?.existing_school_id).toBe(before[0]!.id);
  });

  it('converts gcj02 points to WGS-84 and records the system they came in', async () => {
    const opera = { lng: 116.3834, lat: 39.9033 }; // by the Great Hall, WGS-84
    const [lng, lat] = gcoord.transform<[number, number]>([opera.lng, opera.lat], gcoord.WGS84, gcoord.GCJ02);
    expect(greatCircleMetres({ lng, lat }, opera)).toBeGreaterThan(300);
    const source = `${SOURCE}-gcj02`;
    const csv = `${HEADER}\n坐标测试小学,,primary,,,${lng.toFixed(7)},${lat.toFixed(7)},,,,,g-1\n`;
    const job = await run(admin, csv, { crs: 'gcj02', source });
    expect(job).toMatchObject({ status: 'done', crs: 'gcj02', inserted: 1 });
    const [school] = await imported(source);
    expect(school!.crs).toBe('gcj02');
    expect(greatCircleMetres(school!, opera)).toBeLessThan(10);
    expect(school!.adcode).toMatch(/^11\d{4}$/);
  });

  it('imports GeoJSON Point features, mapping Chinese property names, with bad features listed by index', async () => {
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [121.47, 31.23] },
          properties: { 学校名称: '开门测试幼儿园', 办学类型: '幼儿园', 学校标识码: 3101 },
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
        { type: 'Feature', geometry: { type: 'Point', coordinates: [121.4, 31.2] }, properties: { 学校名称: '' } },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [121.41, 31.21] },
          properties: { 学校名称: '开门测试完小', 办学类型: '完小', 学段: '1至6', 学校标识码: 3102 },
        },
      ],
    };
    const source = `${SOURCE}-geojson`;
    const mapping = JSON.stringify({
      name: '学校名称',
      kind: '办学类型',
      grades: '学段',
      source_ref: '学校标识码',
      kind_map: { 完小: 'primary' },
    });
    const job = await run(
      admin,
      JSON.stringify(geojson),
      { source, mapping },
      { 'content-type': 'application/geo+json' },
    );
    expect(job).toMatchObject({ status: 'done', format: 'geojson', total_rows: 4, processed_rows: 4, inserted: 2 });
    const errors = await list<{ line: number; code: string }>(admin, job.id, 'errors');
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [1, 'GEOMETRY_NOT_POINT'],
      [2, 'NAME_REQUIRED'],
    ]);
    const rows = await imported(source);
    expect(rows).toMatchObject([
      { name: '开门测试幼儿园', ref: '3101', kind: 'kindergarten', grades: [0], lng: 121.47, lat: 31.23 },
      { name: '开门测试完小', ref: '3102', kind: 'primary', grades: [1, 2, 3, 4, 5, 6] },
    ]);
  });

  it('a bureau verifies rows of its own region and has the others refused as OUTSIDE_REGION, loading none of them', async () => {
    const source = `${SOURCE}-dongcheng`;
    const csv = [
      HEADER,
      `东城测试小学,,primary,,110101,${DONGCHENG.lng},${DONGCHENG.lat},,,,,d-1`,
      `西城测试小学,,primary,,110102,${XICHENG.lng},${XICHENG.lat},,,,,d-2`,
      '上海测试小学,,primary,,,121.47,31.23,,,,,d-3',
      'Abroad Test School,,primary,,,-87.5,33.29,,,,,d-4',
    ].join('\n');
    const job = await run(dongcheng, csv, { source, verify: 'true' });
    expect(job).toMatchObject({ status: 'done', verify: true, inserted: 1, failed_rows: 3 });
    const errors = await list<{ line: number; code: string; reason: string }>(dongcheng, job.id, 'errors');
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'OUTSIDE_REGION'],
      [4, 'OUTSIDE_REGION'],
      [5, 'OUTSIDE_REGION'],
    ]);
    expect(errors[0]!.reason).toBe('the school lies in district 110102, outside your region (110101)');
    expect(await imported(source)).toMatchObject([
      { ref: 'd-1', status: 'verified', verifiedBy: dongcheng.user.id, adcode: '110101' },
    ]);
    // The audit entry is in the bureau's own region, so its log shows it.
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, job.id));
    expect(entry).toMatchObject({ action: 'import.create', actorId: dongcheng.user.id, adcode: '110101' });
    expect(entry!.after).toMatchObject({ entity: 'schools', verify: true, source });
  });

  it("a city bureau's rows without an adcode take the point's district; without verify they stay pending", async () => {
    const source = `${SOURCE}-beijing`;
    const csv = `${HEADER}\n北京测试小学,,primary,,,116.30,39.98,,,,,b-1\n`;
    expect(await run(beijing, csv, { source, verify: 'true' })).toMatchObject({ inserted: 1, failed_rows: 0 });
    const [verified] = await imported(source);
    expect(verified).toMatchObject({ status: 'verified', verifiedBy: beijing.user.id });
    expect(verified!.adcode).toMatch(/^11\d{4}$/);

    const pendingSource = `${SOURCE}-beijing-pending`;
    const pending = await run(beijing, csv.replace('北京测试小学', '北京待核小学'), { source: pendingSource });
    expect(pending).toMatchObject({ verify: false, inserted: 1 });
    expect(await imported(pendingSource)).toMatchObject([{ status: 'pending', verifiedBy: null }]);
  });

  it('a dry run counts what would happen and writes no school', async () => {
    const source = `${SOURCE}-dry`;
    const csv = CSV.replaceAll('开门测试', '试运行').replaceAll('Kaimen Test', 'Dry Run');
    const job = await run(admin, csv, { source, dry_run: 'true', verify: 'true' });
    expect(job).toMatchObject({ status: 'done', dry_run: true, inserted: 3, failed_rows: 8, duplicates: 1 });
    expect(await imported(source)).toEqual([]);
    const duplicates = await list<{ line: number; existing_school_id: string | null }>(admin, job.id, 'duplicates');
    expect(duplicates).toMatchObject([{ line: 12, existing_school_id: null, existing_line: 2 }]);
  });

  it('reports progress that only grows and reaches the total, batch by batch', async () => {
    const rows = Array.from(
      { length: 1_100 },
      (_, i) => `进度测试学校 ${i},,primary,,,${(100 + i * 0.01).toFixed(2)},30.5,,,,,p-${i}`,
    );
    const res = await post(admin, `${HEADER}\n${rows.join('\n')}\n`, { source: `${SOURCE}-progress` });
    expect(res.statusCode, res.body).toBe(202);
    const seen: number[] = [];
    let job: Job;
    do {
      job = (await as(admin)({ url: `/api/imports/${res.json<Job>().id}` })).json<Job>();
      seen.push(job.processed_rows);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } while (job.status === 'queued' || job.status === 'running');
    expect(job).toMatchObject({ status: 'done', total_rows: 1_100, processed_rows: 1_100, inserted: 1_100 });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const size = batchSizeFor(database.db);
    expect(seen.every((n) => n === 1_100 || n % size === 0)).toBe(true);
  });

  it('a job is followed by its creator and administrators: another bureau gets 403, anonymous 401', async () => {
    const csv = `${HEADER}\n跟踪测试小学,,primary,,110101,${DONGCHENG.lng},${DONGCHENG.lat},,,,,f-1\n`;
    const job = await run(dongcheng, csv, { source: `${SOURCE}-follow`, dry_run: 'true' });
    for (const path of ['', '/errors', '/duplicates']) {
      const url = `/api/imports/${job.id}${path}`;
      expect((await as(dongcheng)({ url })).statusCode).toBe(200);
      expect((await as(admin)({ url })).statusCode).toBe(200);
      const other = await as(shanghai)({ url });
      expect(other.statusCode).toBe(403);
      expect(other.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect((await as(null)({ url })).statusCode).toBe(401);
    }
    // A bureau may not follow an administrator's imports either (venue imports included).
    const admins = await run(admin, csv.replace('f-1', 'f-2'), { source: `${SOURCE}-follow-admin`, dry_run: 'true' });
    expect((await as(dongcheng)({ url: `/api/imports/${admins.id}` })).statusCode).toBe(403);

    const parent = await createActor(database, { role: 'parent' });
    const refused = await post(parent, csv);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await post(null, csv)).statusCode).toBe(401);
  });

  it.each([
    ['no mapping', CSV, { mapping: '' }, {}, 400, 'INVALID_MAPPING'],
    ['a mapping without the name', CSV, { mapping: '{"lng":"lng","lat":"lat"}' }, {}, 400, 'INVALID_MAPPING'],
    ['a venue field', CSV, { mapping: JSON.stringify({ ...MAPPING, kinds: 'kind' }) }, {}, 400, 'INVALID_MAPPING'],
    [
      'a column not in the header',
      CSV,
      { mapping: JSON.stringify({ ...MAPPING, contact_email: 'mail' }) },
      {},
      400,
      'INVALID_MAPPING',
    ],
    [
      'a kind_map to no kind',
      CSV,
      { mapping: JSON.stringify({ ...MAPPING, kind_map: { 完小: 'x' } }) },
      {},
      400,
      'INVALID_MAPPING',
    ],
    [
      'an unknown default kind',
      CSV,
      { mapping: JSON.stringify({ ...MAPPING, defaults: { kind: 'x' } }) },
      {},
      400,
      'INVALID_MAPPING',
    ],
    ['a bad verify', CSV, { verify: 'yes' }, {}, 400, undefined],
    ['an unknown crs', CSV, { crs: 'utm50n' }, {}, 400, 'INVALID_CRS'],
    ['a source with spaces', CSV, { source: 'my source' }, {}, 400, 'INVALID_SOURCE'],
    ["the console's own source", CSV, { source: 'kaimen-console' }, {}, 400, 'RESERVED_SOURCE'],
    ['an empty body', '', {}, {}, 400, 'EMPTY_FILE'],
    ['GeoJSON that is not JSON', '{"type":', {}, { 'content-type': 'application/geo+json' }, 400, 'INVALID_GEOJSON'],
    ['format contradicting Content-Type', CSV, { format: 'geojson' }, {}, 400, 'UNSUPPORTED_FORMAT'],
    [
      'a media type it does not read',
      '<xml/>',
      {},
      { 'content-type': 'application/xml' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ] as const)('refuses %s with a 4xx and starts no job', async (_what, payload, query, headers, status, code) => {
    const jobs = async () => (await database.db.select({ n: count() }).from(importJobs))[0]!.n;
    const before = await jobs();
    const res = await post(admin, payload, query as Record<string, string>, headers as Record<string, string>);
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect(res.json()).toMatchObject({ error: { code } });
    else expect(res.json<{ error: { code: string } }>().error.code).toMatch(/^[A-Z_]+$/);
    expect(await jobs()).toBe(before);
  });

  it('counts verified imported schools only where the table allows: every verified one has a point and district', async () => {
    const [bad] = await database.db
      .select({ n: count() })
      .from(schools)
      .where(
        and(
          eq(schools.verificationStatus, 'verified'),
          sql`(${schools.location} IS NULL OR ${schools.adcode} IS NULL)`,
        ),
      );
    expect(bad!.n).toBe(0);
  });
});
