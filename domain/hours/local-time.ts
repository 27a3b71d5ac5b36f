/**
 * Asia/Shanghai wall-clock arithmetic done by hand. China keeps UTC+8 all year with no daylight
 * saving, so a fixed offset is exact, and answers never depend on the server's TZ setting.
 */

/** Shanghai's offset from UTC. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
export const MINUTES_PER_DAY = 24 * 60;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The instant (ms since the epoch) of Shanghai midnight at the start of `day` ('YYYY-MM-DD').
 * Throws RangeError for anything that is not a real calendar day, so '2026-02-30' cannot roll over.
 */
export function localMidnight(day: string): number {
  const match = DAY_PATTERN.exec(day);
  const utcMidnight = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // The round trip rejects impossible dates, which Date.UTC would silently carry into the next month.
  if (Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`not a calendar day (YYYY-MM-DD): "${day}"`);
  }
  return utcMidnight - SHANGHAI_OFFSET_MS;
}

/** The Shanghai calendar day ('YYYY-MM-DD') containing the instant `ms`. */
export function localDayOf(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day `count` days after (or before, when negative) `day`. */
export function addDays(day: string, count: number): string {
  return localDayOf(localMidnight(day) + count * DAY_MS);
}

/** ISO weekday index of `day`: 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  const utcDay = new Date(localMidnight(day) + SHANGHAI_OFFSET_MS).getUTCDay();
  return (utcDay + 6) % 7;
}

/** Formats minutes after midnight as 'HH:MM'; 1440 becomes '24:00' so a day's last span can end at midnight. */
export function formatMinutes(minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}

/** The instant's time as milliseconds, refusing an Invalid Date rather than answering for NaN. */
export function instantOf(at: Date): number {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}
