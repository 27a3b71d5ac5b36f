import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { venues } from './venues.ts';

/**
 * When each venue is open, day by day over a rolling horizon, computed from its `opening_hours` with
 * Kaimen's holiday calendar (domain/hours). Date filters (`open_on`, `weekend`, `open_at`) read this
 * table, so the evaluation happens once per venue and day rather than once per query. Venues whose
 * hours are unknown or unparseable have no rows and `venues.hours_known = false`.
 */
export const venueOpenIntervals = pgTable(
  'venue_open_intervals',
  {
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    /** The Shanghai calendar day the interval is listed under. */
    day: date('day', { mode: 'string' }).notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.venueId, t.day, t.opensAt] }),
    check('venue_open_intervals_ordered', sql`${t.closesAt} > ${t.opensAt}`),
    index('venue_open_intervals_day_idx').on(t.day, t.venueId),
    index('venue_open_intervals_time_idx').on(t.opensAt, t.closesAt),
  ],
);

/** Small facts about the database's derived state, e.g. the horizon the open intervals cover. */
export const appState = pgTable('app_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
