import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { DESKTOP, hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { filterForClass, listSettled, openMap } from '../support/journeys.ts';

/**
 * Search that understands what people type, a teacher's filters, and a place box that frames a
 * province whole (issue 11), clicked through as a person would.
 */

/** Beijing's centre at city zoom, where the list holds many venues. */
const BEIJING = '/?c=116.39,39.95&z=11';

function venueNames(page: Page): Promise<string[]> {
  return page.getByTestId('venue-item').locator('.name').allTextContents();
}

/** The camera the address bar carries: centre and zoom. */
function cameraOf(page: Page): { lng: number; lat: number; zoom: number } | null {
  const url = new URL(page.url());
  const [lng, lat] = (url.searchParams.get('c') ?? '').split(',').map(Number);
  const zoom = Number(url.searchParams.get('z'));
  return lng === undefined || lat === undefined || !zoom ? null : { lng, lat, zoom };
}

async function choosePlace(page: Page, typed: string, option: string): Promise<void> {
  await page.getByTestId('place-search').fill(typed);
  await page.getByTestId('place-option').filter({ hasText: option }).first().click();
}

describe.skipIf(!hasChromium).each(journeyEngines('both'))('search that understands, on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  withServerAndBrowser(engine, (opened) => ({ server, browser, page } = opened), { page: DESKTOP });

  it('a teacher in Haidian filters grade 5, 45 pupils, green channel, the next two weeks, and finds venues with school places', async () => {
    await openMap(page, server.url + BEIJING);
    await choosePlace(page, '海淀', '海淀区');
    await expect.poll(() => page.getByTestId('current-place').textContent()).toContain('海淀区');

    await filterForClass(page, { grade: 5, groupSize: 45 });

    // What the API says has school places for such a class in the coming two weeks, anywhere.
    const url = new URL(page.url());
    const query = new URLSearchParams();
    for (const key of ['grade', 'group_size', 'green_channel', 'school_places', 'open_from', 'open_to']) {
      query.set(key, url.searchParams.get(key)!);
    }
    query.set('limit', '200');
    const expected = (await (await fetch(`${server.url}/api/venues?${query}`)).json()) as {
      items: { name: string }[];
    };
    const allowed = new Set(expected.items.map((v) => v.name));

    await expect.poll(() => venueNames(page), { timeout: 20_000 }).not.toEqual([]);
    const names = await venueNames(page);
    for (const name of names) expect(allowed, name).toContain(name);
    // Haidian's venues with a school session in the seed's sample schedule.
    expect(
      names.some((n) => n === '北京航空航天博物馆' || n === '中华世纪坛'),
      names.join('、'),
    ).toBe(true);

    // The venue's page says it offers a green channel.
    const href = await page
      .getByTestId('venue-item')
      .filter({ hasText: names[0]! })
      .getByTestId('venue-details-link')
      .getAttribute('href');
    const venuePage = await browser.newPage(DESKTOP);
    try {
      await venuePage.goto(new URL(href!, server.url).toString());
      await expect.poll(() => venuePage.getByTestId('green-channel').getAttribute('data-state')).toBe('yes');
    } finally {
      await venuePage.close();
    }

    expect(await seriousViolations(page)).toEqual([]);
  });

  it('"选一天" filters nothing until a day is picked', async () => {
    await openMap(page, server.url + BEIJING);
    const before = await page.getByTestId('result-count').textContent();
    await page.getByTestId('when-date').check();
    await expect.poll(() => page.getByTestId('when-date-input').isVisible()).toBe(true);
    expect(await page.getByTestId('when-date-input').inputValue()).toBe('');
    expect(page.url()).not.toContain('open_on=');
    expect(await page.getByTestId('result-count').textContent()).toBe(before);
    const day = new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('when-date-input').fill(day);
    await expect.poll(() => page.url()).toContain(`open_on=${day}`);
  });

  it('a parent types "科技馆" and then "kjg" and finds 中国科学技术馆', async () => {
    await openMap(page, server.url + BEIJING);
    for (const typed of ['科技馆', 'kjg']) {
      await page.getByTestId('search-input').fill(typed);
      await expect.poll(() => listSettled(page, [`q=${encodeURIComponent(typed)}`]), { timeout: 20_000 }).toBe(true);
      await expect.poll(() => venueNames(page), { timeout: 20_000 }).toContain('中国科学技术馆');
    }
    // The place box finds it by pinyin too.
    await page.getByTestId('place-search').fill('kejiguan');
    await expect
      .poll(() => page.getByTestId('place-option').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('中国科学技术馆')]));
    await page.getByTestId('place-search').press('Escape');
  });

  it('picking 北京市 in the place box frames Beijing whole', async () => {
    await openMap(page, server.url + '/?c=121.47,31.23&z=12');
    await choosePlace(page, '北京市', '北京市');
    // Beijing spans about 115.4–117.5 E and 39.4–41.1 N: a province-wide view, not a street at z13.
    await expect
      .poll(
        () => {
          const camera = cameraOf(page);
          return camera !== null && camera.zoom < 9.5 && Math.abs(camera.lng - 116.4) < 0.6;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const camera = cameraOf(page)!;
    expect(camera.zoom).toBeGreaterThan(6.5);
    expect(camera.lat).toBeGreaterThan(39.8);
    expect(camera.lat).toBeLessThan(40.7);
  });
});

describe.skipIf(!hasChromium).each(journeyEngines('both'))("a teacher's filters on a phone, on %s", (engine) => {
  let server: RunningServer;
  let page: Page;

  withServerAndBrowser(engine, (opened) => ({ server, page } = opened), { page: PHONE });

  it('are reachable in the folded panel at 390 px and pass the accessibility scan', async () => {
    // The list has loaded: the page is hydrated and its buttons work.
    await openMap(page, server.url + BEIJING);
    await page.getByTestId('filters-toggle').click();
    await expect.poll(() => page.getByTestId('filters-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('filter-grade').selectOption('5');
    await page.getByTestId('filter-school-places').check();
    await expect.poll(() => page.url()).toContain('school_places=true');
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
