import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DESKTOP, hasChromium, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { listSettled, openMap, renderedVenues } from '../support/journeys.ts';

/** Tiananmen Square: the parent's phone reports this position. */
const HERE = { longitude: 116.3975, latitude: 39.9087 };

interface ApiVenue {
  minors_admission: string;
  hours: { known: boolean; days: { date: string; intervals: unknown[] | null }[] };
}

/** The days `weekend=true` covers (Asia/Shanghai), counted as the API counts them. */
function comingWeekend(now = new Date()): string[] {
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000);
  const dow = day(0).getUTCDay();
  const start = dow === 6 || dow === 0 ? 0 : 6 - dow;
  const first = day(start).toISOString().slice(0, 10);
  return dow === 0
    ? [first]
    : [
        first,
        day(start + 1)
          .toISOString()
          .slice(0, 10),
      ];
}

function listedIds(page: Page): Promise<string[]> {
  return page.getByTestId('venue-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-venue-id') ?? ''));
}

describe.skipIf(!hasChromium).each(journeyEngines('both'))(
  'a parent looking for a free venue this weekend on %s',
  (engine) => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    withServerAndBrowser(engine, async (opened) => {
      ({ server, browser } = opened);
      context = await browser.newContext({ ...DESKTOP, geolocation: HERE, permissions: ['geolocation'] });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('filters free and this weekend, and every venue listed is free and open then', async () => {
      const tiles: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/tiles/venues/')) tiles.push(request.url());
      });
      await openMap(page, server.url + '/?z=11');
      await page.getByTestId('locate-me').click();
      await expect.poll(() => page.getByTestId('current-place').textContent()).toContain('我的位置');
      await page.getByTestId('filter-free').check();
      await page.getByTestId('when-weekend').check();
      const filters = ['free=true', 'weekend=true', 'near=116.3975,39.9087'];
      await expect.poll(() => listSettled(page, filters), { timeout: 15_000 }).toBe(true);
      // The map flies to the position while the list answers: wait until both have settled on the final
      // view (under load that takes a while), where the map draws single venues, exactly the ones listed.
      // The poll reports the whole state, so a failure says which part never settled.
      const settledView = async () => {
        const listed = (await listedIds(page)).length;
        const clusters = await page.getByTestId('map').getAttribute('data-rendered-clusters');
        return `list settled ${await listSettled(page, filters)}, clusters ${clusters}, drawn ${await renderedVenues(page)} of ${listed} listed`;
      };
      await expect
        .poll(settledView, { timeout: 60_000 })
        .toMatch(/^list settled true, clusters 0, drawn (\d+) of \1 listed$/);

      const ids = await listedIds(page);
      expect(ids.length).toBeGreaterThan(0);
      const weekend = comingWeekend();
      for (const id of ids) {
        const venue = (await (await fetch(`${server.url}/api/venues/${id}`)).json()) as ApiVenue;
        expect(venue.minors_admission, id).toBe('free');
        const open = venue.hours.days.filter((d) => weekend.includes(d.date) && (d.intervals?.length ?? 0) > 0);
        expect(open.length, `${id} open on ${weekend.join(' or ')}`).toBeGreaterThan(0);
      }
      expect(await page.getByTestId('venue-hours-unknown').count()).toBe(0);

      // The map draws the same filters from vector tiles, never from a list of every venue.
      const filtered = () => tiles.filter((url) => url.includes('free=true') && url.includes('weekend=true')).length;
      expect(filtered()).toBeGreaterThan(0);
      expect(await renderedVenues(page)).toBe(ids.length);
    });

    it('says how many venues with unknown hours were left out, and shows them marked on request', async () => {
      const notice = page.getByTestId('unknown-hours-notice');
      await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(1);
      const left = Number(await notice.getAttribute('data-count'));
      expect(left).toBeGreaterThan(0);
      expect(await notice.textContent()).toContain(`另有 ${left} 个场馆开放时间未知，未显示`);
      const before = await listedIds(page);

      await page.getByTestId('show-unknown-hours').click();
      await expect
        .poll(() => listSettled(page, ['weekend=true', 'include_unknown_hours=true']), { timeout: 15_000 })
        .toBe(true);
      const after = await listedIds(page);
      expect(after.length).toBeGreaterThan(before.length);
      for (const id of before) expect(after).toContain(id);

      const marked = await page
        .locator('[data-testid="venue-item"]:has([data-testid="venue-hours-unknown"])')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-venue-id') ?? ''));
      expect(marked.sort()).toEqual(after.filter((id) => !before.includes(id)).sort());
      expect(await page.getByTestId('venue-hours-unknown').first().textContent()).toBe('开放时间未知');
      for (const id of marked) {
        const venue = (await (await fetch(`${server.url}/api/venues/${id}`)).json()) as ApiVenue;
        expect(venue.hours.known, id).toBe(false);
      }

      await page.getByTestId('hide-unknown-hours').click();
      await expect.poll(async () => (await listedIds(page)).length, { timeout: 15_000 }).toBe(before.length);
    });

    it('draws clusters when zoomed out, and a click on one zooms in', async () => {
      const map = await browser.newPage(DESKTOP);
      try {
        await map.goto(server.url + '/?c=116.4,39.91&z=8');
        const clusters = () => map.getByTestId('map').getAttribute('data-rendered-clusters').then(Number);
        await expect.poll(clusters, { timeout: 30_000 }).toBeGreaterThan(0);
        const zoomOf = () => Number(/[?&]z=([\d.]+)/.exec(map.url())?.[1] ?? 'NaN');
        await expect.poll(zoomOf, { timeout: 5_000 }).toBe(8);
        const at = (await map.getByTestId('map').getAttribute('data-largest-cluster'))?.split(',').map(Number);
        const box = await map.getByTestId('map').boundingBox();
        if (!box || !at || at.length !== 2) throw new Error('no cluster position');
        await map.mouse.click(box.x + (at[0] ?? 0), box.y + (at[1] ?? 0));
        await expect.poll(zoomOf, { timeout: 10_000 }).toBeGreaterThan(8);
      } finally {
        await map.close();
      }
    });

    it('keeps the choice in the link: a shared URL opens with this weekend chosen', async () => {
      const shared = await context.newPage();
      try {
        await shared.goto(page.url());
        expect(await shared.getByTestId('when-weekend').isChecked()).toBe(true);
        expect(await shared.getByTestId('filter-free').isChecked()).toBe(true);
        // "A chosen day" applies no day until one is picked (issue 11), and drops the weekend.
        await shared.getByTestId('when-date').check();
        await expect.poll(() => shared.url(), { timeout: 5_000 }).not.toContain('weekend=');
        expect(shared.url()).not.toContain('open_on=');
        const day = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
        await shared.getByTestId('when-date-input').fill(day);
        await expect.poll(() => shared.url(), { timeout: 5_000 }).toContain(`open_on=${day}`);
        await shared.getByTestId('when-any').check();
        await expect.poll(() => shared.url(), { timeout: 5_000 }).not.toContain('open_on=');
        expect(await shared.getByTestId('unknown-hours-notice').count()).toBe(0);
      } finally {
        await shared.close();
      }
    });
  },
);
