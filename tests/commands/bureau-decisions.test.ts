import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { outboxMessages, venueClaims, venues } from '../../db/schema/index.ts';
import { decideClaim, OTHER_CLAIM_APPROVED } from '../../server/commands/decide-claim.ts';
import { reviewVenue } from '../../server/commands/review-venue.ts';
import { setProgrammeSuspension } from '../../server/commands/suspend-programme.ts';
import { setVenueSuspension } from '../../server/commands/suspend-venue.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf, messagesTo } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildClaim, buildPendingVenue, buildProgramme, buildVenue, XICHENG } from '../support/factories.ts';

describe.each(testEngines())('bureau decisions as commands on %s', (engine) => {
  let database: Database;
  let dongcheng: TestActor;
  let manager: TestActor;
  let rival: TestActor;

  beforeAll(async () => {
    database = await openTestDb(engine);
    dongcheng = await createActor(database, { role: 'bureau', regionPrefix: '110101' });
    manager = await createActor(database, { role: 'venue_manager' });
    rival = await createActor(database, { role: 'venue_manager' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('reviewVenue publishes a pending venue, audits before and after, and tells its organisation', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildPendingVenue(tx, manager);
      const after = await reviewVenue(tx, actorOf(dongcheng), { venueId: venue.id, outcome: 'approved', reason: null });
      expect(after).toMatchObject({ status: 'published', verificationStatus: 'verified', reviewNote: null });
      const [entry] = await auditOf(tx, venue.id);
      expect(entry).toMatchObject({ action: 'venue.approve', actorId: dongcheng.user.id, adcode: '110101' });
      expect(entry!.before).toMatchObject({ verification_status: 'pending' });
      const [message] = await messagesTo(tx, manager.user.email);
      expect(message).toMatchObject({ topic: 'venue_reviewed', data: { venue_id: venue.id, outcome: 'approved' } });
      expect(message!.subject).toContain('已通过审核并公开');
    });
  });

  it('reviewVenue refuses a venue outside the region (OUTSIDE_REGION) and one already decided (VENUE_NOT_PENDING)', async () => {
    await rollback(database, async (tx) => {
      const elsewhere = await buildPendingVenue(tx, manager, { place: XICHENG });
      expect(
        await codeOf(reviewVenue(tx, actorOf(dongcheng), { venueId: elsewhere.id, outcome: 'approved', reason: null })),
      ).toBe('OUTSIDE_REGION');
      const listed = await buildVenue(tx);
      expect(
        await codeOf(reviewVenue(tx, actorOf(dongcheng), { venueId: listed.id, outcome: 'rejected', reason: '重复' })),
      ).toBe('VENUE_NOT_PENDING');
    });
  });

  it('decideClaim hands the venue over, rejects the rival claim and tells both claimants', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx);
      const mine = await buildClaim(tx, venue.id, manager);
      const theirs = await buildClaim(tx, venue.id, rival);
      const result = await decideClaim(tx, actorOf(dongcheng), { claimId: mine, outcome: 'approved', reason: null });
      expect(result.claim.status).toBe('approved');
      expect(result.rejected.map((c) => c.id)).toEqual([theirs]);
      const [row] = await tx.select().from(venues).where(eq(venues.id, venue.id));
      expect(row!.organisationId).toBe(manager.organisationId);
      const [rivalClaim] = await tx.select().from(venueClaims).where(eq(venueClaims.id, theirs));
      expect(rivalClaim).toMatchObject({ status: 'rejected', reason: OTHER_CLAIM_APPROVED });
      expect((await messagesTo(tx, manager.user.email)).map((m) => m.data)).toContainEqual(
        expect.objectContaining({ claim_id: mine, outcome: 'approved' }),
      );
      expect((await messagesTo(tx, rival.user.email)).map((m) => m.data)).toContainEqual(
        expect.objectContaining({ claim_id: theirs, outcome: 'rejected' }),
      );
      const actions = (await auditOf(tx, venue.id)).map((e) => e.action);
      expect(actions).toEqual(['venue.assign_organisation']);
      // A second decision on the same claim finds it decided.
      expect(
        await codeOf(decideClaim(tx, actorOf(dongcheng), { claimId: mine, outcome: 'rejected', reason: '再议' })),
      ).toBe('CLAIM_NOT_PENDING');
    });
  });

  it('setVenueSuspension hides a venue and reinstates it to where it was; a second suspension is ALREADY_SUSPENDED', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId!, verificationStatus: 'verified' });
      const suspend = (reason: string) =>
        setVenueSuspension(tx, actorOf(dongcheng), { venueId: venue.id, action: 'suspend', reason });
      const suspended = await suspend('以研学名义开展学科培训');
      expect(suspended).toMatchObject({ status: 'suspended', reviewNote: '以研学名义开展学科培训' });
      expect(await codeOf(suspend('再次'))).toBe('ALREADY_SUSPENDED');
      const reinstated = await setVenueSuspension(tx, actorOf(dongcheng), {
        venueId: venue.id,
        action: 'reinstate',
        note: '已整改，核查通过',
      });
      expect(reinstated).toMatchObject({ status: 'published', reviewNote: null });
      const topics = (await messagesTo(tx, manager.user.email)).map((m) => m.data as { outcome: string });
      // One transaction writes both (the same created_at): which comes first in the table is not theirs to say.
      expect(topics.map((d) => d.outcome).sort()).toEqual(['reinstated', 'suspended']);
    });
  });

  it("reinstating keeps the bureau's note in the audit entry and tells the venue; a venue not suspended is NOT_SUSPENDED", async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, {
        organisationId: manager.organisationId!,
        status: 'suspended',
        reviewNote: '违规收费',
      });
      const reinstate = () =>
        setVenueSuspension(tx, actorOf(dongcheng), {
          venueId: venue.id,
          action: 'reinstate',
          note: '已退还费用并整改',
        });
      expect(await reinstate()).toMatchObject({
        status: 'published',
        verificationStatus: 'unverified',
        reviewNote: null,
      });
      const [entry] = await auditOf(tx, venue.id);
      expect(entry).toMatchObject({ action: 'venue.reinstate', actorId: dongcheng.user.id, adcode: '110101' });
      expect(entry!.before).toMatchObject({ status: 'suspended', review_note: '违规收费' });
      expect(entry!.after).toMatchObject({ status: 'published', review_note: null, note: '已退还费用并整改' });
      const [message] = await messagesTo(tx, manager.user.email);
      expect(message).toMatchObject({ data: { outcome: 'reinstated', note: '已退还费用并整改' } });
      expect(message!.body).toContain('说明：已退还费用并整改');
      expect(message!.body).toContain('Note: 已退还费用并整改');
      expect(await codeOf(reinstate())).toBe('NOT_SUSPENDED');
    });
  });

  it('reviewVenue verifies a listed venue (after a claim, say) without changing its publication, audited as venue.verify', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const verify = (venueId: string, as = dongcheng) =>
        reviewVenue(tx, actorOf(as), { venueId, outcome: 'verified', reason: null });
      expect(await verify(venue.id)).toMatchObject({ status: 'published', verificationStatus: 'verified' });
      const [entry] = await auditOf(tx, venue.id);
      expect(entry).toMatchObject({ action: 'venue.verify', actorId: dongcheng.user.id, adcode: '110101' });
      expect(entry!.before).toMatchObject({ verification_status: 'unverified' });
      expect(entry!.after).toMatchObject({ verification_status: 'verified', status: 'published' });
      const [message] = await messagesTo(tx, manager.user.email);
      expect(message).toMatchObject({ topic: 'venue_reviewed', data: { venue_id: venue.id, outcome: 'verified' } });
      expect(message!.subject).toContain('已由教育局核实');
      // Once verified there is nothing left to verify; a pending venue is approved from the queue instead.
      expect(await codeOf(verify(venue.id))).toBe('VENUE_NOT_UNVERIFIED');
      expect(await codeOf(verify((await buildPendingVenue(tx, manager)).id))).toBe('VENUE_NOT_UNVERIFIED');
      // Outside the region: refused before anything changes.
      expect(await codeOf(verify((await buildVenue(tx, { place: XICHENG })).id))).toBe('OUTSIDE_REGION');
      // A suspended listed venue is verified and stays suspended, its reason kept.
      const suspended = await buildVenue(tx, { status: 'suspended', reviewNote: '违规' });
      expect(await verify(suspended.id)).toMatchObject({
        status: 'suspended',
        verificationStatus: 'verified',
        reviewNote: '违规',
      });
    });
  });

  it('setProgrammeSuspension suspends one programme of a venue in the region, and tells the venue why', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const programme = await buildProgramme(tx, { venueId: venue.id });
      const result = await setProgrammeSuspension(tx, actorOf(dongcheng), {
        programmeId: programme.id,
        action: 'suspend',
        reason: '收费学科类培训',
      });
      expect(result).toMatchObject({ status: 'suspended', reviewNote: '收费学科类培训' });
      const told = () =>
        tx
          .select()
          .from(outboxMessages)
          .where(and(eq(outboxMessages.recipient, manager.user.email), eq(outboxMessages.topic, 'programme_reviewed')));
      const [message] = await told();
      expect(message!.data).toMatchObject({ programme_id: programme.id, outcome: 'suspended' });

      // Lifted with a note: published again, the note told and audited.
      const back = await setProgrammeSuspension(tx, actorOf(dongcheng), {
        programmeId: programme.id,
        action: 'reinstate',
        note: '已改为免费活动',
      });
      expect(back).toMatchObject({ status: 'published', reviewNote: null });
      expect((await told()).map((m) => m.data)).toContainEqual(
        expect.objectContaining({ programme_id: programme.id, outcome: 'reinstated', note: '已改为免费活动' }),
      );
      const entries = await auditOf(tx, programme.id);
      expect(entries.map((e) => e.action)).toEqual(['programme.suspend', 'programme.reinstate']);
      expect(entries[1]!.after).toMatchObject({ status: 'published', note: '已改为免费活动' });
    });
  });
});
