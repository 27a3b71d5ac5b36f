/**
 * updateSlot (PATCH /api/slots/{id}) called directly, on both engines, in rolled-back transactions:
 * every refusal with its code, PRODUCT.md rule 5 (no cut below places taken without a decision), the
 * `cancel_newest` decision (whole bookings, newest first; school places re-split to public ones), the
 * messages to the bookers it cancels and the audit of every change.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { bookings, slots } from '../../db/schema/index.ts';
import { updateSlot, type UpdateSlotFields } from '../../server/commands/update-slot.ts';
import { sqlState } from '../../server/services/import/db-errors.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf, messagesTo } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildBooking, buildSchool, buildSlot, buildVenue } from '../support/factories.ts';

const HOUR = 3_600_000;

describe.each(testEngines())('slot changes (updateSlot) on %s', (engine) => {
  let database: Database;
  let manager: TestActor;
  let stranger: TestActor;
  let admin: TestActor;
  let parents: TestActor[];

  beforeAll(async () => {
    database = await openTestDb(engine);
    manager = await createActor(database, { role: 'venue_manager' });
    stranger = await createActor(database, { role: 'venue_manager' });
    admin = await createActor(database, { role: 'admin' });
    parents = [];
    for (let i = 0; i < 4; i++) parents.push(await createActor(database, { role: 'parent' }));
  });
  afterAll(async () => {
    await database?.close();
  });

  async function slotOf(tx: Db, overrides: Partial<typeof slots.$inferInsert> = {}) {
    const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
    return buildSlot(tx, { venueId: venue.id, ...overrides });
  }
  const change = (tx: Db, slotId: string, fields: UpdateSlotFields, who: TestActor = manager) =>
    updateSlot(tx, actorOf(who), { slotId, ...fields });

  /** Bookings made one minute apart, oldest first, so "newest" is well defined. */
  async function bookInOrder(tx: Db, slotId: string, parties: Partial<typeof bookings.$inferInsert>[]) {
    const made: string[] = [];
    for (const [i, party] of parties.entries()) {
      const userId = party.userId ?? parents[i]!.user.id;
      const createdAt = new Date(Date.now() - (parties.length - i) * 60_000);
      made.push((await buildBooking(tx, slotId, userId, { createdAt, ...party })).id);
    }
    return made;
  }
  const rowsOf = (tx: Db, slotId: string) =>
    tx
      .select({
        id: bookings.id,
        status: bookings.status,
        schoolPlaces: bookings.schoolPlaces,
        publicPlaces: bookings.publicPlaces,
      })
      .from(bookings)
      .where(eq(bookings.slotId, slotId))
      .orderBy(asc(bookings.createdAt));
  const slotRow = async (tx: Db, id: string) => (await tx.select().from(slots).where(eq(slots.id, id)))[0]!;

  it('raises capacity and changes title, window and cancellation deadline: answered, stored, audited before/after', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, { capacity: 10, title: '旧标题' });
      const startsAt = (await slotRow(tx, slot.id)).startsAt;
      const opens = new Date(Date.now() + HOUR);
      const closes = new Date(startsAt.getTime() - 2 * HOUR);
      const result = await change(tx, slot.id, {
        capacity: 15,
        title: ' 周六亲子开放日 ',
        booking_opens_at: opens.toISOString(),
        booking_closes_at: closes.toISOString(),
        cancel_hours_before: 12,
      });
      expect(result.slot).toMatchObject({
        capacity: 15,
        title: '周六亲子开放日',
        bookingOpensAt: opens,
        bookingClosesAt: closes,
        cancelHoursBefore: 12,
      });
      expect(result).toMatchObject({ cancelled: [], moved: [], placesFreed: true });
      const [entry] = await auditOf(tx, slot.id);
      expect(entry).toMatchObject({ action: 'slot.update', actorId: manager.user.id });
      expect(entry!.before).toEqual({
        capacity: 10,
        title: '旧标题',
        booking_opens_at: null,
        booking_closes_at: null,
        cancel_hours_before: 24,
      });
      expect(entry!.after).toEqual({
        capacity: 15,
        title: '周六亲子开放日',
        booking_opens_at: opens.toISOString(),
        booking_closes_at: closes.toISOString(),
        cancel_hours_before: 12,
      });
    });
  });

  it('an admin may change any slot; another venue’s manager may not (NOT_YOUR_VENUE), an unknown slot is SLOT_NOT_FOUND', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx);
      expect(await codeOf(change(tx, slot.id, { capacity: 20 }, stranger))).toBe('NOT_YOUR_VENUE');
      expect((await change(tx, slot.id, { capacity: 20 }, admin)).slot.capacity).toBe(20);
      expect(await codeOf(change(tx, '00000000-0000-4000-8000-000000000000', { capacity: 5 }))).toBe('SLOT_NOT_FOUND');
    });
  });

  it('refuses nonsense with stable codes and changes nothing', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, { capacity: 10 });
      const startsAt = (await slotRow(tx, slot.id)).startsAt;
      const release = new Date(startsAt.getTime() - 24 * HOUR).toISOString();
      const cases: [UpdateSlotFields, string][] = [
        [{}, 'EMPTY_PATCH'],
        [{ over_capacity: 'cancel_newest' }, 'EMPTY_PATCH'],
        [{ school_allocation: 11, allocation_release_at: release }, 'INVALID_ALLOCATION'],
        [{ capacity: 4, school_allocation: 5, allocation_release_at: release }, 'INVALID_ALLOCATION'],
        [{ school_allocation: 5 }, 'INVALID_ALLOCATION'],
        [
          { school_allocation: 5, allocation_release_at: new Date(startsAt.getTime() + HOUR).toISOString() },
          'INVALID_ALLOCATION',
        ],
        [
          {
            booking_opens_at: new Date(Date.now() + 2 * HOUR).toISOString(),
            booking_closes_at: new Date(Date.now() + HOUR).toISOString(),
          },
          'INVALID_BOOKING_WINDOW',
        ],
        [{ booking_opens_at: startsAt.toISOString() }, 'INVALID_BOOKING_WINDOW'],
        [{ booking_closes_at: new Date(startsAt.getTime() + HOUR).toISOString() }, 'INVALID_BOOKING_WINDOW'],
      ];
      for (const [fields, code] of cases)
        expect(await codeOf(change(tx, slot.id, fields)), JSON.stringify(fields)).toBe(code);
      expect(await slotRow(tx, slot.id)).toMatchObject({ capacity: 10, schoolAllocation: 0, bookingOpensAt: null });
      expect(await auditOf(tx, slot.id)).toEqual([]);
    });
  });

  it('refuses a slot that started (SLOT_STARTED) or was cancelled (SLOT_ALREADY_CANCELLED)', async () => {
    await rollback(database, async (tx) => {
      const started = await slotOf(tx, {
        startsAt: new Date(Date.now() - HOUR),
        endsAt: new Date(Date.now() + HOUR),
      });
      expect(await codeOf(change(tx, started.id, { capacity: 50 }))).toBe('SLOT_STARTED');
      const cancelled = await slotOf(tx, { status: 'cancelled' });
      expect(await codeOf(change(tx, cancelled.id, { capacity: 50 }))).toBe('SLOT_ALREADY_CANCELLED');
    });
  });

  it('rule 5: cutting capacity below places taken answers 409 CAPACITY_BELOW_TAKEN with taken and asked; nothing changes', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, { capacity: 10 });
      await bookInOrder(tx, slot.id, [{ places: 3 }, { places: 2, status: 'pending' }]);
      await expect(change(tx, slot.id, { capacity: 4, title: '改' })).rejects.toMatchObject({
        statusCode: 409,
        code: 'CAPACITY_BELOW_TAKEN',
        details: { limit: 'capacity', taken: 5, asked: 4 },
      });
      expect(await codeOf(change(tx, slot.id, { capacity: 4, over_capacity: 'refuse' }))).toBe('CAPACITY_BELOW_TAKEN');
      expect(await slotRow(tx, slot.id)).toMatchObject({ capacity: 10, title: null });
      // Exactly what is taken is fine, and a lapsed request takes nothing.
      expect((await change(tx, slot.id, { capacity: 5 })).slot.capacity).toBe(5);
      const lapsed = await slotOf(tx, { capacity: 10 });
      await bookInOrder(tx, lapsed.id, [
        { places: 3 },
        { places: 4, status: 'pending', expiresAt: new Date(Date.now() - HOUR) },
      ]);
      expect((await change(tx, lapsed.id, { capacity: 3 })).slot.capacity).toBe(3);
      expect((await rowsOf(tx, lapsed.id)).map((b) => b.status)).toEqual(['confirmed', 'expired']);
    });
  });

  it('rule 5 for the allocation and the public share: CAPACITY_BELOW_TAKEN says which limit', async () => {
    await rollback(database, async (tx) => {
      const school = await buildSchool(tx);
      const release = new Date(Date.now() + 48 * HOUR);
      const slot = await slotOf(tx, { capacity: 20, schoolAllocation: 10, allocationReleaseAt: release });
      await bookInOrder(tx, slot.id, [{ kind: 'group', schoolId: school.id, places: 8, adults: 1 }, { places: 6 }]);
      // School places over a smaller allocation: refused without a decision.
      await expect(change(tx, slot.id, { school_allocation: 7 })).rejects.toMatchObject({
        code: 'CAPACITY_BELOW_TAKEN',
        details: { limit: 'school_allocation', taken: 8, asked: 7 },
      });
      // A bigger allocation shrinks the public share (20 − 15 = 5) below the 6 public places taken.
      await expect(change(tx, slot.id, { school_allocation: 15 })).rejects.toMatchObject({
        details: { limit: 'public_share', taken: 6, asked: 5 },
      });

      // Released, the public took places of the allocation; moving the release back into the future
      // would hold them back again.
      const released = await slotOf(tx, {
        capacity: 10,
        schoolAllocation: 6,
        allocationReleaseAt: new Date(Date.now() - HOUR),
      });
      await bookInOrder(tx, released.id, [{ places: 6 }]);
      await expect(change(tx, released.id, { allocation_release_at: release.toISOString() })).rejects.toMatchObject({
        code: 'CAPACITY_BELOW_TAKEN',
        details: { limit: 'public_share', taken: 6, asked: 4 },
      });
    });
  });

  it('cancel_newest: the newest bookings over a capacity cut are cancelled whole, their bookers told, each cut audited', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, { capacity: 10 });
      const [oldest, middle, newest] = await bookInOrder(tx, slot.id, [
        { places: 3 },
        { places: 2 },
        { places: 4, status: 'pending' },
      ]);
      const result = await change(tx, slot.id, { capacity: 4, over_capacity: 'cancel_newest', reason: '展厅维修' });
      // 9 taken, 4 asked: the newest (4) goes, then the next (2); the oldest (3) stays whole.
      expect(result.cancelled.map((b) => b.id)).toEqual([newest, middle]);
      expect(result.placesFreed).toBe(false);
      expect(await rowsOf(tx, slot.id)).toEqual([
        { id: oldest, status: 'confirmed', schoolPlaces: 0, publicPlaces: 3 },
        { id: middle, status: 'cancelled', schoolPlaces: 0, publicPlaces: 2 },
        { id: newest, status: 'cancelled', schoolPlaces: 0, publicPlaces: 4 },
      ]);
      const [row] = await tx.select().from(bookings).where(eq(bookings.id, newest!));
      expect(row).toMatchObject({ cancelledBy: manager.user.id, reason: '展厅维修', expiresAt: null });

      for (const [index, id] of [
        [2, newest],
        [1, middle],
      ] as const) {
        const [message] = await messagesTo(tx, parents[index]!.user.email);
        expect(message).toMatchObject({ topic: 'booking_cut', data: { booking_id: id } });
        expect(message!.body).toContain('展厅维修');
        expect(message!.body).toMatch(/名额[\s\S]*places/);
        const [entry] = await auditOf(tx, id!);
        expect(entry).toMatchObject({ action: 'booking.cancel', actorId: manager.user.id });
        expect(entry!.after).toMatchObject({ status: 'cancelled', by: 'venue', cause: 'slot.update' });
      }
      expect(await messagesTo(tx, parents[0]!.user.email)).toEqual([]);
      const [entry] = await auditOf(tx, slot.id);
      expect(entry!.before).toEqual({ capacity: 10 });
      expect(entry!.after).toMatchObject({
        capacity: 4,
        over_capacity: 'cancel_newest',
        broken_limit: { limit: 'capacity', taken: 9, asked: 4 },
        bookings_cancelled: [newest, middle],
      });
    });
  });

  it('cancel_newest skips bookings whose cancelling does not help: a newer small booking stays when an older one must go', async () => {
    await rollback(database, async (tx) => {
      const school = await buildSchool(tx);
      const release = new Date(Date.now() + 48 * HOUR);
      const slot = await slotOf(tx, {
        capacity: 30,
        schoolAllocation: 20,
        allocationReleaseAt: release,
        groupsUsePublic: false,
      });
      const group = { kind: 'group', schoolId: school.id, adults: 2 } as const;
      const [first, second, family] = await bookInOrder(tx, slot.id, [
        { ...group, places: 10 },
        { ...group, places: 8 },
        { places: 5 },
      ]);
      // Allocation 20 → 12 with groups kept out of public places: the family does not help; the newer group goes.
      const result = await change(tx, slot.id, { school_allocation: 12, over_capacity: 'cancel_newest' });
      expect(result.cancelled.map((b) => b.id)).toEqual([second]);
      expect((await rowsOf(tx, slot.id)).map((b) => [b.id, b.status])).toEqual([
        [first, 'confirmed'],
        [second, 'cancelled'],
        [family, 'confirmed'],
      ]);
    });
  });

  it('cancel_newest re-splits school places over a smaller allocation into public ones where groups may use them', async () => {
    await rollback(database, async (tx) => {
      const school = await buildSchool(tx);
      const release = new Date(Date.now() + 48 * HOUR);
      const slot = await slotOf(tx, { capacity: 30, schoolAllocation: 20, allocationReleaseAt: release });
      const group = { kind: 'group', schoolId: school.id, adults: 2 } as const;
      const [older, newer] = await bookInOrder(tx, slot.id, [
        { ...group, places: 10 },
        { ...group, places: 8 },
      ]);
      expect(await codeOf(change(tx, slot.id, { school_allocation: 12 }))).toBe('CAPACITY_BELOW_TAKEN');
      const result = await change(tx, slot.id, { school_allocation: 12, over_capacity: 'cancel_newest' });
      // 18 school places, 12 allowed: the newer group's 6 of 8 become public; nobody is cancelled.
      expect(result.cancelled).toEqual([]);
      expect(result.moved).toEqual([{ id: newer, schoolPlaces: 2, publicPlaces: 6 }]);
      expect(await rowsOf(tx, slot.id)).toEqual([
        { id: older, status: 'confirmed', schoolPlaces: 10, publicPlaces: 0 },
        { id: newer, status: 'confirmed', schoolPlaces: 2, publicPlaces: 6 },
      ]);
      expect(await slotRow(tx, slot.id)).toMatchObject({
        capacity: 30,
        schoolAllocation: 12,
        allocationReleaseAt: release,
      });
      const [entry] = await auditOf(tx, newer!);
      expect(entry).toMatchObject({
        action: 'booking.resplit',
        before: { school_places: 8, public_places: 0 },
        after: { school_places: 2, public_places: 6, cause: 'slot.update' },
      });
      expect((await auditOf(tx, slot.id))[0]!.after).toMatchObject({ bookings_resplit: [newer] });
    });
  });

  it('cancel_newest with a capacity cut and a smaller allocation at once: the newest group goes, the older is re-split', async () => {
    await rollback(database, async (tx) => {
      const school = await buildSchool(tx);
      const release = new Date(Date.now() + 48 * HOUR);
      const slot = await slotOf(tx, { capacity: 20, schoolAllocation: 10, allocationReleaseAt: release });
      const [groupA, family, groupB] = await bookInOrder(tx, slot.id, [
        { kind: 'group', schoolId: school.id, adults: 1, places: 6 },
        { places: 8 },
        { kind: 'group', schoolId: school.id, adults: 1, places: 4 },
      ]);
      // 18 taken, capacity 16 and allocation 4 asked: the newest group (4 school places) goes; of groupA's 6
      // school places 2 become public (8 + 2 within the public share of 12).
      const result = await change(tx, slot.id, {
        capacity: 16,
        school_allocation: 4,
        over_capacity: 'cancel_newest',
      });
      expect(result.cancelled.map((b) => b.id)).toEqual([groupB]);
      expect(result.moved).toEqual([{ id: groupA, schoolPlaces: 4, publicPlaces: 2 }]);
      expect((await rowsOf(tx, slot.id)).map((b) => b.status)).toEqual(['confirmed', 'confirmed', 'cancelled']);
      expect(family).toBeDefined();
    });
  });

  it('the database refuses a cut the command did not make (KM002), and a raise frees places for the waitlist', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotOf(tx, { capacity: 10 });
      await bookInOrder(tx, slot.id, [{ places: 6 }]);
      let state: string | undefined;
      try {
        await tx.transaction(async (sp) => {
          await sp.update(slots).set({ capacity: 5 }).where(eq(slots.id, slot.id));
        });
      } catch (error) {
        state = sqlState(error);
      }
      expect(state).toBe('KM002');
      expect((await change(tx, slot.id, { capacity: 12 })).placesFreed).toBe(true);
      expect((await change(tx, slot.id, { capacity: 8 })).placesFreed).toBe(false);
      expect((await change(tx, slot.id, { title: '只改标题' })).placesFreed).toBe(false);
      expect((await auditOf(tx, slot.id)).map((e) => e.action)).toEqual(['slot.update', 'slot.update', 'slot.update']);
    });
  });
});
