/**
 * Slots (bookable times of open days and programmes): what's on for the public, and the venue's own.
 */
import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bookings, programmes, slots, slotSeries, users, venues } from '../schema/index.ts';
import { placesTakenIn, takesPlaces } from './bookings.ts';
import { schoolGroupFits, venueFilterConditions, type VenueFilters } from './venue-search.ts';

export interface SlotSearch extends VenueFilters {
  from: Date;
  to: Date;
  /** Only slots of one venue. */
  venueId?: string | undefined;
  kind?: 'open_day' | 'programme' | undefined;
  limit: number;
  after?: { startsAt: string; id: string } | undefined;
}

export interface SlotRow {
  id: string;
  venueId: string;
  venueName: string;
  venueNameEn: string | null;
  lng: number;
  lat: number;
  distanceM: number | null;
  programmeId: string | null;
  kind: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  schoolAllocation: number;
  allocationReleaseAt: Date | null;
  bookingOpensAt: Date | null;
  bookingClosesAt: Date | null;
  isSample: boolean;
  /** Which bookings wait for the venue's approval (APPROVAL_POLICIES). */
  approval: string;
  /** Whether a group may take public places when the school allocation is short. */
  groupsUsePublic: boolean;
  cancelHoursBefore: number;
  /** Places live bookings take from the school allocation and from the public. */
  takenPublic: number;
  takenSchool: number;
}

/**
 * Scheduled slots starting in [from, to) at venues matching the filters, in time order (ties on id,
 * so keyset pages never repeat or skip), with the places their live bookings take from the school
 * allocation and from the public.
 */
export async function findSlots(db: Db, search: SlotSearch): Promise<SlotRow[]> {
  const point = search.near
    ? sql`ST_SetSRID(ST_MakePoint(${search.near.lng}, ${search.near.lat}), 4326)::geography`
    : undefined;
  const conditions: SQL[] = [
    ...venueFilterConditions(search),
    eq(slots.status, 'scheduled'),
    // A programme's slots show only while it is published (not a draft, not suspended by the bureau).
    sql`(${slots.programmeId} IS NULL OR EXISTS (SELECT 1 FROM ${programmes} p WHERE p.id = ${slots.programmeId} AND p.status = 'published'))`,
    gte(slots.startsAt, search.from),
    lt(slots.startsAt, search.to),
  ];
  if (search.venueId) conditions.push(eq(slots.venueId, search.venueId));
  if (search.schoolPlaces) {
    // The slot itself holds school places now, and the class fits.
    conditions.push(schoolGroupFits('"slots"', search.groupSize ?? 1));
  } else if (search.groupSize !== undefined) {
    // A class fits only a slot with room for all of it.
    conditions.push(sql`${slots.capacity} >= ${search.groupSize}::int`);
  }
  if (search.kind) conditions.push(eq(slots.kind, search.kind));
  if (search.after) {
    conditions.push(
      sql`(${slots.startsAt}, ${slots.id}) > (${search.after.startsAt}::timestamptz, ${search.after.id}::uuid)`,
    );
  }
  return db
    .select({
      id: slots.id,
      venueId: slots.venueId,
      venueName: venues.nameZh,
      venueNameEn: venues.nameEn,
      lng: sql<number>`ST_X(${venues.location})`.mapWith(Number),
      lat: sql<number>`ST_Y(${venues.location})`.mapWith(Number),
      distanceM: point
        ? sql<number>`(${venues.location}::geography <-> ${point})`.mapWith(Number)
        : sql<null>`NULL::float8`,
      programmeId: slots.programmeId,
      kind: slots.kind,
      title: slots.title,
      startsAt: slots.startsAt,
      endsAt: slots.endsAt,
      capacity: slots.capacity,
      schoolAllocation: slots.schoolAllocation,
      allocationReleaseAt: slots.allocationReleaseAt,
      bookingOpensAt: slots.bookingOpensAt,
      bookingClosesAt: slots.bookingClosesAt,
      isSample: slots.isSample,
      approval: slots.approval,
      groupsUsePublic: slots.groupsUsePublic,
      cancelHoursBefore: slots.cancelHoursBefore,
      ...placesTakenIn(sql`${slots.id}`),
    })
    .from(slots)
    .innerJoin(venues, eq(venues.id, slots.venueId))
    .where(and(...conditions))
    .orderBy(asc(slots.startsAt), asc(slots.id))
    .limit(search.limit);
}
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
export type ManagedSlotRow = typeof slots.$inferSelect;
export async function getSlot(db: Db, id: string): Promise<ManagedSlotRow | undefined> {
  const [row] = await db.select().from(slots).where(eq(slots.id, id));
  return row;
}
/** Cancels a scheduled slot and answers it; undefined when it was not scheduled (already cancelled). */
export async function markSlotCancelled(db: Db, id: string): Promise<ManagedSlotRow | undefined> {
  const [row] = await db
    .update(slots)
    .set({ status: 'cancelled' })
    .where(and(eq(slots.id, id), eq(slots.status, 'scheduled')))
    .returning();
  return row;
}
/** A venue's slots starting in [from, to), cancelled ones included, in time order. */
export async function venueSlotsForManagers(db: Db, venueId: string, from: Date, to: Date): Promise<ManagedSlotRow[]> {
  return db
    .select()
    .from(slots)
    .where(and(eq(slots.venueId, venueId), gte(slots.startsAt, from), lt(slots.startsAt, to)))
    .orderBy(asc(slots.startsAt), asc(slots.id))
    .limit(1000);
}

/**
 * The slot's bookings that take places now, oldest first, with whom to tell: the bookings a capacity cut
 * may cancel (newest first) or re-split. Read under the slot's lock.
 */
export async function placeTakingBookings(db: Db, slotId: string) {
  return db
    .select({
      id: bookings.id,
      userId: bookings.userId,
      status: bookings.status,
      kind: bookings.kind,
      code: bookings.code,
      places: bookings.places,
      schoolPlaces: bookings.schoolPlaces,
      publicPlaces: bookings.publicPlaces,
      email: users.email,
      displayName: users.displayName,
    })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.userId))
    .where(and(eq(bookings.slotId, slotId), takesPlaces()))
    .orderBy(asc(bookings.createdAt), asc(bookings.id));
}
export type PlaceTakingBooking = Awaited<ReturnType<typeof placeTakingBookings>>[number];

/** Changes a slot's settings and answers the row (migration 0008's trigger re-checks a cut of its places). */
export async function updateSlotRow(db: Db, id: string, values: Partial<NewSlot>): Promise<ManagedSlotRow> {
  const [row] = await db.update(slots).set(values).where(eq(slots.id, id)).returning();
  return row!;
}
