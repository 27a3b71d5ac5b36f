/**
 * A run of days with their hours and holiday facts, for the venue page's week view: families plan
 * around 春节 and 国庆节, so the page shows which days are holidays and which are make-up workdays.
 */
import type { HolidayCalendar } from './calendar.ts';
import { addDays, localMidnight, weekdayIndex } from './local-time.ts';
import { calendarCoversDay, intervalsOn, WEEKDAYS, type LocalInterval, type OpeningHours } from './opening-hours.ts';
import type { Weekday } from './types.ts';

/** One day of a schedule. */
export interface ScheduleDay {
  /** 'YYYY-MM-DD' in Asia/Shanghai. */
  date: string;
  weekday: Weekday;
  /** The public holiday this day is off for (春节, 国庆节, …); absent on other days. */
  holiday?: string;
  /** A weekend day declared a working day (调休上班). */
  workday: boolean;
  /** The holiday a make-up workday makes up for. */
  workdayFor?: string;
  /** Local opening intervals; empty when closed all day. */
  intervals: LocalInterval[];
  /** False when the holiday calendar does not cover this day's year (holidays unknown, not absent). */
  calendarCovered: boolean;
}

/** The longest schedule weekSchedule builds, so a bad request cannot ask for millions of days. */
export const MAX_SCHEDULE_DAYS = 366;

/**
 * `days` consecutive days from `fromDay` ('YYYY-MM-DD'). Throws RangeError for a malformed day or a
 * count outside 1…MAX_SCHEDULE_DAYS.
 */
export function weekSchedule(
  hours: OpeningHours,
  fromDay: string,
  days: number,
  calendar: HolidayCalendar,
): ScheduleDay[] {
  localMidnight(fromDay);
  if (!Number.isInteger(days) || days < 1 || days > MAX_SCHEDULE_DAYS) {
    throw new RangeError(`days must be an integer from 1 to ${MAX_SCHEDULE_DAYS}, got ${days}`);
  }
  return Array.from({ length: days }, (_, offset) => {
    const date = addDays(fromDay, offset);
    const kind = calendar.kindOf(date);
    return {
      date,
      weekday: WEEKDAYS[weekdayIndex(date)] as Weekday,
      ...(kind === 'day_off' && { holiday: calendar.name(date) }),
      workday: kind === 'workday',
      ...(kind === 'workday' && { workdayFor: calendar.name(date) }),
      intervals: intervalsOn(hours, date, calendar),
      calendarCovered: calendarCoversDay(hours, date, calendar),
    };
  });
}
