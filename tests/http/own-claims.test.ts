import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { buildVenue } from '../support/factories.ts';
import { testEngines } from '../support/engines.ts';
import { injectAs, withTestApp } from '../support/http.ts';

interface OwnClaim {
  id: string;
  venue: { id: string; name: string; adcode: string | null };
  claimant: string;
  status: string;
  reason: string | null;
  created_at: string;
  decided_at: string | null;
}

/**
 * GET /api/manage/claims: after a claim, the venue console said "还没有场馆" and nothing of the claim
 * (issue 11). A manager now reads the claims of their organisation, waiting and decided.
 */
describe.each(testEngines())("a venue manager's claims on %s", (engine) => {
  let database: Database;
  let app: App;
  let manager: TestActor;
  let colleague: TestActor;
  let stranger: TestActor;
  let bureau: TestActor;

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    manager = await createActor(database, { role: 'venue_manager', name: '认领测试管理员' });
    colleague = await createActor(database, { role: 'venue_manager', organisationId: manager.organisationId! });
    stranger = await createActor(database, { role: 'venue_manager' });
    bureau = await createActor(database, { role: 'bureau', regionPrefix: '110101' });
  });

  const claims = async (actor: TestActor) => {
    const res = await injectAs(app, actor, 'GET', '/api/manage/claims');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    return res.json<{ items: OwnClaim[] }>().items;
  };
  const claim = async (actor: TestActor, venueId: string) => {
    const res = await injectAs(app, actor, 'POST', `/api/venues/${venueId}/claims`, { evidence: '馆长任命书' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  it('lists a claim as pending at once, for its claimant and their organisation, not for others', async () => {
    const venue = await buildVenue(database.db, { nameZh: '认领测试纪念馆' });
    const id = await claim(manager, venue.id);
    const mine = await claims(manager);
    expect(mine[0]).toMatchObject({
      id,
      venue: { id: venue.id, name: '认领测试纪念馆', adcode: '110101' },
      claimant: '认领测试管理员',
      status: 'pending',
      reason: null,
      decided_at: null,
    });
    expect((await claims(colleague)).map((c) => c.id)).toContain(id);
    expect((await claims(stranger)).map((c) => c.id)).not.toContain(id);
    // Their venue list stays empty until the bureau decides: the claims are what the console shows.
    const venues = await injectAs(app, manager, 'GET', '/api/manage/venues');
    expect(venues.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('shows the decision: approved (the venue is then theirs), or rejected with the reason, newest first', async () => {
    const approved = await buildVenue(database.db);
    const rejected = await buildVenue(database.db);
    const approvedId = await claim(stranger, approved.id);
    const rejectedId = await claim(stranger, rejected.id);
    expect((await injectAs(app, bureau, 'POST', `/api/bureau/claims/${approvedId}/approve`)).statusCode).toBe(200);
    const reject = await injectAs(app, bureau, 'POST', `/api/bureau/claims/${rejectedId}/reject`, {
      reason: '证明材料不足',
    });
    expect(reject.statusCode).toBe(200);

    const items = await claims(stranger);
    expect(items.map((c) => [c.id, c.status, c.reason])).toEqual([
      [rejectedId, 'rejected', '证明材料不足'],
      [approvedId, 'approved', null],
    ]);
    expect(items.every((c) => c.decided_at !== null)).toBe(true);
    const venues = await injectAs(app, stranger, 'GET', '/api/manage/venues');
    expect(venues.json<{ items: { id: string }[] }>().items.map((v) => v.id)).toEqual([approved.id]);
  });

  it('is for venue managers and admins: 401 anonymous, 403 a bureau; an admin without organisations sees none', async () => {
    expect((await injectAs(app, undefined, 'GET', '/api/manage/claims')).statusCode).toBe(401);
    expect((await injectAs(app, bureau, 'GET', '/api/manage/claims')).statusCode).toBe(403);
    const admin = await createActor(database, { role: 'admin' });
    expect(await claims(admin)).toEqual([]);
  });
});
