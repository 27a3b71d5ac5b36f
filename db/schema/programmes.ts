import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { venues } from './venues.ts';
import {
  GRADE_MAX,
  GRADE_MIN,
  PROGRAMME_DELIVERIES,
  PUBLICATION_STATUSES,
  APPROVAL_POLICIES,
  SLOT_KINDS,
  SLOT_STATUSES,
  THEMES,
} from '../../domain/vocab.ts';
import { sqlTextArray } from './sql-vocab.ts';

/** An activity or course a venue runs on site or brings to schools (§6 "请进来、走出去"). */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en'),
    description: text('description'),
    delivery: text('delivery').notNull().default('on_site'),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    gradeMin: smallint('grade_min'),
    gradeMax: smallint('grade_max'),
    ageMin: smallint('age_min'),
    ageMax: smallint('age_max'),
    durationMinutes: integer('duration_minutes'),
    groupMin: integer('group_min'),
    groupMax: integer('group_max'),
    /** Price per head in fen (分); 0 is free. */
    pricePerHeadFen: integer('price_per_head_fen').notNull().default(0),
    volunteer: boolean('volunteer').notNull().default(false),
    status: text('status').notNull().default('published'),
    /** Why the bureau suspended the programme (e.g. tutoring disguised as a study trip). */
    reviewNote: text('review_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('programmes_title_not_blank', sql`length(btrim(${t.titleZh})) > 0`),
    check('programmes_delivery_known', sql`${t.delivery} = ANY (${sql.raw(sqlTextArray(PROGRAMME_DELIVERIES))})`),
    check('programmes_status_known', sql`${t.status} = ANY (${sql.raw(sqlTextArray(PUBLICATION_STATUSES))})`),
    check('programmes_themes_known', sql`${t.themes} <@ ${sql.raw(sqlTextArray(THEMES))}`),
    check(
      'programmes_grades_sane',
      sql`(${t.gradeMin} IS NULL OR ${t.gradeMin} BETWEEN ${sql.raw(String(GRADE_MIN))} AND ${sql.raw(String(GRADE_MAX))}) AND (${t.gradeMax} IS NULL OR ${t.gradeMax} BETWEEN ${sql.raw(String(GRADE_MIN))} AND ${sql.raw(String(GRADE_MAX))}) AND (${t.gradeMin} IS NULL OR ${t.gradeMax} IS NULL OR ${t.gradeMin} <= ${t.gradeMax})`,
    ),
    check(
      'programmes_ages_sane',
      sql`(${t.ageMin} IS NULL OR ${t.ageMin} BETWEEN 0 AND 18) AND (${t.ageMax} IS NULL OR ${t.ageMax} BETWEEN 0 AND 18) AND (${t.ageMin} IS NULL OR ${t.ageMax} IS NULL OR ${t.ageMin} <= ${t.ageMax})`,
    ),
    check('programmes_duration_positive', sql`${t.durationMinutes} IS NULL OR ${t.durationMinutes} > 0`),
    check(
      'programmes_group_sizes_sane',
      sql`(${t.groupMin} IS NULL OR ${t.groupMin} >= 1) AND (${t.groupMax} IS NULL OR ${t.groupMax} >= 1) AND (${t.groupMin} IS NULL OR ${t.groupMax} IS NULL OR ${t.groupMin} <= ${t.groupMax})`,
    ),
    check('programmes_price_non_negative', sql`${t.pricePerHeadFen} >= 0`),
    index('programmes_venue_idx').on(t.venueId),
  ],
);

/**
 * A weekly pattern of slots (e.g. every Saturday 09:00–11:00 until June) as the manager entered it. Its
 * slots are generated once, as ordinary rows; the series keeps the pattern to show and to audit.
 */
