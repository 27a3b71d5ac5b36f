import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';

/** Around Tiananmen, where the National Museum is. */
const START = '/?c=116.3975,39.9087&z=14';

interface ApiDay {
  date: string;
  intervals: { start: string; end: string }[] | null;
}
interface ApiVenue {
  id: string;
  name: string;
  lng: number;
  lat: number;
  opening_hours: string | null;
  hours: { known: boolean; state: 'open' | 'closed' | 'unknown'; days: ApiDay[] };
}
interface ApiSlot {
  starts_at: string;
  is_sample: boolean;
}
type LdNode = Record<string, unknown>;

async function api<T>(server: RunningServer, path: string): Promise<T> {
  const response = await fetch(server.url + path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function findVenueId(server: RunningServer, name: string): Promise<string> {
  const found = await api<{ items: { id: string; name: string }[] }>(
    server,
    `/api/venues?q=${encodeURIComponent(name)}&limit=5`,
  );
  const venue = found.items.find((v) => v.name === name);
  if (!venue) throw new Error(`no seeded venue named ${name}`);
  return venue.id;
}

async function jsonLd(page: Page): Promise<LdNode[]> {
  const text = await page.locator('script[type="application/ld+json"]').textContent();
  const data = JSON.parse(text ?? '') as { '@context': string; '@graph': LdNode[] };
  expect(data['@context']).toBe('https://schema.org');
  return data['@graph'];
}

describe.skipIf(!hasChromium).each(journeyEngines('both'))('the venue page on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  withServerAndBrowser(engine, (opened) => ({ server, browser, page } = opened), { page: DESKTOP });

  it('opens from the list and shows status, the week, admission and where the data comes from', async () => {
    const id = await findVenueId(server, '中国国家博物馆');
    const venue = await api<ApiVenue>(server, `/api/venues/${id}`);
    await page.goto(server.url + START);
    const item = page.getByTestId('venue-item').filter({ hasText: '中国国家博物馆' });
    await expect.poll(() => item.count(), { timeout: 30_000 }).toBe(1);
    await item.getByTestId('venue-details-link').click();

    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(`/venues/${id}`);
    await expect.poll(() => page.getByTestId('venue-name').textContent()).toBe('中国国家博物馆');
    expect(await page.title()).toContain('中国国家博物馆');

    const status = (await page.getByTestId('today-status').textContent())?.trim() ?? '';
    if (venue.hours.state === 'open') expect(status).toMatch(/^开放中/);
    else if (venue.hours.state === 'closed') expect(status).toMatch(/闭馆|尚未开放/);
    else expect(status).toBe('开放时间未知');

    const rows = page.getByTestId('hours-day');
    expect(await rows.count()).toBe(7);
    const shown = await rows.evaluateAll((els) =>
      els.map((el) => ({ date: el.getAttribute('data-date'), hours: el.getAttribute('data-hours') })),
    );
    expect(shown).toEqual(
      venue.hours.days.map((d) => ({
        date: d.date,
        hours: d.intervals === null ? 'unknown' : d.intervals.length === 0 ? 'closed' : 'open',
      })),
    );
    // Tu-Su 09:00-17:00; Mo off: the Monday of the week reads 闭馆.
    expect(await page.locator('[data-testid="hours-day"][data-hours="closed"]').first().textContent()).toContain(
      '闭馆',
    );

    expect((await page.getByTestId('venue-admission-detail').textContent())?.trim()).toBe('免费');
    expect(await page.getByTestId('provenance-source').textContent()).toBe('开门整理的公开场馆清单（非官方名录）');
    expect(await page.getByTestId('provenance-ref').textContent()).toBe('bj-001');
    expect(await page.getByTestId('provenance-updated').textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  });

  it('describes the place in JSON-LD, with opening hours on the place and no events but real slots', async () => {
    const id = await findVenueId(server, '中国国家博物馆');
    const venue = await api<ApiVenue>(server, `/api/venues/${id}`);
    const slots = await api<{ items: ApiSlot[] }>(server, `/api/venues/${id}/slots?limit=200`);

    // Rendered on the server: the JSON-LD is in the HTML before any script runs.
    const html = await (await fetch(`${server.url}/venues/${id}`)).text();
    expect(html).toContain('application/ld+json');

    const graph = await jsonLd(page);
    const place = graph[0] ?? {};
    expect(place['@type']).toBe('Museum');
    expect(place.name).toBe('中国国家博物馆');
    expect(place.geo).toEqual({ '@type': 'GeoCoordinates', latitude: venue.lat, longitude: venue.lng });
    expect(place.openingHours).toBe('Tu-Su 09:00-17:00');
    expect(place.isAccessibleForFree).toBe(true);
    expect((place.address as LdNode).addressRegion).toBe('北京市');

    const events = graph.filter((n) => n['@type'] === 'Event');
    const announced = slots.items.filter((s) => !s.is_sample);
    expect(events).toHaveLength(announced.length);
    expect(graph).toHaveLength(1 + announced.length);
  });

  it('labels sample slots, leaves them out of JSON-LD, and offers the calendar as text/calendar', async () => {
    const slots = await api<{ items: (ApiSlot & { venue: { id: string } })[] }>(server, '/api/slots?limit=50');
    const sample = slots.items.find((s) => s.is_sample);
    if (!sample) throw new Error('the seeded sample schedule has no slots');
    const id = sample.venue.id;
    await page.goto(`${server.url}/venues/${id}`);

    const shown = page.getByTestId('slot');
    await expect.poll(() => shown.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const count = await shown.count();
    expect(await page.getByTestId('sample-badge').count()).toBe(count);
    expect(await page.getByTestId('sample-badge').first().textContent()).toBe('示例日程');
    // Places left show on slots still taking bookings (a slot whose booking has closed says so instead).
    const open = page.locator('[data-testid="places-left"]:not([data-booking="closed"])');
    expect(await open.first().textContent()).toMatch(/公众余位 \d+/);

    const graph = await jsonLd(page);
    expect(graph.filter((n) => n['@type'] === 'Event')).toHaveLength(0);

    const link = page.getByTestId('ics-link');
    expect((await link.textContent())?.trim()).toBe('订阅日历 (.ics)');
    const href = await link.getAttribute('href');
    const ics = await fetch(new URL(href ?? '', server.url));
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('says an approximate point is approximate, on a phone', async () => {
    const id = await findVenueId(server, '中国美术馆');
    const phone = await browser.newPage(PHONE);
    try {
      await phone.goto(`${server.url}/venues/${id}`);
      // The bar offers signing in, as the map does, and still fits a phone's width.
      expect(await phone.getByTestId('account-link').getAttribute('href')).toMatch(/\/login/);
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      expect(await phone.getByTestId('venue-map').getAttribute('data-approx')).toBe('true');
      expect(await phone.getByTestId('location-note').textContent()).toContain('位置为近似');
      await expect.poll(() => phone.locator('[data-testid="venue-map"] canvas').count(), { timeout: 30_000 }).toBe(1);
    } finally {
      await phone.close();
    }
  });

  it('answers 404 with a Chinese page for an unknown or malformed id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-venue']) {
      const response = await page.goto(`${server.url}/venues/${id}`);
      expect(response?.status(), id).toBe(404);
      expect(await page.getByTestId('error-page').locator('h1').textContent()).toBe('没有找到这个场馆');
    }
  });
});
