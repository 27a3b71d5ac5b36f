/**
 * Bookings: places taken in a slot by families and school groups. The rules live in
 * server/commands/*-booking.ts and domain/booking.ts; these functions read and write rows.
 */
import { and, asc, desc, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { ACTIVE_BOOKING_STATUSES, type BookingKind, type BookingStatus } from '../../domain/vocab.ts';
import { preparedRows, type Db } from '../client.ts';
import {
  auditLog,
  bookings,
  programmes,
  schoolMembers,
  schools,
  slots,
  users,
  venues,
  waitlistEntries,
} from '../schema/index.ts';

/**
 * True for a booking whose places are taken now: confirmed, or held or pending until its deadline.
 * Migration 0008's trigger counts with the same rule.
 */
export function takesPlaces(b: { status: unknown; expiresAt: unknown } = bookings): SQL {
  return sql`(${b.status} = 'confirmed' OR (${b.status} IN ('held', 'pending') AND ${b.expiresAt} > now()))`;
}

/** Places a slot's bookings take now, school allocation and public apart. */
export function placesTakenIn(slotId: SQL | string) {
  const slot = typeof slotId === 'string' ? sql`${slotId}::uuid` : slotId;
  return {
    takenSchool:
      sql<number>`(SELECT coalesce(sum(b.school_places), 0) FROM ${bookings} b WHERE b.slot_id = ${slot} AND (b.status = 'confirmed' OR (b.status IN ('held', 'pending') AND b.expires_at > now())))`.mapWith(
        Number,
      ),
    takenPublic:
      sql<number>`(SELECT coalesce(sum(b.public_places), 0) FROM ${bookings} b WHERE b.slot_id = ${slot} AND (b.status = 'confirmed' OR (b.status IN ('held', 'pending') AND b.expires_at > now())))`.mapWith(
        Number,
      ),
  };
}

/**
 * Locks the slot row for the booking decision that follows (FOR UPDATE), so bookings of one slot are
 * decided one at a time. With the slot guard switched off for the connection (the race tests' positive
 * control, see db/client.ts) the row is not locked.
 */
export async function lockSlotForBooking(db: Db, slotId: string): Promise<void> {
  await preparedRows(db, LOCK_SLOT, [slotId]);
}

const LOCK_SLOT = `SELECT id FROM slots
  WHERE id = $1::uuid AND coalesce(current_setting('kaimen.slot_guard', true), '') <> 'off'
  FOR UPDATE`;

/** The slot's columns a booking decision reads, with the places its bookings take now and the database's time. */
const slotFactColumns = {
  id: slots.id,
  venueId: slots.venueId,
  venueName: venues.nameZh,
  venueNameEn: venues.nameEn,
  venueStatus: venues.status,
  venueAdcode: venues.adcode,
  organisationId: venues.organisationId,
  createdBy: venues.createdBy,
  programmeId: slots.programmeId,
  programmeStatus: programmes.status,
  programmeTitle: programmes.titleZh,
  title: slots.title,
  status: slots.status,
  startsAt: slots.startsAt,
  endsAt: slots.endsAt,
  capacity: slots.capacity,
  schoolAllocation: slots.schoolAllocation,
  allocationReleaseAt: slots.allocationReleaseAt,
  bookingOpensAt: slots.bookingOpensAt,
  bookingClosesAt: slots.bookingClosesAt,
  approval: slots.approval,
  approvalHours: slots.approvalHours,
  cancelHoursBefore: slots.cancelHoursBefore,
  groupsUsePublic: slots.groupsUsePublic,
  maxFamilyParty: slots.maxFamilyParty,
  waitlistOpen: slots.waitlistOpen,
  isSample: slots.isSample,
  groupMin: programmes.groupMin,
  groupMax: programmes.groupMax,
  gradeMin: programmes.gradeMin,
  gradeMax: programmes.gradeMax,
  ...placesTakenIn(sql`${slots.id}`),
  now: sql<Date>`now()`.mapWith((v: string | Date) => new Date(v)),
};

/** Everything a booking decision needs to know of a slot, read after its lock; the time is the database's. */
export async function slotBookingFacts(db: Db, slotId: string) {
  const [row] = await db
    .select(slotFactColumns)
    .from(slots)
    .innerJoin(venues, eq(venues.id, slots.venueId))
    .leftJoin(programmes, eq(programmes.id, slots.programmeId))
    .where(eq(slots.id, slotId));
  return row;
}
export type SlotBookingFacts = NonNullable<Awaited<ReturnType<typeof slotBookingFacts>>>;

/** Who asks for places: the account, and for a group the school it books for. */
export interface Booker {
  userId: string;
  schoolId: string | null;
}

/**
 * Everything one booking decision reads: the slot's facts (as slotBookingFacts), the booker's live booking
 * of the slot, and for a group whether the school exists, is verified and counts the booker among its
 * approved teachers (composed from bookingBatchFacts and groupStanding).
 */
export type BookingDecisionFacts = SlotBookingFacts & {
  liveBookingId: string | null;
  schoolExists: boolean;
  schoolVerified: boolean;
  schoolMember: boolean;
};

/** Marks the slot's held offers and pending requests whose deadline passed as expired; answers them. */
export async function expireLapsedBookings(db: Db, slotId: string) {
  return db
    .update(bookings)
    .set({ status: 'expired', updatedAt: sql`now()` })
    .where(
      and(
        eq(bookings.slotId, slotId),
        inArray(bookings.status, ['held', 'pending']),
        sql`${bookings.expiresAt} <= now()`,
      ),
    )
    .returning({ id: bookings.id, userId: bookings.userId, status: bookings.status });
}

/** The account's live booking of the slot, if any. */
export async function liveBookingOf(db: Db, slotId: string, userId: string) {
  const [row] = await db
    .select({ id: bookings.id, status: bookings.status })
    .from(bookings)
    .where(
      and(
        eq(bookings.slotId, slotId),
        eq(bookings.userId, userId),
        inArray(bookings.status, [...ACTIVE_BOOKING_STATUSES]),
      ),
    );
  return row;
}

/**
 * Everything a batch of booking decisions reads of the slot, in ONE statement: its facts (as
 * slotBookingFacts), the live booking of the slot, if any, of each of the accounts, and whether the slot
 * needs settling first (settleSlot): a held offer or pending request past its deadline, or an entry
 * waiting on its waitlist.
 */
export async function bookingBatchFacts(db: Db, slotId: string, userIds: string[]) {
  const [row] = await db
    .select({
      ...slotFactColumns,
      // One array parameter: PostgreSQL hashes it (a linear pass over the slot's bookings whatever the
      // statistics say). The JSON list this replaced was joined by a plan chosen on stale statistics in a
      // rush (the table empty when last analysed): a nested loop, 0.2–1.3 s for 5,000 accounts.
      liveBookings: sql<{ user: string; id: string }[] | string>`(
        SELECT coalesce(json_agg(json_build_object('user', b.user_id, 'id', b.id)), '[]'::json)
        FROM ${bookings} b
        WHERE b.slot_id = ${slots.id} AND b.status IN ('held', 'pending', 'confirmed')
          AND b.user_id = ANY(${sql.placeholder('userIds')}::uuid[]))`,
      lapsedHolds: sql<boolean>`EXISTS (SELECT 1 FROM ${bookings} b WHERE b.slot_id = ${slots.id}
        AND b.status IN ('held', 'pending') AND b.expires_at <= now())`.mapWith(Boolean),
      waitlistWaiting: sql<boolean>`EXISTS (SELECT 1 FROM ${waitlistEntries} w WHERE w.slot_id = ${slots.id}
        AND w.status = 'waiting')`.mapWith(Boolean),
      // The race tests' positive control (db/client.ts, slotGuard: false) switched the guard off here.
      guardOff: sql<boolean>`coalesce(current_setting('kaimen.slot_guard', true), '') = 'off'`.mapWith(Boolean),
    })
    .from(slots)
    .innerJoin(venues, eq(venues.id, slots.venueId))
    .leftJoin(programmes, eq(programmes.id, slots.programmeId))
    .where(eq(slots.id, sql.placeholder('slotId')))
    // Prepared (a fixed text): planned once per connection, not on every batch (db/client.ts, preparedRows).
    .prepare('kaimen_booking_batch_facts')
    .execute({ slotId, userIds });
  if (!row) return undefined;
  const { liveBookings, lapsedHolds, waitlistWaiting, guardOff, ...slot } = row;
  const live =
    typeof liveBookings === 'string' ? (JSON.parse(liveBookings) as { user: string; id: string }[]) : liveBookings;
  return { slot, live: new Map(live.map((b) => [b.user, b.id])), lapsedHolds, waitlistWaiting, guardOff };
}

/** Whether the account is an approved member of the school, and whether the bureau verified the school. */
export async function groupStanding(db: Db, userId: string, schoolId: string) {
  const [row] = await db
    .select({
      schoolExists: sql<boolean>`true`,
      verified: sql<boolean>`${schools.verificationStatus} = 'verified'`,
      member: sql<boolean>`EXISTS (SELECT 1 FROM ${schoolMembers} m WHERE m.school_id = ${schools.id}
        AND m.user_id = ${sql.placeholder('userId')}::uuid AND m.status = 'approved')`,
    })
    .from(schools)
    .where(eq(schools.id, sql.placeholder('schoolId')))
    .prepare('kaimen_group_standing')
    .execute({ userId, schoolId });
  return row ?? { schoolExists: false, verified: false, member: false };
}

export type NewBooking = Omit<typeof bookings.$inferInsert, 'code'>;

/** Inserts a booking under a fresh code (a clash with an existing code draws another); answers its id and code. */
export async function insertBooking(
  db: Db,
  values: NewBooking,
  newCode: () => string,
): Promise<{ id: string; code: string }> {
  for (;;) {
    const [row] = await db
      .insert(bookings)
      .values({ ...values, code: newCode() })
      .onConflictDoNothing({ target: bookings.code })
      .returning({ id: bookings.id, code: bookings.code });
    if (row) return row;
  }
}

/** A message to queue with a new booking (outbox_messages' columns). */
export interface BookingMessage {
  recipient: string;
  topic: string;
  subject: string;
  body: string;
  data?: Record<string, unknown> | undefined;
}

/** A new booking's columns (the others take their defaults), its id and code chosen by the caller. */
export type NewBookingValues = Pick<
  typeof bookings.$inferInsert,
  | 'slotId'
  | 'userId'
  | 'kind'
  | 'status'
  | 'places'
  | 'schoolPlaces'
  | 'publicPlaces'
  | 'adults'
  | 'childrenByBand'
  | 'pupils'
  | 'grade'
  | 'accessNeeds'
  | 'note'
  | 'schoolId'
  | 'expiresAt'
> & { id: string; code: string };

/** A booking to insert with its audit entry and the messages it causes. */
export interface BookingWithRecords {
  values: NewBookingValues;
  audit: typeof auditLog.$inferInsert;
  messages: BookingMessage[];
}

/**
 * Inserts bookings, each with its audit entry and messages, in ONE statement: the rows go as three JSON
 * parameters, and data-modifying CTEs insert a booking's audit entry and messages only when the booking
 * went in (a clash of codes inserts nothing of it). One fixed text, prepared, whatever the number of
 * bookings: PostgreSQL plans it once per connection, and no statement is built per booking
 * (docs/PERFORMANCE.md, "Bookings"). Answers the ids inserted; the caller draws new codes for the rest.
 */
export async function insertBookingsWithRecords(db: Db, items: BookingWithRecords[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = items.map(({ values: v }) => ({
    id: v.id,
    slot_id: v.slotId,
    user_id: v.userId,
    kind: v.kind,
    status: v.status,
    places: v.places,
    school_places: v.schoolPlaces ?? 0,
    public_places: v.publicPlaces ?? 0,
    adults: v.adults ?? 0,
    children_by_band: v.childrenByBand ?? {},
    pupils: v.pupils ?? 0,
    grade: v.grade ?? null,
    access_needs: v.accessNeeds ?? [],
    note: v.note ?? null,
    school_id: v.schoolId ?? null,
    code: v.code,
    expires_at: v.expiresAt ?? null,
  }));
  const audits = items.map(({ audit }) => ({
    actor_id: audit.actorId ?? null,
    actor_role: audit.actorRole ?? null,
    action: audit.action,
    entity_type: audit.entityType,
    entity_id: audit.entityId,
    adcode: audit.adcode ?? null,
    before: audit.before ?? null,
    after: audit.after ?? null,
    ip: audit.ip ?? null,
  }));
  const messages = items.flatMap(({ values, messages }) =>
    messages.map((m) => ({ booking_id: values.id, ...m, data: m.data ?? null })),
  );
  const inserted = await preparedRows<{ id: string }>(db, INSERT_BOOKINGS_WITH_RECORDS, [
    JSON.stringify(rows),
    JSON.stringify(audits),
    JSON.stringify(messages),
  ]);
  return new Set(inserted.map((row) => row.id));
}

const INSERT_BOOKINGS_WITH_RECORDS = `WITH inserted AS (
    INSERT INTO bookings (id, slot_id, user_id, kind, status, places, school_places, public_places, adults,
                          children_by_band, pupils, grade, access_needs, note, school_id, code, expires_at)
    SELECT b.id, b.slot_id, b.user_id, b.kind, b.status, b.places, b.school_places, b.public_places, b.adults,
           b.children_by_band, b.pupils, b.grade, b.access_needs, b.note, b.school_id, b.code, b.expires_at
    FROM jsonb_to_recordset($1::jsonb)
         AS b(id uuid, slot_id uuid, user_id uuid, kind text, status text, places integer, school_places integer,
              public_places integer, adults integer, children_by_band jsonb, pupils integer, grade smallint,
              access_needs text[], note text, school_id uuid, code text, expires_at timestamptz)
    ON CONFLICT (code) DO NOTHING
    RETURNING id),
  audited AS (
    INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, adcode, before, after, ip)
    SELECT a.actor_id, a.actor_role, a.action, a.entity_type, a.entity_id, a.adcode, a.before, a.after, a.ip
    FROM jsonb_to_recordset($2::jsonb)
         AS a(actor_id uuid, actor_role text, action text, entity_type text, entity_id text, adcode text,
              before jsonb, after jsonb, ip text)
    JOIN inserted ON inserted.id::text = a.entity_id),
  told AS (
    INSERT INTO outbox_messages (recipient, topic, subject, body, data)
    SELECT m.recipient, m.topic, m.subject, m.body, m.data
    FROM jsonb_to_recordset($3::jsonb)
         AS m(booking_id uuid, recipient text, topic text, subject text, body text, data jsonb)
    JOIN inserted ON inserted.id = m.booking_id)
  SELECT id FROM inserted`;

/**
 * The booking row, locked for a change of status (FOR UPDATE), so a booking's cancels and decisions run
 * one at a time and the second sees the first's outcome. With the slot guard switched off for the
 * connection (the race tests' positive control, see db/client.ts) the row is read without the lock.
 */
export async function lockBooking(db: Db, id: string) {
  await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.id, id), sql`coalesce(current_setting('kaimen.slot_guard', true), '') <> 'off'`))
    .for('update');
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  return row;
}

