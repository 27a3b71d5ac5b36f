import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { auditLog, outboxMessages, venues } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { buildClaim, buildPendingVenue, buildVenue, DONGCHENG, XICHENG } from '../support/factories.ts';
import { testEngines } from '../support/engines.ts';
import { injectAs, withTestApp } from '../support/http.ts';

/**
 * What the bureau console was missing (issue 11): a claimed venue read "未审核" with nothing to do about it,
 * so a bureau now marks a listed venue verified; the bureau's region was a code prefix, so it is now read
 * by name; and lifting a suspension now needs a note, kept in the audit log.
 */
describe.each(testEngines())('bureau verification, region and reinstatement notes on %s', (engine) => {
  let database: Database;
  let app: App;
  let beijing: TestActor;
  let dongcheng: TestActor;
  let xicheng: TestActor;
  let admin: TestActor;
  let manager: TestActor;

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    beijing = await createActor(database, { role: 'bureau', regionPrefix: '11' });
    dongcheng = await createActor(database, { role: 'bureau', regionPrefix: '110101' });
    xicheng = await createActor(database, { role: 'bureau', regionPrefix: '110102' });
    admin = await createActor(database, { role: 'admin' });
    manager = await createActor(database, { role: 'venue_manager' });
  });

  const as = (actor: TestActor | undefined, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    injectAs(app, actor, method, url, payload);
  const venueRow = async (id: string) => (await database.db.select().from(venues).where(eq(venues.id, id)))[0]!;
  const auditActions = async (id: string) =>
    (
      await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'venue'), eq(auditLog.entityId, id)))
        .orderBy(auditLog.id)
    ).map((e) => ({ action: e.action, after: e.after as Record<string, unknown> }));

  describe('GET /api/bureau/region', () => {
    it('names a province-level region in Chinese and English, a district by its province and itself', async () => {
      const region = async (actor: TestActor) => {
        const res = await as(actor, 'GET', '/api/bureau/region');
        expect(res.statusCode, res.body).toBe(200);
        return res.json();
      };
      expect(await region(beijing)).toEqual({ prefix: '11', name_zh: '北京市', name_en: 'Beijing' });
      expect(await region(dongcheng)).toEqual({ prefix: '110101', name_zh: '北京市 东城区', name_en: null });
      expect(await region(admin)).toEqual({ prefix: '', name_zh: null, name_en: null });
      // A prefix naming no division (here a made-up one) keeps its code and has no name.
      const nowhere = await createActor(database, { role: 'bureau', regionPrefix: '99' });
      expect(await region(nowhere)).toEqual({ prefix: '99', name_zh: null, name_en: null });
    });

    it('names a district under a prefecture by its province, city and itself (南山区 of 深圳市, 广东省)', async () => {
      const shenzhen = await createActor(database, { role: 'bureau', regionPrefix: '440305' });
      const res = await as(shenzhen, 'GET', '/api/bureau/region');
      expect(res.json()).toMatchObject({ name_zh: '广东省 深圳市 南山区' });
    });

    it('is for bureaus and admins only: 401 anonymous, 403 a venue manager', async () => {
      expect((await as(undefined, 'GET', '/api/bureau/region')).statusCode).toBe(401);
      expect((await as(manager, 'GET', '/api/bureau/region')).statusCode).toBe(403);
    });
  });

  describe('POST /api/bureau/venues/{id}/verify', () => {
    it('verifies a venue whose claim was approved: still published, audited, its new managers told', async () => {
      const venue = await buildVenue(database.db);
      const claimId = await buildClaim(database.db, venue.id, manager);
      expect((await as(dongcheng, 'POST', `/api/bureau/claims/${claimId}/approve`)).statusCode).toBe(200);
      expect(await venueRow(venue.id)).toMatchObject({ verificationStatus: 'unverified', status: 'published' });

      const res = await as(dongcheng, 'POST', `/api/bureau/venues/${venue.id}/verify`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: venue.id, status: 'published', verification_status: 'verified' });
      expect(await venueRow(venue.id)).toMatchObject({ verificationStatus: 'verified', status: 'published' });
      const actions = await auditActions(venue.id);
      expect(actions.map((a) => a.action)).toEqual(['venue.assign_organisation', 'venue.verify']);
      const told = await database.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.recipient, manager.user.email), eq(outboxMessages.topic, 'venue_reviewed')));
      expect(told.map((m) => m.data)).toContainEqual(
        expect.objectContaining({ venue_id: venue.id, outcome: 'verified' }),
      );
      // The bureau's oversight panel reads it verified.
      const detail = await as(dongcheng, 'GET', `/api/bureau/venues/${venue.id}`);
      expect(detail.json()).toMatchObject({ venue: { verification_status: 'verified' } });
    });

    it('refuses outside the region (403), a venue already verified or pending (409), an unknown one (404)', async () => {
      const venue = await buildVenue(database.db, { place: DONGCHENG });
      const outside = await as(xicheng, 'POST', `/api/bureau/venues/${venue.id}/verify`);
      expect(outside.statusCode).toBe(403);
      expect(outside.json()).toMatchObject({ error: { code: 'OUTSIDE_REGION' } });
      expect(await venueRow(venue.id)).toMatchObject({ verificationStatus: 'unverified' });

      expect((await as(beijing, 'POST', `/api/bureau/venues/${venue.id}/verify`)).statusCode).toBe(200);
      const again = await as(dongcheng, 'POST', `/api/bureau/venues/${venue.id}/verify`);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: { code: 'VENUE_NOT_UNVERIFIED' } });

      const pending = await buildPendingVenue(database.db, manager, { place: DONGCHENG });
      const notListed = await as(dongcheng, 'POST', `/api/bureau/venues/${pending.id}/verify`);
      expect(notListed.json()).toMatchObject({ error: { code: 'VENUE_NOT_UNVERIFIED' } });
      expect(await venueRow(pending.id)).toMatchObject({ verificationStatus: 'pending', status: 'draft' });

      const unknown = await as(dongcheng, 'POST', `/api/bureau/venues/${randomUUID()}/verify`);
      expect(unknown.statusCode).toBe(404);
      expect((await as(manager, 'POST', `/api/bureau/venues/${venue.id}/verify`)).statusCode).toBe(403);
    });

    it('lets an admin verify anywhere', async () => {
      const venue = await buildVenue(database.db, { place: XICHENG });
      expect((await as(admin, 'POST', `/api/bureau/venues/${venue.id}/verify`)).statusCode).toBe(200);
    });
  });

  describe('POST /api/venues/{id}/reinstate', () => {
    it('needs a note (400 INVALID_NOTE when missing or blank) and keeps it in the audit entry', async () => {
      const venue = await buildVenue(database.db, { status: 'suspended', reviewNote: '违规收费', place: DONGCHENG });
      for (const payload of [undefined, {}, { note: '' }, { note: '   ' }, { note: 'x'.repeat(1001) }]) {
        const res = await as(dongcheng, 'POST', `/api/venues/${venue.id}/reinstate`, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        if (payload) expect(res.json()).toMatchObject({ error: { code: 'INVALID_NOTE' } });
      }
      expect(await venueRow(venue.id)).toMatchObject({ status: 'suspended' });

      const res = await as(dongcheng, 'POST', `/api/venues/${venue.id}/reinstate`, { note: '  已整改，复查通过  ' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'published', review_note: null });
      const [entry] = await auditActions(venue.id);
      expect(entry).toMatchObject({
        action: 'venue.reinstate',
        after: { status: 'published', note: '已整改，复查通过' },
      });
    });
  });
});
