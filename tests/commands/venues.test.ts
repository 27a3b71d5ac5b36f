import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { venueClaims, venueOpenIntervals, venues } from '../../db/schema/index.ts';
import { claimVenue } from '../../server/commands/claim-venue.ts';
import { CONSOLE_SOURCE, createVenue } from '../../server/commands/create-venue.ts';
import { updateVenue } from '../../server/commands/update-venue.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildVenue, DONGCHENG } from '../support/factories.ts';

/** A new venue as a manager fills in the console's form. */
const newVenue = (overrides: Record<string, unknown> = {}) => ({
  name_zh: ' 命令测试馆 ',
  kinds: ['museum' as const],
  lng: DONGCHENG.lng,
  lat: DONGCHENG.lat,
  ...overrides,
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
});
