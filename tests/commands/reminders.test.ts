/**
 * The booking upkeep (server/services/booking-upkeep.ts) on both engines, in rolled-back transactions,
 * with its clock set in 2031 so no other data is due: the day-before window in Shanghai terms, one
 * reminder per confirmed booking (and none for cancelled, pending or started ones), the message, and the
 * purge of idempotency keys older than 48 hours (those of a day are kept).
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { bookings, idempotencyKeys, outboxMessages, programmes, venues } from '../../db/schema/index.ts';
import { localMidnight } from '../../domain/hours/local-time.ts';
import { reminderDueAt, reminderHorizon } from '../../domain/reminders.ts';
import { runBookingUpkeep, sendDueReminders } from '../../server/services/booking-upkeep.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { buildBooking, buildProgramme, buildSlot, buildVenue } from '../support/factories.ts';

const HOUR = 3_600_000;
/** A Shanghai wall-clock time on a day of March 2031. */
const at = (day: number, hh: number, mm = 0) =>
  new Date(localMidnight(`2031-03-${String(day).padStart(2, '0')}`) + hh * HOUR + mm * 60_000);

describe('when a reminder is due (Asia/Shanghai)', () => {
  it('at 09:00 on the day before the slot’s day, whatever the slot’s hour', () => {
    expect(reminderDueAt(at(8, 9))).toEqual(at(7, 9));
    expect(reminderDueAt(at(8, 20))).toEqual(at(7, 9));
    expect(reminderDueAt(at(8, 0, 30))).toEqual(at(7, 9));
    // Across a month's end: 1 April's reminder is due on 31 March.
    expect(reminderDueAt(new Date(localMidnight('2031-04-01') + 10 * HOUR))).toEqual(at(31, 9));
  });

  it('the horizon holds exactly the slots whose reminder is due, hour by hour over two days', () => {
    for (let hour = 0; hour < 48; hour++) {
      const now = at(7, hour, 17);
      for (let start = hour; start < 96; start++) {
        const startsAt = at(7, start);
        if (startsAt <= now) continue;
        const inWindow = startsAt < reminderHorizon(now);
        expect(inWindow, `${now.toISOString()} ${startsAt.toISOString()}`).toBe(reminderDueAt(startsAt) <= now);
      }
    }
  });
});

