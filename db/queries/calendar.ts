import { asc } from 'drizzle-orm';
import { createHolidayCalendar, type DayKind, type HolidayCalendar } from '../../domain/hours/calendar.ts';
import type { Db } from '../client.ts';
import { holidayDays } from '../schema/index.ts';

/** The holiday calendar as the database holds it (the seeds load each year's official notice). */
export async function loadHolidayCalendar(db: Db): Promise<HolidayCalendar> {
  const rows = await db
    .select({ day: holidayDays.day, kind: holidayDays.kind, holiday: holidayDays.holiday })
    .from(holidayDays)
    .orderBy(asc(holidayDays.day));
  return createHolidayCalendar(rows.map((r) => ({ ...r, kind: r.kind as DayKind })));
}
