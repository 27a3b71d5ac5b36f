/**
 * The waitlist on both engines (PRODUCT.md rule 4: freed places go to the waitlist in order before the
 * public): who may join, the order of offers, parties that do not fit, the green channel, accepting,
 * offers that lapse and move on, leaving, and a slot the venue cancels.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { waitlistEntryDetail } from '../../db/queries/waitlist.ts';
import { bookings, slots, waitlistEntries } from '../../db/schema/index.ts';
import { offerDeadline, OFFER_HOURS } from '../../domain/booking.ts';
import { acceptOffer } from '../../server/commands/accept-offer.ts';
import { cancelBooking } from '../../server/commands/cancel-booking.ts';
import { cancelSlot } from '../../server/commands/cancel-slot.ts';
import { createBooking } from '../../server/commands/create-booking.ts';
import { decideBooking } from '../../server/commands/decide-booking.ts';
import { joinWaitlist } from '../../server/commands/join-waitlist.ts';
import { leaveWaitlist } from '../../server/commands/leave-waitlist.ts';
import { presentWaitlistEntry } from '../../server/presenters/waitlist-entry.ts';
import type { BookingBody, WaitlistBody } from '../../server/schemas/booking-party.ts';
import { sweepLapsedOffers } from '../../server/services/waitlist-sweep.ts';
import { ApiError } from '../../server/errors.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf, messagesTo } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import {
  actorOf,
  buildBooking,
  buildSchool,
  buildSchoolMember,
  buildSlot,
  buildVenue,
  buildVerifiedSchool,
} from '../support/factories.ts';

const HOUR = 3_600_000;
/** A family of `places`: one adult, the rest children aged 6–12. */
const family = (places: number): WaitlistBody => ({
  kind: 'family',
  adults: 1,
  children_by_band: { '6-12': places - 1 },
});
const group = (schoolId: string, pupils: number, adults = 1): WaitlistBody => ({
  kind: 'group',
  school_id: schoolId,
  pupils,
  adults,
  grade: 4,
});

let current: Database;
const inTx = (tx: Db): Database => ({ ...current, db: tx });

