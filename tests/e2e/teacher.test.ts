import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, hasChromium, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { listSettled, openMap, renderedVenues } from '../support/journeys.ts';

/** North Beijing, around the Olympic park, where several science museums are. */
const START = '/?c=116.39,39.98&z=12';

function venueNames(page: Page): Promise<string[]> {
  return page.getByTestId('venue-item').locator('.name').allTextContents();
}

describe.skipIf(!hasChromium).each(journeyEngines('pglite'))('a teacher sharing a search on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  withServerAndBrowser(engine, (opened) => ({ server, browser, page } = opened), { page: DESKTOP });

  it('picks the school on the map, chooses science museums, and a copied link shows the same', async () => {
    await openMap(page, server.url + START);
    await expect.poll(() => renderedVenues(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await page.getByTestId('venue-item').count();

    // The school: a point a little south-west of the map's centre.
    await page.getByTestId('pick-on-map').click();
    const box = await page.getByTestId('map').boundingBox();
    if (!box) throw new Error('the map has no box');
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.6);
    await expect.poll(() => page.getByTestId('current-place').textContent()).toContain('地图上选的点');

    await page.getByTestId('filter-theme-science').check();
    await page.getByTestId('filter-kind-museum').check();
    await expect
      .poll(() => listSettled(page, ['themes=science', 'kinds=museum', 'near=']), { timeout: 15_000 })
      .toBe(true);

    const names = await venueNames(page);
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(before);
    const kinds = await page.getByTestId('venue-item').locator('.kinds').allTextContents();
    for (const text of kinds) expect(text).toContain('博物馆');
    const metres = await page
      .getByTestId('venue-distance')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-distance-m'))));
    expect(metres).toHaveLength(names.length);

    // Copy the address bar and open it in a new tab.
    const link = page.url();
    expect(link).toMatch(/[?&]c=[\d.]+,[\d.]+/);
    expect(link).toMatch(/[?&]z=[\d.]+/);
    const shared = await browser.newPage(DESKTOP);
    try {
      await shared.goto(link);
      expect(await shared.getByTestId('filter-theme-science').isChecked()).toBe(true);
      expect(await shared.getByTestId('filter-kind-museum').isChecked()).toBe(true);
      expect(await shared.getByTestId('filter-free').isChecked()).toBe(false);
      expect(await shared.getByTestId('filter-theme-patriotism').isChecked()).toBe(false);
      await expect.poll(() => venueNames(shared), { timeout: 30_000 }).toEqual(names);
      expect(await shared.getByTestId('current-place').textContent()).toContain('链接中的位置');
      const sharedMetres = await shared
        .getByTestId('venue-distance')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-distance-m'))));
      expect(sharedMetres).toEqual(metres);
    } finally {
      await shared.close();
    }
  });

  it('opens a shared link in English and switches back to Chinese, keeping the filters', async () => {
    const english = await browser.newPage(DESKTOP);
    try {
      await english.goto(server.url + START + '&themes=science&lang=en');
      expect(await english.locator('html').getAttribute('lang')).toBe('en');
      expect(await english.getByText('Free for under-18s').count()).toBe(1);
      await expect
        .poll(() => english.getByTestId('result-count').textContent(), { timeout: 30_000 })
        .toMatch(/\d+ venues?/);
      // Every venue listed has its English name, or says that it has a Chinese name only.
      const listed = await english.getByTestId('venue-item').count();
      const inEnglish = await english.locator('[data-testid="venue-item"] .name[lang="en"]').count();
      const chineseOnly = await english.getByTestId('name-chinese-only').count();
      expect(listed).toBeGreaterThan(0);
      expect(inEnglish + chineseOnly).toBe(listed);

      await english.getByTestId('lang-switch').click();
      await expect.poll(() => english.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await english.getByText('未成年人免费').count()).toBeGreaterThan(0);
      expect(await english.getByTestId('filter-theme-science').isChecked()).toBe(true);
      await expect.poll(() => english.url()).not.toContain('lang=');
      expect(english.url()).toContain('themes=science');
    } finally {
      await english.close();
    }
  });
});
