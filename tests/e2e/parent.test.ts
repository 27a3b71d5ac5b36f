import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, hasChromium, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { listSettled, openMap, renderedVenues } from '../support/journeys.ts';

/** Tiananmen Square: the parent's phone reports this position. */
const HERE = { longitude: 116.3975, latitude: 39.9087 };

/**
 * The list has settled and stays so: after locating, the map flies to the place and the list follows the
 * view, so one settled moment may be followed by another request. True once the same list (count,
 * distances, result count) has stood for 800 ms with no request in flight.
 */
function listStable(page: Page, urlParts: string[]): () => Promise<boolean> {
  let last = '';
  let since = 0;
  return async () => {
    if (!(await listSettled(page, urlParts))) {
      last = '';
      return false;
    }
    const snapshot = JSON.stringify([
      await page.getByTestId('venue-item').count(),
      await page.getByTestId('venue-distance').count(),
      await page.getByTestId('result-count').textContent(),
    ]);
    if (snapshot !== last) {
      last = snapshot;
      since = Date.now();
      return false;
    }
    return Date.now() - since >= 800;
  };
}

describe.skipIf(!hasChromium).each(journeyEngines('pglite'))(
  'a parent looking for a free venue nearby on %s',
  (engine) => {
    let server: RunningServer;
    let browser: Browser;
    withServerAndBrowser(engine, (opened) => ({ server, browser } = opened));

    describe('with location allowed', () => {
      let context: BrowserContext;
      let page: Page;

      beforeAll(async () => {
        context = await browser.newContext({ ...DESKTOP, geolocation: HERE, permissions: ['geolocation'] });
        page = await context.newPage();
      });
      afterAll(() => context?.close());

      it('locates, ticks "free", and sees only free venues, nearest first, with points on the map', async () => {
        await openMap(page, server.url + '/');

        await page.getByTestId('locate-me').click();
        await expect.poll(() => page.getByTestId('current-place').textContent()).toContain('我的位置');
        await page.getByTestId('filter-free').check();

        await expect
          .poll(listStable(page, ['free=true', 'near=116.3975,39.9087', 'sort=distance']), { timeout: 20_000 })
          .toBe(true);

        const items = page.getByTestId('venue-item');
        const count = await items.count();
        expect(count).toBeGreaterThan(2);

        const admissions = await page.getByTestId('venue-admission').allTextContents();
        expect(admissions).toHaveLength(count);
        for (const label of admissions) expect(label.trim()).toBe('未成年人免费');

        const distanceTexts = await page.getByTestId('venue-distance').allTextContents();
        expect(distanceTexts).toHaveLength(count);
        for (const text of distanceTexts) expect(text.trim()).toMatch(/^(\d+ 米|\d+(\.\d)? 公里)$/);
        const metres = await page
          .getByTestId('venue-distance')
          .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-distance-m'))));
        expect(metres).toEqual([...metres].sort((a, b) => a - b));
        // Nearest first from Tiananmen: the National Museum is a few hundred metres away.
        expect(metres[0]).toBeLessThan(1000);

        await expect.poll(() => renderedVenues(page), { timeout: 30_000 }).toBeGreaterThan(0);
        expect(await page.getByTestId('result-count').textContent()).toContain(String(count));
      });

      it('locates before the map has appeared, and the map opens on the place', async () => {
        // The map waits for the base map's choice (seconds when offline); the list does not. Hold that
        // choice until the person has located themselves, as on a slow connection.
        const early = await context.newPage();
        let release = (): void => undefined;
        const held = new Promise<void>((resolve) => (release = resolve));
        await early.route('**/api/config', async (route) => {
          await held;
          await route.continue();
        });
        await openMap(early, server.url + '/');
        expect(await early.locator('.maplibregl-canvas').count()).toBe(0);
        await early.getByTestId('locate-me').click();
        await expect.poll(() => early.getByTestId('current-place').textContent()).toContain('我的位置');
        release();

        // The view in the link is the map's own (written when it stops moving): at the place, zoomed in.
        await expect.poll(() => early.url(), { timeout: 30_000 }).toMatch(/[?&]c=116\.\d+,39\.9\d*&z=13\b/);
        await expect.poll(() => renderedVenues(early), { timeout: 30_000 }).toBeGreaterThan(0);
        expect(Number(await early.getByTestId('map').getAttribute('data-rendered-clusters'))).toBe(0);
        await early.close();
      });
    });

    describe('with location refused', () => {
      let context: BrowserContext;
      let page: Page;

      beforeAll(async () => {
        context = await browser.newContext(DESKTOP);
        await context.grantPermissions([]);
        page = await context.newPage();
      });
      afterAll(() => context?.close());

      it('offers picking on the map, and the picked point gives distances', async () => {
        await page.goto(server.url + '/?c=116.3975,39.9087&z=13');
        await expect.poll(() => renderedVenues(page), { timeout: 30_000 }).toBeGreaterThan(0);
        await page.getByTestId('locate-me').click();
        const alert = page.getByRole('alert');
        await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('在地图上点选位置');

        await alert.getByRole('button', { name: '在地图上点选位置' }).click();
        expect(await page.getByTestId('pick-on-map').getAttribute('aria-pressed')).toBe('true');
        const box = await page.getByTestId('map').boundingBox();
        if (!box) throw new Error('the map has no box');
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);

        await expect.poll(() => page.getByTestId('current-place').textContent()).toContain('地图上选的点');
        await expect.poll(() => page.getByTestId('venue-distance').count(), { timeout: 15_000 }).toBeGreaterThan(0);
        await expect.poll(() => page.url()).toMatch(/near=116\.39\d*,39\.90\d*/);

        await page.getByTestId('clear-place').click();
        await expect.poll(() => page.getByTestId('venue-distance').count(), { timeout: 15_000 }).toBe(0);
        await expect.poll(() => page.url()).not.toContain('near=');
      });

      it('offers typing a district name, and centres the search in that district', async () => {
        await page.getByTestId('place-search').fill('海淀');
        const option = page.locator('[data-testid="place-option"][data-kind="district"]').filter({ hasText: '海淀区' });
        await expect.poll(() => option.count(), { timeout: 15_000 }).toBeGreaterThan(0);
        expect(await option.first().textContent()).toContain('区县');
        await option.first().click();
        await expect.poll(() => page.getByTestId('current-place').textContent()).toContain('海淀区');
        await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/near=116\.[23]\d*,(39\.9|40\.0)\d*/);
        await expect.poll(() => page.getByTestId('venue-distance').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      });

      it('offers typing a venue name, and centres on the venue chosen', async () => {
        await page.getByTestId('place-search').fill('中国科学技术馆');
        const option = page.getByTestId('place-option').filter({ hasText: '中国科学技术馆' });
        await expect.poll(() => option.count(), { timeout: 15_000 }).toBeGreaterThan(0);
        await option.first().click();
        await expect.poll(() => page.getByTestId('current-place').textContent()).toContain('中国科学技术馆');
        await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('near=116.3922,40.0042');
        await expect
          .poll(async () => (await page.getByTestId('venue-item').first().textContent()) ?? '', { timeout: 15_000 })
          .toContain('中国科学技术馆');
      });
    });
  },
);
