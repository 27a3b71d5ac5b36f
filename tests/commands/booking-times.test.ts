/**
 * PRODUCT.md rule 8 for bookings: times are stored as instants (UTC), answered in UTC ISO form, and shown
 * to people in Asia/Shanghai — whatever time zone the database session or the server happens to use.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { bookingDetail } from '../../db/queries/bookings.ts';
import { slots } from '../../db/schema/index.ts';
import { createBooking } from '../../server/commands/create-booking.ts';
import { presentBooking } from '../../server/presenters/booking.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { messagesTo } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildSlot, buildVenue } from '../support/factories.ts';

describe.each(testEngines())('booking times on %s', (engine) => {
  let database: Database;
  let manager: TestActor;
  let parent: TestActor;

  beforeAll(async () => {
    database = await openTestDb(engine);
    manager = await createActor(database, { role: 'venue_manager' });
    parent = await createActor(database, { role: 'parent' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('rule 8: a booking is stored and answered in UTC and told in Beijing time, whatever the session’s zone', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const startsAt = new Date(Date.UTC(2030, 4, 18, 1, 30)); // 09:30 on 18 May 2030 in Beijing
      const slot = await buildSlot(tx, {
        venueId: venue.id,
        approval: 'all',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      });
      // A session set to another zone changes nothing stored or answered.
      await tx.execute(sql`SET LOCAL TimeZone = 'America/New_York'`);
      const booking = await createBooking(tx, actorOf(parent), {
        slot_id: slot.id,
        kind: 'family',
        adults: 1,
        children_by_band: { '0-5': 1 },
      });
      const [stored] = await tx
        .select({ utc: sql<string>`to_char(${slots.startsAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI')` })
        .from(slots)
        .where(eq(slots.id, slot.id));
      expect(stored!.utc).toBe('2030-05-18T01:30');
      const answered = presentBooking((await bookingDetail(tx, booking.id))!);
      expect(answered.slot.starts_at).toBe('2030-05-18T01:30:00.000Z');
      for (const at of [answered.created_at, answered.expires_at!, answered.cancel_until]) expect(at).toMatch(/Z$/);
      const [message] = await messagesTo(tx, parent.user.email);
      // The slot's time is told in Beijing time, never as its UTC clock (the approval deadline, which
      // follows from now, may itself fall at any minute, 01:30 included).
      expect(message!.body).toContain('2030年5月18日 09:30（北京时间）');
      expect(message!.body).toContain('18 May 2030 at 09:30 (Beijing time)');
      expect(message!.body).not.toContain('2030年5月18日 01:30');
      expect(message!.body).not.toContain('18 May 2030 at 01:30');
    });
  });
});
