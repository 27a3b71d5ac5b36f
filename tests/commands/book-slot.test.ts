/**
 * bookSlot, the path of `POST /api/bookings`: a request the plain read already refuses (SOLD_OUT above
 * all) is answered without the slot's lock, and answered exactly as under the lock; a request that fits
 * is decided under the lock. docs/PERFORMANCE.md ("Bookings") tells why.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { runCommand } from '../../server/commands/actor.ts';
import { cancelBooking } from '../../server/commands/cancel-booking.ts';
import { bookSlot, createBooking } from '../../server/commands/create-booking.ts';
import { newBookingCode } from '../../domain/booking.ts';
import type { BookingBody } from '../../server/schemas/booking-party.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { openPrivateDb, testEngines } from '../support/engines.ts';
import { actorOf, buildSlot, buildVenue } from '../support/factories.ts';

const family = (slotId: string, adults = 1): BookingBody => ({
  slot_id: slotId,
  kind: 'family',
  adults,
  children_by_band: {},
});

/** The ApiError a promise rejects with: its code and details. */
async function refusal(work: Promise<unknown>): Promise<{ code: string; details: unknown }> {
  try {
    await work;
  } catch (error) {
    const { code, details } = error as { code: string; details: unknown };
    return { code, details };
  }
  throw new Error('expected a refusal');
}

