/**
 * What a venue page says about opening hours: open now or not, when it opens or closes, and the
 * coming days with holidays and make-up workdays marked. Unknown hours stay unknown — never shown as
 * open or closed — but the days still show their holidays, which matter to a family's plans anyway.
 */
import type { HolidayCalendar } from './calendar.ts';
import { addDays, localDayOf, weekdayIndex } from './local-time.ts';
import { knownOpeningHours, statusAt, WEEKDAYS } from './opening-hours.ts';
import { weekSchedule } from './week.ts';

export interface HoursDay {
  date: string;
  weekday: string;
  /** The public holiday this day is off for, e.g. 国庆节. */
  holiday: string | null;
  /** A weekend day worked instead (调休上班), and the holiday it makes up for. */
  workday_for: string | null;
  /** Local 'HH:MM' spans; empty when closed; null when the hours are unknown. */
  intervals: { start: string; end: string }[] | null;
}

export interface VenueHours {
  /** True when the venue's opening_hours parsed. */
  known: boolean;
  state: 'open' | 'closed' | 'unknown';
  opens_at: string | null;
  closes_at: string | null;
  /** False when the holiday calendar does not cover the answer's days (next year's notice not loaded yet). */
  calendar_covered: boolean;
  days: HoursDay[];
}

/** The venue page's hours for `days` days from now's Shanghai date. */
export function describeHours(text: string | null, calendar: HolidayCalendar, now: Date, days = 7): VenueHours {
  const hours = knownOpeningHours(text);
  const today = localDayOf(now.getTime());
  if (!hours) {
    return {
      known: false,
      state: 'unknown',
      opens_at: null,
      closes_at: null,
      calendar_covered: calendar.covers(Number(today.slice(0, 4))),
      days: Array.from({ length: days }, (_, i) => {
        const date = addDays(today, i);
        const kind = calendar.kindOf(date);
        return {
          date,
          weekday: WEEKDAYS[weekdayIndex(date)]!,
          holiday: kind === 'day_off' ? (calendar.name(date) ?? null) : null,
          workday_for: kind === 'workday' ? (calendar.name(date) ?? null) : null,
          intervals: null,
        };
      }),
    };
  }
  const status = statusAt(hours, now, calendar);
  return {
    known: true,
    state: status.state,
    opens_at: status.opensAt?.toISOString() ?? null,
    closes_at: status.closesAt?.toISOString() ?? null,
    calendar_covered: status.calendarCovered,
    days: weekSchedule(hours, today, days, calendar).map((d) => ({
      date: d.date,
      weekday: d.weekday,
      holiday: d.holiday ?? null,
      workday_for: d.workday ? (d.workdayFor ?? null) : null,
      intervals: d.intervals.map((i) => ({ start: i.start, end: i.end })),
    })),
  };
}
