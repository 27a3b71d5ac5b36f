import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { venueClaims, venueOpenIntervals, venues } from '../../db/schema/index.ts';
import { claimVenue } from '../../server/commands/claim-venue.ts';
import { CONSOLE_SOURCE, createVenue } from '../../server/commands/create-venue.ts';
import { updateVenue } from '../../server/commands/update-venue.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf, messagesTo } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildPendingVenue, buildVenue, DONGCHENG, XICHENG } from '../support/factories.ts';

/** A new venue as a manager fills in the console's form. */
const newVenue = (overrides: Record<string, unknown> = {}) => ({
  name_zh: ' 命令测试馆 ',
  kinds: ['museum' as const],
  lng: DONGCHENG.lng,
  lat: DONGCHENG.lat,
  ...overrides,
});

/** A point `metres` east of another. */
const east = (from: { lng: number; lat: number }, metres: number) => ({
  lng: from.lng + metres / (111_320 * Math.cos((from.lat * Math.PI) / 180)),
  lat: from.lat,
});

describe.each(testEngines())('venue commands on %s', (engine) => {
  let database: Database;
  let manager: TestActor;
  let stranger: TestActor;
  let admin: TestActor;
  let parent: TestActor;

  beforeAll(async () => {
    database = await openTestDb(engine);
    manager = await createActor(database, { role: 'venue_manager' });
    stranger = await createActor(database, { role: 'venue_manager' });
    admin = await createActor(database, { role: 'admin' });
    parent = await createActor(database, { role: 'parent' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("createVenue makes a draft of the manager's organisation waiting for review, finds its district and audits it", async () => {
    await rollback(database, async (tx) => {
      const created = await createVenue(tx, actorOf(manager), newVenue({ opening_hours: 'Tu-Su 09:00-17:00' }));
      expect(created.venue).toMatchObject({
        nameZh: '命令测试馆',
        status: 'draft',
        verificationStatus: 'pending',
        organisationId: manager.organisationId,
        createdBy: manager.user.id,
        adcode: DONGCHENG.adcode,
        coordPrecision: 'high',
        source: CONSOLE_SOURCE,
        hoursKnown: true,
      });
      expect(created.venue.locationCheckedAt).not.toBeNull();
      const days = await tx.select().from(venueOpenIntervals).where(eq(venueOpenIntervals.venueId, created.venue.id));
      expect(days.length).toBeGreaterThan(0);
      const [entry] = await auditOf(tx, created.venue.id);
      expect(entry).toMatchObject({ action: 'venue.create', actorId: manager.user.id, adcode: DONGCHENG.adcode });
      expect(entry!.after).toMatchObject({
        name_zh: '命令测试馆',
        status: 'draft',
        organisation: { id: manager.organisationId },
      });
    });
  });

  it('createVenue stores a gcj02 point as WGS-84, and an admin creates a venue of no organisation', async () => {
    await rollback(database, async (tx) => {
      const created = await createVenue(tx, actorOf(admin), newVenue({ crs: 'gcj02' }));
      expect(created.venue).toMatchObject({ sourceCrs: 'gcj02', organisationId: null });
      // GCJ-02 is shifted by a few hundred metres in Beijing: the stored point moved back by as much.
      expect(Math.abs(created.lng - DONGCHENG.lng)).toBeGreaterThan(0.003);
      expect(Math.abs(created.lng - DONGCHENG.lng)).toBeLessThan(0.01);
    });
  });

  it('createVenue refuses a manager of no organisation (NO_ORGANISATION), an unknown adcode, bad hours and inverted ranges', async () => {
    await rollback(database, async (tx) => {
      const homeless = actorOf({ user: { ...parent.user, role: 'venue_manager', csrfToken: 'test' } });
      expect(await codeOf(createVenue(tx, homeless, newVenue()))).toBe('NO_ORGANISATION');
      const as = actorOf(manager);
      expect(await codeOf(createVenue(tx, as, newVenue({ adcode: '999999' })))).toBe('UNKNOWN_ADCODE');
      expect(await codeOf(createVenue(tx, as, newVenue({ opening_hours: 'sometimes' })))).toBe('INVALID_OPENING_HOURS');
      expect(await codeOf(createVenue(tx, as, newVenue({ age_min: 12, age_max: 6 })))).toBe('INVALID_RANGE');
      const made = await tx.select().from(venues).where(eq(venues.createdBy, manager.user.id));
      expect(made).toEqual([]);
    });
  });

  it('updateVenue writes the changes, marks a moved point checked and audits only the fields that changed', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId!, coordPrecision: 'low' });
      const changed = await updateVenue(tx, actorOf(manager), {
        venueId: venue.id,
        changes: { phone: '010-6511 6400', lng: DONGCHENG.lng + 0.001, lat: DONGCHENG.lat },
      });
      expect(changed.venue).toMatchObject({ phone: '010-6511 6400', coordPrecision: 'high', sourceCrs: 'wgs84' });
      expect(changed.venue.locationCheckedAt).not.toBeNull();
      const [entry] = await auditOf(tx, venue.id);
      expect(entry).toMatchObject({ action: 'venue.update', actorId: manager.user.id });
      expect(Object.keys(entry!.after as object).sort()).toEqual(
        ['coord_precision', 'lng', 'location_checked_at', 'phone'].sort(),
      );
      expect(entry!.before).toMatchObject({ phone: null, coord_precision: 'low' });
    });
  });

  it("updateVenue refuses another organisation's venue (NOT_YOUR_VENUE), a lone lng, an empty change and a range inverted against the record", async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId!, ageMin: 10 });
      const edit = (changes: Parameters<typeof updateVenue>[2]['changes'], as = manager) =>
        codeOf(updateVenue(tx, actorOf(as), { venueId: venue.id, changes }));
      expect(await edit({ phone: '010-1234 5678' }, stranger)).toBe('NOT_YOUR_VENUE');
      expect(await edit({ lng: 116.4 })).toBe('VALIDATION_FAILED');
      expect(await edit({ crs: 'gcj02' })).toBe('VALIDATION_FAILED');
      expect(await edit({})).toBe('EMPTY_PATCH');
      expect(await edit({ age_max: 8 })).toBe('INVALID_RANGE');
      expect(await auditOf(tx, venue.id)).toEqual([]);
    });
  });

  it('updateVenue: a verified venue moved more than 500 m goes back to review with a note, its people told; a short move does not', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { verificationStatus: 'verified', managedBy: manager });
      const nudged = await updateVenue(tx, actorOf(manager), { venueId: venue.id, changes: east(DONGCHENG, 120) });
      expect(nudged.venue).toMatchObject({
        verificationStatus: 'verified',
        adcode: DONGCHENG.adcode,
        reviewNote: null,
      });
      expect(await messagesTo(tx, manager.user.email)).toEqual([]);

      const moved = await updateVenue(tx, actorOf(manager), { venueId: venue.id, changes: east(DONGCHENG, 900) });
      expect(moved.venue).toMatchObject({ verificationStatus: 'pending', status: 'published' });
      expect(moved.venue.reviewNote).toMatch(/位置移动了 7\d\d 米.*the point moved 7\d\d m/);
      const [message] = await messagesTo(tx, manager.user.email);
      expect(message).toMatchObject({ topic: 'venue_reviewed' });
      expect(message!.data).toMatchObject({ venue_id: venue.id, outcome: 'returned' });
    });
  });

  it('updateVenue: a renamed verified venue goes back to review; an unverified one renamed stays as it was', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { verificationStatus: 'verified', managedBy: manager });
      const renamed = await updateVenue(tx, actorOf(manager), {
        venueId: venue.id,
        changes: { name_zh: '改名后的馆' },
      });
      expect(renamed.venue).toMatchObject({ verificationStatus: 'pending', nameZh: '改名后的馆' });
      expect(renamed.venue.reviewNote).toContain('the name changed');
      const plain = await buildVenue(tx, { managedBy: manager });
      const edited = await updateVenue(tx, actorOf(manager), { venueId: plain.id, changes: { name_zh: '另一个名字' } });
      expect(edited.venue).toMatchObject({ verificationStatus: 'unverified' });
    });
  });

  it('updateVenue into another district: back to review, audited under both districts; a district the point is not in is refused', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { verificationStatus: 'verified', managedBy: manager });
      const edit = (changes: Parameters<typeof updateVenue>[2]['changes']) =>
        codeOf(updateVenue(tx, actorOf(manager), { venueId: venue.id, changes }));
      expect(await edit({ adcode: '310101' })).toBe('ADCODE_MISMATCH');
      expect(await edit({ adcode: '999999' })).toBe('UNKNOWN_ADCODE');
      expect(await edit({ adcode: '310101', lng: XICHENG.lng, lat: XICHENG.lat })).toBe('ADCODE_MISMATCH');
      expect(await auditOf(tx, venue.id)).toEqual([]);

      const changed = await updateVenue(tx, actorOf(manager), {
        venueId: venue.id,
        changes: { adcode: XICHENG.adcode, lng: XICHENG.lng, lat: XICHENG.lat },
      });
      expect(changed.venue).toMatchObject({ adcode: XICHENG.adcode, verificationStatus: 'pending' });
      expect(changed.venue.reviewNote).toContain('the district changed');
      const entries = await auditOf(tx, venue.id);
      expect(entries.map((e) => [e.action, e.adcode]).sort()).toEqual([
        ['venue.move_out', DONGCHENG.adcode],
        ['venue.update', XICHENG.adcode],
      ]);
      expect(entries[0]!.after).toEqual(entries[1]!.after);
      expect(entries[0]!.after).toMatchObject({ adcode: XICHENG.adcode, verification_status: 'pending' });
    });
  });

  it('updateVenue: a point far outside the district takes the district the point lies in (Shanghai), never keeps the old one', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { managedBy: manager });
      const changed = await updateVenue(tx, actorOf(manager), {
        venueId: venue.id,
        changes: { lng: 121.47, lat: 31.23 },
      });
      expect(changed.venue.adcode).toMatch(/^31/);
      const entries = await auditOf(tx, venue.id);
      expect(entries.map((e) => e.adcode).sort()).toEqual([DONGCHENG.adcode, changed.venue.adcode].sort());
    });
  });

  it('updateVenue: a suspended venue cannot be moved nor change district (VENUE_SUSPENDED); other edits go through', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { status: 'suspended', reviewNote: '违规', managedBy: manager });
      const edit = (changes: Parameters<typeof updateVenue>[2]['changes']) =>
        codeOf(updateVenue(tx, actorOf(manager), { venueId: venue.id, changes }));
      expect(await edit(east(DONGCHENG, 50))).toBe('VENUE_SUSPENDED');
      expect(await edit({ adcode: XICHENG.adcode })).toBe('VENUE_SUSPENDED');
      const phoned = await updateVenue(tx, actorOf(manager), {
        venueId: venue.id,
        changes: { phone: '010-1234 5678' },
      });
      expect(phoned.venue).toMatchObject({ status: 'suspended', reviewNote: '违规', adcode: DONGCHENG.adcode });
    });
  });

  it('createVenue refuses an adcode the point does not lie in (ADCODE_MISMATCH)', async () => {
    await rollback(database, async (tx) => {
      expect(await codeOf(createVenue(tx, actorOf(manager), newVenue({ adcode: '310101' })))).toBe('ADCODE_MISMATCH');
    });
  });

  it('claimVenue records a pending claim for the organisation, once, and audits it', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx);
      const claim = await claimVenue(tx, actorOf(manager), { venueId: venue.id, evidence: ' 馆长任命书 ' });
      expect(claim).toMatchObject({
        status: 'pending',
        organisationId: manager.organisationId,
        evidence: '馆长任命书',
      });
      const [entry] = await auditOf(tx, claim.id);
      expect(entry).toMatchObject({ action: 'claim.create', entityType: 'venue_claim', adcode: DONGCHENG.adcode });
      expect(entry!.after).toEqual({
        venue_id: venue.id,
        organisation_id: manager.organisationId,
        evidence: '馆长任命书',
      });
      expect(await codeOf(claimVenue(tx, actorOf(manager), { venueId: venue.id, evidence: '再次' }))).toBe(
        'CLAIM_EXISTS',
      );
      const claims = await tx.select().from(venueClaims).where(eq(venueClaims.venueId, venue.id));
      expect(claims).toHaveLength(1);
    });
  });

  it('claimVenue refuses a venue the organisation runs (ALREADY_MANAGED) and one that does not exist (VENUE_NOT_FOUND)', async () => {
    await rollback(database, async (tx) => {
      const own = await buildVenue(tx, { organisationId: manager.organisationId! });
      expect(await codeOf(claimVenue(tx, actorOf(manager), { venueId: own.id, evidence: '本馆' }))).toBe(
        'ALREADY_MANAGED',
      );
      const missing = '00000000-0000-4000-8000-000000000000';
      expect(await codeOf(claimVenue(tx, actorOf(manager), { venueId: missing, evidence: '无' }))).toBe(
        'VENUE_NOT_FOUND',
      );
    });
  });
  it("claimVenue refuses another organisation's draft by its id (VENUE_NOT_FOUND) and writes no claim", async () => {
    await rollback(database, async (tx) => {
      // manager (organisation A) has a draft waiting for review; stranger (organisation B) knows its id.
      const draft = await buildPendingVenue(tx, manager);
      expect(await codeOf(claimVenue(tx, actorOf(stranger), { venueId: draft.id, evidence: '馆长任命书' }))).toBe(
        'VENUE_NOT_FOUND',
      );
      const suspended = await buildVenue(tx, { status: 'suspended' });
      expect(await codeOf(claimVenue(tx, actorOf(stranger), { venueId: suspended.id, evidence: '无' }))).toBe(
        'VENUE_NOT_FOUND',
      );
      for (const venue of [draft, suspended]) {
        expect(await tx.select().from(venueClaims).where(eq(venueClaims.venueId, venue.id))).toEqual([]);
      }
    });
  });

  it('claimVenue refuses a listed venue another organisation already runs (VENUE_ALREADY_MANAGED)', async () => {
    await rollback(database, async (tx) => {
      const theirs = await buildVenue(tx, { organisationId: manager.organisationId! });
      expect(await codeOf(claimVenue(tx, actorOf(stranger), { venueId: theirs.id, evidence: '本馆' }))).toBe(
        'VENUE_ALREADY_MANAGED',
      );
      expect(await tx.select().from(venueClaims).where(eq(venueClaims.venueId, theirs.id))).toEqual([]);
    });
  });
});
