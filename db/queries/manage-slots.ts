import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bookings, programmes, slotSeries, slots, users } from '../schema/index.ts';
import { ACTIVE_BOOKING_STATUSES } from '../../domain/vocab.ts';

export type NewSlot = typeof slots.$inferInsert;

/** Inserts a series' pattern (if any) and its slots in one go; answers the series id and the slots. */
export async function insertSlots(db: Db, series: typeof slotSeries.$inferInsert | undefined, rows: NewSlot[]) {
  let seriesId: string | null = null;
  if (series) {
    const [created] = await db.insert(slotSeries).values(series).returning({ id: slotSeries.id });
    seriesId = created!.id;
  }
  const created = await db
    .insert(slots)
    .values(rows.map((r) => ({ ...r, seriesId })))
    .returning();
  return { seriesId, slots: created.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()) };
}

export async function getSlot(db: Db, id: string) {
  const [row] = await db.select().from(slots).where(eq(slots.id, id));
  return row;
}

export async function cancelSlot(db: Db, id: string) {
  const [row] = await db
    .update(slots)
    .set({ status: 'cancelled' })
    .where(and(eq(slots.id, id), eq(slots.status, 'scheduled')))
    .returning();
  return row;
}

/** A venue's slots starting in [from, to), cancelled ones included, in time order. */
export async function venueSlotsForManagers(db: Db, venueId: string, from: Date, to: Date) {
  return db
    .select()
    .from(slots)
    .where(and(eq(slots.venueId, venueId), gte(slots.startsAt, from), lt(slots.startsAt, to)))
    .orderBy(asc(slots.startsAt), asc(slots.id))
    .limit(1000);
}

export async function programmeVenue(db: Db, programmeId: string): Promise<string | undefined> {
  const [row] = await db.select({ venueId: programmes.venueId }).from(programmes).where(eq(programmes.id, programmeId));
  return row?.venueId;
}

/**
 * Marks the slot's live bookings (held, pending, confirmed) as cancelled with the slot, and answers who
 * booked them, to be told. Runs in the cancellation's transaction.
 */
export async function cancelSlotBookings(db: Db, slotId: string) {
  const cancelled = await db
    .update(bookings)
    .set({ status: 'slot_cancelled', cancelledAt: sql`now()` })
    .where(and(eq(bookings.slotId, slotId), inArray(bookings.status, [...ACTIVE_BOOKING_STATUSES])))
    .returning({ id: bookings.id, code: bookings.code, places: bookings.places, userId: bookings.userId });
  if (cancelled.length === 0) return [];
  const people = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(cancelled.map((b) => b.userId))]));
  const byId = new Map(people.map((p) => [p.id, p]));
  return cancelled.map((b) => ({
    ...b,
    email: byId.get(b.userId)!.email,
    displayName: byId.get(b.userId)!.displayName,
  }));
}
