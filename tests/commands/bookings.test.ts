import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { bookings, slots } from '../../db/schema/index.ts';
import { cancelBooking } from '../../server/commands/cancel-booking.ts';
import { createBooking } from '../../server/commands/create-booking.ts';
import { decideBooking } from '../../server/commands/decide-booking.ts';
import { presentBooking } from '../../server/presenters/booking.ts';
import type { BookingBody } from '../../server/schemas/booking-party.ts';
import { sqlState } from '../../server/services/import/db-errors.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf, messagesTo } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import {
  actorOf,
  buildBooking,
  buildProgramme,
  buildSchool,
  buildSchoolMember,
  buildSlot,
  buildVenue,
  buildVerifiedSchool,
} from '../support/factories.ts';

const HOUR = 3_600_000;
const family = (slotId: string, adults = 1, children = 1): BookingBody => ({
  slot_id: slotId,
  kind: 'family',
  adults,
  children_by_band: { '6-12': children },
});
const group = (slotId: string, schoolId: string, pupils: number, adults = 2, grade = 4): BookingBody => ({
  slot_id: slotId,
  kind: 'group',
  school_id: schoolId,
  pupils,
  adults,
  grade,
  access_needs: ['wheelchair'],
  note: '乘大巴到达',
});

/** The test database seen through a transaction: PGlite has one connection, held by the transaction. */
let current: Database;
const inTx = (tx: Db): Database => ({ ...current, db: tx });

/** The SQLSTATE a piece of work fails with, inside a savepoint so the test's transaction goes on. */
async function stateOf(tx: Db, work: (sp: Db) => Promise<unknown>): Promise<string | undefined> {
  try {
    await tx.transaction(async (sp) => {
      await work(sp);
    });
  } catch (error) {
    return sqlState(error) ?? String(error);
  }
  return undefined;
}

