import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { schools, users } from './people.ts';
import { slots } from './programmes.ts';
import { BOOKING_KINDS, BOOKING_STATUSES } from '../../domain/vocab.ts';
import { sqlTextArray } from './sql-vocab.ts';

/**
 * Places taken in a slot: a family's or a school group's. Minors are counted by age band, never named.
 * Only the parts the venue console needs so far live here (who to tell when a slot is cancelled); the
 * booking core adds its own rules.
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
    adults: integer('adults').notNull().default(0),
    /** Children or pupils per age band, e.g. {"6-12": 2}. */
    childrenByBand: jsonb('children_by_band')
      .notNull()
      .default(sql`'{}'::jsonb`),
    schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'restrict' }),
    /** The code shown at the door. */
    code: text('code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    check('bookings_kind_known', sql`${t.kind} = ANY (${sql.raw(sqlTextArray(BOOKING_KINDS))})`),
    check('bookings_status_known', sql`${t.status} = ANY (${sql.raw(sqlTextArray(BOOKING_STATUSES))})`),
    check('bookings_places_positive', sql`${t.places} > 0 AND ${t.adults} >= 0 AND ${t.adults} <= ${t.places}`),
    check('bookings_group_has_school', sql`(${t.kind} = 'group') = (${t.schoolId} IS NOT NULL)`),
    uniqueIndex('bookings_code_unique').on(t.code),
    index('bookings_slot_idx').on(t.slotId, t.status),
    index('bookings_user_idx').on(t.userId),
  ],
);
