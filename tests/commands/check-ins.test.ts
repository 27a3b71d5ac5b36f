import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { bookings, slots } from '../../db/schema/index.ts';
import { newBookingCode } from '../../domain/booking.ts';
import { checkIn, correctArrivals, undoCheckIn } from '../../server/commands/check-in.ts';
import { ApiError } from '../../server/errors.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildBooking, buildSlot, buildVenue, buildVerifiedSchool, startedAgo } from '../support/factories.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 86_400_000;

/** The details of the ApiError a command throws. */
async function errorOf(work: Promise<unknown>): Promise<{ code: string; details: unknown }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, details: error.details };
    throw error;
  }
  return { code: 'no error', details: undefined };
}

describe.each(testEngines())('check-in commands on %s', (engine) => {
  let database: Database;
  let manager: TestActor;
  let colleague: TestActor;
  let stranger: TestActor;
  let admin: TestActor;
  let parent: TestActor;

  beforeAll(async () => {
    database = await openTestDb(engine);
    manager = await createActor(database, { role: 'venue_manager' });
    colleague = await createActor(database, { role: 'venue_manager', organisationId: manager.organisationId! });
    stranger = await createActor(database, { role: 'venue_manager' });
    admin = await createActor(database, { role: 'admin' });
    parent = await createActor(database, { role: 'parent' });
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A slot of the manager's organisation starting `startsIn` from now (ten minutes ago by default). */
  async function slotOf(tx: Db, startsIn = -10 * MINUTE, overrides: Partial<typeof slots.$inferInsert> = {}) {
    const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
    // A slot that started within the hour is today's, also just after midnight in Shanghai.
    const startsAt = startsIn < 0 && startsIn > -HOUR ? startedAgo(-startsIn) : new Date(Date.now() + startsIn);
    return buildSlot(tx, {
      venueId: venue.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      ...overrides,
    });
  }

  /** A confirmed family booking (1 adult, 2 children) of the parent, with a real code. */
  async function bookingIn(tx: Db, slotId: string, overrides: Partial<typeof bookings.$inferInsert> = {}) {
    return buildBooking(tx, slotId, parent.user.id, {
      code: newBookingCode(),
      places: 3,
      adults: 1,
      childrenByBand: { '0-5': 1, '6-12': 1 },
      ...overrides,
    });
  }

  it('checks a confirmed booking of today in once: the counts start as the party, audited; a second scan says when and who', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx);
      const booking = await bookingIn(tx, slot.id);
      const done = await checkIn(tx, actorOf(manager), { code: booking.code, venueId: slot.venueId });
      expect(done.booking).toMatchObject({ id: booking.id, arrivedAdults: 1, arrivedMinors: 2 });
      expect(done.booking.checkedInAt).toBeInstanceOf(Date);
      expect(done.checkedInBy).toEqual({ id: manager.user.id, name: manager.user.displayName });
      expect(done.undoUntil!.getTime() - done.booking.checkedInAt!.getTime()).toBe(5 * MINUTE);
      const [entry] = await auditOf(tx, booking.id);
      expect(entry).toMatchObject({ action: 'booking.check_in', actorId: manager.user.id, entityType: 'booking' });
      expect(entry!.after).toMatchObject({ arrived_adults: 1, arrived_minors: 2 });

      const again = await errorOf(checkIn(tx, actorOf(colleague), { code: booking.code }));
      expect(again).toEqual({
        code: 'ALREADY_CHECKED_IN',
        details: {
          checked_in_at: done.booking.checkedInAt!.toISOString(),
          checked_in_by: { id: manager.user.id, name: manager.user.displayName },
        },
      });
      expect(await auditOf(tx, booking.id)).toHaveLength(1);
    });
  });

  it('a group checks in with its pupils as the minors who came', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, -MINUTE, {
        schoolAllocation: 30,
        capacity: 40,
        allocationReleaseAt: new Date(Date.now() + DAY),
      });
      const school = await buildVerifiedSchool(tx);
      const teacher = await createActor({ ...database, db: tx }, { role: 'teacher', schoolId: school.id });
      const group = await buildBooking(tx, slot.id, teacher.user.id, {
        code: newBookingCode(),
        kind: 'group',
        schoolId: school.id,
        places: 28,
        adults: 3,
        grade: 4,
      });
      const done = await checkIn(tx, actorOf(admin), { code: group.code.toLowerCase() });
      expect(done.booking).toMatchObject({ arrivedAdults: 3, arrivedMinors: 25 });
    });
  });

  it('reads codes as people type them, and tells a code that is none from one nobody has', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx);
      const booking = await bookingIn(tx, slot.id, { code: 'ACEK3479' });
      expect(await codeOf(checkIn(tx, actorOf(manager), { code: 'ACEK3479X' }))).toBe('INVALID_BOOKING_CODE');
      expect(await codeOf(checkIn(tx, actorOf(manager), { code: 'ACEK3O79' }))).toBe('INVALID_BOOKING_CODE');
      expect(await codeOf(checkIn(tx, actorOf(manager), { code: 'ACEK3477' }))).toBe('BOOKING_CODE_NOT_FOUND');
      // Full-width, Cyrillic look-alikes, lower case, spaces and a dash: still this booking.
      const done = await checkIn(tx, actorOf(manager), { code: ' ａсеk-３４ 79 ' });
      expect(done.booking.id).toBe(booking.id);
    });
  });

  it('a code of another venue, of another day, or of a booking not confirmed says so, and checks nothing in', async () => {
    await rollback(database, async (tx) => {
      const here = await slotOf(tx);
      const there = await slotOf(tx);
      const elsewhere = await bookingIn(tx, there.id);
      const other = await errorOf(checkIn(tx, actorOf(manager), { code: elsewhere.code, venueId: here.venueId }));
      expect(other.code).toBe('CODE_OF_ANOTHER_VENUE');
      expect(other.details).toMatchObject({ venue: { id: there.venueId } });

      const tomorrow = await bookingIn(tx, (await slotOf(tx, DAY)).id);
      const yesterday = await bookingIn(tx, (await slotOf(tx, -DAY)).id);
      const notToday = await errorOf(checkIn(tx, actorOf(manager), { code: tomorrow.code }));
      expect(notToday.code).toBe('CODE_OF_ANOTHER_DAY');
      expect(notToday.details).toMatchObject({ starts_at: expect.any(String), today: expect.any(String) });
      expect(await codeOf(checkIn(tx, actorOf(manager), { code: yesterday.code }))).toBe('CODE_OF_ANOTHER_DAY');

      // One live booking per account and slot: each in a slot of its own.
      const pending = await bookingIn(tx, (await slotOf(tx)).id, { status: 'pending' });
      const cancelled = await bookingIn(tx, (await slotOf(tx)).id, { status: 'cancelled', cancelledAt: new Date() });
      const lapsed = await bookingIn(tx, (await slotOf(tx)).id, {
        status: 'pending',
        expiresAt: new Date(Date.now() - MINUTE),
      });
      for (const [booking, status] of [
        [pending, 'pending'],
        [cancelled, 'cancelled'],
        [lapsed, 'expired'],
      ] as const) {
        expect(await errorOf(checkIn(tx, actorOf(manager), { code: booking.code }))).toMatchObject({
          code: 'BOOKING_NOT_CONFIRMED',
          details: { status },
        });
      }
      const [row] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(bookings)
        .where(
          and(
            sql`${bookings.checkedInAt} IS NOT NULL`,
            inArray(
              bookings.id,
              [elsewhere, tomorrow, yesterday, pending, cancelled, lapsed].map((b) => b.id),
            ),
          ),
        );
      expect(row!.n).toBe(0);
    });
  });

  it("only the venue's managers (and admins) check in: another organisation's manager is refused", async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx);
      const booking = await bookingIn(tx, slot.id);
      expect(await codeOf(checkIn(tx, actorOf(stranger), { code: booking.code }))).toBe('NOT_YOUR_VENUE');
      expect(await codeOf(checkIn(tx, actorOf(stranger), { code: booking.code, venueId: slot.venueId }))).toBe(
        'NOT_YOUR_VENUE',
      );
      expect(await codeOf(checkIn(tx, actorOf(parent), { code: booking.code }))).toBe('NOT_YOUR_VENUE');
      const unknownVenue = '00000000-0000-4000-8000-000000000000';
      expect(await codeOf(checkIn(tx, actorOf(manager), { code: booking.code, venueId: unknownVenue }))).toBe(
        'VENUE_NOT_FOUND',
      );
      expect((await checkIn(tx, actorOf(colleague), { code: booking.code })).booking.checkedInAt).not.toBeNull();
    });
  });

  it('undo within five minutes lets the code in again; after five minutes, or with nothing to undo, it is refused', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx);
      const booking = await bookingIn(tx, slot.id);
      expect(await codeOf(undoCheckIn(tx, actorOf(manager), { bookingId: booking.id }))).toBe('NOT_CHECKED_IN');
      await checkIn(tx, actorOf(manager), { code: booking.code });
      expect(await codeOf(undoCheckIn(tx, actorOf(stranger), { bookingId: booking.id }))).toBe('NOT_YOUR_VENUE');
      const undone = await undoCheckIn(tx, actorOf(colleague), { bookingId: booking.id });
      expect(undone.booking).toMatchObject({ checkedInAt: null, arrivedAdults: null, arrivedMinors: null });
      expect(undone.checkedInBy).toBeNull();
      const entries = await auditOf(tx, booking.id);
      expect(entries.map((e) => e.action)).toEqual(['booking.check_in', 'booking.undo_check_in']);
      expect(entries[1]!.before).toMatchObject({ checked_in_by: manager.user.id, arrived_adults: 1 });

      await checkIn(tx, actorOf(manager), { code: booking.code });
      await tx
        .update(bookings)
        .set({ checkedInAt: sql`now() - interval '6 minutes'` })
        .where(eq(bookings.id, booking.id));
      const late = await errorOf(undoCheckIn(tx, actorOf(manager), { bookingId: booking.id }));
      expect(late.code).toBe('UNDO_WINDOW_CLOSED');
      expect(late.details).toMatchObject({ undo_until: expect.any(String) });
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(await codeOf(undoCheckIn(tx, actorOf(manager), { bookingId: unknown }))).toBe('BOOKING_NOT_FOUND');
    });
  });

  it('the counts at the door can be corrected while checked in, within the slot’s capacity, audited', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, -10 * MINUTE, { capacity: 12 });
      const booking = await bookingIn(tx, slot.id);
      const input = { bookingId: booking.id, arrivedAdults: 2 };
      expect(await codeOf(correctArrivals(tx, actorOf(manager), input))).toBe('NOT_CHECKED_IN');
      await checkIn(tx, actorOf(manager), { code: booking.code });
      expect(await codeOf(correctArrivals(tx, actorOf(manager), { bookingId: booking.id }))).toBe('EMPTY_PATCH');
      expect(await codeOf(correctArrivals(tx, actorOf(stranger), input))).toBe('NOT_YOUR_VENUE');
      const corrected = await correctArrivals(tx, actorOf(manager), input);
      expect(corrected.booking).toMatchObject({ arrivedAdults: 2, arrivedMinors: 2 });
      const again = await correctArrivals(tx, actorOf(manager), { bookingId: booking.id, arrivedMinors: 0 });
      expect(again.booking).toMatchObject({ arrivedAdults: 2, arrivedMinors: 0 });
      const tooMany = await errorOf(correctArrivals(tx, actorOf(manager), { ...input, arrivedMinors: 11 }));
      expect(tooMany).toEqual({ code: 'ARRIVED_TOO_MANY', details: { capacity: 12 } });
      const entries = await auditOf(tx, booking.id);
      expect(entries.map((e) => e.action)).toEqual([
        'booking.check_in',
        'booking.correct_arrivals',
        'booking.correct_arrivals',
      ]);
      expect(entries[1]).toMatchObject({
        before: { arrived_adults: 1, arrived_minors: 2 },
        after: { arrived_adults: 2, arrived_minors: 2 },
      });
    });
  });
});