describe.each(testEngines())('booking commands on %s', (engine) => {
  let database: Database;
  let manager: TestActor;
  let stranger: TestActor;
  let parent: TestActor;
  let parent2: TestActor;

  beforeAll(async () => {
    database = await openTestDb(engine);
    current = database;
    manager = await createActor(database, { role: 'venue_manager' });
    stranger = await createActor(database, { role: 'venue_manager' });
    parent = await createActor(database, { role: 'parent' });
    parent2 = await createActor(database, { role: 'parent' });
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A published venue of the manager's organisation with one slot a week ahead. */
  async function slotOf(tx: Db, overrides: Partial<typeof slots.$inferInsert> = {}) {
    const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
    return buildSlot(tx, { venueId: venue.id, ...overrides });
  }

  /** A teacher confirmed at a school (verified unless said otherwise). */
  async function teacherOf(tx: Db, verified = true) {
    const school = verified ? await buildVerifiedSchool(tx) : await buildSchool(tx);
    const teacher = await createActor(inTx(tx), { role: 'teacher' });
    await buildSchoolMember(tx, school.id, teacher, { status: 'approved' });
    return { school, teacher };
  }

  it('a family books public places at once: confirmed, audited, told, with a readable code', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, { capacity: 10 });
      const booking = await createBooking(tx, actorOf(parent), family(slot.id, 2, 3));
      expect(booking).toMatchObject({
        status: 'confirmed',
        kind: 'family',
        places: 5,
        publicPlaces: 5,
        schoolPlaces: 0,
      });
      expect(booking.code).toMatch(/^[ACDEFHJKMNPQRTUVWXY3479]{8}$/);
      const [entry] = await auditOf(tx, booking.id);
      expect(entry).toMatchObject({ action: 'booking.create', actorId: parent.user.id });
      expect(entry!.after).toMatchObject({ places: 5, minors: 3 });
      expect(JSON.stringify(entry)).not.toMatch(/name/i);
      const [message] = await messagesTo(tx, parent.user.email);
      expect(message!.body).toContain(booking.code);
      expect(presentBooking(booking).booker).toBeNull();
    });
  });

  it("a verified school's teacher takes allocation places first, then public ones; the request waits for the venue", async () => {
    await rollback(database, async (tx) => {
      const { school, teacher } = await teacherOf(tx);
      const slot = await slotOf(tx, {
        capacity: 40,
        maxFamilyParty: 20,
        schoolAllocation: 20,
        allocationReleaseAt: new Date(Date.now() + 72 * HOUR),
      });
      const booking = await createBooking(tx, actorOf(teacher), group(slot.id, school.id, 24, 2));
      expect(booking).toMatchObject({ status: 'pending', places: 26, schoolPlaces: 20, publicPlaces: 6, pupils: 24 });
      expect(booking.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 71 * HOUR);
      // The venue hears of the request.
      expect((await messagesTo(tx, manager.user.email)).map((m) => m.topic)).toContain('booking_request');
      // A family now sees 14 public places: 40 − 20 allocation − 6 public taken.
      expect(await codeOf(createBooking(tx, actorOf(parent), family(slot.id, 5, 10)))).toBe('SOLD_OUT');
      await createBooking(tx, actorOf(parent), family(slot.id, 4, 10));
    });
  });

  it('allocation places are for verified schools until released, then anyone’s; groups of unverified schools book public places', async () => {
    await rollback(database, async (tx) => {
      const reserved = await slotOf(tx, {
        capacity: 10,
        schoolAllocation: 8,
        allocationReleaseAt: new Date(Date.now() + 48 * HOUR),
      });
      expect(await codeOf(createBooking(tx, actorOf(parent), family(reserved.id, 1, 2)))).toBe('SOLD_OUT');
      await createBooking(tx, actorOf(parent), family(reserved.id, 1, 1));

      const unverified = await teacherOf(tx, false);
      expect(
        await codeOf(createBooking(tx, actorOf(unverified.teacher), group(reserved.id, unverified.school.id, 3, 1))),
      ).toBe('SOLD_OUT');

      const released = await slotOf(tx, {
        capacity: 10,
        maxFamilyParty: 10,
        schoolAllocation: 8,
        allocationReleaseAt: new Date(Date.now() - HOUR),
      });
      const booking = await createBooking(tx, actorOf(parent), family(released.id, 2, 6));
      expect(booking).toMatchObject({ status: 'confirmed', publicPlaces: 8 });
      const groupBooking = await createBooking(
        tx,
        actorOf(unverified.teacher),
        group(released.id, unverified.school.id, 1, 1),
      );
      expect(groupBooking).toMatchObject({ schoolPlaces: 0, publicPlaces: 2 });
    });
  });

  it('a group request is all or nothing, and SOLD_OUT says what is left and whether the waitlist is open', async () => {
    await rollback(database, async (tx) => {
      const { school, teacher } = await teacherOf(tx);
      const slot = await slotOf(tx, {
        capacity: 30,
        groupsUsePublic: false,
        schoolAllocation: 20,
        allocationReleaseAt: new Date(Date.now() + 48 * HOUR),
      });
      const refused = createBooking(tx, actorOf(teacher), group(slot.id, school.id, 20, 2));
      await expect(refused).rejects.toMatchObject({
        code: 'SOLD_OUT',
        statusCode: 409,
        details: { places_wanted: 22, places_left: 20, waitlist_open: true },
      });
      const rows = await tx.select().from(bookings).where(eq(bookings.slotId, slot.id));
      expect(rows).toHaveLength(0);
    });
  });

  it('who may book for a group: a confirmed teacher of that school only', async () => {
    await rollback(database, async (tx) => {
      const { school } = await teacherOf(tx);
      const slot = await slotOf(tx);
      const outsider = await createActor(inTx(tx), { role: 'teacher' });
      const pendingTeacher = await createActor(inTx(tx), { role: 'teacher' });
      await buildSchoolMember(tx, school.id, pendingTeacher);
      expect(await codeOf(createBooking(tx, actorOf(outsider), group(slot.id, school.id, 10)))).toBe(
        'NOT_SCHOOL_TEACHER',
      );
      expect(await codeOf(createBooking(tx, actorOf(pendingTeacher), group(slot.id, school.id, 10)))).toBe(
        'NOT_SCHOOL_TEACHER',
      );
      expect(await codeOf(createBooking(tx, actorOf(parent), group(slot.id, school.id, 10)))).toBe(
        'GROUP_NEEDS_TEACHER',
      );
    });
  });

  it('party rules: adults with children, family size, the programme’s group sizes and grades', async () => {
    await rollback(database, async (tx) => {
      const { school, teacher } = await teacherOf(tx);
      const slot = await slotOf(tx, { maxFamilyParty: 4 });
      expect(await codeOf(createBooking(tx, actorOf(parent), family(slot.id, 0, 2)))).toBe('FAMILY_NEEDS_ADULT');
      expect(await codeOf(createBooking(tx, actorOf(parent), family(slot.id, 2, 3)))).toBe('PARTY_TOO_LARGE');
      expect(await codeOf(createBooking(tx, actorOf(teacher), group(slot.id, school.id, 10, 0)))).toBe(
        'GROUP_NEEDS_ADULT',
      );
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const programme = await buildProgramme(tx, {
        venueId: venue.id,
        groupMin: 10,
        groupMax: 30,
        gradeMin: 3,
        gradeMax: 6,
      });
      const programmeSlot = await buildSlot(tx, { venueId: venue.id, kind: 'programme', programmeId: programme.id });
      expect(await codeOf(createBooking(tx, actorOf(teacher), group(programmeSlot.id, school.id, 5)))).toBe(
        'GROUP_TOO_SMALL',
      );
      expect(await codeOf(createBooking(tx, actorOf(teacher), group(programmeSlot.id, school.id, 31)))).toBe(
        'GROUP_TOO_LARGE',
      );
      expect(await codeOf(createBooking(tx, actorOf(teacher), group(programmeSlot.id, school.id, 20, 2, 8)))).toBe(
        'GRADE_NOT_SERVED',
      );
    });
  });

  it('one live booking per account and slot; the booking window, cancelled and sample slots', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx);
      const first = await createBooking(tx, actorOf(parent), family(slot.id));
      await expect(createBooking(tx, actorOf(parent), family(slot.id))).rejects.toMatchObject({
        code: 'ALREADY_BOOKED',
        details: { booking_id: first.id },
      });
      const notYet = await slotOf(tx, { bookingOpensAt: new Date(Date.now() + 24 * HOUR) });
      expect(await codeOf(createBooking(tx, actorOf(parent), family(notYet.id)))).toBe('BOOKING_NOT_OPEN');
      const closed = await slotOf(tx, {
        bookingOpensAt: new Date(Date.now() - 48 * HOUR),
        bookingClosesAt: new Date(Date.now() - HOUR),
      });
      expect(await codeOf(createBooking(tx, actorOf(parent), family(closed.id)))).toBe('BOOKING_CLOSED');
      const started = await slotOf(tx, { startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) });
      expect(await codeOf(createBooking(tx, actorOf(parent), family(started.id)))).toBe('SLOT_STARTED');
      const cancelled = await slotOf(tx, { status: 'cancelled' });
      expect(await codeOf(createBooking(tx, actorOf(parent), family(cancelled.id)))).toBe('SLOT_NOT_BOOKABLE');
      const sample = await slotOf(tx, { isSample: true });
      expect(await codeOf(createBooking(tx, actorOf(parent), family(sample.id)))).toBe('SLOT_NOT_BOOKABLE');
    });
  });

  it('a pending request holds its places until its deadline; a lapsed one frees them and reads expired', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, { capacity: 4, approval: 'all' });
      const pending = await createBooking(tx, actorOf(parent), family(slot.id, 2, 2));
      expect(pending.status).toBe('pending');
      expect(await codeOf(createBooking(tx, actorOf(parent2), family(slot.id, 1, 0)))).toBe('SOLD_OUT');
      await tx
        .update(bookings)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(bookings.id, pending.id));
      await createBooking(tx, actorOf(parent2), family(slot.id, 2, 2));
      const [lapsed] = await tx.select().from(bookings).where(eq(bookings.id, pending.id));
      expect(lapsed!.status).toBe('expired');
      expect(await codeOf(decideBooking(tx, actorOf(manager), { bookingId: pending.id, outcome: 'confirmed' }))).toBe(
        'BOOKING_NOT_PENDING',
      );
    });
  });

  it('the venue approves or declines (with a reason) a request; others may not; the booker is told', async () => {
    await rollback(database, async (tx) => {
      const { school, teacher } = await teacherOf(tx);
      const slot = await slotOf(tx);
      const a = await createBooking(tx, actorOf(teacher), group(slot.id, school.id, 20));
      expect(await codeOf(decideBooking(tx, actorOf(stranger), { bookingId: a.id, outcome: 'confirmed' }))).toBe(
        'NOT_YOUR_VENUE',
      );
      const approved = await decideBooking(tx, actorOf(manager), { bookingId: a.id, outcome: 'confirmed' });
      expect(approved).toMatchObject({ status: 'confirmed', expiresAt: null });
      expect(
        await codeOf(decideBooking(tx, actorOf(manager), { bookingId: a.id, outcome: 'declined', reason: 'x' })),
      ).toBe('BOOKING_NOT_PENDING');
      expect((await auditOf(tx, a.id)).map((e) => e.action)).toEqual(['booking.create', 'booking.approve']);
      // One transaction writes both (the same created_at): which comes first in the table is not theirs to say.
      expect((await messagesTo(tx, teacher.user.email)).map((m) => m.topic).sort()).toEqual([
        'booking_approved',
        'booking_requested',
      ]);

      const slot2 = await slotOf(tx, { capacity: 30 });
      const b = await createBooking(tx, actorOf(teacher), group(slot2.id, school.id, 26, 4));
      expect(await codeOf(decideBooking(tx, actorOf(manager), { bookingId: b.id, outcome: 'declined' }))).toBe(
        'VALIDATION_FAILED',
      );
      const declined = await decideBooking(tx, actorOf(manager), {
        bookingId: b.id,
        outcome: 'declined',
        reason: '当天闭馆维护',
      });
      expect(declined).toMatchObject({ status: 'declined', reason: '当天闭馆维护' });
      // Declined places are free again.
      await createBooking(tx, actorOf(parent), family(slot2.id, 2, 3));
    });
  });

  it('cancelling frees places once; the booker until the deadline, the venue at any time (and the booker hears)', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, { capacity: 3 });
      const booking = await createBooking(tx, actorOf(parent), family(slot.id, 1, 2));
      expect(await codeOf(cancelBooking(tx, actorOf(parent2), { bookingId: booking.id }))).toBe('NOT_YOUR_BOOKING');
      const cancelled = await cancelBooking(tx, actorOf(parent), { bookingId: booking.id });
      expect(cancelled.status).toBe('cancelled');
      expect(await codeOf(cancelBooking(tx, actorOf(parent), { bookingId: booking.id }))).toBe('BOOKING_NOT_LIVE');
      const again = await createBooking(tx, actorOf(parent2), family(slot.id, 1, 2));

      const soon = await slotOf(tx, {
        startsAt: new Date(Date.now() + 2 * HOUR),
        endsAt: new Date(Date.now() + 4 * HOUR),
        cancelHoursBefore: 24,
      });
      const late = await createBooking(tx, actorOf(parent), family(soon.id));
      await expect(cancelBooking(tx, actorOf(parent), { bookingId: late.id })).rejects.toMatchObject({
        code: 'CANCELLATION_CLOSED',
      });
      const byVenue = await cancelBooking(tx, actorOf(manager), { bookingId: late.id, reason: '暴雨红色预警' });
      expect(byVenue.status).toBe('cancelled');
      expect((await messagesTo(tx, parent.user.email)).map((m) => m.topic)).toContain('booking_cancelled');
      expect((await auditOf(tx, again.id))[0]!.action).toBe('booking.create');
    });
  });

  it('the database itself refuses overselling a slot and cutting capacity below what is taken', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, {
        capacity: 4,
        schoolAllocation: 2,
        allocationReleaseAt: new Date(Date.now() + 48 * HOUR),
      });
      await buildBooking(tx, slot.id, parent.user.id, { places: 2 });
      // Public places before the release: 4 − 2 allocation = 2, all taken.
      expect(await stateOf(tx, (sp) => buildBooking(sp, slot.id, parent2.user.id, { places: 1 }))).toBe('KM001');
      const { school, teacher } = await teacherOf(tx);
      expect(
        await stateOf(tx, (sp) =>
          buildBooking(sp, slot.id, teacher.user.id, { kind: 'group', schoolId: school.id, places: 3, adults: 1 }),
        ),
      ).toBe('KM001');
      await buildBooking(tx, slot.id, teacher.user.id, { kind: 'group', schoolId: school.id, places: 2, adults: 1 });
      expect(await stateOf(tx, (sp) => sp.update(slots).set({ capacity: 3 }).where(eq(slots.id, slot.id)))).toBe(
        'KM002',
      );
      expect(
        await stateOf(tx, (sp) => sp.update(slots).set({ capacity: 5 }).where(eq(slots.id, slot.id))),
      ).toBeUndefined();
      // Lapsed requests do not count.
      await tx.execute(
        sql`UPDATE bookings SET status = 'pending', expires_at = now() - interval '1 minute' WHERE slot_id = ${slot.id}`,
      );
      expect(
        await stateOf(tx, (sp) =>
          sp.update(slots).set({ capacity: 0, schoolAllocation: 0 }).where(eq(slots.id, slot.id)),
        ),
      ).toBeUndefined();
    });
  });

  it('rule 1: the database refuses confirming a lapsed request whose places went to someone else (migration 0009)', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, { capacity: 2 });
      const late = await buildBooking(tx, slot.id, parent.user.id, { places: 2, status: 'pending' });
      await tx.execute(sql`UPDATE bookings SET expires_at = now() - interval '1 minute' WHERE id = ${late.id}`);
      // Its places are free again, and a family takes them.
      await buildBooking(tx, slot.id, parent2.user.id, { places: 2 });
      const revive = (status: string) => async (sp: Db) => {
        await sp.execute(sql`UPDATE bookings SET status = ${status} WHERE id = ${late.id}`);
      };
      expect(await stateOf(tx, revive('confirmed'))).toBe('KM001');
      // Letting it lapse for good is always allowed.
      expect(await stateOf(tx, revive('expired'))).toBeUndefined();
    });
  });
});
