/** The holiday calendar shipped in `seeds/holidays/cn-holidays.csv` (2025 and 2026), read from disk. */
import { createHolidayCalendar, isDayKind, type HolidayCalendar } from '../domain/hours/calendar.ts';
import { SEED_FILES, readSeedCsv } from './files.ts';

/** Reads the seed calendar (columns day,kind,holiday). Reads the file on every call, so keep the result. */
export function loadSeedCalendar(): HolidayCalendar {
  return createHolidayCalendar(
    readSeedCsv(SEED_FILES.holidays).map((record) => {
      if (!isDayKind(record.kind)) throw new RangeError(`unknown holiday kind "${record.kind}" on ${record.day}`);
      return { day: record.day ?? '', kind: record.kind, holiday: record.holiday ?? '' };
    }),
  );
}
