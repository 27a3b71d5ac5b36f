/**
 * createBookings, the group commit behind `POST /api/bookings`: requests of one slot decided together in
 * one transaction get exactly the answers they would get one transaction each, in the same order — the
 * places of the batch's earlier bookings counted, one live booking per account, refusals not stopping the
 * others. Checked against the one-by-one path on a twin slot, over random batches (fast-check).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newBookingCode } from '../../domain/booking.ts';
import type { Database, Db } from '../../db/client.ts';
import { createBooking, createBookings, type BookingRequest } from '../../server/commands/create-booking.ts';
import { ApiError } from '../../server/errors.ts';
import type { BookingBody } from '../../server/schemas/booking-party.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import {
  actorOf,
  buildSchool,
  buildSchoolMember,
  buildSlot,
  buildVenue,
  buildVerifiedSchool,
} from '../support/factories.ts';

const HOUR = 3_600_000;

// Booking codes are drawn at random; one test makes them clash on purpose.
vi.mock('../../domain/booking.ts', async (original) => {
  const real = await original<typeof import('../../domain/booking.ts')>();
  return { ...real, newBookingCode: vi.fn(real.newBookingCode) };
});

interface Asker {
  actor: TestActor;
  schoolId: string | null;
}

/** What a request came to, without ids: the refusal's code, or the booking's status and places. */
function summary(outcome: { booking: { status: string; places: number } } | { refusal: ApiError }) {
  if ('refusal' in outcome) return outcome.refusal.code;
  const { status, places, schoolPlaces, publicPlaces } = outcome.booking as {
    status: string;
    places: number;
    schoolPlaces: number;
    publicPlaces: number;
  };
  return `${status} ${places} (${schoolPlaces} school + ${publicPlaces} public)`;
}

