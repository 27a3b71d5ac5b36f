/**
 * Evaluates parsed `opening_hours` in Asia/Shanghai (UTC+8, no daylight saving) against Kaimen's
 * China holiday calendar. Every function is pure: the calendar comes in as an argument.
 *
 * Public holidays and make-up workdays, exactly:
 * - A day is a public holiday (PH) iff the calendar lists it as `day_off`. A rule whose selector
 *   lists `PH` matches it besides the weekdays it lists, and rules apply in source order, so
 *   `Tu-Su 09:00-17:00; PH off` closes a holiday Tuesday and `Tu-Su 09:00-17:00; Mo off; PH 09:00-17:00`
 *   opens a holiday Monday. Without a PH rule a holiday keeps its weekday's hours, as in OSM:
 *   `Mo-Fr 09:00-17:00` is open on a holiday Monday unless the value adds `PH off`.
 * - A make-up workday (`workday`, 调休上班) matches the rules naming its real weekday and, as a working
 *   day, every rule whose weekday selector covers the whole working week Mo–Fr (`Mo-Fr`, `Mo-Sa`,
 *   `Mo-Su`). A rule naming only some working weekdays (`Mo off`, `We 14:00-18:00`) is about those
 *   weekdays, and the notices do not say which weekday a make-up day stands in for, so it does not
 *   transfer: the museum pattern `Tu-Su 09:00-17:00; Mo off` keeps its Saturday hours on a make-up
 *   Saturday rather than being closed by `Mo off`. Matching rules still override in source order, so
 *   `Mo-Fr 09:00-17:00; Sa 10:00-12:00` gives 10:00–12:00 on a make-up Saturday.
 * - In a year the calendar does not cover, no day is a PH or a make-up workday, and the answer says
 *   `calendarCovered: false` so callers can show that holidays are not yet known.
 *
 * Rules: a `;` rule replaces the hours of the days it matches, a `,` rule adds to them, and an
 * `off` rule of either kind closes them. A span past midnight belongs to the day it starts on: a
 * later rule closing the next day does not cut it short.
 */
import type { HolidayCalendar } from './calendar.ts';
import {
  DAY_MS,
  MINUTES_PER_DAY,
  MINUTE_MS,
  addDays,
  formatMinutes,
  instantOf,
  localDayOf,
  localMidnight,
  weekdayIndex,
} from './local-time.ts';
import { WEEKDAYS, type OpeningHours, type Rule, type TimeSpan, type Weekday } from './types.ts';

import { knownOpeningHours } from './syntax.ts';

export { knownOpeningHours, parseOpeningHours } from './syntax.ts';
export { OpeningHoursSyntaxError, WEEKDAYS } from './types.ts';
export type { DaySelector, MonthDayRange, OpeningHours, Rule, TimeSpan, Weekday } from './types.ts';

/** A local Asia/Shanghai span on one day: 'HH:MM', with `end` '24:00' when it runs to midnight. */
export interface LocalInterval {
  start: string;
  end: string;
}

/** Whether a venue is open at a moment, and when that changes. */
export interface OpeningStatus {
  state: 'open' | 'closed';
  /** When closed: the next opening within LOOKAHEAD_DAYS, if any. */
  opensAt?: Date;
  /** When open: the end of the current span, followed across midnight; absent if it outlasts LOOKAHEAD_DAYS (24/7). */
  closesAt?: Date;
  /** False when a day the answer depends on lies in a year the holiday calendar does not cover. */
  calendarCovered: boolean;
}

/** How far statusAt looks ahead for the next opening or the end of the current span. */
export const LOOKAHEAD_DAYS = 14;

const WORKING_WEEK: readonly Weekday[] = ['Mo', 'Tu', 'We', 'Th', 'Fr'];

interface DayFacts {
  weekday: Weekday;
  /** month × 100 + day, comparable with MonthDayRange. */
  monthDay: number;
  publicHoliday: boolean;
  makeUpWorkday: boolean;
}

interface Span {
  start: number;
  end: number;
}

const yearOf = (day: string) => Number(day.slice(0, 4));

function dayFacts(day: string, calendar: HolidayCalendar): DayFacts {
  const kind = calendar.covers(yearOf(day)) ? calendar.kindOf(day) : undefined;
  return {
    weekday: WEEKDAYS[weekdayIndex(day)] as Weekday,
    monthDay: Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10)),
    publicHoliday: kind === 'day_off',
    makeUpWorkday: kind === 'workday',
  };
}

function matches(rule: Rule, facts: DayFacts): boolean {
  const inMonths =
    !rule.months ||
    rule.months.some(({ from, to }) =>
      from <= to ? from <= facts.monthDay && facts.monthDay <= to : facts.monthDay >= from || facts.monthDay <= to,
    );
  if (!inMonths) return false;
  const days = rule.days;
  if (!days || days.weekdays.includes(facts.weekday)) return true;
  if (days.publicHoliday && facts.publicHoliday) return true;
  return facts.makeUpWorkday && WORKING_WEEK.every((weekday) => days.weekdays.includes(weekday));
}

