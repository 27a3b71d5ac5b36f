/**
 * Keeps the derived opening data current: the per-day open intervals behind date filters, and the
 * sample schedule of the seeded venues. Runs after seeding and at every start; both steps are cheap
 * when there is nothing to do.
 */
import type { Db } from '../db/client.ts';
import { loadHolidayCalendar } from '../db/queries/calendar.ts';
import { ensureOpenIntervals } from '../db/queries/open-intervals.ts';
import { loadSampleSchedule } from './sample-schedule.ts';
import { localDayOf } from '../domain/hours/local-time.ts';
import { knownClosedOn } from '../domain/hours/opening-hours.ts';

/** Days of sample schedule kept ahead of today. */
export const SAMPLE_DAYS = 56;

export interface UpkeepResult {
  intervalsRefreshed: boolean;
  sampleSlotsAdded: number;
}

/** Refreshes open intervals when their horizon runs short, and tops up the sample schedule. */
export async function keepOpeningDataCurrent(db: Db, now = new Date()): Promise<UpkeepResult> {
  const calendar = await loadHolidayCalendar(db);
  const today = localDayOf(now.getTime());
  const intervalsRefreshed = await ensureOpenIntervals(db, calendar, today);
  const closed = knownClosedOn(calendar);
  const sampleSlotsAdded = await loadSampleSchedule(db, {
    today,
    days: SAMPLE_DAYS,
    closedOn: (venue, day) => closed(venue.openingHours, day),
    isDayOff: (day) => calendar.kindOf(day) === 'day_off',
  });
  return { intervalsRefreshed, sampleSlotsAdded };
}