describe.each(testEngines())('createBookings (a batch of one slot) on %s', (engine) => {
  let database: Database;
  let manager: TestActor;
  const askers: Asker[] = [];

  beforeAll(async () => {
    database = await openTestDb(engine);
    manager = await createActor(database, { role: 'venue_manager' });
    for (let i = 0; i < 3; i++) askers.push({ actor: await createActor(database, { role: 'parent' }), schoolId: null });
    const verified = await buildVerifiedSchool(database.db);
    const unverified = await buildSchool(database.db);
    for (const school of [verified, verified, unverified]) {
      const teacher = await createActor(database, { role: 'teacher' });
      await buildSchoolMember(database.db, school.id, teacher, { status: 'approved' });
      askers.push({ actor: teacher, schoolId: school.id });
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  const requestArb = fc.record({
    who: fc.nat(5),
    asGroup: fc.boolean(),
    adults: fc.integer({ min: 0, max: 3 }),
    children: fc.nat(6),
  });
  const slotArb = fc.record({
    capacity: fc.integer({ min: 4, max: 30 }),
    allocation: fc.integer({ min: 0, max: 12 }),
    released: fc.boolean(),
    groupsUsePublic: fc.boolean(),
    approval: fc.constantFrom('none' as const, 'groups' as const, 'all' as const),
  });

  it('answers every request of a batch exactly as one transaction each, in order, would', async () => {
    await fc.assert(
      fc.asyncProperty(slotArb, fc.array(requestArb, { minLength: 2, maxLength: 12 }), async (shape, asks) => {
        await rollback(database, async (tx) => {
          const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
          const slotValues = {
            venueId: venue.id,
            capacity: shape.capacity,
            schoolAllocation: Math.min(shape.allocation, shape.capacity),
            allocationReleaseAt: new Date(Date.now() + (shape.released ? -HOUR : 48 * HOUR)),
            groupsUsePublic: shape.groupsUsePublic,
            approval: shape.approval,
          };
          const together = await buildSlot(tx, slotValues);
          const oneByOne = await buildSlot(tx, slotValues);
          const requestsFor = (slotId: string): BookingRequest[] =>
            asks.map(({ who, asGroup, adults, children }) => {
              const asker = askers[who]!;
              const body: BookingBody =
                asker.schoolId && asGroup
                  ? { slot_id: slotId, kind: 'group', school_id: asker.schoolId, pupils: children, adults, grade: 4 }
                  : { slot_id: slotId, kind: 'family', adults, children_by_band: { '6-12': children } };
              return { actor: actorOf(asker.actor), body };
            });

          const batch = await tx.transaction((sp: Db) => createBookings(sp, requestsFor(together.id)));
          const single = [];
          for (const { actor, body } of requestsFor(oneByOne.id)) {
            try {
              single.push({ booking: await tx.transaction((sp: Db) => createBooking(sp, actor, body)) });
            } catch (error) {
              if (!(error instanceof ApiError)) throw error;
              single.push({ refusal: error });
            }
          }
          expect(batch.map(summary)).toEqual(single.map(summary));
        });
      }),
      { numRuns: engine === 'pglite' ? 12 : 20 },
    );
  });

  it('a second request of the same account in the batch is told ALREADY_BOOKED with the first booking', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const slot = await buildSlot(tx, { venueId: venue.id, capacity: 10, approval: 'none' });
      const parent = actorOf(askers[0]!.actor);
      const body: BookingBody = { slot_id: slot.id, kind: 'family', adults: 1, children_by_band: {} };
      const [first, second] = await createBookings(tx, [
        { actor: parent, body },
        { actor: parent, body },
      ]);
      expect(first).toMatchObject({ booking: { status: 'confirmed' } });
      expect(second).toMatchObject({ refusal: { code: 'ALREADY_BOOKED' } });
      const firstId = (first as { booking: { id: string } }).booking.id;
      expect(JSON.stringify((second as { refusal: ApiError }).refusal.details)).toContain(firstId);
    });
  });

  it('says whether the batch left the slot without a free place (then those who wait are answered from a read)', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const slot = await buildSlot(tx, { venueId: venue.id, capacity: 2, approval: 'none' });
      const body: BookingBody = { slot_id: slot.id, kind: 'family', adults: 1, children_by_band: {} };
      const first = { full: true };
      await createBookings(tx, [{ actor: actorOf(askers[0]!.actor), body }], first);
      expect(first.full).toBe(false);
      const second = { full: false };
      const outcomes = await createBookings(
        tx,
        [
          { actor: actorOf(askers[1]!.actor), body },
          { actor: actorOf(askers[2]!.actor), body },
        ],
        second,
      );
      expect(outcomes.map(summary)).toEqual(['confirmed 1 (0 school + 1 public)', 'SOLD_OUT']);
      expect(second.full).toBe(true);
    });
  });

  it('a code that clashes with an existing booking or within the batch is drawn again; nothing is lost', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const slot = await buildSlot(tx, { venueId: venue.id, capacity: 10, approval: 'none' });
      const body: BookingBody = { slot_id: slot.id, kind: 'family', adults: 1, children_by_band: {} };
      const [first] = await createBookings(tx, [{ actor: actorOf(askers[0]!.actor), body }]);
      const taken = (first as { booking: { code: string } }).booking.code;
      const twice = newBookingCode();
      vi.mocked(newBookingCode).mockReturnValueOnce(taken).mockReturnValueOnce(twice).mockReturnValueOnce(twice);
      const outcomes = await createBookings(tx, [
        { actor: actorOf(askers[1]!.actor), body },
        { actor: actorOf(askers[2]!.actor), body },
        { actor: actorOf(askers[3]!.actor), body },
      ]);
      const codes = outcomes.map((o) => (o as { booking: { code: string; status: string } }).booking.code);
      expect(new Set([taken, ...codes]).size).toBe(4);
      expect(codes).toContain(twice);
      expect(outcomes.every((o) => 'booking' in o && o.booking.status === 'confirmed')).toBe(true);
    });
  });
});
