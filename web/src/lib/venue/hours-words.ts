/**
 * A venue's regular opening hours as a summary people can read ("周二至周日 09:00–17:00，周一闭馆"),
 * instead of the OSM `opening_hours` code the data keeps. The summary is worked out by evaluating the
 * code with the domain's own evaluator on ordinary days (no holidays), one week per season, so it says
 * exactly what the week table and the date filters compute; the wording lives in the i18n modules.
 *
 * Seasons come from the month ranges in the code (`Apr-Oct …; Nov-Mar …`): the year is cut wherever a
 * range starts or ends, each piece gets its week, and neighbouring pieces with the same week (also over
 * the new year) are joined again. Public holidays follow the code's last `PH` rule, if it has one;
 * without one a holiday keeps its weekday's hours, and the week table marks it.
 */

import { createHolidayCalendar } from '$domain/hours/calendar.ts';
import {
  intervalsOn,
  knownOpeningHours,
  WEEKDAYS,
  type LocalInterval,
  type MonthDayRange,
  type OpeningHours,
  type Weekday,
} from '$domain/hours/opening-hours.ts';

/** Weekdays sharing the same hours, as runs of consecutive days (Monday first): [[Tu, We, Th, Fr, Sa, Su]]. */
export type DayRuns = Weekday[][];

/** One line of a week: these days, these spans. */
export interface OpenLine {
  runs: DayRuns;
  spans: LocalInterval[];
}

/** A week of regular hours: the open lines in weekday order and the days closed. */
export interface WeekHours {
  open: OpenLine[];
  closed: DayRuns;
}

/** A season's week; `season` is null when the hours are the same all year. */
export interface SeasonHours {
  season: MonthDayRange | null;
  week: WeekHours;
}

/** The whole summary: the seasons, public holidays (null when the code says nothing about them) and a note. */
export interface HoursSummary {
  seasons: SeasonHours[];
  publicHolidays: { closed: true } | { closed: false; spans: LocalInterval[] } | null;
  /** A comment the code carries (`"by appointment"`), shown as it is. */
  comment: string | null;
}

/** A year without a 29 February, so every season has the same days whatever year it is read in. */
const REFERENCE_YEAR = 2025;
const NO_HOLIDAYS = createHolidayCalendar([]);

const pad = (n: number) => String(n).padStart(2, '0');
const monthDayOf = (date: string) => Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
const spansKey = (spans: readonly LocalInterval[]) => spans.map((s) => `${s.start}-${s.end}`).join(',');

/** Every date of the reference year, `YYYY-MM-DD`, in order. */
const YEAR_DATES: readonly string[] = Array.from({ length: 365 }, (_, i) =>
  new Date(Date.UTC(REFERENCE_YEAR, 0, 1 + i)).toISOString().slice(0, 10),
);

