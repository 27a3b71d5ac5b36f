import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { schools, users } from './people.ts';
import { slots } from './programmes.ts';
import { BOOKING_KINDS, BOOKING_STATUSES, GRADE_MAX, GRADE_MIN, WAITLIST_STATUSES } from '../../domain/vocab.ts';
import { sqlTextArray } from './sql-vocab.ts';

/**
 * Places taken in a slot: a family's or a school group's. Minors are counts by age band (families) or a
 * number of pupils (groups), never names. `schoolPlaces` come from the slot's school allocation (the
 * green channel), `publicPlaces` from the rest; the database refuses any row that would take more than
 * the slot has (migration 0008, `kaimen_check_slot_places`).
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => slots.id, { onDelete: 'cascade' }),
    /** Who booked, and who is told of changes. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    /** Places taken: adults plus children or pupils. */
    places: integer('places').notNull(),
    schoolPlaces: integer('school_places').notNull().default(0),
    publicPlaces: integer('public_places').notNull().default(0),
    adults: integer('adults').notNull().default(0),
    /** A family's children per age band, e.g. {"6-12": 2}. */
    childrenByBand: jsonb('children_by_band')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** A group's pupils, grade, access needs and note for the venue (no child's name). */
    pupils: integer('pupils').notNull().default(0),
    grade: smallint('grade'),
    accessNeeds: text('access_needs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note'),
    schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'restrict' }),
    /** The code shown at the door: 8 characters without look-alikes. */
    code: text('code').notNull(),
    /** A pending request's approval deadline, or a held offer's: after it the places are free again. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    /** Why the venue declined, or why the booking was cancelled. */
    reason: text('reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who came, as counted at the door (may differ from the booked party). */
    arrivedAdults: integer('arrived_adults'),
    arrivedMinors: integer('arrived_minors'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('bookings_kind_known', sql`${t.kind} = ANY (${sql.raw(sqlTextArray(BOOKING_KINDS))})`),
    check('bookings_status_known', sql`${t.status} = ANY (${sql.raw(sqlTextArray(BOOKING_STATUSES))})`),
    check('bookings_places_positive', sql`${t.places} > 0 AND ${t.adults} >= 0 AND ${t.adults} <= ${t.places}`),
    check(
      'bookings_places_split',
      sql`${t.schoolPlaces} >= 0 AND ${t.publicPlaces} >= 0 AND ${t.schoolPlaces} + ${t.publicPlaces} = ${t.places}`,
    ),
    check('bookings_family_public_only', sql`${t.kind} = 'group' OR ${t.schoolPlaces} = 0`),
    check('bookings_group_has_school', sql`(${t.kind} = 'group') = (${t.schoolId} IS NOT NULL)`),
    check('bookings_pupils_sane', sql`${t.pupils} >= 0 AND ${t.pupils} + ${t.adults} <= ${t.places}`),
    check(
      'bookings_grade_sane',
      sql`${t.grade} IS NULL OR ${t.grade} BETWEEN ${sql.raw(String(GRADE_MIN))} AND ${sql.raw(String(GRADE_MAX))}`,
    ),
    check('bookings_waiting_has_deadline', sql`${t.status} NOT IN ('held', 'pending') OR ${t.expiresAt} IS NOT NULL`),
    check(
      'bookings_arrived_sane',
      sql`(${t.arrivedAdults} IS NULL OR ${t.arrivedAdults} >= 0) AND (${t.arrivedMinors} IS NULL OR ${t.arrivedMinors} >= 0)`,
    ),
    uniqueIndex('bookings_code_unique').on(t.code),
    // One live booking per account and slot (PRODUCT.md: bookings).
    uniqueIndex('bookings_one_live_per_user')
      .on(t.slotId, t.userId)
      .where(sql`${t.status} IN ('held', 'pending', 'confirmed')`),
    index('bookings_slot_idx').on(t.slotId, t.status),
    index('bookings_user_idx').on(t.userId, t.createdAt),
    index('bookings_school_idx').on(t.schoolId),
    index('bookings_waiting_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} IN ('held', 'pending')`),
  ],
);

/**
 * A party waiting for places in a full slot, in order of joining. When places free up the first entry
 * whose party fits is offered them as a held booking (`offerBookingId`) until the offer lapses.
 */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => slots.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('waiting'),
    places: integer('places').notNull(),
    /** The party as a booking body has it (adults, children_by_band or pupils, grade, access needs, note). */
    party: jsonb('party').notNull(),
    schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'cascade' }),
    offerBookingId: uuid('offer_booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    /**
     * The waitlist's order. The clock when the row is written, not when its transaction began: an entry is
     * written under the slot's lock, so an entry is always behind every entry written before it (a join
     * that began first but waited for the lock would otherwise go ahead of those already on the list).
     */
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('waitlist_kind_known', sql`${t.kind} = ANY (${sql.raw(sqlTextArray(BOOKING_KINDS))})`),
    check('waitlist_status_known', sql`${t.status} = ANY (${sql.raw(sqlTextArray(WAITLIST_STATUSES))})`),
    check('waitlist_places_positive', sql`${t.places} > 0`),
    check('waitlist_group_has_school', sql`(${t.kind} = 'group') = (${t.schoolId} IS NOT NULL)`),
    uniqueIndex('waitlist_one_live_per_user')
      .on(t.slotId, t.userId)
      .where(sql`${t.status} IN ('waiting', 'offered')`),
    index('waitlist_slot_order_idx').on(t.slotId, t.createdAt),
    index('waitlist_user_idx').on(t.userId),
  ],
);

/**
 * An `Idempotency-Key` an account sent with a write: the request's fingerprint and, once it finished,
 * the answer to replay. Kept at least 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** SHA-256 of the method, route and body. */
    fingerprint: text('fingerprint').notNull(),
    statusCode: integer('status_code').notNull(),
    body: jsonb('body').notNull(),
    replayable: boolean('replayable').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