describe.each(testEngines())('the booking upkeep on %s', (engine) => {
  let database: Database;
  let manager: TestActor;
  let parents: TestActor[];

  beforeAll(async () => {
    database = await openTestDb(engine);
    manager = await createActor(database, { role: 'venue_manager' });
    parents = [];
    for (let i = 0; i < 6; i++) parents.push(await createActor(database, { role: 'parent' }));
  });
  afterAll(async () => {
    await database?.close();
  });

  async function slotAt(tx: Db, startsAt: Date, overrides: Parameters<typeof buildSlot>[1] = {}) {
    const venue = await buildVenue(tx, { organisationId: manager.organisationId!, nameZh: '提醒测试科技馆' });
    return buildSlot(tx, {
      venueId: venue.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      title: '周六科学秀',
      ...overrides,
    });
  }
  const remindersOf = (tx: Db, ids: string[]) =>
    tx
      .select()
      .from(outboxMessages)
      .where(inArray(outboxMessages.recipient, ids))
      .then((rows) => rows.filter((m) => m.topic === 'booking_reminder'));

  it('reminds each confirmed booking of the next day’s slots once, from 09:00 the day before, with code and calendar link', async () => {
    await rollback(database, async (tx) => {
      const morning = await slotAt(tx, at(8, 9));
      const evening = await slotAt(tx, at(8, 20));
      const dayAfter = await slotAt(tx, at(9, 0));
      const a = await buildBooking(tx, morning.id, parents[0]!.user.id, { places: 3 });
      const b = await buildBooking(tx, evening.id, parents[1]!.user.id);
      const c = await buildBooking(tx, dayAfter.id, parents[2]!.user.id);
      const emails = parents.slice(0, 3).map((p) => p.user.email);

      expect(await sendDueReminders(tx, { now: at(7, 8, 59) })).toBe(0);
      expect(await sendDueReminders(tx, { now: at(7, 9), publicUrl: 'https://kaimen.example' })).toBe(2);
      const sent = await remindersOf(tx, emails);
      expect(sent.map((m) => m.recipient).sort()).toEqual([parents[0]!.user.email, parents[1]!.user.email].sort());
      const message = sent.find((m) => m.recipient === parents[0]!.user.email)!;
      expect(message.subject).toMatch(/^行前提醒：提醒测试科技馆 .* \/ Reminder: /);
      expect(message.body).toContain(a.code);
      expect(message.body).toContain('3 人');
      expect(message.body).toContain('09:00');
      expect(message.body).toContain(`https://kaimen.example/api/bookings/${a.id}/calendar.ics?code=${a.code}`);
      expect(message.body.indexOf('您好')).toBeLessThan(message.body.indexOf('A reminder'));
      expect(message.data).toEqual({
        booking_id: a.id,
        code: a.code,
        calendar_path: `/api/bookings/${a.id}/calendar.ics?code=${a.code}`,
      });

      // Exactly once: later rounds the same day send nothing more for them.
      expect(await sendDueReminders(tx, { now: at(7, 9, 5) })).toBe(0);
      expect(await sendDueReminders(tx, { now: at(7, 23, 59) })).toBe(0);
      const rows = await tx
        .select()
        .from(bookings)
        .where(inArray(bookings.id, [a.id, b.id, c.id]));
      expect(Object.fromEntries(rows.map((r) => [r.id, r.remindedAt]))).toEqual({
        [a.id]: at(7, 9),
        [b.id]: at(7, 9),
        [c.id]: null,
      });
      // The next day's slot at 00:00 is reminded at 09:00 of the 8th.
      expect(await sendDueReminders(tx, { now: at(8, 9) })).toBe(1);
      expect(await remindersOf(tx, emails)).toHaveLength(3);
    });
  });

  it('a booking made after its reminder was due is reminded at the next round; a started slot is not', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotAt(tx, at(8, 10));
      await sendDueReminders(tx, { now: at(7, 12) });
      const late = await buildBooking(tx, slot.id, parents[0]!.user.id);
      expect(await sendDueReminders(tx, { now: at(8, 8) })).toBe(1);
      const [row] = await tx.select().from(bookings).where(eq(bookings.id, late.id));
      expect(row!.remindedAt).toEqual(at(8, 8));

      const started = await slotAt(tx, at(8, 7));
      await buildBooking(tx, started.id, parents[1]!.user.id);
      expect(await sendDueReminders(tx, { now: at(8, 7, 1) })).toBe(0);
    });
  });

  it('cancelled, pending, held and expired bookings and cancelled slots get no reminder', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotAt(tx, at(8, 9));
      for (const [i, status] of (['cancelled', 'pending', 'held', 'expired', 'declined'] as const).entries()) {
        await buildBooking(tx, slot.id, parents[i]!.user.id, { status });
      }
      const cancelledSlot = await slotAt(tx, at(8, 10), { status: 'cancelled' });
      await buildBooking(tx, cancelledSlot.id, parents[5]!.user.id, { status: 'slot_cancelled' });
      expect(await sendDueReminders(tx, { now: at(7, 10) })).toBe(0);
      expect(
        await remindersOf(
          tx,
          parents.map((p) => p.user.email),
        ),
      ).toEqual([]);
    });
  });

  it('a booking at a suspended venue or programme is not reminded while the suspension lasts; after reinstatement it is', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotAt(tx, at(8, 9));
      await buildBooking(tx, slot.id, parents[0]!.user.id);
      const programme = await buildProgramme(tx, { venueId: slot.venueId, status: 'suspended' });
      const inProgramme = await slotAt(tx, at(8, 11), { programmeId: programme.id, kind: 'programme' });
      await buildBooking(tx, inProgramme.id, parents[1]!.user.id);
      await tx.update(venues).set({ status: 'suspended' }).where(eq(venues.id, slot.venueId));
      expect(await sendDueReminders(tx, { now: at(7, 10) })).toBe(0);

      await tx.update(venues).set({ status: 'published' }).where(eq(venues.id, slot.venueId));
      expect(await sendDueReminders(tx, { now: at(7, 11) })).toBe(1);
      await tx.update(programmes).set({ status: 'published' }).where(eq(programmes.id, programme.id));
      expect(await sendDueReminders(tx, { now: at(7, 12) })).toBe(1);
      expect(await remindersOf(tx, [parents[0]!.user.email, parents[1]!.user.email])).toHaveLength(2);
    });
  });

  it('works through more bookings than one batch', async () => {
    await rollback(database, async (tx) => {
      const slot = await slotAt(tx, at(8, 9), { capacity: 100 });
      for (const parent of parents) await buildBooking(tx, slot.id, parent.user.id);
      expect(await sendDueReminders(tx, { now: at(7, 9), batch: 4 })).toBe(6);
      expect(await sendDueReminders(tx, { now: at(7, 9), batch: 4 })).toBe(0);
    });
  });

  it('purges idempotency keys older than 48 hours and keeps those of the last day', async () => {
    await rollback(database, async (tx) => {
      const key = (name: string, hoursAgo: number) => ({
        userId: parents[0]!.user.id,
        key: `${name}-${Math.random()}`,
        fingerprint: 'x',
        statusCode: 201,
        body: {},
        createdAt: new Date(Date.now() - hoursAgo * HOUR),
      });
      const old = key('old', 49);
      const dayOld = key('day', 30);
      const fresh = key('fresh', 1);
      await tx.insert(idempotencyKeys).values([old, dayOld, fresh]);
      const result = await runBookingUpkeep(tx, { now: at(1, 0) });
      expect(result.idempotencyKeysPurged).toBeGreaterThanOrEqual(1);
      const left = await tx
        .select({ key: idempotencyKeys.key })
        .from(idempotencyKeys)
        .where(inArray(idempotencyKeys.key, [old.key, dayOld.key, fresh.key]));
      expect(left.map((k) => k.key).sort()).toEqual([dayOld.key, fresh.key].sort());
    });
  });
});