export async function updateBooking(db: Db, id: string, values: Partial<typeof bookings.$inferInsert>) {
  await db
    .update(bookings)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(bookings.id, id));
}

const detailColumns = {
  id: bookings.id,
  slotId: bookings.slotId,
  userId: bookings.userId,
  kind: sql<BookingKind>`${bookings.kind}`,
  status: sql<BookingStatus>`${bookings.status}`,
  code: bookings.code,
  places: bookings.places,
  schoolPlaces: bookings.schoolPlaces,
  publicPlaces: bookings.publicPlaces,
  adults: bookings.adults,
  childrenByBand: bookings.childrenByBand,
  pupils: bookings.pupils,
  grade: bookings.grade,
  accessNeeds: bookings.accessNeeds,
  note: bookings.note,
  schoolId: bookings.schoolId,
  schoolName: schools.name,
  expiresAt: bookings.expiresAt,
  decidedAt: bookings.decidedAt,
  reason: bookings.reason,
  cancelledAt: bookings.cancelledAt,
  checkedInAt: bookings.checkedInAt,
  arrivedAdults: bookings.arrivedAdults,
  arrivedMinors: bookings.arrivedMinors,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
  bookerName: users.displayName,
  bookerEmail: users.email,
  venueId: slots.venueId,
  venueName: venues.nameZh,
  venueNameEn: venues.nameEn,
  venueAdcode: venues.adcode,
  slotTitle: sql<string | null>`coalesce(${slots.title}, ${programmes.titleZh})`,
  startsAt: slots.startsAt,
  endsAt: slots.endsAt,
  cancelHoursBefore: slots.cancelHoursBefore,
  /** True while the booking still takes places (a lapsed pending request does not). */
  live: takesPlaces().mapWith(Boolean),
};

