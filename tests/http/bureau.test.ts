import { VectorTile } from '@mapbox/vector-tile';
import { and, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { insertAuditEntry } from '../../db/queries/audit.ts';
import { VENUE_LAYER } from '../../db/queries/tiles.ts';
import { auditLog, outboxMessages, venueClaims, venues } from '../../db/schema/index.ts';
import { tileContaining } from '../../domain/tiles/tile-math.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import {
  buildClaim,
  buildPendingVenue,
  buildProgramme,
  buildSlot,
  buildVenue,
  DONGCHENG,
  XICHENG,
} from '../support/factories.ts';
import { testEngines } from '../support/engines.ts';
import { injectAs, withTestApp } from '../support/http.ts';

interface VenueReview {
  id: string;
  status: string;
  verification_status: string;
  review_note: string | null;
}
interface QueuedClaim {
  id: string;
  venue: { id: string };
  organisation: { id: string; name: string };
}
interface AuditEntry {
  id: number;
  action: string;
  entity_type: string;
  entity_id: string;
  adcode: string | null;
  actor: { id: string | null; role: string | null } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe.each(testEngines())('bureau console on %s', (engine) => {
  let database: Database;
  let app: App;
  let dongcheng: TestActor;
  let xicheng: TestActor;
  let city: TestActor;
  let admin: TestActor;
  let manager: TestActor;
  let rival: TestActor;
  let parent: TestActor;

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    dongcheng = await createActor(database, { role: 'bureau', regionPrefix: '110101' });
    xicheng = await createActor(database, { role: 'bureau', regionPrefix: '110102' });
    city = await createActor(database, { role: 'bureau', regionPrefix: '1101' });
    admin = await createActor(database, { role: 'admin' });
    manager = await createActor(database, { role: 'venue_manager' });
    rival = await createActor(database, { role: 'venue_manager' });
    parent = await createActor(database, { role: 'parent' });
  });

