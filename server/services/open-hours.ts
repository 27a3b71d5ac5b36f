/**
 * Keeps the derived opening data current: the per-day open intervals behind date filters, and the
 * sample schedule of the seeded venues. Runs after seeding and at every start; both steps are cheap
 * when there is nothing to do.
 */
import type { Db } from '../../db/client.ts';
import { loadHolidayCalendar } from '../../db/queries/calendar.ts';
import { ensureOpenIntervals, refreshOpenIntervals, storedHorizon } from '../../db/queries/open-intervals.ts';
import { loadSampleSchedule, type SampleVenue } from '../../seeds/sample-schedule.ts';
import type { HolidayCalendar } from '../hours/calendar.ts';
import { localDayOf } from '../hours/local-time.ts';
import { isOpenOn, parseOpeningHours, type OpeningHours } from '../hours/opening-hours.ts';

/** Days of sample schedule kept ahead of today. */
export const SAMPLE_DAYS = 56;

export interface UpkeepResult {
  intervalsRefreshed: boolean;
  sampleSlotsAdded: number;
}

/**
 * Recomputes the open intervals of some venues over the stored horizon, after their hours changed (an
 * import, a manager's edit). Nothing is stored yet (a database never opened by the server): nothing to do.
 */
export async function refreshVenueHours(db: Db, venueIds: string[]): Promise<void> {
  if (venueIds.length === 0) return;
  const horizon = await storedHorizon(db);
  if (!horizon) return;
  const calendar = await loadHolidayCalendar(db);
  for (let i = 0; i < venueIds.length; i += 1000) {
    await refreshOpenIntervals(db, calendar, horizon, venueIds.slice(i, i + 1000));
  }
}

/** Refreshes open intervals when their horizon runs short, and tops up the sample schedule. */
export async function keepOpeningDataCurrent(db: Db, now = new Date()): Promise<UpkeepResult> {
  const calendar = await loadHolidayCalendar(db);
  const today = localDayOf(now.getTime());
  const intervalsRefreshed = await ensureOpenIntervals(db, calendar, today);
  const sampleSlotsAdded = await loadSampleSchedule(db, {
    today,
    days: SAMPLE_DAYS,
    closedOn: knownClosedOn(calendar),
    isDayOff: (day) => calendar.kindOf(day) === 'day_off',
  });
  return { intervalsRefreshed, sampleSlotsAdded };
}

/** "Known to be closed that day" from a venue's own hours; unknown or unparseable hours are not closed. */
function knownClosedOn(calendar: HolidayCalendar): (venue: SampleVenue, day: string) => boolean {
  const parsed = new Map<string, OpeningHours | null>();
  return (venue, day) => {
    if (!venue.openingHours) return false;
    let hours = parsed.get(venue.openingHours);
    if (hours === undefined) {
      try {
        hours = parseOpeningHours(venue.openingHours);
      } catch {
        hours = null;
      }
      parsed.set(venue.openingHours, hours);
    }
    return hours !== null && !isOpenOn(hours, day, calendar);
  };
}
