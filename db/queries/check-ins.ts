/**
 * Check-ins at the door and the venue's list of a slot's bookings. The rules live in
 * server/commands/check-in.ts; these functions read and write rows.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bookings, slots, users, venues, waitlistEntries } from '../schema/index.ts';
import { detailQuery, slotBookingFacts, type BookingDetailRow } from './bookings.ts';

/** The id of the booking with this (normalised) code. */
export async function bookingIdByCode(db: Db, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.code, code));
  return row?.id;
}

/**
 * Locks the booking row for a check-in, its undo or a count correction (FOR UPDATE), so two scans of one
 * code are decided one after the other. With the check-in lock switched off for the connection (the race
 * test's positive control, db/client.ts `checkInLock: false`) the row is not locked.
 */
export async function lockBookingForCheckIn(db: Db, id: string): Promise<void> {
  await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.id, id), sql`coalesce(current_setting('kaimen.check_in_lock', true), '') <> 'off'`))
    .for('update');
}

/** A booking's check-in as the door sees it: who checked it in, its slot's capacity, the database's clock. */
export async function checkInState(db: Db, id: string) {
  const [row] = await db
    .select({
      checkedInAt: bookings.checkedInAt,
      checkedInBy: bookings.checkedInBy,
      checkedInByName: users.displayName,
      capacity: slots.capacity,
      now: sql<Date>`now()`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(bookings)
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .leftJoin(users, eq(users.id, bookings.checkedInBy))
    .where(eq(bookings.id, id));
  return row;
}

/** Records (or, with nulls, clears) a check-in and the counts at the door. */
export async function setCheckIn(
  db: Db,
  id: string,
  values: {
    checkedInAt?: Date | null;
    checkedInBy?: string | null;
    arrivedAdults?: number | null;
    arrivedMinors?: number | null;
  },
): Promise<void> {
  await db
    .update(bookings)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(bookings.id, id));
}

/** A venue's name, address and point, for a booking's calendar entry. */
export async function venuePlace(db: Db, venueId: string) {
  const [row] = await db
    .select({
      id: venues.id,
      name: venues.nameZh,
      address: venues.addressZh,
      lng: sql<number>`ST_X(${venues.location})`.mapWith(Number),
      lat: sql<number>`ST_Y(${venues.location})`.mapWith(Number),
    })
    .from(venues)
    .where(eq(venues.id, venueId));
  return row;
}

/** Every booking of a slot, whatever its status: checked in first within each status, then oldest first. */
export async function slotBookings(db: Db, slotId: string): Promise<BookingDetailRow[]> {
  return detailQuery(db)
    .where(eq(bookings.slotId, slotId))
    .orderBy(
      sql`CASE ${bookings.status} WHEN 'confirmed' THEN 0 WHEN 'pending' THEN 1 WHEN 'held' THEN 2 ELSE 3 END`,
      asc(bookings.createdAt),
      asc(bookings.id),
    );
}

/** A slot's waitlist: entries still waiting or holding an offer, and the places they ask for. */
export async function slotWaitlistCount(db: Db, slotId: string): Promise<{ entries: number; places: number }> {
  const [row] = await db
    .select({
      entries: sql<number>`count(*)`.mapWith(Number),
      places: sql<number>`coalesce(sum(${waitlistEntries.places}), 0)`.mapWith(Number),
    })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.slotId, slotId), inArray(waitlistEntries.status, ['waiting', 'offered'])));
  return row ?? { entries: 0, places: 0 };
}

/** A slot's booking facts, its bookings and its waitlist's size, for the venue's list; undefined without the slot. */
export async function slotRoster(db: Db, slotId: string) {
  const slot = await slotBookingFacts(db, slotId);
  if (!slot) return undefined;
  return { slot, bookings: await slotBookings(db, slotId), waitlist: await slotWaitlistCount(db, slotId) };
}