/** The code a command throws, inside a savepoint so the test's transaction goes on as if it rolled back. */
async function refusal(tx: Db, work: (sp: Db) => Promise<unknown>): Promise<string> {
  try {
    await tx.transaction(async (sp) => {
      await work(sp);
    });
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  return 'no error';
}

describe.each(testEngines())('waitlist commands on %s', (engine) => {
  let database: Database;
  let manager: TestActor;
  let parents: TestActor[];

  beforeAll(async () => {
    database = await openTestDb(engine);
    current = database;
    manager = await createActor(database, { role: 'venue_manager' });
    parents = [];
    for (let i = 0; i < 6; i++) parents.push(await createActor(database, { role: 'parent' }));
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A published slot of the manager's venue, a week ahead, taking bookings without approval. */
  async function slotOf(tx: Db, overrides: Partial<typeof slots.$inferInsert> = {}) {
    const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
    return buildSlot(tx, { venueId: venue.id, approval: 'none', ...overrides });
  }

  /** A slot of `capacity` made full by family bookings of the given sizes (each by a new parent). */
  async function fullSlot(tx: Db, sizes: number[], overrides: Partial<typeof slots.$inferInsert> = {}) {
    const slot = await slotOf(tx, { capacity: sizes.reduce((a, b) => a + b, 0), ...overrides });
    const taken: { id: string; booker: TestActor }[] = [];
    for (const size of sizes) {
      const booker = await createActor(inTx(tx), { role: 'parent' });
      taken.push({ ...(await buildBooking(tx, slot.id, booker.user.id, { places: size })), booker });
    }
    return { slot, taken };
  }

  async function entryOf(tx: Db, id: string) {
    const [row] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, id));
    return row!;
  }
  async function bookingOf(tx: Db, id: string) {
    const [row] = await tx.select().from(bookings).where(eq(bookings.id, id));
    return row!;
  }
  async function heldIn(tx: Db, slotId: string) {
    return tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.slotId, slotId), eq(bookings.status, 'held')));
  }
  const lapse = (tx: Db, bookingId: string) =>
    tx.execute(sql`UPDATE bookings SET expires_at = now() - interval '1 minute' WHERE id = ${bookingId}`);

  it('joins only a full slot with an open waitlist, once per account, under the booking party rules', async () => {
    await rollback(database, async (tx) => {
      const roomy = await slotOf(tx, { capacity: 10 });
      expect(await codeOf(joinWaitlist(tx, actorOf(parents[0]!), { slotId: roomy.id, party: family(2) }))).toBe(
        'PLACES_AVAILABLE',
      );
      const closed = await fullSlot(tx, [4], { waitlistOpen: false });
      expect(await codeOf(joinWaitlist(tx, actorOf(parents[0]!), { slotId: closed.slot.id, party: family(2) }))).toBe(
        'WAITLIST_CLOSED',
      );

      const { slot, taken } = await fullSlot(tx, [3, 3]);
      const first = await joinWaitlist(tx, actorOf(parents[0]!), { slotId: slot.id, party: family(2) });
      const second = await joinWaitlist(tx, actorOf(parents[1]!), { slotId: slot.id, party: family(3) });
      expect(presentWaitlistEntry(first)).toMatchObject({ status: 'waiting', places: 2, position: 1, offer: null });
      expect(presentWaitlistEntry(second)).toMatchObject({ status: 'waiting', places: 3, position: 2 });
      const [joined] = await auditOf(tx, first.id);
      expect(joined).toMatchObject({ action: 'waitlist.join', actorId: parents[0]!.user.id });

      expect(await codeOf(joinWaitlist(tx, actorOf(parents[0]!), { slotId: slot.id, party: family(1) }))).toBe(
        'ALREADY_WAITLISTED',
      );
      const booker = actorOf(taken[0]!.booker);
      expect(await codeOf(joinWaitlist(tx, booker, { slotId: slot.id, party: family(1) }))).toBe('ALREADY_BOOKED');
      expect(await codeOf(joinWaitlist(tx, actorOf(parents[2]!), { slotId: slot.id, party: family(7) }))).toBe(
        'PARTY_TOO_LARGE',
      );
      const noAdult: WaitlistBody = { kind: 'family', adults: 0, children_by_band: { '0-5': 2 } };
      expect(await codeOf(joinWaitlist(tx, actorOf(parents[2]!), { slotId: slot.id, party: noAdult }))).toBe(
        'FAMILY_NEEDS_ADULT',
      );
      const school = await buildVerifiedSchool(tx);
      expect(
        await codeOf(joinWaitlist(tx, actorOf(parents[2]!), { slotId: slot.id, party: group(school.id, 3) })),
      ).toBe('GROUP_NEEDS_TEACHER');
      const big = await fullSlot(tx, [4], { maxFamilyParty: 10 });
      expect(await codeOf(joinWaitlist(tx, actorOf(parents[2]!), { slotId: big.slot.id, party: family(5) }))).toBe(
        'PARTY_EXCEEDS_SLOT',
      );
      // A full slot's SOLD_OUT still says the waitlist is open.
      const soldOut = await codeOf(
        createBooking(tx, actorOf(parents[3]!), { slot_id: slot.id, ...family(1) } as BookingBody).catch(
          (error: unknown) => {
            expect((error as ApiError).details).toMatchObject({ waitlist_open: true });
            throw error;
          },
        ),
      );
      expect(soldOut).toBe('SOLD_OUT');
    });
  });

  it('freed places go to the first entry that fits, in order; one that does not fit is skipped; the rest is public', async () => {
    await rollback(database, async (tx) => {
      const { slot, taken } = await fullSlot(tx, [2, 2]);
      const big = await joinWaitlist(tx, actorOf(parents[0]!), { slotId: slot.id, party: family(3) });
      const pair = await joinWaitlist(tx, actorOf(parents[1]!), { slotId: slot.id, party: family(2) });
      const single = await joinWaitlist(tx, actorOf(parents[2]!), { slotId: slot.id, party: family(1) });

      await cancelBooking(tx, actorOf(taken[0]!.booker), { bookingId: taken[0]!.id });
      // Two places free: the family of 3 does not fit, the family of 2 does.
      expect((await entryOf(tx, big.id)).status).toBe('waiting');
      const offered = await entryOf(tx, pair.id);
      expect(offered.status).toBe('offered');
      const held = await bookingOf(tx, offered.offerBookingId!);
      expect(held).toMatchObject({ status: 'held', places: 2, publicPlaces: 2, userId: parents[1]!.user.id });
      expect(held.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + OFFER_HOURS * HOUR + 60_000);
      const [message] = (await messagesTo(tx, parents[1]!.user.email)).filter((m) => m.topic === 'waitlist_offer');
      // The link leads to the booking's web page, where the offer is accepted; the data keeps the API path.
      expect(message!.body).toContain(`(/bookings/${held.id})`);
      expect(message!.data).toMatchObject({
        booking_id: held.id,
        accept_path: `/api/bookings/${held.id}/accept`,
        page_path: `/bookings/${held.id}`,
        code: held.code,
        calendar_path: `/api/bookings/${held.id}/calendar.ics?code=${held.code}`,
        expires_at: held.expiresAt!.toISOString(),
      });
      // The offer carries the booking's calendar file, as every booking message does.
      expect(message!.body).toContain(`/api/bookings/${held.id}/calendar.ics?code=${held.code}`);
      expect((await auditOf(tx, pair.id)).map((a) => a.action)).toEqual(['waitlist.join', 'waitlist.offer']);
      // Nothing is left for the public.
      expect(
        await codeOf(createBooking(tx, actorOf(parents[4]!), { slot_id: slot.id, ...family(1) } as BookingBody)),
      ).toBe('SOLD_OUT');

      await cancelBooking(tx, actorOf(taken[1]!.booker), { bookingId: taken[1]!.id });
      // Two more free: still too few for 3; the single takes one, and the last place is public.
      expect((await entryOf(tx, big.id)).status).toBe('waiting');
      expect((await entryOf(tx, single.id)).status).toBe('offered');
      const newcomer = await createBooking(tx, actorOf(parents[4]!), { slot_id: slot.id, ...family(1) } as BookingBody);
      expect(newcomer.status).toBe('confirmed');
      expect(presentWaitlistEntry((await waitlistEntryDetail(tx, big.id))!)).toMatchObject({
        status: 'waiting',
        position: 1,
      });
    });
  });

  it('group entries keep to the allocation: a verified school’s group takes allocation places before release, a family public ones only', async () => {
    await rollback(database, async (tx) => {
      const school = await buildVerifiedSchool(tx);
      const teacher = await createActor(inTx(tx), { role: 'teacher' });
      await buildSchoolMember(tx, school.id, teacher, { status: 'approved' });
      const unverified = await buildSchool(tx);
      const otherTeacher = await createActor(inTx(tx), { role: 'teacher' });
      await buildSchoolMember(tx, unverified.id, otherTeacher, { status: 'approved' });

      const slot = await slotOf(tx, {
        capacity: 10,
        schoolAllocation: 6,
        allocationReleaseAt: new Date(Date.now() + 48 * HOUR),
        groupsUsePublic: true,
      });
      const groupTeacher = await createActor(inTx(tx), { role: 'teacher' });
      await buildSchoolMember(tx, school.id, groupTeacher, { status: 'approved' });
      const classTrip = await buildBooking(tx, slot.id, groupTeacher.user.id, {
        kind: 'group',
        places: 6,
        schoolId: school.id,
      });
      await buildBooking(tx, slot.id, parents[5]!.user.id, { places: 4 });

      const fam = await joinWaitlist(tx, actorOf(parents[0]!), { slotId: slot.id, party: family(2) });
      const other = await joinWaitlist(tx, actorOf(otherTeacher), { slotId: slot.id, party: group(unverified.id, 3) });
      const green = await joinWaitlist(tx, actorOf(teacher), { slotId: slot.id, party: group(school.id, 3) });

      await cancelBooking(tx, actorOf(groupTeacher), { bookingId: classTrip.id });
      // Six allocation places free, none public: only the verified school's group may have them.
      expect((await entryOf(tx, fam.id)).status).toBe('waiting');
      expect((await entryOf(tx, other.id)).status).toBe('waiting');
      const offered = await entryOf(tx, green.id);
      expect(offered.status).toBe('offered');
      expect(await bookingOf(tx, offered.offerBookingId!)).toMatchObject({
        status: 'held',
        kind: 'group',
        schoolPlaces: 4,
        publicPlaces: 0,
        pupils: 3,
        grade: 4,
      });
      expect(await heldIn(tx, slot.id)).toHaveLength(1);
    });
  });

  it('accepting an offer confirms it (or sends it for approval); again answers the same; others and non-offers are refused', async () => {
    await rollback(database, async (tx) => {
      const { slot, taken } = await fullSlot(tx, [2, 2]);
      const entry = await joinWaitlist(tx, actorOf(parents[0]!), { slotId: slot.id, party: family(2) });
      await cancelBooking(tx, actorOf(taken[0]!.booker), { bookingId: taken[0]!.id });
      const offer = (await entryOf(tx, entry.id)).offerBookingId!;

      expect(await codeOf(acceptOffer(tx, actorOf(parents[1]!), { bookingId: offer }))).toBe('NOT_YOUR_BOOKING');
      const accepted = await acceptOffer(tx, actorOf(parents[0]!), { bookingId: offer });
      expect(accepted).toMatchObject({ status: 'confirmed', expiresAt: null, places: 2 });
      expect((await entryOf(tx, entry.id)).status).toBe('booked');
      expect((await auditOf(tx, offer)).map((a) => a.action)).toContain('booking.accept');
      expect((await messagesTo(tx, parents[0]!.user.email)).map((m) => m.topic)).toContain('booking_confirmed');
      const again = await acceptOffer(tx, actorOf(parents[0]!), { bookingId: offer });
      expect(again).toMatchObject({ id: offer, status: 'confirmed' });
      expect(await codeOf(acceptOffer(tx, actorOf(taken[1]!.booker), { bookingId: taken[1]!.id }))).toBe(
        'NOT_AN_OFFER',
      );

      const approving = await fullSlot(tx, [2], { approval: 'all' });
      const waiting = await joinWaitlist(tx, actorOf(parents[1]!), { slotId: approving.slot.id, party: family(2) });
      await cancelBooking(tx, actorOf(approving.taken[0]!.booker), { bookingId: approving.taken[0]!.id });
      const request = await acceptOffer(tx, actorOf(parents[1]!), {
        bookingId: (await entryOf(tx, waiting.id)).offerBookingId!,
      });
      expect(request.status).toBe('pending');
      expect(request.expiresAt).not.toBeNull();
      expect((await messagesTo(tx, manager.user.email)).map((m) => m.topic)).toContain('booking_request');
    });
  });

  it('an offer that lapses is refused when accepted, marked expired by the sweep, and its places go to the next entry', async () => {
    await rollback(database, async (tx) => {
      const { slot, taken } = await fullSlot(tx, [2, 2]);
      const first = await joinWaitlist(tx, actorOf(parents[0]!), { slotId: slot.id, party: family(2) });
      const next = await joinWaitlist(tx, actorOf(parents[1]!), { slotId: slot.id, party: family(2) });
      await cancelBooking(tx, actorOf(taken[0]!.booker), { bookingId: taken[0]!.id });
      const offer = (await entryOf(tx, first.id)).offerBookingId!;
      await lapse(tx, offer);

      expect(await refusal(tx, (sp) => acceptOffer(sp, actorOf(parents[0]!), { bookingId: offer }))).toBe(
        'OFFER_EXPIRED',
      );
      // Until the sweep runs, a newcomer still cannot take the lapsed offer's places: they go on first.
      expect(
        await refusal(tx, (sp) =>
          createBooking(sp, actorOf(parents[4]!), { slot_id: slot.id, ...family(1) } as BookingBody),
        ),
      ).toBe('SOLD_OUT');
      expect(presentWaitlistEntry((await waitlistEntryDetail(tx, first.id))!).status).toBe('expired');

      const swept = await sweepLapsedOffers(tx);
      expect(swept.expired).toBeGreaterThanOrEqual(1);
      expect(await bookingOf(tx, offer)).toMatchObject({ status: 'expired' });
      expect((await entryOf(tx, first.id)).status).toBe('expired');
      expect((await entryOf(tx, next.id)).status).toBe('offered');
      expect((await messagesTo(tx, parents[0]!.user.email)).map((m) => m.topic)).toContain('waitlist_offer_expired');
      expect((await auditOf(tx, first.id)).map((a) => a.action)).toContain('waitlist.offer_expire');
      // A second sweep finds nothing more to do for this slot.
      await sweepLapsedOffers(tx);
      expect(await heldIn(tx, slot.id)).toHaveLength(1);
    });
  });

  it('a declined or lapsed request frees its places to the waitlist too', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, { capacity: 4 });
      const requester = await createActor(inTx(tx), { role: 'parent' });
      const request = await buildBooking(tx, slot.id, requester.user.id, { places: 4, status: 'pending' });
      const entry = await joinWaitlist(tx, actorOf(parents[0]!), { slotId: slot.id, party: family(3) });
      await decideBooking(tx, actorOf(manager), { bookingId: request.id, outcome: 'declined', reason: '当天闭馆' });
      expect((await entryOf(tx, entry.id)).status).toBe('offered');

      const other = await slotOf(tx, { capacity: 2 });
      const lapsing = await buildBooking(tx, other.id, requester.user.id, { places: 2, status: 'pending' });
      const waiting = await joinWaitlist(tx, actorOf(parents[1]!), { slotId: other.id, party: family(2) });
      await lapse(tx, lapsing.id);
      await sweepLapsedOffers(tx);
      expect((await entryOf(tx, waiting.id)).status).toBe('offered');
    });
  });

  it('a released allocation: the sweep offers its unused places to the waiting families in order, within the hour after', async () => {
    await rollback(database, async (tx) => {
      // 6 places, 4 kept for schools until the release: the public's 2 are taken, two families of 2 wait.
      const release = new Date(Date.now() + 2 * HOUR);
      const { slot } = await fullSlot(tx, [2], { capacity: 6, schoolAllocation: 4, allocationReleaseAt: release });
      const first = await joinWaitlist(tx, actorOf(parents[0]!), { slotId: slot.id, party: family(2) });
      const second = await joinWaitlist(tx, actorOf(parents[1]!), { slotId: slot.id, party: family(2) });
      const third = await joinWaitlist(tx, actorOf(parents[2]!), { slotId: slot.id, party: family(2) });
      // Before the release the sweep leaves the slot alone.
      await sweepLapsedOffers(tx);
      expect((await entryOf(tx, first.id)).status).toBe('waiting');

      const releasedAt = sql`now() - interval '10 minutes'`;
      await tx.update(slots).set({ allocationReleaseAt: releasedAt }).where(eq(slots.id, slot.id));
      const swept = await sweepLapsedOffers(tx);
      expect(swept.offers).toBeGreaterThanOrEqual(2);
      expect((await entryOf(tx, first.id)).status).toBe('offered');
      expect((await entryOf(tx, second.id)).status).toBe('offered');
      expect((await entryOf(tx, third.id)).status).toBe('waiting');
      expect(await heldIn(tx, slot.id)).toHaveLength(2);

      // Released more than an hour ago (the sweep was not running then): left to the next command that settles it.
      const other = await fullSlot(tx, [2], { capacity: 4, schoolAllocation: 2, allocationReleaseAt: release });
      const waiting = await joinWaitlist(tx, actorOf(parents[3]!), { slotId: other.slot.id, party: family(2) });
      const longAgo = sql`now() - interval '2 hours'`;
      await tx.update(slots).set({ allocationReleaseAt: longAgo }).where(eq(slots.id, other.slot.id));
      await sweepLapsedOffers(tx);
      expect((await entryOf(tx, waiting.id)).status).toBe('waiting');
    });
  });

  it('leaving: a waiting entry leaves once; an offered one releases its places to the next; only its own account', async () => {
    await rollback(database, async (tx) => {
      const { slot, taken } = await fullSlot(tx, [2, 2]);
      const first = await joinWaitlist(tx, actorOf(parents[0]!), { slotId: slot.id, party: family(2) });
      const second = await joinWaitlist(tx, actorOf(parents[1]!), { slotId: slot.id, party: family(2) });
      const third = await joinWaitlist(tx, actorOf(parents[2]!), { slotId: slot.id, party: family(2) });

      expect(await codeOf(leaveWaitlist(tx, actorOf(parents[1]!), { entryId: first.id }))).toBe(
        'NOT_YOUR_WAITLIST_ENTRY',
      );
      expect((await leaveWaitlist(tx, actorOf(parents[1]!), { entryId: second.id })).status).toBe('left');
      expect(await codeOf(leaveWaitlist(tx, actorOf(parents[1]!), { entryId: second.id }))).toBe(
        'WAITLIST_ENTRY_NOT_LIVE',
      );

      await cancelBooking(tx, actorOf(taken[0]!.booker), { bookingId: taken[0]!.id });
      const offer = (await entryOf(tx, first.id)).offerBookingId!;
      await leaveWaitlist(tx, actorOf(parents[0]!), { entryId: first.id });
      expect(await bookingOf(tx, offer)).toMatchObject({ status: 'cancelled' });
      // The second left, so the third is next.
      const moved = await entryOf(tx, third.id);
      expect(moved.status).toBe('offered');

      // Cancelling the held booking declines the offer the same way.
      await cancelBooking(tx, actorOf(parents[2]!), { bookingId: moved.offerBookingId! });
      expect((await entryOf(tx, third.id)).status).toBe('left');
      expect(await heldIn(tx, slot.id)).toHaveLength(0);
    });
  });

  it('an offer is never held past the slot’s start nor the close of its booking window', async () => {
    const now = new Date('2026-05-01T00:00:00Z');
    const startsAt = new Date('2026-05-01T03:00:00Z');
    expect(offerDeadline(now, { startsAt, bookingClosesAt: null })).toEqual(startsAt);
    expect(offerDeadline(now, { startsAt, bookingClosesAt: new Date('2026-05-01T01:00:00Z') })).toEqual(
      new Date('2026-05-01T01:00:00Z'),
    );
    expect(offerDeadline(now, { startsAt: new Date('2026-05-03T00:00:00Z'), bookingClosesAt: null })).toEqual(
      new Date(now.getTime() + OFFER_HOURS * HOUR),
    );
    await rollback(database, async (tx) => {
      const soon = new Date(Date.now() + 2 * HOUR);
      const { slot, taken } = await fullSlot(tx, [2], { startsAt: soon, endsAt: new Date(soon.getTime() + HOUR) });
      const entry = await joinWaitlist(tx, actorOf(parents[0]!), { slotId: slot.id, party: family(2) });
      await cancelBooking(tx, actorOf(manager), { bookingId: taken[0]!.id, reason: '团体改期' });
      const held = await bookingOf(tx, (await entryOf(tx, entry.id)).offerBookingId!);
      expect(held.expiresAt!.getTime()).toBe(soon.getTime());
    });
  });

  it('a slot cancelled by the venue cancels its waitlist and tells whoever waited', async () => {
    await rollback(database, async (tx) => {
      const { slot, taken } = await fullSlot(tx, [2, 2]);
      const offered = await joinWaitlist(tx, actorOf(parents[0]!), { slotId: slot.id, party: family(2) });
      const waiting = await joinWaitlist(tx, actorOf(parents[1]!), { slotId: slot.id, party: family(2) });
      await cancelBooking(tx, actorOf(taken[0]!.booker), { bookingId: taken[0]!.id });
      const offer = (await entryOf(tx, offered.id)).offerBookingId!;

      await cancelSlot(tx, actorOf(manager), { slotId: slot.id, reason: '馆内维修' });
      expect((await entryOf(tx, offered.id)).status).toBe('cancelled');
      expect((await entryOf(tx, waiting.id)).status).toBe('cancelled');
      expect(await bookingOf(tx, offer)).toMatchObject({ status: 'slot_cancelled' });
      const toWaiting = (await messagesTo(tx, parents[1]!.user.email)).map((m) => m.topic);
      expect(toWaiting).toContain('waitlist_cancelled');
      const toOffered = (await messagesTo(tx, parents[0]!.user.email)).map((m) => m.topic);
      expect(toOffered).toContain('slot_cancelled');
      expect(toOffered).not.toContain('waitlist_cancelled');
      expect(await codeOf(joinWaitlist(tx, actorOf(parents[2]!), { slotId: slot.id, party: family(2) }))).toBe(
        'SLOT_NOT_BOOKABLE',
      );
    });
  });
});
