import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { bookings, slotSeries } from '../../db/schema/index.ts';
import { cancelSlot } from '../../server/commands/cancel-slot.ts';
import { createSlots } from '../../server/commands/create-slots.ts';
import type { CreateSlotsBody } from '../../server/schemas/slot-times.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf, messagesTo } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildBooking, buildProgramme, buildSlot, buildVenue } from '../support/factories.ts';

/** A Shanghai day `days` from today, as YYYY-MM-DD. */
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** One slot 09:00–11:00 Beijing time, a week ahead. */
const single = (overrides: Partial<CreateSlotsBody> = {}): CreateSlotsBody => ({
  capacity: 40,
  single: { starts_at: `${dayAhead(7)}T01:00:00Z`, ends_at: `${dayAhead(7)}T03:00:00Z` },
  ...overrides,
});

describe.each(testEngines())('slot commands on %s', (engine) => {
  let database: Database;
  let manager: TestActor;
  let stranger: TestActor;
  let family: TestActor;
  let other: TestActor;

  beforeAll(async () => {
    database = await openTestDb(engine);
    manager = await createActor(database, { role: 'venue_manager' });
    stranger = await createActor(database, { role: 'venue_manager' });
    family = await createActor(database, { role: 'parent' });
    other = await createActor(database, { role: 'parent' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('createSlots publishes one slot with a school allocation released before the start, and audits it', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const body = single({ title: ' 周末开放日 ', school_allocation: 10, allocation_release_hours: 48 });
      const created = await createSlots(tx, actorOf(manager), { venueId: venue.id, slots: body });
      expect(created.seriesId).toBeNull();
      const [slot] = created.slots;
      expect(slot).toMatchObject({ kind: 'open_day', title: '周末开放日', capacity: 40, schoolAllocation: 10 });
      expect(slot!.startsAt.getTime() - slot!.allocationReleaseAt!.getTime()).toBe(48 * 3_600_000);
      const [entry] = await auditOf(tx, slot!.id);
      expect(entry).toMatchObject({ action: 'slots.create', entityType: 'slot', actorId: manager.user.id });
      expect(entry!.after).toMatchObject({ venue_id: venue.id, slots: 1 });
    });
  });

  it("createSlots makes a weekly series of a venue's programme, skipping the exception days", async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const programme = await buildProgramme(tx, { venueId: venue.id });
      const [first, last] = [dayAhead(3), dayAhead(30)];
      const created = await createSlots(tx, actorOf(manager), {
        venueId: venue.id,
        slots: {
          capacity: 25,
          programme_id: programme.id,
          recurring: {
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            start_time: '14:00',
            end_time: '15:30',
            first_day: first,
            last_day: last,
            except_days: [dayAhead(10)],
          },
        },
      });
      expect(created.slots).toHaveLength(27);
      expect(created.slots.every((s) => s.kind === 'programme' && s.seriesId === created.seriesId)).toBe(true);
      const [series] = await tx.select().from(slotSeries).where(eq(slotSeries.id, created.seriesId!));
      expect(series).toMatchObject({ venueId: venue.id, startTime: '14:00', firstDay: first, lastDay: last });
      const [entry] = await auditOf(tx, created.seriesId!);
      expect(entry).toMatchObject({ action: 'slots.create', entityType: 'slot_series' });
    });
  });

  it('createSlots refuses bad shapes, allocations and times with their codes, and others’ venues', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const elsewhere = await buildProgramme(tx);
      const create = (slots: CreateSlotsBody, as = manager) =>
        codeOf(createSlots(tx, actorOf(as), { venueId: venue.id, slots }));
      expect(await create(single(), stranger)).toBe('NOT_YOUR_VENUE');
      expect(await create({ capacity: 10 })).toBe('INVALID_SLOT_TIMES');
      expect(await create(single({ school_allocation: 50 }))).toBe('INVALID_ALLOCATION');
      expect(await create(single({ school_allocation: 5 }))).toBe('INVALID_ALLOCATION');
      expect(await create(single({ programme_id: elsewhere.id }))).toBe('PROGRAMME_NOT_AT_VENUE');
      const yesterday = dayAhead(-1);
      expect(
        await create({
          capacity: 10,
          single: { starts_at: `${yesterday}T01:00:00Z`, ends_at: `${yesterday}T02:00:00Z` },
        }),
      ).toBe('SLOT_IN_PAST');
      const week = {
        weekdays: [1],
        start_time: '10:00',
        end_time: '09:00',
        first_day: dayAhead(1),
        last_day: dayAhead(20),
      };
      expect(await create({ capacity: 10, recurring: week })).toBe('INVALID_SLOT_TIMES');
    });
  });

  it('cancelSlot cancels the live bookings with the slot, tells each booker why, and audits them', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const slot = await buildSlot(tx, { venueId: venue.id });
      const live = await buildBooking(tx, slot.id, family.user.id);
      const gone = await buildBooking(tx, slot.id, other.user.id, { status: 'cancelled' });
      const cancelled = await cancelSlot(tx, actorOf(manager), { slotId: slot.id, reason: ' 暴雨红色预警 ' });
      expect(cancelled.status).toBe('cancelled');
      const statuses = await tx.select().from(bookings).where(eq(bookings.slotId, slot.id));
      expect(Object.fromEntries(statuses.map((b) => [b.id, b.status]))).toEqual({
        [live.id]: 'slot_cancelled',
        [gone.id]: 'cancelled',
      });
      const [message] = await messagesTo(tx, family.user.email);
      expect(message).toMatchObject({ topic: 'slot_cancelled', data: { booking_id: live.id, code: live.code } });
      expect(message!.body).toContain('原因：暴雨红色预警');
      expect(await messagesTo(tx, other.user.email)).toEqual([]);
      const [entry] = await auditOf(tx, slot.id);
      expect(entry).toMatchObject({ action: 'slot.cancel', before: { status: 'scheduled' } });
      expect(entry!.after).toEqual({ status: 'cancelled', reason: '暴雨红色预警', bookings_cancelled: [live.id] });
    });
  });

  it('cancelSlot refuses a second cancellation (SLOT_ALREADY_CANCELLED), an unknown slot and others’ slots', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const slot = await buildSlot(tx, { venueId: venue.id });
      const cancel = (slotId: string, as = manager) => codeOf(cancelSlot(tx, actorOf(as), { slotId, reason: '闭馆' }));
      expect(await cancel(slot.id, stranger)).toBe('NOT_YOUR_VENUE');
      expect(await cancel(slot.id)).toBe('no error');
      expect(await cancel(slot.id)).toBe('SLOT_ALREADY_CANCELLED');
      expect(await cancel('00000000-0000-4000-8000-000000000000')).toBe('SLOT_NOT_FOUND');
      expect((await auditOf(tx, slot.id)).map((e) => e.action)).toEqual(['slot.cancel']);
    });
  });
});
