/**
 * The "when" filter: any time, the coming weekend, a given day, or open right now. Pure helpers; days
 * are Asia/Shanghai calendar dates, as the API reads them.
 */

import type { ApiQuery } from '$lib/api/client';
import { addDays, shanghaiDate, weekdayCode } from '$lib/venue/hours';

/** When the person wants to go; `range` is open on some day from `from` to `to` (inclusive). */
export type When =
  | { type: 'any' }
  | { type: 'weekend' }
  | { type: 'date'; date: string }
  | { type: 'range'; from: string; to: string }
  | { type: 'now' };

/** Days a range may span, as the API allows (`open_from`…`open_to`). */
export const MAX_RANGE_DAYS = 62;

/** The range a "next two weeks" choice starts with: today and the 13 days after it. */
export function nextTwoWeeks(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, 13) };
}

/** Whether `from`…`to` is a range the API accepts: real days, in order, at most MAX_RANGE_DAYS. */
export function isRange(from: string | null | undefined, to: string | null | undefined): boolean {
  if (!isDate(from) || !isDate(to) || to < from) return false;
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 < MAX_RANGE_DAYS;
}

/** No date filter. */
export const ANY_TIME: When = { type: 'any' };

/** A real calendar date written `YYYY-MM-DD`. */
export function isDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** Today's date in Shanghai. */
export function shanghaiToday(now: Date = new Date()): string {
  return shanghaiDate(now.toISOString());
}

/**
 * The days `weekend=true` covers, as the API counts them: today and tomorrow on a Saturday, today on
 * a Sunday, else the next Saturday and Sunday.
 */
export function comingWeekend(today: string): string[] {
  const code = weekdayCode(today);
  if (code === 'Sa') return [today, addDays(today, 1)];
  if (code === 'Su') return [today];
  const toSaturday = ['Mo', 'Tu', 'We', 'Th', 'Fr'].indexOf(code);
  const saturday = addDays(today, 5 - toSaturday);
  return [saturday, addDays(saturday, 1)];
}

/**
 * "Now" as sent to the API: the current minute, so repeated requests within it are identical (and
 * can be skipped or cached) while the answer stays right to the minute.
 */
export function currentMinute(now: Date = new Date()): string {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
}

/** The date parameters of a venue search. */
export type WhenQuery = Pick<
  ApiQuery<'/api/venues'>,
  'weekend' | 'open_on' | 'open_from' | 'open_to' | 'open_at' | 'include_unknown_hours'
>;

/**
 * The API query parameters of a "when" filter.
 * @param openAt the instant "now" means (see {@link currentMinute}); required for `now`
 * @param includeUnknownHours also keep venues whose hours are unknown (only with a date filter)
 */
export function whenQuery(when: When, openAt: string | null, includeUnknownHours: boolean): WhenQuery {
  if (when.type === 'any') return {};
  const query: WhenQuery =
    when.type === 'weekend'
      ? { weekend: 'true' }
      : when.type === 'date'
        ? { open_on: when.date }
        : when.type === 'range'
          ? { open_from: when.from, open_to: when.to }
          : { open_at: openAt ?? currentMinute() };
  if (includeUnknownHours) query.include_unknown_hours = 'true';
  return query;
}

/** Whether two "when" values ask for the same thing. */
export function sameWhen(a: When, b: When): boolean {
  if (a.type === 'date') return b.type === 'date' && a.date === b.date;
  if (a.type === 'range') return b.type === 'range' && a.from === b.from && a.to === b.to;
  return a.type === b.type;
}

/** An empty id set, shared (never mutated). */
export const NO_IDS: ReadonlySet<string> = new Set();

/**
 * Which venues of an answer that included unknown hours (`include_unknown_hours=true`) have unknown
 * hours: those missing from the same query without it. The list items carry no hours flag, so this
 * is how the list can mark them. It is exact when both pages share order and size: the known-hours
 * order is the full order with some venues removed, so every known venue on the full page is also
 * on the known page.
 */
export function unknownHoursIds(
  withUnknown: readonly { id: string }[],
  knownOnly: readonly { id: string }[],
): ReadonlySet<string> {
  const known = new Set(knownOnly.map((v) => v.id));
  return new Set(withUnknown.filter((v) => !known.has(v.id)).map((v) => v.id));
}
