/**
 * Waitlist entries: parties waiting for places in a full slot, in order of joining. The rules live in
 * server/commands/*-waitlist.ts and waitlist-offers.ts; these functions read and write rows. Lock order
 * everywhere: the slot, then bookings, then waitlist entries.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { BookingKind, WaitlistStatus } from '../../domain/vocab.ts';
import type { Db } from '../client.ts';
import { bookings, programmes, slots, users, venues, waitlistEntries } from '../schema/index.ts';

/** Statuses of an entry still in the queue: waiting, or holding an offer. */
export const LIVE_WAITLIST_STATUSES = ['waiting', 'offered'] as const;

export type NewWaitlistEntry = typeof waitlistEntries.$inferInsert;

/**
 * Puts an entry at the end of the slot's queue. Its time is the clock's, not the transaction's start
 * (now()), so entries joined in one transaction keep their order too.
 */
export async function insertWaitlistEntry(db: Db, values: NewWaitlistEntry): Promise<string> {
  const [row] = await db
    .insert(waitlistEntries)
    .values({ createdAt: sql`clock_timestamp()`, ...values })
    .returning({ id: waitlistEntries.id });
  return row!.id;
}

/** The account's live entry on the slot's waitlist, if any. */
export async function liveEntryOf(db: Db, slotId: string, userId: string) {
  const [row] = await db
    .select({ id: waitlistEntries.id, status: waitlistEntries.status })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.slotId, slotId),
        eq(waitlistEntries.userId, userId),
        inArray(waitlistEntries.status, [...LIVE_WAITLIST_STATUSES]),
      ),
    );
  return row;
}

/**
 * The slot's waiting entries in order of joining, with who to tell, locked (FOR UPDATE) for the offer
 * that follows. The caller holds the slot's lock.
 */
export async function waitingEntriesOf(db: Db, slotId: string) {
  return db
    .select({
      id: waitlistEntries.id,
      userId: waitlistEntries.userId,
      kind: sql<BookingKind>`${waitlistEntries.kind}`,
      places: waitlistEntries.places,
      party: waitlistEntries.party,
      schoolId: waitlistEntries.schoolId,
      email: users.email,
      displayName: users.displayName,
    })
    .from(waitlistEntries)
    .innerJoin(users, eq(users.id, waitlistEntries.userId))
    .where(and(eq(waitlistEntries.slotId, slotId), eq(waitlistEntries.status, 'waiting')))
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
    .for('update', { of: waitlistEntries });
}
export type WaitingEntry = Awaited<ReturnType<typeof waitingEntriesOf>>[number];

/** The entry row, locked for a change of status. */
export async function lockWaitlistEntry(db: Db, id: string) {
  const [row] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, id)).for('update');
  return row;
}

/** The entry of the slot whose offer is this held booking, locked (after the booking, by the lock order). */
export async function lockEntryOfOffer(db: Db, slotId: string, bookingId: string) {
  const [row] = await db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.slotId, slotId), eq(waitlistEntries.offerBookingId, bookingId)))
    .for('update');
  return row;
}

export async function updateWaitlistEntry(
  db: Db,
  id: string,
  values: Partial<Pick<NewWaitlistEntry, 'status' | 'offerBookingId'>>,
) {
  await db
    .update(waitlistEntries)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(waitlistEntries.id, id));
}

/**
 * Marks the entries whose offers are these (lapsed) bookings as expired; answers them with who to tell.
 * Only entries still `offered` change, so an offer is counted expired once.
 */
export async function expireOffersOf(db: Db, slotId: string, bookingIds: string[]) {
  if (bookingIds.length === 0) return [];
  const expired = await db
    .update(waitlistEntries)
    .set({ status: 'expired', updatedAt: sql`now()` })
    .where(
      and(
        eq(waitlistEntries.slotId, slotId),
        eq(waitlistEntries.status, 'offered'),
        inArray(waitlistEntries.offerBookingId, bookingIds),
      ),
    )
    .returning({
      id: waitlistEntries.id,
      userId: waitlistEntries.userId,
      places: waitlistEntries.places,
      offerBookingId: waitlistEntries.offerBookingId,
    });
  return withPeople(db, expired);
}

/** Cancels the slot's live entries with the slot; answers the ones that were waiting, with who to tell. */
export async function cancelSlotWaitlist(db: Db, slotId: string) {
  const cancelled = await db
    .update(waitlistEntries)
    .set({ status: 'cancelled', updatedAt: sql`now()` })
    .where(and(eq(waitlistEntries.slotId, slotId), inArray(waitlistEntries.status, [...LIVE_WAITLIST_STATUSES])))
    .returning({
      id: waitlistEntries.id,
      userId: waitlistEntries.userId,
      places: waitlistEntries.places,
      offerBookingId: waitlistEntries.offerBookingId,
    });
  return withPeople(db, cancelled);
}