/** Bookings joined with what presenting them needs; callers add the WHERE and the order. */
export function detailQuery(db: Db) {
  return db
    .select(detailColumns)
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.userId))
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .innerJoin(venues, eq(venues.id, slots.venueId))
    .leftJoin(programmes, eq(programmes.id, slots.programmeId))
    .leftJoin(schools, eq(schools.id, bookings.schoolId));
}

/** A booking with its slot, venue, school and booker, as the API presents it. */
export async function bookingDetail(db: Db, id: string) {
  const [row] = await detailQuery(db).where(eq(bookings.id, id));
  return row;
}
export type BookingDetailRow = NonNullable<Awaited<ReturnType<typeof bookingDetail>>>;

/** The detail of each of the bookings, by id. */
export async function bookingDetails(db: Db, ids: string[]): Promise<Map<string, BookingDetailRow>> {
  if (ids.length === 0) return new Map();
  // One array parameter: a fixed text, prepared (an IN list would be a new statement for every count).
  const rows = await detailQuery(db)
    .where(sql`${bookings.id} = ANY(${sql.placeholder('ids')}::uuid[])`)
    .prepare('kaimen_booking_details')
    .execute({ ids });
  return new Map(rows.map((row) => [row.id, row]));
}

/** The account's bookings, newest first. */
export async function bookingsOfUser(db: Db, userId: string, limit: number): Promise<BookingDetailRow[]> {
  return detailQuery(db)
    .where(eq(bookings.userId, userId))
    .orderBy(desc(bookings.createdAt), desc(bookings.id))
    .limit(limit);
}

/**
 * A school's group bookings (its trips) made by any of its teachers, whatever their status: the coming
 * ones (the slot has not ended at `now`) soonest first, or the past ones latest first.
 */
export async function schoolTrips(
  db: Db,
  schoolId: string,
  options: { when: 'coming' | 'past'; now: Date; limit: number },
): Promise<BookingDetailRow[]> {
  const coming = options.when === 'coming';
  return detailQuery(db)
    .where(
      and(eq(bookings.schoolId, schoolId), coming ? gt(slots.endsAt, options.now) : lte(slots.endsAt, options.now)),
    )
    .orderBy(coming ? asc(slots.startsAt) : desc(slots.startsAt), asc(bookings.id))
    .limit(options.limit);
}

/**
 * Marks the slot's live bookings (held, pending, confirmed) as cancelled with the slot, and answers who
 * booked them, to be told. Runs in the cancellation's transaction.
 */
export async function cancelSlotBookings(db: Db, slotId: string) {
  const cancelled = await db
    .update(bookings)
    .set({ status: 'slot_cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()` })
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
