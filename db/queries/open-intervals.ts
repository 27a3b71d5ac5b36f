import { eq, inArray, sql } from 'drizzle-orm';
import type { HolidayCalendar } from '../../domain/hours/calendar.ts';
import { addDays, localMidnight } from '../../domain/hours/local-time.ts';
import { intervalsOn, knownOpeningHours } from '../../domain/hours/opening-hours.ts';
import type { Db } from '../client.ts';
import { loadHolidayCalendar } from './calendar.ts';
import { appState, venueOpenIntervals, venues } from '../schema/index.ts';

/** How far ahead date filters can look; a date beyond answers DATE_OUT_OF_RANGE. */
export const HORIZON_DAYS = 180;
const HORIZON_KEY = 'open_intervals_horizon';
const MINUTE_MS = 60 * 1000;

export interface Horizon {
  /** First and last Shanghai day whose intervals are stored. */
  from: string;
  to: string;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Recomputes the open intervals of some venues (all when `venueIds` is omitted) for the horizon's days,
 * and marks whether each venue's hours are known. One transaction: readers see old or new, never half.
 */
export async function refreshOpenIntervals(
  db: Db,
  calendar: HolidayCalendar,
  horizon: Horizon,
  venueIds?: string[],
): Promise<{ venues: number; intervals: number }> {
  const scope = venueIds ? inArray(venues.id, venueIds) : undefined;
  const list = await db.select({ id: venues.id, openingHours: venues.openingHours }).from(venues).where(scope);
  let intervals = 0;
  await db.transaction(async (tx) => {
    await tx.delete(venueOpenIntervals).where(venueIds ? inArray(venueOpenIntervals.venueId, venueIds) : undefined);
    const known: string[] = [];
    const unknown: string[] = [];
    let batch: (typeof venueOpenIntervals.$inferInsert)[] = [];
    for (const venue of list) {
      const hours = knownOpeningHours(venue.openingHours);
      (hours ? known : unknown).push(venue.id);
      if (!hours) continue;
      for (let day = horizon.from; day <= horizon.to; day = addDays(day, 1)) {
        const midnight = localMidnight(day);
        for (const span of intervalsOn(hours, day, calendar)) {
          batch.push({
            venueId: venue.id,
            day,
            opensAt: new Date(midnight + minutesOf(span.start) * MINUTE_MS),
            closesAt: new Date(midnight + minutesOf(span.end) * MINUTE_MS),
          });
        }
        if (batch.length >= 1000) {
          await tx.insert(venueOpenIntervals).values(batch);
          intervals += batch.length;
          batch = [];
        }
      }
    }
    if (batch.length > 0) {
      await tx.insert(venueOpenIntervals).values(batch);
      intervals += batch.length;
    }
    for (const [ids, value] of [
      [known, true],
      [unknown, false],
    ] as const) {
      for (let i = 0; i < ids.length; i += 1000) {
        await tx
          .update(venues)
          .set({ hoursKnown: value })
          .where(inArray(venues.id, ids.slice(i, i + 1000)));
      }
    }
    if (!venueIds) {
      await tx
        .insert(appState)
        .values({ key: HORIZON_KEY, value: horizon })
        .onConflictDoUpdate({ target: appState.key, set: { value: horizon, updatedAt: sql`now()` } });
    }
  });
  return { venues: list.length, intervals };
}

/** The horizon the stored intervals cover, if any were computed. */
export async function storedHorizon(db: Db): Promise<Horizon | undefined> {
  const [row] = await db.select({ value: appState.value }).from(appState).where(eq(appState.key, HORIZON_KEY));
  return row?.value as Horizon | undefined;
}

/**
 * Makes sure intervals exist from yesterday to HORIZON_DAYS ahead; recomputes everything when the
 * stored horizon falls short by more than a week (so this runs about weekly, not at every start).
 */
export async function ensureOpenIntervals(db: Db, calendar: HolidayCalendar, today: string): Promise<boolean> {
  const stored = await storedHorizon(db);
  const wanted: Horizon = { from: addDays(today, -1), to: addDays(today, HORIZON_DAYS) };
  if (stored && stored.from <= wanted.from && stored.to >= addDays(wanted.to, -7)) return false;
  await refreshOpenIntervals(db, calendar, wanted);
  return true;
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
