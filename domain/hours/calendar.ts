/**
 * China's public-holiday calendar as Kaimen keeps it. The State Council moves the holidays every year
 * and turns weekend days into make-up workdays (调休), so fixed-date holiday rules are wrong here:
 * `PH` in opening hours is read from these rows instead.
 */
import { localMidnight } from './local-time.ts';

/** `day_off`: a day of a public-holiday break (a PH), weekend days included; `workday`: a weekend day worked instead. */
export type DayKind = 'day_off' | 'workday';

/** One row of the calendar, as in `seeds/holidays/cn-holidays.csv`. */
export interface HolidayRow {
  day: string;
  kind: DayKind;
  holiday: string;
}

/** Answers about exceptional days; days not listed follow the normal week. */
export interface HolidayCalendar {
  /** The kind of a listed day ('YYYY-MM-DD'), or undefined for an ordinary day. */
  kindOf(day: string): DayKind | undefined;
  /** The holiday a listed day belongs to (春节, 国庆节, …), for days off and make-up workdays alike. */
  name(day: string): string | undefined;
  /** Whether the year's arrangements are loaded; an uncovered year has unknown holidays, not none. */
  covers(year: number): boolean;
}

/** Whether a value read from a file is a kind of day the calendar knows. */
export const isDayKind = (value: unknown): value is DayKind => value === 'day_off' || value === 'workday';

/**
 * Builds a calendar from rows. A year counts as covered once any of its rows is present, because the
 * State Council publishes a whole year's arrangements in one notice. Throws RangeError for a malformed
 * day, an unknown kind, or one day listed with two kinds.
 */
export function createHolidayCalendar(rows: readonly HolidayRow[]): HolidayCalendar {
  const byDay = new Map<string, HolidayRow>();
  const years = new Set<number>();
  for (const row of rows) {
    localMidnight(row.day);
    if (!isDayKind(row.kind)) throw new RangeError(`unknown holiday kind "${String(row.kind)}" on ${row.day}`);
    const earlier = byDay.get(row.day);
    if (earlier && earlier.kind !== row.kind) throw new RangeError(`${row.day} is listed both as day_off and workday`);
    byDay.set(row.day, { ...row });
    years.add(Number(row.day.slice(0, 4)));
  }
  return {
    kindOf: (day) => byDay.get(day)?.kind,
    name: (day) => byDay.get(day)?.holiday,
    covers: (year) => years.has(year),
  };
}
