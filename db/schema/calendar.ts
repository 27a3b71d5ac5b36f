import { sql } from 'drizzle-orm';
import { check, date, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { HOLIDAY_DAY_KINDS } from '../../domain/vocab.ts';
import { sqlTextArray } from './sql-vocab.ts';

/**
 * China's official holiday calendar, one row per exceptional day: a public-holiday day off, or a
 * weekend day declared a make-up workday (调休). Days not listed follow the normal week.
 */
export const holidayDays = pgTable(
  'holiday_days',
  {
    day: date('day', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    /** The holiday this day belongs to, e.g. 春节 or 国庆节. */
    holiday: text('holiday').notNull(),
    year: smallint('year').notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    check('holiday_days_kind_known', sql`${t.kind} = ANY (${sql.raw(sqlTextArray(HOLIDAY_DAY_KINDS))})`),
    check('holiday_days_year_matches', sql`${t.year} = extract(year FROM ${t.day})`),
  ],
);
