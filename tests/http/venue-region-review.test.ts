import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { DONGCHENG, XICHENG } from '../support/factories.ts';
import { testEngines } from '../support/engines.ts';
import { injectAs, withTestApp } from '../support/http.ts';

/**
 * Issue 13 row 3: a verified venue stayed verified through any edit, could be moved out of its bureau's
 * region (even while suspended) with an adcode never checked against the point, and the region it left
 * never saw the move in its audit log.
 */
describe.each(testEngines())('venue regions and review over HTTP on %s', (engine) => {
  let database: Database;
  let app: App;
  let manager: TestActor;
  let dongcheng: TestActor;
  let xicheng: TestActor;

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    manager = await createActor(database, { role: 'venue_manager' });
    dongcheng = await createActor(database, { role: 'bureau', regionPrefix: DONGCHENG.adcode });
    xicheng = await createActor(database, { role: 'bureau', regionPrefix: XICHENG.adcode });
  });

  const as = (actor: TestActor, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    injectAs(app, actor, method, url, payload);

  /** A venue created in the console and approved by Dongcheng's bureau: verified and published. */
  async function verifiedVenue(): Promise<string> {
    const created = await as(manager, 'POST', '/api/venues', {
      name_zh: '东城少年天文馆',
      kinds: ['science_center'],
      lng: DONGCHENG.lng,
      lat: DONGCHENG.lat,
      adcode: DONGCHENG.adcode,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const approved = await as(dongcheng, 'POST', `/api/bureau/venues/${id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    return id;
  }
  const auditActions = async (bureau: TestActor, id: string) => {
    const res = await as(bureau, 'GET', `/api/audit?entity_id=${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { action: string }[] }>().items.map((e) => e.action);
  };

  it('refuses a district the point does not lie in, on create and on edit (400 ADCODE_MISMATCH)', async () => {
    const create = await as(manager, 'POST', '/api/venues', {
      name_zh: '错区馆',
      kinds: ['museum'],
      lng: DONGCHENG.lng,
      lat: DONGCHENG.lat,
      adcode: '310101',
    });
    expect(create.statusCode).toBe(400);
    expect(create.json()).toMatchObject({ error: { code: 'ADCODE_MISMATCH' } });
    const id = await verifiedVenue();
    const edit = await as(manager, 'PATCH', `/api/venues/${id}`, { adcode: '310101' });
    expect(edit.statusCode).toBe(400);
    expect(edit.json()).toMatchObject({ error: { code: 'ADCODE_MISMATCH' } });
  });

  it('a verified venue moved into another district goes back to the new bureau; both bureaus see the audit entry', async () => {
    const id = await verifiedVenue();
    const moved = await as(manager, 'PATCH', `/api/venues/${id}`, { lng: XICHENG.lng, lat: XICHENG.lat });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ adcode: XICHENG.adcode, verification_status: 'pending' });

    expect(await auditActions(dongcheng, id)).toContain('venue.move_out');
    expect(await auditActions(xicheng, id)).toContain('venue.update');
    const queue = await as(xicheng, 'GET', '/api/bureau/queue');
    expect(queue.json<{ venues: { id: string }[] }>().venues.map((v) => v.id)).toContain(id);
    const approved = await as(xicheng, 'POST', `/api/bureau/venues/${id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ verification_status: 'verified', status: 'published' });
  });

  it('a verified venue renamed goes back to review; a suspended one cannot be moved (409 VENUE_SUSPENDED)', async () => {
    const id = await verifiedVenue();
    const renamed = await as(manager, 'PATCH', `/api/venues/${id}`, { name_zh: '东城少年星空馆' });
    expect(renamed.json()).toMatchObject({ verification_status: 'pending' });

    const suspended = await as(dongcheng, 'POST', `/api/venues/${id}/suspend`, { reason: '以研学名义开展学科培训' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const move = await as(manager, 'PATCH', `/api/venues/${id}`, { lng: XICHENG.lng, lat: XICHENG.lat });
    expect(move.statusCode).toBe(409);
    expect(move.json()).toMatchObject({ error: { code: 'VENUE_SUSPENDED' } });
    const after = await as(manager, 'GET', `/api/manage/venues/${id}`);
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json()).toMatchObject({ adcode: DONGCHENG.adcode, status: 'suspended' });
  });
});
