/**
 * The waitlist under concurrency (PRODUCT.md rules 1 and 4), with real clients over HTTP on PostgreSQL
 * (PGlite has one connection, so it cannot race). As in booking-races.test.ts each race runs against the
 * app as it ships, where the rule must hold, and against the same app with the slot guard switched off
 * (`createDb({ slotGuard: false })`: no slot lock, no trigger), where the same check must fail — the
 * positive control that shows the test can see the race.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { bookings, outboxMessages, waitlistEntries } from '../../db/schema/index.ts';
import { sweepLapsedOffers } from '../../server/services/waitlist-sweep.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { openPrivateDb, TEST_DATABASE_URL } from '../support/engines.ts';
import { post, serve, type Served } from '../support/races.ts';
import { buildBooking, buildSlot, buildVenue, buildWaitlistEntry } from '../support/factories.ts';

const family = (slotId: string, places: number) => ({
  slot_id: slotId,
  kind: 'family',
  adults: 1,
  children_by_band: places > 1 ? { '6-12': places - 1 } : {},
});

describe.runIf(TEST_DATABASE_URL)('waitlist races over HTTP on PostgreSQL', () => {
  let dispose: () => Promise<void>;
  let database: Database;
  let guarded: Served;
  let unguarded: Served;
  let manager: TestActor;
  let people: TestActor[];

  beforeAll(async () => {
    const opened = await openPrivateDb('postgres');
    ({ database, dispose } = opened);
    guarded = await serve(opened.url!, { slotGuard: true });
    unguarded = await serve(opened.url!, { slotGuard: false });
    manager = await createActor(database, { role: 'venue_manager' });
    people = [];
    for (let i = 0; i < 32; i++) people.push(await createActor(database, { role: 'parent' }));
  }, 180_000);
  afterAll(async () => {
    for (const served of [guarded, unguarded]) {
      await served?.app.close();
      await served?.database.close();
    }
    await dispose?.();
  });

  async function newSlot(capacity: number) {
    const venue = await buildVenue(database.db, { organisationId: manager.organisationId! });
    return buildSlot(database.db, { venueId: venue.id, approval: 'none', capacity });
  }

  /** Places taken in the slot: confirmed, pending and held. */
  async function placesTaken(slotId: string): Promise<number> {
    const [row] = await database.db
      .select({ places: sql<number>`coalesce(sum(${bookings.places}), 0)`.mapWith(Number) })
      .from(bookings)
      .where(and(eq(bookings.slotId, slotId), inArray(bookings.status, ['confirmed', 'pending', 'held'])));
    return row!.places;
  }

  async function entriesOf(slotId: string) {
    return database.db
      .select()
      .from(waitlistEntries)
      .where(eq(waitlistEntries.slotId, slotId))
      .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id));
  }

  /**
   * One slot of 12: a held offer of 2 (people[0]), 9 single places booked (people[1..9]), 1 place free,
   * and two families of 2 waiting (people[10], people[11]). At once: the offer is accepted, people[1]
   * cancels (2 places free: the first family must be offered them) and a newcomer (people[12]) books the
   * free place. Either order is fine under the lock; without it both the offer and the newcomer take the
   * last place.
   */
  async function offerRace(server: Served) {
    const capacity = 12;
    const slot = await newSlot(capacity);
    const held = await buildBooking(database.db, slot.id, people[0]!.user.id, { status: 'held', places: 2 });
    await buildWaitlistEntry(database.db, slot.id, people[0]!.user.id, { status: 'offered', offerBookingId: held.id });
    const singles = [];
    for (let i = 1; i <= 9; i++)
      singles.push(await buildBooking(database.db, slot.id, people[i]!.user.id, { places: 1 }));
    for (const i of [10, 11]) await buildWaitlistEntry(database.db, slot.id, people[i]!.user.id, { places: 2 });

    const [accept, cancel, newcomer] = await Promise.all([
      post(server.base, `/api/bookings/${held.id}/accept`, people[0]!)(),
      post(server.base, `/api/bookings/${singles[0]!.id}/cancel`, people[1]!)(),
      post(server.base, '/api/bookings', people[12]!, family(slot.id, 1))(),
    ]);
    const [offered] = await database.db.select().from(bookings).where(eq(bookings.id, held.id));
    const taken = await placesTaken(slot.id);
    const waiting = (await entriesOf(slot.id)).filter((e) => e.status === 'waiting');
    // Rule 4 as a state: no family still waiting fits the places left free.
    const waitlistFirst = waiting.every((e) => e.places > capacity - taken);
    return { outcomes: [accept, cancel, newcomer], offered: offered!, taken, capacity, waitlistFirst };
  }

  it('a waitlist offer accepted while a new booking arrives: the offer keeps its places, nothing is oversold', async () => {
    const rounds = await Promise.all(Array.from({ length: 8 }, () => offerRace(guarded)));
    for (const round of rounds) {
      expect(round.outcomes.filter((o) => o.status >= 500)).toEqual([]);
      const [accept, cancel, newcomer] = round.outcomes;
      expect(accept).toMatchObject({ status: 200, body: { status: 'confirmed' } });
      expect(cancel!.status).toBe(200);
      expect([201, 409]).toContain(newcomer!.status);
      if (newcomer!.status === 409) expect(newcomer!.body.error?.code).toBe('SOLD_OUT');
      expect(round.offered).toMatchObject({ status: 'confirmed', places: 2, userId: people[0]!.user.id });
      expect(round.taken).toBeLessThanOrEqual(round.capacity);
      expect(round.waitlistFirst).toBe(true);
    }
  });

  it('positive control: without the slot guard the offer and the newcomer take the same place', async () => {
    let broken = false;
    for (let attempt = 0; attempt < 5 && !broken; attempt++) {
      const rounds = await Promise.all(Array.from({ length: 8 }, () => offerRace(unguarded)));
      broken = rounds.some((r) => r.taken > r.capacity || !r.waitlistFirst);
    }
    expect(broken).toBe(true);
  });

  /**
   * One full slot of 20 singles (people[0..19]) and ten families of 2 waiting (people[20..29]); ten of
   * the singles cancel at once. Under the lock every two freed places go to the next family in order:
   * five offers, nothing left free, none oversold.
   */
  async function cancelRace(server: Served) {
    const capacity = 20;
    const slot = await newSlot(capacity);
    const singles = [];
    for (let i = 0; i < 20; i++)
      singles.push(await buildBooking(database.db, slot.id, people[i]!.user.id, { places: 1 }));
    for (let i = 20; i < 30; i++) await buildWaitlistEntry(database.db, slot.id, people[i]!.user.id, { places: 2 });
    const outcomes = await Promise.all(
      singles.slice(0, 10).map((b, i) => post(server.base, `/api/bookings/${b.id}/cancel`, people[i]!)()),
    );
    const entries = await entriesOf(slot.id);
    const offers = await database.db
      .select()
      .from(bookings)
      .where(and(eq(bookings.slotId, slot.id), eq(bookings.status, 'held')));
    return { outcomes, entries, offers, taken: await placesTaken(slot.id), capacity };
  }

  it('ten cancels at once feed the waitlist: each freed place is offered once, to the families in order', async () => {
    const rounds = await Promise.all(Array.from({ length: 3 }, () => cancelRace(guarded)));
    for (const { outcomes, entries, offers, taken, capacity } of rounds) {
      expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);
      expect(offers).toHaveLength(5);
      expect(entries.map((e) => e.status)).toEqual([...Array(5).fill('offered'), ...Array(5).fill('waiting')]);
      // One held booking per offered entry, each of its own account.
      expect(new Set(offers.map((o) => o.userId)).size).toBe(5);
      expect(new Set(entries.filter((e) => e.offerBookingId).map((e) => e.offerBookingId))).toEqual(
        new Set(offers.map((o) => o.id)),
      );
      expect(taken).toBe(capacity);
    }
  });

  it('positive control: without the slot guard freed places are lost to the waitlist or offered twice', async () => {
    let broken = false;
    for (let attempt = 0; attempt < 5 && !broken; attempt++) {
      const rounds = await Promise.all(Array.from({ length: 3 }, () => cancelRace(unguarded)));
      broken = rounds.some((r) => r.offers.length !== 5 || r.taken !== r.capacity);
    }
    expect(broken).toBe(true);
  });
  it('two processes sweeping at once expire each lapsed offer once and offer its places onward once', async () => {
    const slotIds: string[] = [];
    for (let n = 0; n < 6; n++) {
      const slot = await newSlot(2);
      const held = await buildBooking(database.db, slot.id, people[0]!.user.id, { status: 'held', places: 2 });
      await buildWaitlistEntry(database.db, slot.id, people[0]!.user.id, {
        status: 'offered',
        offerBookingId: held.id,
      });
      await buildWaitlistEntry(database.db, slot.id, people[1]!.user.id, { places: 2 });
      await buildWaitlistEntry(database.db, slot.id, people[2]!.user.id, { places: 2 });
      await database.db.execute(
        sql`UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = ${held.id}`,
      );
      slotIds.push(slot.id);
    }
    const sweeps = await Promise.all([
      sweepLapsedOffers(guarded.database.db),
      sweepLapsedOffers(unguarded.database.db),
      sweepLapsedOffers(database.db),
    ]);
    expect(sweeps.reduce((sum, s) => sum + s.offers, 0)).toBe(6);
    for (const slotId of slotIds) {
      const entries = await entriesOf(slotId);
      expect(entries.map((e) => e.status)).toEqual(['expired', 'offered', 'waiting']);
      expect(await placesTaken(slotId)).toBe(2);
    }
    const expiredMessages = await database.db
      .select()
      .from(outboxMessages)
      .where(
        and(eq(outboxMessages.recipient, people[0]!.user.email), eq(outboxMessages.topic, 'waitlist_offer_expired')),
      );
    expect(expiredMessages).toHaveLength(6);
  });
});