async function withPeople<T extends { userId: string }>(db: Db, rows: T[]) {
  if (rows.length === 0) return [];
  const people = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(rows.map((r) => r.userId))]));
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => ({ ...r, email: byId.get(r.userId)!.email, displayName: byId.get(r.userId)!.displayName }));
}

/** How long after a slot's allocation is released the sweep still looks at it (it runs every minute). */
export const RELEASE_SWEEP_WINDOW = '1 hour';

/**
 * Slots the sweep settles (at most `limit`): those with a held offer or a pending request past its
 * deadline, and those whose school allocation was released in the last RELEASE_SWEEP_WINDOW while
 * someone waits, since the places the allocation kept are now public and go to the waitlist first.
 * Each is then claimed with its lock, skipping those another process holds.
 */
export async function slotsToSettle(db: Db, limit: number): Promise<string[]> {
  const lapsed = db
    .selectDistinct({ slotId: bookings.slotId })
    .from(bookings)
    .where(and(inArray(bookings.status, ['held', 'pending']), sql`${bookings.expiresAt} <= now()`));
  const released = db
    .select({ slotId: slots.id })
    .from(slots)
    .where(
      and(
        eq(slots.status, 'scheduled'),
        sql`${slots.schoolAllocation} > 0`,
        sql`${slots.allocationReleaseAt} <= now()`,
        sql`${slots.allocationReleaseAt} > now() - ${RELEASE_SWEEP_WINDOW}::interval`,
        sql`EXISTS (SELECT 1 FROM ${waitlistEntries} w WHERE w.slot_id = ${slots.id} AND w.status = 'waiting')`,
      ),
    );
  const rows = await lapsed.union(released).limit(limit);
  return rows.map((r) => r.slotId);
}

/** Locks the slot for the sweep unless another transaction holds it (FOR UPDATE SKIP LOCKED); true when locked. */
export async function claimSlotForSweep(db: Db, slotId: string): Promise<boolean> {
  const rows = await db
    .select({ id: slots.id })
    .from(slots)
    .where(eq(slots.id, slotId))
    .for('update', { skipLocked: true });
  return rows.length > 0;
}

const detailColumns = {
  id: waitlistEntries.id,
  slotId: waitlistEntries.slotId,
  userId: waitlistEntries.userId,
  kind: sql<BookingKind>`${waitlistEntries.kind}`,
  status: sql<WaitlistStatus>`${waitlistEntries.status}`,
  places: waitlistEntries.places,
  party: waitlistEntries.party,
  schoolId: waitlistEntries.schoolId,
  offerBookingId: waitlistEntries.offerBookingId,
  offerExpiresAt: bookings.expiresAt,
  /** True while the offer's held booking still holds its places. */
  offerLive: sql<boolean>`(${bookings.status} = 'held' AND ${bookings.expiresAt} > now())`.mapWith(Boolean),
  /** Waiting entries of the slot before this one, for a waiting entry's place in the queue. */
  ahead:
    sql<number>`(SELECT count(*) FROM ${waitlistEntries} w WHERE w.slot_id = ${waitlistEntries.slotId} AND w.status = 'waiting' AND (w.created_at, w.id) < (${waitlistEntries.createdAt}, ${waitlistEntries.id}))`.mapWith(
      Number,
    ),
  createdAt: waitlistEntries.createdAt,
  updatedAt: waitlistEntries.updatedAt,
  venueId: slots.venueId,
  venueName: venues.nameZh,
  venueNameEn: venues.nameEn,
  slotTitle: sql<string | null>`coalesce(${slots.title}, ${programmes.titleZh})`,
  slotStatus: slots.status,
  startsAt: slots.startsAt,
  endsAt: slots.endsAt,
};

function detailQuery(db: Db) {
  return db
    .select(detailColumns)
    .from(waitlistEntries)
    .innerJoin(slots, eq(slots.id, waitlistEntries.slotId))
    .innerJoin(venues, eq(venues.id, slots.venueId))
    .leftJoin(programmes, eq(programmes.id, slots.programmeId))
    .leftJoin(bookings, eq(bookings.id, waitlistEntries.offerBookingId));
}

/** A waitlist entry with its slot, venue and offer, as the API presents it. */
export async function waitlistEntryDetail(db: Db, id: string) {
  const [row] = await detailQuery(db).where(eq(waitlistEntries.id, id));
  return row;
}
export type WaitlistEntryRow = NonNullable<Awaited<ReturnType<typeof waitlistEntryDetail>>>;

/** The account's waitlist entries, newest first. */
export async function waitlistEntriesOfUser(db: Db, userId: string, limit: number): Promise<WaitlistEntryRow[]> {
  return detailQuery(db)
    .where(eq(waitlistEntries.userId, userId))
    .orderBy(desc(waitlistEntries.createdAt), desc(waitlistEntries.id))
    .limit(limit);
}
