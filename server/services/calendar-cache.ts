import type { Db } from '../../db/client.ts';
import { loadHolidayCalendar } from '../../db/queries/calendar.ts';
import type { HolidayCalendar } from '../../domain/hours/calendar.ts';

/** The calendar changes once a year, when a notice is loaded; ten minutes of staleness is harmless. */
const TTL_MS = 10 * 60 * 1000;
const cache = new WeakMap<Db, { loadedAt: number; calendar: Promise<HolidayCalendar> }>();

/** The holiday calendar of a database, read at most every ten minutes. */
export function holidayCalendar(db: Db, now = Date.now()): Promise<HolidayCalendar> {
  const hit = cache.get(db);
  if (hit && now - hit.loadedAt < TTL_MS) return hit.calendar;
  const calendar = loadHolidayCalendar(db);
  cache.set(db, { loadedAt: now, calendar });
  // A failed load must not be cached: the next request tries again.
  calendar.catch(() => cache.delete(db));
  return calendar;
}