describe.each(testEngines())('bookSlot (POST /api/bookings) on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let url: string | undefined;
  let manager: TestActor;
  let parents: TestActor[];
  let fullSlot: string;

  beforeAll(async () => {
    ({ database, dispose, url } = await openPrivateDb(engine));
    manager = await createActor(database, { role: 'venue_manager' });
    parents = [];
    for (let i = 0; i < 4; i++) parents.push(await createActor(database, { role: 'parent' }));
  });
  afterAll(async () => {
    await dispose?.();
  });

  async function newSlot(capacity: number): Promise<string> {
    const venue = await buildVenue(database.db, { organisationId: manager.organisationId! });
    return (await buildSlot(database.db, { venueId: venue.id, capacity, approval: 'none' })).id;
  }

  it('a full slot answers SOLD_OUT from the plain read exactly as under the lock; ALREADY_BOOKED still comes first', async () => {
    fullSlot = await newSlot(2);
    const booked = await bookSlot(database.db, actorOf(parents[0]!), family(fullSlot, 2));
    expect(booked).toMatchObject({ status: 'confirmed', places: 2 });
    // The first refusal is decided under the lock; the slot is then remembered as sold out, so the next
    // request is answered by the plain read.
    const underLock = await refusal(bookSlot(database.db, actorOf(parents[1]!), family(fullSlot)));
    const fromRead = await refusal(bookSlot(database.db, actorOf(parents[2]!), family(fullSlot)));
    expect(underLock).toEqual({
      code: 'SOLD_OUT',
      details: { places_wanted: 1, places_left: 0, waitlist_open: expect.any(Boolean) as boolean },
    });
    expect(fromRead).toEqual(underLock);
    expect(await refusal(bookSlot(database.db, actorOf(parents[0]!), family(fullSlot)))).toMatchObject({
      code: 'ALREADY_BOOKED',
      details: { booking_id: booked.id },
    });
  });

  it('a place freed by a cancellation goes to the next request at once: the read is no cache', async () => {
    const [booking] = await database.db.query.bookings.findMany({
      where: (b, { and, eq }) => and(eq(b.slotId, fullSlot), eq(b.userId, parents[0]!.user.id)),
    });
    await runCommand(database.db, cancelBooking, actorOf(parents[0]!), { bookingId: booking!.id });
    expect(await bookSlot(database.db, actorOf(parents[1]!), family(fullSlot))).toMatchObject({
      status: 'confirmed',
    });
  });

  it('after SOLD_OUT, requests arriving together are answered from one read, each its own answer; one that fits is booked under the lock', async () => {
    const slot = await newSlot(3);
    const first = await bookSlot(database.db, actorOf(parents[0]!), family(slot, 2));
    expect(await refusal(bookSlot(database.db, actorOf(parents[1]!), family(slot, 2)))).toMatchObject({
      code: 'SOLD_OUT',
    });
    const answers = await Promise.allSettled([
      bookSlot(database.db, actorOf(parents[0]!), family(slot)),
      bookSlot(database.db, actorOf(parents[2]!), family(slot, 2)),
      bookSlot(database.db, actorOf(parents[3]!), family(slot)),
      bookSlot(database.db, actorOf(parents[1]!), family(slot, 2)),
      bookSlot(database.db, actorOf(parents[2]!), family(slot)),
    ]);
    const outcome = (answer: PromiseSettledResult<{ status: string }>) =>
      answer.status === 'fulfilled' ? answer.value.status : (answer.reason as { code: string }).code;
    // parents[2]'s second request is read with room for it too; the lock then finds the place taken.
    expect(answers.map(outcome)).toEqual(['ALREADY_BOOKED', 'SOLD_OUT', 'confirmed', 'SOLD_OUT', 'SOLD_OUT']);
    expect(first).toMatchObject({ places: 2 });
  });

  // PostgreSQL only: PGlite has one connection, so no other transaction can hold the lock meanwhile.
  if (engine === 'postgres') {
    it('createBooking reads the facts once it holds the lock: a booking committed while it waited is seen', async () => {
      const slot = await newSlot(1);
      const holder = postgres(url!, { max: 1, onnotice: () => {} });
      try {
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let locked!: () => void;
        const isLocked = new Promise<void>((resolve) => (locked = resolve));
        const holding = holder.begin(async (sql) => {
          await sql`SELECT id FROM slots WHERE id = ${slot} FOR UPDATE`;
          locked();
          await released;
          await sql`INSERT INTO bookings (slot_id, user_id, kind, status, places, public_places, adults, code)
                    VALUES (${slot}, ${parents[0]!.user.id}, 'family', 'confirmed', 1, 1, 1, ${newBookingCode()})`;
        });
        await isLocked;
        // Waits for the lock, its facts statement sent behind the lock statement.
        const attempt = runCommand(database.db, createBooking, actorOf(parents[1]!), family(slot)).then(
          () => 'booked',
          (error: { code?: string }) => error.code ?? String(error),
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        release();
        await holding;
        // Facts read before the lock would have seen the place free, and the trigger refused the insert (KM001).
        expect(await attempt).toBe('SOLD_OUT');
      } finally {
        await holder.end({ timeout: 5 });
      }
    });

    it('the plain read answers SOLD_OUT while another transaction holds the slot lock; a party that fits waits for it', async () => {
      const holder = postgres(url!, { max: 2, onnotice: () => {} });
      try {
        // The full slot (remembered as sold out) is locked by another transaction: the refusal comes anyway.
        await bookSlot(database.db, actorOf(parents[2]!), family(fullSlot, 2)).catch(() => undefined);
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let locked!: () => void;
        const isLocked = new Promise<void>((resolve) => (locked = resolve));
        const holding = holder.begin(async (sql) => {
          await sql`SELECT id FROM slots WHERE id = ${fullSlot} FOR UPDATE`;
          locked();
          await released;
        });
        await isLocked;
        const answer = await Promise.race([
          refusal(bookSlot(database.db, actorOf(parents[3]!), family(fullSlot, 2))),
          new Promise((resolve) => setTimeout(() => resolve('blocked by the lock'), 5000)),
        ]);
        release();
        await holding;
        expect(answer).toMatchObject({ code: 'SOLD_OUT' });

        // A slot with room: the request is decided under the lock, so it waits for the holder.
        const roomy = await newSlot(10);
        let releaseRoomy!: () => void;
        const roomyReleased = new Promise<void>((resolve) => (releaseRoomy = resolve));
        let roomyLocked!: () => void;
        const isRoomyLocked = new Promise<void>((resolve) => (roomyLocked = resolve));
        const holdingRoomy = holder.begin(async (sql) => {
          await sql`SELECT id FROM slots WHERE id = ${roomy} FOR UPDATE`;
          roomyLocked();
          await roomyReleased;
        });
        await isRoomyLocked;
        let done = false;
        const booking = bookSlot(database.db, actorOf(parents[3]!), family(roomy)).finally(() => (done = true));
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(done).toBe(false);
        releaseRoomy();
        await holdingRoomy;
        expect(await booking).toMatchObject({ status: 'confirmed' });
      } finally {
        await holder.end({ timeout: 5 });
      }
    });
  }
});