/** The spans starting on `day` after applying every rule in order; minutes, `end` may pass 24:00. */
function spansStartingOn(hours: OpeningHours, day: string, calendar: HolidayCalendar): readonly TimeSpan[] {
  const facts = dayFacts(day, calendar);
  let spans: readonly TimeSpan[] = [];
  for (const rule of hours.rules) {
    if (!matches(rule, facts)) continue;
    if (rule.closed) spans = [];
    else spans = rule.additional ? [...spans, ...rule.spans] : rule.spans;
  }
  return spans;
}

/** Sorts spans and joins those that overlap or touch, so 24/7 reads as one span. */
function merge(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const spillsPastMidnight = (hours: OpeningHours) =>
  hours.rules.some((rule) => rule.spans.some((span) => span.end > MINUTES_PER_DAY));

/** Whether the calendar covers every year from `fromDay` to `toDay`. */
function coversDays(calendar: HolidayCalendar, fromDay: string, toDay: string): boolean {
  for (let year = yearOf(fromDay); year <= yearOf(toDay); year += 1) if (!calendar.covers(year)) return false;
  return true;
}

/**
 * Whether the calendar covers what the hours of `day` depend on: the day itself, and the day before
 * when some span runs past midnight into it.
 */
export function calendarCoversDay(hours: OpeningHours, day: string, calendar: HolidayCalendar): boolean {
  return coversDays(calendar, spillsPastMidnight(hours) ? addDays(day, -1) : day, day);
}

/**
 * The local opening intervals of `day` ('YYYY-MM-DD'), sorted and merged, including the early hours
 * carried over from the previous day's past-midnight spans. Throws RangeError for a malformed day.
 */
export function intervalsOn(hours: OpeningHours, day: string, calendar: HolidayCalendar): LocalInterval[] {
  const carried = spansStartingOn(hours, addDays(day, -1), calendar)
    .filter((span) => span.end > MINUTES_PER_DAY)
    .map((span) => ({ start: 0, end: span.end - MINUTES_PER_DAY }));
  const own = spansStartingOn(hours, day, calendar).map((span) => ({
    start: span.start,
    end: Math.min(span.end, MINUTES_PER_DAY),
  }));
  return merge([...carried, ...own]).map((span) => ({
    start: formatMinutes(span.start),
    end: formatMinutes(span.end),
  }));
}

/**
 * Whether the venue is open at `at`, with the end of the current span (`closesAt`) or the next
 * opening within LOOKAHEAD_DAYS (`opensAt`). Throws RangeError for an Invalid Date.
 */
export function statusAt(hours: OpeningHours, at: Date, calendar: HolidayCalendar): OpeningStatus {
  const now = instantOf(at);
  const today = localDayOf(now);
  const horizon = now + LOOKAHEAD_DAYS * DAY_MS;
  const firstDay = addDays(today, -1);
  const lastDay = localDayOf(horizon);
  const spans: Span[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    const midnight = localMidnight(day);
    for (const span of spansStartingOn(hours, day, calendar)) {
      spans.push({ start: midnight + span.start * MINUTE_MS, end: midnight + span.end * MINUTE_MS });
    }
  }
  const timeline = merge(spans);
  // Rules for days after lastDay were not read, so a span reaching that far may go on.
  const readUntil = localMidnight(lastDay) + DAY_MS;
  const firstDayRead = spillsPastMidnight(hours) ? firstDay : today;
  const coveredUntil = (ms: number | undefined) =>
    coversDays(calendar, firstDayRead, ms === undefined ? lastDay : localDayOf(ms));

  const current = timeline.find((span) => span.start <= now && now < span.end);
  if (current) {
    const closesAt = current.end < readUntil ? current.end : undefined;
    return {
      state: 'open',
      ...(closesAt !== undefined && { closesAt: new Date(closesAt) }),
      calendarCovered: coveredUntil(closesAt),
    };
  }
  const opensAt = timeline.find((span) => span.start > now && span.start <= horizon)?.start;
  return {
    state: 'closed',
    ...(opensAt !== undefined && { opensAt: new Date(opensAt) }),
    calendarCovered: coveredUntil(opensAt),
  };
}

/** Whether `day` has any opening interval, including early hours carried over from the night before. */
export function isOpenOn(hours: OpeningHours, day: string, calendar: HolidayCalendar): boolean {
  return intervalsOn(hours, day, calendar).length > 0;
}

/**
 * "Known to be closed that day" for many venues and days, each distinct `opening_hours` text parsed
 * once. Unknown or unparseable hours are never known to be closed.
 */
export function knownClosedOn(calendar: HolidayCalendar): (hoursText: string | null, day: string) => boolean {
  const parsed = new Map<string, OpeningHours | undefined>();
  return (hoursText, day) => {
    if (!hoursText) return false;
    if (!parsed.has(hoursText)) parsed.set(hoursText, knownOpeningHours(hoursText));
    const hours = parsed.get(hoursText);
    return hours !== undefined && !isOpenOn(hours, day, calendar);
  };
}

/** Whether the venue is open at the moment `at`. */
export function isOpenAt(hours: OpeningHours, at: Date, calendar: HolidayCalendar): boolean {
  return statusAt(hours, at, calendar).state === 'open';
}