/** Month-day ordinals where a season may start: 1 Jan, each range's start and the day after each range's end. */
function seasonStarts(hours: OpeningHours): number[] {
  const starts = new Set([101]);
  for (const rule of hours.rules) {
    for (const range of rule.months ?? []) {
      starts.add(range.from);
      // Whole months end at day 31 whatever their length: the next real day after `to` starts the next piece.
      const next = YEAR_DATES.map(monthDayOf).find((md) => md > range.to) ?? 101;
      starts.add(next);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/** Consecutive weekdays (Monday first) grouped into runs. */
function runsOf(days: readonly Weekday[]): DayRuns {
  const runs: DayRuns = [];
  let previous = -2;
  for (const day of days) {
    const index = WEEKDAYS.indexOf(day);
    if (index === previous + 1 && runs.length > 0) runs.at(-1)!.push(day);
    else runs.push([day]);
    previous = index;
  }
  return runs;
}

/** The week of the dates given (one per weekday present), grouped by identical spans. */
function weekOf(hours: OpeningHours, dates: ReadonlyMap<Weekday, string>): WeekHours {
  const byKey = new Map<string, { days: Weekday[]; spans: LocalInterval[] }>();
  const closed: Weekday[] = [];
  for (const day of WEEKDAYS) {
    const date = dates.get(day);
    if (!date) continue;
    const spans = intervalsOn(hours, date, NO_HOLIDAYS);
    if (spans.length === 0) {
      closed.push(day);
      continue;
    }
    const key = spansKey(spans);
    const group = byKey.get(key) ?? { days: [], spans };
    group.days.push(day);
    byKey.set(key, group);
  }
  return {
    open: [...byKey.values()].map((g) => ({ runs: runsOf(g.days), spans: g.spans })),
    closed: runsOf(closed),
  };
}

const weekKey = (week: WeekHours) => JSON.stringify([week.open.map((l) => [l.runs, spansKey(l.spans)]), week.closed]);

/** Public holidays as the code's last PH rule says, or null without one. */
function publicHolidaysOf(hours: OpeningHours): HoursSummary['publicHolidays'] {
  const rule = hours.rules.findLast((r) => r.days?.publicHoliday);
  if (!rule) return null;
  if (rule.closed || rule.spans.length === 0) return { closed: true };
  return {
    closed: false,
    spans: rule.spans.map((s) => ({
      start: `${pad(Math.floor(s.start / 60))}:${pad(s.start % 60)}`,
      end: `${pad(Math.floor(s.end / 60))}:${pad(s.end % 60)}`,
    })),
  };
}

/**
 * The regular hours of an `opening_hours` value, or null when it is missing or not understood (the
 * page then says the hours are unknown).
 */
export function summariseHours(text: string | null): HoursSummary | null {
  const hours = knownOpeningHours(text);
  if (!hours) return null;

  const starts = seasonStarts(hours);
  // Each piece of the year: its first and last dates and its week.
  const pieces: { from: string; to: string; week: WeekHours }[] = [];
  for (const [i, start] of starts.entries()) {
    const end = starts[i + 1] ?? 1232;
    const dates = YEAR_DATES.filter((d) => monthDayOf(d) >= start && monthDayOf(d) < end);
    if (dates.length === 0) continue;
    const byWeekday = new Map<Weekday, string>();
    for (const date of dates) {
      const weekday = WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
      if (!byWeekday.has(weekday)) byWeekday.set(weekday, date);
    }
    const week = weekOf(hours, byWeekday);
    const last = pieces.at(-1);
    if (last && weekKey(last.week) === weekKey(week)) last.to = dates.at(-1)!;
    else pieces.push({ from: dates[0]!, to: dates.at(-1)!, week });
  }
  // The new year does not end a season: December's piece continues into January's when they agree.
  const first = pieces[0];
  const last = pieces.at(-1);
  if (pieces.length > 1 && first && last && weekKey(first.week) === weekKey(last.week)) {
    first.from = last.from;
    pieces.pop();
  }
  const seasons: SeasonHours[] =
    pieces.length === 1
      ? [{ season: null, week: pieces[0]!.week }]
      : pieces
          .map((p) => ({ season: { from: monthDayOf(p.from), to: monthDayOf(p.to) }, week: p.week }))
          // Source order usually starts with the summer season; a season over the new year comes last.
          .sort((a, b) => Number(a.season.from > a.season.to) - Number(b.season.from > b.season.to));

  const comment = hours.rules.find((r) => r.comment)?.comment ?? null;
  return { seasons, publicHolidays: publicHolidaysOf(hours), comment };
}

/** The last day of a month in the reference year (28 for February). */
export function monthLength(month: number): number {
  return new Date(Date.UTC(REFERENCE_YEAR, month, 0)).getUTCDate();
}

/** A season as whole months (`{ fromMonth: 4, toMonth: 10 }`) when it starts on a 1st and ends on a month's last day. */
export function wholeMonths(season: MonthDayRange): { fromMonth: number; toMonth: number } | null {
  const toMonth = Math.floor(season.to / 100);
  if (season.from % 100 !== 1 || season.to % 100 < monthLength(toMonth)) return null;
  return { fromMonth: Math.floor(season.from / 100), toMonth };
}

/** True when the spans cover the whole day. */
export const allDay = (spans: readonly LocalInterval[]) =>
  spans.length === 1 && spans[0]!.start === '00:00' && spans[0]!.end === '24:00';

/**
 * A line of hours in words cut after each clause ("，" "：" in Chinese, ", " ": " in English), the
 * English space kept as its own part, so the page can keep each clause whole and break between them.
 */
export function clausesOf(line: string): string[] {
  return line.split(/(?<=[，：])|(?<=[,:])( )/).filter((part): part is string => part !== undefined && part !== '');
}
