/**
 * Bookings: places taken in a slot by families and school groups.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ACTIVE_BOOKING_STATUSES } from '../../domain/vocab.ts';
import type { Db } from '../client.ts';
import { bookings, users } from '../schema/index.ts';

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
