/**
 * The day-before reminders (server/services/booking-upkeep.ts): which confirmed bookings are due one,
 * claimed so that several processes never remind a booking twice.
 */
import { and, asc, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bookings, programmes, slots, users, venues } from '../schema/index.ts';

/**
 * Claims up to `limit` confirmed, not yet reminded bookings of scheduled slots starting in
 * [now, horizon), at a published venue and not in a suspended programme, locking their rows (FOR UPDATE SKIP LOCKED): another process running the same claim
 * skips rows locked here, and once this transaction commits their reminded_at excludes them. With
 * `claim: false` (the positive control of the race test only) nothing is locked.
 *
 * A booking at a venue the bureau suspended (or its programme) keeps standing — the venue or the bureau
 * decides whether the visit happens — but is not reminded while the suspension lasts: "see you tomorrow"
 * for a place the bureau has just stopped would mislead a family. Its reminder goes out if the venue is
 * reinstated before the slot starts.
 */
export async function claimDueReminders(
  db: Db,
  window: { now: Date; horizon: Date; limit: number; claim?: boolean },
): Promise<string[]> {
  const query = db
    .select({ id: bookings.id })
    .from(bookings)
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .innerJoin(venues, eq(venues.id, slots.venueId))
    .leftJoin(programmes, eq(programmes.id, slots.programmeId))
    .where(
      and(
        eq(bookings.status, 'confirmed'),
        isNull(bookings.remindedAt),
        eq(slots.status, 'scheduled'),
        eq(venues.status, 'published'),
        or(isNull(programmes.id), ne(programmes.status, 'suspended')),
        gt(slots.startsAt, window.now),
        lt(slots.startsAt, window.horizon),
      ),
    )
    .orderBy(asc(slots.startsAt), asc(bookings.id))
    .limit(window.limit);
  const rows = window.claim === false ? await query : await query.for('update', { of: bookings, skipLocked: true });
  return rows.map((r) => r.id);
}

/** What a reminder says of each booking: its code, party, booker, venue and start. */
export async function reminderFacts(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: bookings.id,
      code: bookings.code,
      places: bookings.places,
      email: users.email,
      displayName: users.displayName,
      venueName: venues.nameZh,
      slotTitle: sql<string | null>`coalesce(${slots.title}, ${programmes.titleZh})`,
      startsAt: slots.startsAt,
    })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.userId))
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .innerJoin(venues, eq(venues.id, slots.venueId))
    .leftJoin(programmes, eq(programmes.id, slots.programmeId))
    .where(inArray(bookings.id, ids))
    .orderBy(asc(slots.startsAt), asc(bookings.id));
}

/** Marks the bookings reminded. */
export async function markReminded(db: Db, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(bookings).set({ remindedAt: at }).where(inArray(bookings.id, ids));
}
