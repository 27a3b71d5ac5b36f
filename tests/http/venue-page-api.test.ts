import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { App } from '../../server/app.ts';
import { loadSeedCalendar } from '../../seeds/holidays.ts';
import { localDayOf } from '../../domain/hours/local-time.ts';
import { intervalsOn, parseOpeningHours, statusAt } from '../../domain/hours/opening-hours.ts';
import { testEngines } from '../support/engines.ts';
import { withTestApp } from '../support/http.ts';

interface Detail {
  id: string;
  name: string;
  opening_hours: string | null;
  hours: {
    known: boolean;
    state: string;
    opens_at: string | null;
    closes_at: string | null;
    days: {
      date: string;
      holiday: string | null;
      workday_for: string | null;
      intervals: { start: string; end: string }[] | null;
    }[];
  };
}

describe.each(testEngines())('venue page data on %s', (engine) => {
  let app: App;
  const calendar = loadSeedCalendar();
  const find = async (q: string) =>
    (await app.inject(`/api/venues?q=${encodeURIComponent(q)}&limit=1`)).json<{ items: { id: string }[] }>().items[0]!
      .id;
  const detail = async (id: string) => (await app.inject(`/api/venues/${id}`)).json<Detail>();

  withTestApp(engine, (opened) => ({ app } = opened));

  it('gives known hours as open/closed now and the coming week, as the evaluator says', async () => {
    const museum = await detail(await find('中国国家博物馆'));
    const now = new Date();
    const hours = parseOpeningHours(museum.opening_hours!);
    const expected = statusAt(hours, now, calendar);
    expect(museum.hours.known).toBe(true);
    expect(museum.hours.state).toBe(expected.state);
    expect(museum.hours.days).toHaveLength(7);
    expect(museum.hours.days[0]!.date).toBe(localDayOf(now.getTime()));
    for (const day of museum.hours.days) expect(day.intervals).toEqual(intervalsOn(hours, day.date, calendar));
  });

  it('answers for any moment with ?at=, e.g. before opening on a Tuesday and after closing', async () => {
    const id = await find('中国国家博物馆');
    const hours = parseOpeningHours((await detail(id)).opening_hours!);
    for (const at of ['2026-12-01T08:00:00+08:00', '2026-12-01T12:00:00+08:00', '2026-11-30T12:00:00+08:00']) {
      const body = (await app.inject(`/api/venues/${id}?at=${encodeURIComponent(at)}`)).json<Detail>();
      const expected = statusAt(hours, new Date(at), calendar);
      expect(body.hours.state, at).toBe(expected.state);
      expect(body.hours.opens_at, at).toBe(expected.opensAt?.toISOString() ?? null);
      expect(body.hours.closes_at, at).toBe(expected.closesAt?.toISOString() ?? null);
    }
    const bad = await app.inject(`/api/venues/${id}?at=noon`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_DATE' } });
  });

  it('keeps unknown hours unknown: no state, no intervals, but holidays still marked', async () => {
    const withoutHours = (await app.inject('/api/venues?q=%E5%85%AC%E5%9B%AD&limit=50')).json<{
      items: { id: string }[];
    }>();
    const details = await Promise.all(withoutHours.items.map((v) => detail(v.id)));
    const unknown = details.find((d) => d.opening_hours === null)!;
    expect(unknown.hours).toMatchObject({ known: false, state: 'unknown', opens_at: null, closes_at: null });
    expect(unknown.hours.days.every((d) => d.intervals === null)).toBe(true);
  });

  it('serves the slots as an iCalendar file that a standard parser reads with Shanghai local times', async () => {
    const slots = (await app.inject('/api/slots?limit=1')).json<{ items: { venue: { id: string } }[] }>();
    const venueId = slots.items[0]!.venue.id;
    const mine = (
      await app.inject(`/api/venues/${venueId}/slots?limit=200&to=${localDayOf(Date.now() + 119 * 86400000)}`)
    ).json<{
      items: { id: string; starts_at: string; ends_at: string }[];
    }>();
    const res = await app.inject(`/api/venues/${venueId}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('\r\n');
    const component = new ICAL.Component(ICAL.parse(res.body));
    const zone = component.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    ICAL.TimezoneService.register(zone!);
    const events = component.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBe(mine.items.length);
    for (const event of events) {
      const slot = mine.items.find((s) => `${s.id}@kaimen` === event.uid)!;
      expect(slot).toBeDefined();
      expect(event.startDate.zone?.tzid).toBe('Asia/Shanghai');
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(slot.starts_at).toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(new Date(slot.ends_at).toISOString());
      // The sample Saturday open days start at 09:30 in Shanghai.
      expect([event.startDate.hour, event.startDate.minute]).toEqual([9, 30]);
    }
  });

  it('answers 404 VENUE_NOT_FOUND for the calendar of an unknown venue', async () => {
    const res = await app.inject('/api/venues/00000000-0000-4000-8000-000000000000/calendar.ics');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'VENUE_NOT_FOUND' } });
  });
});
