import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { slots } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { loadSeedCalendar } from '../../seeds/holidays.ts';
import { localDayOf, weekdayIndex } from '../../domain/hours/local-time.ts';
import { isOpenOn, parseOpeningHours } from '../../domain/hours/opening-hours.ts';
import { keepOpeningDataCurrent } from '../../seeds/upkeep.ts';
import { greatCircleMetres } from '../../domain/geo.ts';
import { testEngines } from '../support/engines.ts';
import { everyItem, withTestApp } from '../support/http.ts';

interface SlotItem {
  id: string;
  venue: { id: string; name: string; lng: number; lat: number; distance_m: number | null };
  kind: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  school_allocation: number;
  allocation_release_at: string | null;
  places_left: { total: number; public: number; school: number };
  is_sample: boolean;
}

describe.each(testEngines())("what's on (GET /api/slots) on %s", (engine) => {
  let database: Database;
  let app: App;
  const calendar = loadSeedCalendar();

  const all = (url: string, limit = 50) => everyItem<SlotItem>(app, url, limit);

  withTestApp(engine, (opened) => ({ app, database } = opened));

  it('lists the sample open days of the coming weeks in time order, marked as samples', async () => {
    const items = await all('/api/slots?to=' + localDayOf(Date.now() + 28 * 86400000), 17);
    expect(items.length).toBeGreaterThan(20);
    expect(new Set(items.map((s) => s.id)).size).toBe(items.length);
    const starts = items.map((s) => s.starts_at);
    expect(starts).toEqual([...starts].sort());
    for (const s of items) {
      expect(s.is_sample).toBe(true);
      expect(Date.parse(s.starts_at)).toBeGreaterThan(Date.now());
      expect(s.places_left.total).toBe(s.capacity);
    }
  });

  it('schedules family open days on Saturdays and school sessions with an allocation on working Wednesdays', async () => {
    const items = await all('/api/slots?to=' + localDayOf(Date.now() + 56 * 86400000), 200);
    for (const s of items) {
      const day = localDayOf(Date.parse(s.starts_at));
      if (s.school_allocation > 0) {
        expect(weekdayIndex(day)).toBe(2);
        expect(calendar.kindOf(day)).not.toBe('day_off');
        // Before the release time the allocation is held back from the public.
        if (Date.now() < Date.parse(s.allocation_release_at!)) {
          expect(s.places_left).toEqual({
            total: s.capacity,
            public: s.capacity - s.school_allocation,
            school: s.school_allocation,
          });
        }
      } else {
        expect(weekdayIndex(day)).toBe(5);
      }
    }
  });

  it('never schedules a sample on a day the venue is known to be closed', async () => {
    const items = await all('/api/slots?to=' + localDayOf(Date.now() + 56 * 86400000), 200);
    const hoursOf = new Map<string, string | null>();
    for (const s of items) {
      if (!hoursOf.has(s.venue.id)) {
        hoursOf.set(
          s.venue.id,
          (await app.inject(`/api/venues/${s.venue.id}`)).json<{ opening_hours: string | null }>().opening_hours,
        );
      }
      const hours = hoursOf.get(s.venue.id);
      if (hours) expect(isOpenOn(parseOpeningHours(hours), localDayOf(Date.parse(s.starts_at)), calendar)).toBe(true);
    }
  });

  it('topping up the schedule again adds nothing', async () => {
    expect((await keepOpeningDataCurrent(database.db)).sampleSlotsAdded).toBe(0);
  });

  it('filters by place and venue filters like /api/venues, with distances', async () => {
    const near = { lng: 116.3975, lat: 39.9087 };
    const items = await all('/api/slots?near=116.3975,39.9087&radius_m=5000&kinds=museum', 50);
    expect(items.length).toBeGreaterThan(0);
    const venues = await app.inject('/api/venues?near=116.3975,39.9087&radius_m=5000&kinds=museum&limit=200');
    const allowed = new Set(venues.json<{ items: { id: string }[] }>().items.map((v) => v.id));
    for (const s of items) {
      expect(allowed.has(s.venue.id)).toBe(true);
      expect(s.venue.distance_m).toBeCloseTo(greatCircleMetres(near, s.venue), 0);
    }
  });

  it("GET /api/venues/{id}/slots lists one venue's slots; an unknown venue answers 404", async () => {
    const [any] = await all('/api/slots?from=' + localDayOf(Date.now()), 1);
    const mine = await all(`/api/venues/${any!.venue.id}/slots?from=${localDayOf(Date.now())}`, 5);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.venue.id === any!.venue.id)).toBe(true);
    const missing = await app.inject('/api/venues/00000000-0000-4000-8000-000000000000/slots');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'VENUE_NOT_FOUND' } });
  });

  it('leaves out cancelled slots', async () => {
    const [first] = await all('/api/slots?from=' + localDayOf(Date.now()), 1);
    await database.db.update(slots).set({ status: 'cancelled' }).where(eq(slots.id, first!.id));
    try {
      const again = await all(`/api/venues/${first!.venue.id}/slots?from=${localDayOf(Date.now())}`, 50);
      expect(again.some((s) => s.id === first!.id)).toBe(false);
    } finally {
      await database.db.update(slots).set({ status: 'scheduled' }).where(eq(slots.id, first!.id));
    }
  });

  it.each([
    ['from=2026-13-01', 'INVALID_DATE_RANGE'],
    ['from=2026-12-10&to=2026-12-01', 'INVALID_DATE_RANGE'],
    ['from=2026-12-01&to=2027-12-01', 'INVALID_DATE_RANGE'],
    ['to=soon', 'INVALID_DATE_RANGE'],
    ['kind=party', 'INVALID_SLOT_KIND'],
    ['kinds=zoo', 'UNKNOWN_KIND'],
    ['limit=0', 'INVALID_LIMIT'],
    ['cursor=abc', 'INVALID_CURSOR'],
  ])('%s answers 400 %s', async (query, code) => {
    const res = await app.inject(`/api/slots?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code } });
  });
});