export const slotSeries = pgTable(
  'slot_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    weekdays: smallint('weekdays').array().notNull(),
    /** Local Shanghai wall-clock times, HH:MM. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    /** Days in the range without a slot (holidays, a closure). */
    exceptDays: date('except_days', { mode: 'string' })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'slot_series_weekdays_valid',
      sql`cardinality(${t.weekdays}) >= 1 AND ${t.weekdays} <@ ARRAY[1,2,3,4,5,6,7]::smallint[]`,
    ),
    check(
      'slot_series_times_shape',
      sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND ${t.endTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND ${t.startTime} < ${t.endTime}`,
    ),
    check('slot_series_days_ordered', sql`${t.firstDay} <= ${t.lastDay}`),
  ],
);

/**
 * A bookable time (开放时段) of an open day or a programme. `schoolAllocation` places are reserved for
 * verified school groups until `allocationReleaseAt`, after which unused ones return to the public.
 */
export const slots = pgTable(
  'slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    /** The recurring series this slot was generated from, if any. */
    seriesId: uuid('series_id').references(() => slotSeries.id, { onDelete: 'set null' }),
    kind: text('kind').notNull().default('open_day'),
    title: text('title'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    schoolAllocation: integer('school_allocation').notNull().default(0),
    allocationReleaseAt: timestamp('allocation_release_at', { withTimezone: true }),
    bookingOpensAt: timestamp('booking_opens_at', { withTimezone: true }),
    bookingClosesAt: timestamp('booking_closes_at', { withTimezone: true }),
    /** Which requests wait for the venue's approval (APPROVAL_POLICIES); groups by default. */
    approval: text('approval').notNull().default('groups'),
    /** How long a pending request holds its places undecided (never past the start). */
    approvalHours: integer('approval_hours').notNull().default(72),
    /** Bookers may cancel until this many hours before the start; the venue always may. */
    cancelHoursBefore: integer('cancel_hours_before').notNull().default(24),
    /** Groups may take public places once the school allocation is used up. */
    groupsUsePublic: boolean('groups_use_public').notNull().default(true),
    /** The largest family party (adults and children) one booking may bring. */
    maxFamilyParty: integer('max_family_party').notNull().default(6),
    waitlistOpen: boolean('waitlist_open').notNull().default(true),
    status: text('status').notNull().default('scheduled'),
    /** True for schedules Kaimen generated as samples for seeded venues, not announced by the venue. */
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('slots_kind_known', sql`${t.kind} = ANY (${sql.raw(sqlTextArray(SLOT_KINDS))})`),
    check('slots_status_known', sql`${t.status} = ANY (${sql.raw(sqlTextArray(SLOT_STATUSES))})`),
    check('slots_programme_kind', sql`(${t.kind} = 'programme') = (${t.programmeId} IS NOT NULL)`),
    check('slots_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('slots_capacity_non_negative', sql`${t.capacity} >= 0`),
    check('slots_approval_known', sql`${t.approval} = ANY (${sql.raw(sqlTextArray(APPROVAL_POLICIES))})`),
    check(
      'slots_booking_rules_sane',
      sql`${t.approvalHours} BETWEEN 1 AND 720 AND ${t.cancelHoursBefore} BETWEEN 0 AND 720 AND ${t.maxFamilyParty} BETWEEN 1 AND 50`,
    ),
    check('slots_allocation_within_capacity', sql`${t.schoolAllocation} BETWEEN 0 AND ${t.capacity}`),
    check('slots_allocation_has_release', sql`${t.schoolAllocation} = 0 OR ${t.allocationReleaseAt} IS NOT NULL`),
    check(
      'slots_booking_window_ordered',
      sql`${t.bookingOpensAt} IS NULL OR ${t.bookingClosesAt} IS NULL OR ${t.bookingOpensAt} < ${t.bookingClosesAt}`,
    ),
    index('slots_venue_starts_idx').on(t.venueId, t.startsAt),
    index('slots_starts_idx').on(t.startsAt),
    index('slots_series_idx').on(t.seriesId),
    // Regenerating the sample schedule must not duplicate it.
    uniqueIndex('slots_sample_unique')
      .on(t.venueId, t.startsAt)
      .where(sql`${t.isSample}`),
  ],
);
