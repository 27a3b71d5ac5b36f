/**
 * Pure helpers for what the venue page says about time. Every time is shown in Asia/Shanghai, where
 * the venues are, whatever the reader's own clock says; China has kept UTC+8 without daylight saving
 * since 1991, so a fixed offset is exact.
 */

import type { HoursDay, VenueHours } from '$lib/api/types';

/** Shanghai's offset from UTC in milliseconds. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Shanghai wall clock of an instant as `YYYY-MM-DDTHH:MM`. */
function shanghaiClock(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}

/** The Shanghai date (`YYYY-MM-DD`) of an instant given as an ISO string. */
export function shanghaiDate(iso: string): string {
  return shanghaiClock(iso).slice(0, 10);
}

/** The Shanghai time of day (`HH:MM`) of an instant given as an ISO string. */
export function shanghaiTime(iso: string): string {
  return shanghaiClock(iso).slice(11, 16);
}

/** An ISO instant written with Shanghai's offset, e.g. `2026-12-05T09:30:00+08:00` (for JSON-LD). */
export function shanghaiIso(iso: string): string {
  return `${shanghaiClock(iso)}:00+08:00`;
}

/** A calendar date plus `days`, both `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A moment relative to the page's today: the sentence says "today 09:00", "tomorrow 09:00" or a date. */
export interface DayTime {
  day: 'today' | 'tomorrow' | 'later';
  /** Shanghai date, `YYYY-MM-DD`. */
  date: string;
  /** Shanghai time, `HH:MM`. */
  time: string;
}

/** What the page says about today, before any wording. */
export type TodayStatus =
  | { kind: 'unknown' }
  | { kind: 'open'; closes: DayTime | null }
  /** Closed all day today (a rest day or a holiday closure). */
  | { kind: 'closed-today'; opens: DayTime | null }
  /** Open today, but not yet. */
  | { kind: 'not-yet-open'; opens: DayTime | null }
  /** Open today, but already closed for the day. */
  | { kind: 'closed-for-the-day'; opens: DayTime | null };

function dayTime(iso: string | null, today: string): DayTime | null {
  if (!iso) return null;
  const date = shanghaiDate(iso);
  const day = date === today ? 'today' : date === addDays(today, 1) ? 'tomorrow' : 'later';
  return { day, date, time: shanghaiTime(iso) };
}

/**
 * Today's status from the API's evaluation. "Today" is the first day of `hours.days` (the server's
 * Shanghai date when it answered), so the server-rendered page and the hydrated one agree.
 */
export function todayStatus(hours: VenueHours): TodayStatus {
  const first = hours.days[0];
  if (!hours.known || hours.state === 'unknown' || !first) return { kind: 'unknown' };
  const today = first.date;
  if (hours.state === 'open') return { kind: 'open', closes: dayTime(hours.closes_at, today) };
  const opens = dayTime(hours.opens_at, today);
  const intervals = first.intervals ?? [];
  if (intervals.length === 0) return { kind: 'closed-today', opens };
  if (opens?.day === 'today') return { kind: 'not-yet-open', opens };
  return { kind: 'closed-for-the-day', opens };
}

/** How one day of the week table reads: unknown, closed, or its opening spans. */
export type DayHours = { kind: 'unknown' } | { kind: 'closed' } | { kind: 'open'; spans: string[] };

/** A day's hours for the table; `24:00` ends are kept as the API gives them. */
export function dayHours(day: HoursDay): DayHours {
  if (day.intervals === null) return { kind: 'unknown' };
  if (day.intervals.length === 0) return { kind: 'closed' };
  return { kind: 'open', spans: day.intervals.map((i) => `${i.start}–${i.end}`) };
}

const WEEKDAY_CODES = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

/** The weekday code (`Mo` … `Su`, as the API writes them) of a `YYYY-MM-DD` date. */
export function weekdayCode(date: string): string {
  return WEEKDAY_CODES[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
}
