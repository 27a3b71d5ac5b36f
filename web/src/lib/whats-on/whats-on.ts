/**
 * Pure helpers of the "what's on" page: which seven days it covers, and the slots grouped by their
 * Shanghai day, every day present even when nothing is on (a parent reads "nothing on Tuesday").
 */

import type { Slot } from '$lib/api/types';
import { addDays, shanghaiDate } from '$lib/venue/hours';

/** How many days the page covers, today included. */
export const WHATS_ON_DAYS = 7;

/** Around a chosen place, how far the page looks: a family's half-day trip across a city. */
export const WHATS_ON_RADIUS_M = 20_000;

/** The dates (`YYYY-MM-DD`, Shanghai) from `today` for WHATS_ON_DAYS days. */
export function whatsOnDates(today: string): string[] {
  return Array.from({ length: WHATS_ON_DAYS }, (_, i) => addDays(today, i));
}

/** One day of the page. */
export interface SlotDay {
  date: string;
  slots: Slot[];
}

/** The slots under the day they start on (Shanghai), in time order; slots outside the dates are left out. */
export function groupByDay(slots: readonly Slot[], dates: readonly string[]): SlotDay[] {
  const days = new Map(dates.map((date) => [date, [] as Slot[]]));
  for (const slot of slots) days.get(shanghaiDate(slot.starts_at))?.push(slot);
  return dates.map((date) => ({
    date,
    slots: days.get(date)!.sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at)),
  }));
}