  const as = (actor: TestActor | undefined, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    injectAs(app, actor, method, url, payload);
  /** A venue the manager's organisation submitted for review, as the venue console would make it. */
  const pendingVenue = (place = DONGCHENG) => buildPendingVenue(database.db, manager, { place });
  /** A listed venue no organisation manages yet: what a claim is for. */
  const unmanagedVenue = (place = DONGCHENG) => buildVenue(database.db, { place });

  const venueRow = async (id: string) => (await database.db.select().from(venues).where(eq(venues.id, id)))[0]!;
  const messagesTo = (recipient: string, topic: string) =>
    database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, recipient), eq(outboxMessages.topic, topic)));
  const auditOf = (entityType: string, entityId: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
      .orderBy(auditLog.id);
  const searchIds = async (q: string) =>
    (await app.inject(`/api/venues?q=${encodeURIComponent(q)}`))
      .json<{ items: { id: string }[] }>()
      .items.map((v) => v.id);

  /** Venue ids in the z=14 point tile over a place, and the venue count of the z=10 cluster tile. */
  async function tileView(place: { lng: number; lat: number }) {
    const decode = async (z: number) => {
      const { x, y } = tileContaining(place.lng, place.lat, z);
      const res = await app.inject(`/api/tiles/venues/${z}/${x}/${y}.mvt`);
      expect(res.statusCode).toBeLessThan(300);
      if (res.rawPayload.length === 0) return [];
      const layer = new VectorTile(new PbfReader(res.rawPayload)).layers[VENUE_LAYER]!;
      return Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
    };
    const points = await decode(14);
    const clusters = await decode(10);
    return {
      ids: points.map((p) => String(p.id)),
      clustered: clusters.reduce((sum, p) => sum + Number(p.count), 0),
    };
  }

  /** A trigger that makes the outbox refuse one topic, so a write fails at its very end. */
  async function withFailingOutbox<T>(topic: string, fn: () => Promise<T>): Promise<T> {
    await database.db.execute(
      sql.raw(`CREATE OR REPLACE FUNCTION test_refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.topic = '${topic}' THEN RAISE EXCEPTION 'outbox refused (test)'; END IF; RETURN NEW; END $$`),
    );
    await database.db.execute(
      sql.raw(
        'CREATE TRIGGER test_refuse_outbox BEFORE INSERT ON outbox_messages FOR EACH ROW EXECUTE FUNCTION test_refuse_outbox()',
      ),
    );
    try {
      return await fn();
    } finally {
      await database.db.execute(sql.raw('DROP TRIGGER test_refuse_outbox ON outbox_messages'));
      await database.db.execute(sql.raw('DROP FUNCTION test_refuse_outbox()'));
    }
  }

  describe('the queue', () => {
    it('shows a bureau the pending venues and claims of its region only, oldest first; a city bureau and an admin see more', async () => {
      const first = await pendingVenue(DONGCHENG);
      const second = await pendingVenue(DONGCHENG);
      const west = await pendingVenue(XICHENG);
      const claimed = await unmanagedVenue(DONGCHENG);
      const claimId = await buildClaim(database.db, claimed.id, rival, '证明文件编号 A-1');

      const queue = async (actor: TestActor) => {
        const res = await as(actor, 'GET', '/api/bureau/queue');
        expect(res.statusCode, res.body).toBe(200);
        return res.json<{ venues: { id: string }[]; claims: QueuedClaim[] }>();
      };
      const mine = await queue(dongcheng);
      const ids = mine.venues.map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      expect(ids).not.toContain(west.id);
      const claim = mine.claims.find((c) => c.id === claimId)!;
      expect(claim).toMatchObject({
        venue: { id: claimed.id, name: claimed.name, adcode: '110101', managed: false },
        claimant: { id: rival.user.id, email: rival.user.email, display_name: rival.user.displayName },
        organisation: { id: rival.organisationId },
        evidence: '证明文件编号 A-1',
      });
      expect(claim.organisation.name).toMatch(/^Test organisation/);

      expect((await queue(xicheng)).venues.map((v) => v.id)).toEqual(expect.arrayContaining([west.id]));
      expect((await queue(xicheng)).venues.map((v) => v.id)).not.toContain(first.id);
      expect((await queue(xicheng)).claims.map((c) => c.id)).not.toContain(claimId);
      for (const wide of [city, admin]) {
        const all = await queue(wide);
        expect(all.venues.map((v) => v.id)).toEqual(expect.arrayContaining([first.id, second.id, west.id]));
        expect(all.claims.map((c) => c.id)).toContain(claimId);
      }
    });

    it('answers 401 without a session and 403 to a parent or a venue manager', async () => {
      expect((await as(undefined, 'GET', '/api/bureau/queue')).statusCode).toBe(401);
      for (const actor of [parent, manager]) {
        const res = await as(actor, 'GET', '/api/bureau/queue');
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      }
    });
  });

  describe('deciding new venues', () => {
    it('approves a pending venue: verified and published, in search and tiles at once, its organisation told, audited with before and after', async () => {
      const venue = await pendingVenue(DONGCHENG);
      expect(await searchIds(venue.name)).toEqual([]);
      const tilesBefore = await tileView(DONGCHENG);
      expect(tilesBefore.ids).not.toContain(venue.id);

      const res = await as(dongcheng, 'POST', `/api/bureau/venues/${venue.id}/approve`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<VenueReview>()).toMatchObject({
        status: 'published',
        verification_status: 'verified',
        review_note: null,
      });

      expect(await searchIds(venue.name)).toEqual([venue.id]);
      expect((await app.inject(`/api/venues/${venue.id}`)).statusCode).toBe(200);
      const tilesAfter = await tileView(DONGCHENG);
      expect(tilesAfter.ids).toContain(venue.id);
      expect(tilesAfter.clustered).toBe(tilesBefore.clustered + 1);

      const [message] = await messagesTo(manager.user.email, 'venue_reviewed');
      expect(message).toBeDefined();
      const notices = (await messagesTo(manager.user.email, 'venue_reviewed')).filter(
        (m) => (m.data as { venue_id: string }).venue_id === venue.id,
      );
      expect(notices).toHaveLength(1);
      expect(notices[0]!.data).toMatchObject({ outcome: 'approved' });

      const [entry] = await auditOf('venue', venue.id);
      expect(entry).toMatchObject({
        action: 'venue.approve',
        actorId: dongcheng.user.id,
        actorRole: 'bureau',
        adcode: '110101',
        before: { status: 'draft', verification_status: 'pending' },
        after: { status: 'published', verification_status: 'verified' },
      });
    });

    it('answers 409 VENUE_NOT_PENDING for a venue already decided, and 404 for an unknown one', async () => {
      const venue = await pendingVenue(DONGCHENG);
      expect((await as(dongcheng, 'POST', `/api/bureau/venues/${venue.id}/approve`)).statusCode).toBe(200);
      for (const path of ['approve', 'reject']) {
        const res = await as(dongcheng, 'POST', `/api/bureau/venues/${venue.id}/${path}`, { reason: 'again' });
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ error: { code: 'VENUE_NOT_PENDING' } });
      }
      const missing = await as(dongcheng, 'POST', `/api/bureau/venues/${randomUUID()}/approve`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ error: { code: 'VENUE_NOT_FOUND' } });
      const badId = await as(dongcheng, 'POST', '/api/bureau/venues/not-a-uuid/approve');
      expect(badId.statusCode).toBe(400);
      expect(badId.json()).toMatchObject({ error: { code: 'INVALID_ID' } });
    });

    it("refuses another district's bureau with 403 OUTSIDE_REGION; the city's bureau may decide", async () => {
      const venue = await pendingVenue(XICHENG);
      const refused = await as(dongcheng, 'POST', `/api/bureau/venues/${venue.id}/approve`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'OUTSIDE_REGION' } });
      expect((await venueRow(venue.id)).verificationStatus).toBe('pending');
      expect(await auditOf('venue', venue.id)).toHaveLength(0);
      const byCity = await as(city, 'POST', `/api/bureau/venues/${venue.id}/reject`, { reason: '地址无法核实' });
      expect(byCity.statusCode, byCity.body).toBe(200);
    });

    it('rejects with a reason: the venue stays an unlisted draft with the reason as its note', async () => {
      const venue = await pendingVenue(DONGCHENG);
      for (const [payload, code] of [
        [{}, 'INVALID_REASON'],
        [{ reason: '   ' }, 'INVALID_REASON'],
        [{ reason: 'x'.repeat(1001) }, 'INVALID_REASON'],
        [{ reason: 'ok', extra: 1 }, 'VALIDATION_FAILED'],
      ] as const) {
        const res = await as(dongcheng, 'POST', `/api/bureau/venues/${venue.id}/reject`, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json()).toMatchObject({ error: { code } });
      }
      const res = await as(dongcheng, 'POST', `/api/bureau/venues/${venue.id}/reject`, { reason: ' 名称与实际不符 ' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<VenueReview>()).toMatchObject({
        status: 'draft',
        verification_status: 'rejected',
        review_note: '名称与实际不符',
      });
      expect(await searchIds(venue.name)).toEqual([]);
      const notice = (await messagesTo(manager.user.email, 'venue_reviewed')).find(
        (m) => (m.data as { venue_id: string }).venue_id === venue.id,
      );
      expect(notice?.body).toContain('名称与实际不符');
    });

    it('a failed approval leaves nothing behind: still pending, no audit entry, no message', async () => {
      const venue = await pendingVenue(DONGCHENG);
      const res = await withFailingOutbox('venue_reviewed', () =>
        as(dongcheng, 'POST', `/api/bureau/venues/${venue.id}/approve`),
      );
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ error: { code: 'INTERNAL' } });
      expect(await venueRow(venue.id)).toMatchObject({ status: 'draft', verificationStatus: 'pending' });
      expect(await auditOf('venue', venue.id)).toHaveLength(0);
      expect(await searchIds(venue.name)).toEqual([]);
    });
  });

  describe('deciding claims', () => {
    it("approves a claim: the claimant's organisation manages the venue, rival claims are rejected, everyone is told", async () => {
      const venue = await unmanagedVenue(DONGCHENG);
      const winner = await createActor(database, { role: 'venue_manager' });
      const winning = await buildClaim(database.db, venue.id, winner);
      const losing = await buildClaim(database.db, venue.id, rival);

      const res = await as(dongcheng, 'POST', `/api/bureau/claims/${winning}/approve`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        id: winning,
        venue_id: venue.id,
        organisation_id: winner.organisationId,
        status: 'approved',
        rejected_claims: [losing],
      });
      expect((await venueRow(venue.id)).organisationId).toBe(winner.organisationId);
      const [lost] = await database.db.select().from(venueClaims).where(eq(venueClaims.id, losing));
      expect(lost).toMatchObject({
        status: 'rejected',
        reason: 'another claim was approved',
        decidedBy: dongcheng.user.id,
      });

      expect((await messagesTo(winner.user.email, 'claim_reviewed'))[0]?.data).toMatchObject({ outcome: 'approved' });
      expect(
        (await messagesTo(rival.user.email, 'claim_reviewed')).some(
          (m) => (m.data as { claim_id: string }).claim_id === losing,
        ),
      ).toBe(true);
      expect((await auditOf('claim', winning))[0]).toMatchObject({
        action: 'claim.approve',
        adcode: '110101',
        before: { status: 'pending' },
        after: { status: 'approved' },
      });
      expect((await auditOf('claim', losing))[0]).toMatchObject({
        action: 'claim.reject',
        after: { status: 'rejected' },
      });
      expect((await auditOf('venue', venue.id))[0]).toMatchObject({
        action: 'venue.assign_organisation',
        before: { organisation_id: null },
        after: { organisation_id: winner.organisationId },
      });

      const again = await as(dongcheng, 'POST', `/api/bureau/claims/${losing}/approve`);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: { code: 'CLAIM_NOT_PENDING' } });
    });

    it('two bureaus approving rival claims at once: exactly one wins, the other answers 409 CLAIM_NOT_PENDING', async () => {
      const venue = await unmanagedVenue(DONGCHENG);
      const claims = [await buildClaim(database.db, venue.id, rival), await buildClaim(database.db, venue.id, manager)];
      const answers = await Promise.all([
        as(dongcheng, 'POST', `/api/bureau/claims/${claims[0]}/approve`),
        as(city, 'POST', `/api/bureau/claims/${claims[1]}/approve`),
      ]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const winner = answers.findIndex((r) => r.statusCode === 200);
      const rows = await database.db.select().from(venueClaims).where(eq(venueClaims.venueId, venue.id));
      expect(rows.filter((c) => c.status === 'approved').map((c) => c.id)).toEqual([claims[winner]]);
      expect((await venueRow(venue.id)).organisationId).toBe([rival, manager][winner]!.organisationId);
    });

    it('rejects a claim with a reason; 404 CLAIM_NOT_FOUND, 403 OUTSIDE_REGION, 400 INVALID_REASON', async () => {
      const venue = await unmanagedVenue(XICHENG);
      const claim = await buildClaim(database.db, venue.id, rival);
      const outside = await as(dongcheng, 'POST', `/api/bureau/claims/${claim}/reject`, { reason: '证明不足' });
      expect(outside.statusCode).toBe(403);
      expect(outside.json()).toMatchObject({ error: { code: 'OUTSIDE_REGION' } });
      const blank = await as(xicheng, 'POST', `/api/bureau/claims/${claim}/reject`, { reason: '' });
      expect(blank.json()).toMatchObject({ error: { code: 'INVALID_REASON' } });
      const missing = await as(xicheng, 'POST', `/api/bureau/claims/${randomUUID()}/reject`, { reason: 'x' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ error: { code: 'CLAIM_NOT_FOUND' } });

      const res = await as(xicheng, 'POST', `/api/bureau/claims/${claim}/reject`, { reason: '证明不足' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'rejected', reason: '证明不足', rejected_claims: [] });
      expect((await venueRow(venue.id)).organisationId).toBeNull();
    });

    it('a failed claim approval leaves every claim pending and the venue unmanaged', async () => {
      const venue = await unmanagedVenue(DONGCHENG);
      const one = await buildClaim(database.db, venue.id, rival);
      const other = await buildClaim(database.db, venue.id, manager);
      const res = await withFailingOutbox('claim_reviewed', () =>
        as(dongcheng, 'POST', `/api/bureau/claims/${one}/approve`),
      );
      expect(res.statusCode).toBe(500);
      expect((await venueRow(venue.id)).organisationId).toBeNull();
      const claims = await database.db.select().from(venueClaims).where(eq(venueClaims.venueId, venue.id));
      expect(claims.map((c) => c.status)).toEqual(['pending', 'pending']);
      expect(await auditOf('claim', one)).toHaveLength(0);
      expect(await auditOf('claim', other)).toHaveLength(0);
    });
  });

  describe('designations', () => {
    it('records, refuses a duplicate, revokes and restores a title; the designation filter follows', async () => {
      const { id } = await buildVenue(database.db, {
        place: DONGCHENG,
        managedBy: manager,
        verificationStatus: 'verified',
      });
      const title = `测试示范基地${randomUUID().slice(0, 6)}`;
      const filtered = async () =>
        (await app.inject(`/api/venues?designation=${encodeURIComponent(title)}`))
          .json<{ items: { id: string }[] }>()
          .items.map((v) => v.id);

      const created = await as(dongcheng, 'POST', `/api/venues/${id}/designations`, {
        title: ` ${title} `,
        issuer: '东城区教委',
        level: 'district',
        year: 2023,
      });
      expect(created.statusCode, created.body).toBe(201);
      const designation = created.json<{ id: string; title: string; revoked: boolean }>();
      expect(designation).toMatchObject({ title, level: 'district', year: 2023, revoked: false });
      expect(await filtered()).toEqual([id]);

      const duplicate = await as(dongcheng, 'POST', `/api/venues/${id}/designations`, { title, level: 'city' });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toMatchObject({ error: { code: 'DESIGNATION_EXISTS' } });

      const revoked = await as(dongcheng, 'POST', `/api/designations/${designation.id}/revoke`, {
        reason: '复评未通过',
      });
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect(revoked.json()).toMatchObject({ revoked: true });
      expect(await filtered()).toEqual([]);
      const twice = await as(dongcheng, 'POST', `/api/designations/${designation.id}/revoke`, {});
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ error: { code: 'DESIGNATION_REVOKED' } });

      const restored = await as(admin, 'POST', `/api/venues/${id}/designations`, { title, level: 'city', year: 2025 });
      expect(restored.statusCode, restored.body).toBe(201);
      expect(restored.json()).toMatchObject({ id: designation.id, level: 'city', year: 2025, revoked: false });
      expect(await filtered()).toEqual([id]);

      const actions = (await auditOf('designation', designation.id)).map((e) => e.action);
      expect(actions).toEqual(['designation.create', 'designation.revoke', 'designation.restore']);
      expect((await auditOf('designation', designation.id))[1]).toMatchObject({
        adcode: '110101',
        before: { revoked: false },
        after: { revoked: true, reason: '复评未通过' },
      });
    });

    it('answers 4xx with stable codes for bad input, another region and unknown ids', async () => {
      const { id } = await buildVenue(database.db, {
        place: DONGCHENG,
        managedBy: manager,
        verificationStatus: 'verified',
      });
      const cases: [Record<string, unknown>, string][] = [
        [{ level: 'national' }, 'INVALID_TITLE'],
        [{ title: '  ', level: 'national' }, 'INVALID_TITLE'],
        [{ title: 'T', level: 'galactic' }, 'INVALID_LEVEL'],
        [{ title: 'T' }, 'INVALID_LEVEL'],
        [{ title: 'T', level: 'national', year: 1800 }, 'INVALID_YEAR'],
        [{ title: 'T', level: 'national', year: 'soon' }, 'INVALID_YEAR'],
        [{ title: 'T', level: 'national', issuer: '' }, 'INVALID_ISSUER'],
      ];
      for (const [payload, code] of cases) {
        const res = await as(dongcheng, 'POST', `/api/venues/${id}/designations`, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json()).toMatchObject({ error: { code } });
      }
      const outside = await as(xicheng, 'POST', `/api/venues/${id}/designations`, { title: 'T', level: 'national' });
      expect(outside.json()).toMatchObject({ error: { code: 'OUTSIDE_REGION' } });
      const manager403 = await as(manager, 'POST', `/api/venues/${id}/designations`, { title: 'T', level: 'national' });
      expect(manager403.statusCode).toBe(403);
      const unknownVenue = await as(admin, 'POST', `/api/venues/${randomUUID()}/designations`, {
        title: 'T',
        level: 'national',
      });
      expect(unknownVenue.json()).toMatchObject({ error: { code: 'VENUE_NOT_FOUND' } });
      const unknown = await as(admin, 'POST', `/api/designations/${randomUUID()}/revoke`, {});
      expect(unknown.json()).toMatchObject({ error: { code: 'DESIGNATION_NOT_FOUND' } });
      const badReason = await as(admin, 'POST', `/api/designations/${randomUUID()}/revoke`, { reason: ' ' });
      expect(badReason.json()).toMatchObject({ error: { code: 'INVALID_REASON' } });
    });
  });

  describe('suspension', () => {
    /** A verified venue with an open day and a programme, each with a slot next week. */
    async function venueWithSlots() {
      const venue = await buildVenue(database.db, {
        place: DONGCHENG,
        managedBy: manager,
        verificationStatus: 'verified',
      });
      const programme = await buildProgramme(database.db, { venueId: venue.id, titleZh: '周末研学营' });
      const startsAt = new Date(Date.now() + 5 * 86_400_000);
      const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
      await buildSlot(database.db, { venueId: venue.id, kind: 'open_day', startsAt, endsAt, capacity: 30 });
      const programmeSlot = { kind: 'programme', programmeId: programme.id, startsAt, endsAt, capacity: 20 };
      await buildSlot(database.db, { venueId: venue.id, ...programmeSlot });
      return { ...venue, programmeId: programme.id };
    }
    const slotKinds = async (url: string) =>
      (await app.inject(url)).json<{ items: { kind: string; venue: { id: string } }[] }>().items;
    const whatsOn = async (venueId: string) =>
      (await slotKinds(`/api/slots?near=${DONGCHENG.lng},${DONGCHENG.lat}&radius_m=50&limit=200`))
        .filter((s) => s.venue.id === venueId)
        .map((s) => s.kind)
        .sort();

    it("suspends a venue: gone from search, tiles and what's on at once; reinstated, it is back", async () => {
      const venue = await venueWithSlots();
      expect(await searchIds(venue.name)).toEqual([venue.id]);
      expect(await whatsOn(venue.id)).toEqual(['open_day', 'programme']);
      const before = await tileView(DONGCHENG);
      expect(before.ids).toContain(venue.id);

      const res = await as(dongcheng, 'POST', `/api/venues/${venue.id}/suspend`, { reason: '以研学名义开展学科培训' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<VenueReview>()).toMatchObject({ status: 'suspended', review_note: '以研学名义开展学科培训' });
      expect(await searchIds(venue.name)).toEqual([]);
      expect((await app.inject(`/api/venues/${venue.id}`)).statusCode).toBe(404);
      expect(await whatsOn(venue.id)).toEqual([]);
      const during = await tileView(DONGCHENG);
      expect(during.ids).not.toContain(venue.id);
      expect(during.clustered).toBe(before.clustered - 1);
      expect(
        (await messagesTo(manager.user.email, 'venue_reviewed')).some(
          (m) => (m.data as { venue_id: string; outcome: string }).venue_id === venue.id && m.body.includes('学科培训'),
        ),
      ).toBe(true);

      const twice = await as(dongcheng, 'POST', `/api/venues/${venue.id}/suspend`, { reason: 'again' });
      expect(twice.json()).toMatchObject({ error: { code: 'ALREADY_SUSPENDED' } });
      const outside = await as(xicheng, 'POST', `/api/venues/${venue.id}/reinstate`, { note: '已整改' });
      expect(outside.json()).toMatchObject({ error: { code: 'OUTSIDE_REGION' } });

      const back = await as(city, 'POST', `/api/venues/${venue.id}/reinstate`, { note: '已整改' });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json<VenueReview>()).toMatchObject({ status: 'published', review_note: null });
      expect(await searchIds(venue.name)).toEqual([venue.id]);
      expect(await whatsOn(venue.id)).toEqual(['open_day', 'programme']);
      expect((await tileView(DONGCHENG)).clustered).toBe(before.clustered);
      const notSuspended = await as(city, 'POST', `/api/venues/${venue.id}/reinstate`, { note: '已整改' });
      expect(notSuspended.statusCode).toBe(409);
      expect(notSuspended.json()).toMatchObject({ error: { code: 'NOT_SUSPENDED' } });
      expect((await auditOf('venue', venue.id)).map((e) => e.action)).toEqual(['venue.suspend', 'venue.reinstate']);
    });

    it('a reinstated venue that was never verified goes back to draft, not to the public', async () => {
      const venue = await buildPendingVenue(database.db, manager, { place: DONGCHENG, verificationStatus: 'rejected' });
      expect((await as(dongcheng, 'POST', `/api/venues/${venue.id}/suspend`, { reason: 'r' })).statusCode).toBe(200);
      const back = await as(dongcheng, 'POST', `/api/venues/${venue.id}/reinstate`, { note: '已整改' });
      expect(back.json<VenueReview>()).toMatchObject({ status: 'draft', review_note: null });
    });

    it("suspends a programme: its slots leave what's on and the venue's slots; the open day stays", async () => {
      const venue = await venueWithSlots();
      const venueSlots = async () => (await slotKinds(`/api/venues/${venue.id}/slots`)).map((s) => s.kind).sort();
      expect(await venueSlots()).toEqual(['open_day', 'programme']);

      const blank = await as(dongcheng, 'POST', `/api/programmes/${venue.programmeId}/suspend`, { reason: '' });
      expect(blank.json()).toMatchObject({ error: { code: 'INVALID_REASON' } });
      const outside = await as(xicheng, 'POST', `/api/programmes/${venue.programmeId}/suspend`, { reason: 'r' });
      expect(outside.json()).toMatchObject({ error: { code: 'OUTSIDE_REGION' } });
      const unknown = await as(dongcheng, 'POST', `/api/programmes/${randomUUID()}/suspend`, { reason: 'r' });
      expect(unknown.json()).toMatchObject({ error: { code: 'PROGRAMME_NOT_FOUND' } });

      const res = await as(dongcheng, 'POST', `/api/programmes/${venue.programmeId}/suspend`, {
        reason: '实为学科辅导',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: venue.programmeId, status: 'suspended', review_note: '实为学科辅导' });
      expect(await venueSlots()).toEqual(['open_day']);
      expect(await whatsOn(venue.id)).toEqual(['open_day']);
      expect((await messagesTo(manager.user.email, 'programme_reviewed')).length).toBeGreaterThan(0);

      const noNote = await as(dongcheng, 'POST', `/api/programmes/${venue.programmeId}/reinstate`, { note: ' ' });
      expect(noNote.json()).toMatchObject({ error: { code: 'INVALID_NOTE' } });
      const back = await as(dongcheng, 'POST', `/api/programmes/${venue.programmeId}/reinstate`, {
        note: '已改为免费科普活动',
      });
      expect(back.json()).toMatchObject({ status: 'published', review_note: null });
      expect(await whatsOn(venue.id)).toEqual(['open_day', 'programme']);
      expect((await auditOf('programme', venue.programmeId)).at(-1)!.after).toMatchObject({
        note: '已改为免费科普活动',
      });
      expect((await auditOf('programme', venue.programmeId)).map((e) => [e.action, e.adcode])).toEqual([
        ['programme.suspend', '110101'],
        ['programme.reinstate', '110101'],
      ]);
    });
  });

  describe('the audit log', () => {
    it('lists entries newest first with before and after, a page at a time; a bureau sees its region only', async () => {
      const east = await pendingVenue(DONGCHENG);
      const west = await pendingVenue(XICHENG);
      expect((await as(dongcheng, 'POST', `/api/venues/${east.id}/suspend`, { reason: 'one' })).statusCode).toBe(200);
      expect((await as(dongcheng, 'POST', `/api/venues/${east.id}/reinstate`, { note: '已整改' })).statusCode).toBe(
        200,
      );
      expect((await as(xicheng, 'POST', `/api/bureau/venues/${west.id}/approve`)).statusCode).toBe(200);

      const read = async (actor: TestActor, query: string) => {
        const res = await as(actor, 'GET', `/api/audit?${query}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json<{ items: AuditEntry[]; next_cursor: string | null }>();
      };
      const page1 = await read(dongcheng, `entity_type=venue&entity_id=${east.id}&limit=1`);
      expect(page1.items).toHaveLength(1);
      expect(page1.items[0]).toMatchObject({
        action: 'venue.reinstate',
        adcode: '110101',
        actor: { id: dongcheng.user.id, role: 'bureau' },
        before: { status: 'suspended', review_note: 'one' },
        after: { review_note: null, note: '已整改' },
      });
      const page2 = await read(dongcheng, `entity_type=venue&entity_id=${east.id}&limit=1&cursor=${page1.next_cursor}`);
      expect(page2.items.map((e) => e.action)).toEqual(['venue.suspend']);
      expect(page2.next_cursor).toBeNull();

      const eastView = await read(dongcheng, 'limit=200');
      expect(eastView.items.every((e) => e.adcode?.startsWith('110101'))).toBe(true);
      expect(eastView.items.some((e) => e.entity_id === west.id)).toBe(false);
      const ids = eastView.items.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect((await read(xicheng, `entity_id=${east.id}`)).items).toEqual([]);
      expect((await read(city, `entity_id=${west.id}`)).items.map((e) => e.action)).toEqual(['venue.approve']);
      // Entries with no district (sign-ups) are for admins only.
      const signUp = randomUUID();
      await insertAuditEntry(database.db, { action: 'user.register', entityType: 'user', entityId: signUp });
      expect((await read(admin, `entity_id=${signUp}`)).items).toMatchObject([{ adcode: null, actor: null }]);
      expect((await read(city, `entity_id=${signUp}`)).items).toEqual([]);
    });

    it('answers 4xx for bad parameters and a cursor from another query, 403 to other roles', async () => {
      const first = await as(admin, 'GET', '/api/audit?limit=1');
      const cursor = first.json<{ next_cursor: string }>().next_cursor;
      const cases: [string, string][] = [
        ['limit=0', 'INVALID_LIMIT'],
        ['limit=abc', 'INVALID_LIMIT'],
        ['entity_type=Venue%20X', 'INVALID_ENTITY_TYPE'],
        ['cursor=garbage', 'INVALID_CURSOR'],
        [`entity_type=venue&cursor=${cursor}`, 'INVALID_CURSOR'],
        ['what=1', 'VALIDATION_FAILED'],
      ];
      for (const [query, code] of cases) {
        const res = await as(admin, 'GET', `/api/audit?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json()).toMatchObject({ error: { code } });
      }
      // A bureau cannot replay an admin's cursor to page outside its region.
      const replay = await as(dongcheng, 'GET', `/api/audit?limit=1&cursor=${cursor}`);
      expect(replay.json()).toMatchObject({ error: { code: 'INVALID_CURSOR' } });
      expect((await as(manager, 'GET', '/api/audit')).statusCode).toBe(403);
      expect((await as(undefined, 'GET', '/api/audit')).statusCode).toBe(401);
    });
  });
});
