import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { buildDesignation, buildProgramme, buildVenue, XICHENG } from '../support/factories.ts';
import { testEngines } from '../support/engines.ts';
import { withTestApp } from '../support/http.ts';

describe.each(testEngines())('bureau oversight of its region on %s', (engine) => {
  let database: Database;
  let app: App;
  let bureau: TestActor;
  let elsewhere: TestActor;
  let suspendedId: string;

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    bureau = await createActor(database, { role: 'bureau', regionPrefix: '110101' });
    elsewhere = await createActor(database, { role: 'bureau', regionPrefix: '31' });
    suspendedId = (await buildVenue(database.db, { nameZh: '监管测试停业馆', status: 'suspended' })).id;
    await buildVenue(database.db, { nameZh: '监管测试草稿馆', status: 'draft' });
    await buildVenue(database.db, { nameZh: '监管测试邻区馆', place: XICHENG });
    await buildDesignation(database.db, { venueId: suspendedId, title: '市级研学基地', level: 'city' });
    const revokedAt = new Date();
    await buildDesignation(database.db, { venueId: suspendedId, title: '区级科普基地', level: 'district', revokedAt });
    await buildProgramme(database.db, {
      venueId: suspendedId,
      titleZh: '被暂停的课程',
      status: 'suspended',
      reviewNote: '学科培训',
    });
  });

  it('finds the region’s venues by name whatever their status, and none of another region', async () => {
    const res = await app.inject({
      url: `/api/bureau/venues?q=${encodeURIComponent('监管测试')}`,
      headers: bureau.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { name: string; status: string }[] }>().items;
    expect(items.map((v) => [v.name, v.status]).sort()).toEqual([
      ['监管测试停业馆', 'suspended'],
      ['监管测试草稿馆', 'draft'],
    ]);
    const other = await app.inject({
      url: `/api/bureau/venues?q=${encodeURIComponent('监管测试')}`,
      headers: elsewhere.headers,
    });
    expect(other.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('shows a venue with revoked designations and suspended programmes, to its region’s bureau only', async () => {
    const res = await app.inject({ url: `/api/bureau/venues/${suspendedId}`, headers: bureau.headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      venue: { status: string };
      designations: { title: string; revoked: boolean }[];
      programmes: { title: string; status: string; review_note: string }[];
    }>();
    expect(body.venue.status).toBe('suspended');
    expect(body.designations.map((d) => [d.title, d.revoked]).sort()).toEqual([
      ['区级科普基地', true],
      ['市级研学基地', false],
    ]);
    expect(body.programmes).toEqual([
      expect.objectContaining({ title: '被暂停的课程', status: 'suspended', review_note: '学科培训' }),
    ]);
    const other = await app.inject({ url: `/api/bureau/venues/${suspendedId}`, headers: elsewhere.headers });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: { code: 'OUTSIDE_REGION' } });
    const parent = await createActor(database, { role: 'parent' });
    expect((await app.inject({ url: `/api/bureau/venues/${suspendedId}`, headers: parent.headers })).statusCode).toBe(
      403,
    );
    expect((await app.inject({ url: `/api/bureau/venues/${suspendedId}` })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/bureau/venues/not-a-uuid', headers: bureau.headers })).statusCode).toBe(400);
  });
});
