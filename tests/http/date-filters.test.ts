import { beforeAll, describe, expect, it } from 'vitest';
import { HORIZON_DAYS } from '../../db/queries/open-intervals.ts';
import type { App } from '../../server/app.ts';
import { loadSeedCalendar } from '../../seeds/holidays.ts';
import { addDays, localDayOf, weekdayIndex } from '../../domain/hours/local-time.ts';
import { isOpenAt, isOpenOn, parseOpeningHours } from '../../domain/hours/opening-hours.ts';
import { comingWeekend } from '../../server/schemas/venue-filters.ts';
import { testEngines } from '../support/engines.ts';
import { everyItem, everyPage, type ListPage, withTestApp } from '../support/http.ts';

interface Venue {
  id: string;
  opening_hours: string | null;
}

/** The next date after today with this ISO weekday index (0 Monday … 6 Sunday). */
function next(weekday: number, today: string): string {
  let day = addDays(today, 1);
  while (weekdayIndex(day) !== weekday) day = addDays(day, 1);
  return day;
}

describe.each(testEngines())('date filters on %s', (engine) => {
  let app: App;
  let all: Venue[];
  const calendar = loadSeedCalendar();
  const today = localDayOf(Date.now());

  /** Every page of a search: the ids found and what the first page says was left out. */
  const ids = async (query: string) => {
    type Found = ListPage<{ id: string }> & { unknown_hours_excluded: number | null };
    const pages = await everyPage<Found>(app, `/api/venues?${query}`, 200);
    return {
      ids: pages.flatMap((page) => page.items.map((v) => v.id)).sort(),
      unknown: pages[0]!.unknown_hours_excluded,
    };
  };
  const expectedOpen = (test: (hours: ReturnType<typeof parseOpeningHours>) => boolean) =>
    all
      .filter((v) => v.opening_hours !== null && test(parseOpeningHours(v.opening_hours)))
      .map((v) => v.id)
      .sort();

  withTestApp(engine, (opened) => ({ app } = opened));
  beforeAll(async () => {
    const listed = await everyItem<{ id: string }>(app, '/api/venues', 200);
    all = await Promise.all(listed.map(async ({ id }) => (await app.inject(`/api/venues/${id}`)).json<Venue>()));
  });

  it('open_on a Tuesday and a Monday keeps exactly the venues whose hours say open that day', async () => {
    for (const day of [next(1, today), next(0, today)]) {
      const got = await ids(`open_on=${day}`);
      expect(got.ids, day).toEqual(expectedOpen((h) => isOpenOn(h, day, calendar)));
      expect(got.unknown).toBe(all.filter((v) => v.opening_hours === null).length);
    }
    // The museum pattern "Tu-Su …; Mo off" makes Monday the quieter day.
    expect((await ids(`open_on=${next(0, today)}`)).ids.length).toBeLessThan(
      (await ids(`open_on=${next(1, today)}`)).ids.length,
    );
  });

  it('include_unknown_hours keeps the venues whose hours are unknown, and reports none left out', async () => {
    const day = next(1, today);
    const got = await ids(`open_on=${day}&include_unknown_hours=true`);
    const unknown = all.filter((v) => v.opening_hours === null).map((v) => v.id);
    expect(got.ids).toEqual([...expectedOpen((h) => isOpenOn(h, day, calendar)), ...unknown].sort());
    expect(got.unknown).toBeNull();
  });

  it('weekend=true keeps venues open on the coming Saturday or Sunday', async () => {
    const days = comingWeekend(today);
    const got = await ids('weekend=true');
    expect(got.ids).toEqual(expectedOpen((h) => days.some((d) => isOpenOn(h, d, calendar))));
    expect(got.ids.length).toBeGreaterThan(0);
  });

  it.each([
    ['09:30', true],
    ['18:30', false],
  ])('open_at a Wednesday %s keeps exactly the venues open at that moment', async (time, someOpen) => {
    const at = new Date(`${next(2, today)}T${time}:00+08:00`);
    const got = await ids(`open_at=${encodeURIComponent(at.toISOString())}`);
    expect(got.ids).toEqual(expectedOpen((h) => isOpenAt(h, at, calendar)));
    expect(got.ids.length > 0).toBe(someOpen);
  });

  it('combines with other filters', async () => {
    const day = next(1, today);
    const got = await ids(`open_on=${day}&kinds=museum&free=true`);
    const free = new Set((await ids('kinds=museum&free=true')).ids);
    expect(got.ids).toEqual(expectedOpen((h) => isOpenOn(h, day, calendar)).filter((id) => free.has(id)));
  });

  it.each([
    [`open_on=${addDays(localDayOf(Date.now()), HORIZON_DAYS + 30)}`, 'DATE_OUT_OF_RANGE'],
    ['open_on=2020-01-01', 'DATE_OUT_OF_RANGE'],
    ['open_on=2026-02-30', 'INVALID_DATE'],
    ['open_on=tomorrow', 'INVALID_DATE'],
    ['open_at=2026-12-01T09:00', 'INVALID_DATE'],
    ['open_at=yesterday', 'INVALID_DATE'],
    ['weekend=yes', 'INVALID_WEEKEND'],
  ])('%s answers 400 %s', async (query, code) => {
    const res = await app.inject(`/api/venues?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code } });
  });
});
