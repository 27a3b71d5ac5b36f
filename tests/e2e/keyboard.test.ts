import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { openMap } from '../support/journeys.ts';

const START = '/?c=116.39,39.98&z=12';

/** What has keyboard focus, described by the test ids around it. */
interface Focus {
  testid: string | null;
  inVenueItem: boolean;
  inMap: boolean;
  /** The focus ring is drawn (an outline wider than zero). */
  visible: boolean;
}

/**
 * Where focus is, read in the page. The function is written as a string because the test runs in
 * Node, whose TypeScript setup has no DOM types; Playwright evaluates it in the browser.
 */
function focus(page: Page): Promise<Focus> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    const style = el ? getComputedStyle(el) : null;
    return {
      testid: el?.getAttribute('data-testid') ?? null,
      inVenueItem: el?.closest('[data-testid="venue-item"]') !== null && el !== document.body,
      inMap: el?.closest('[data-testid="map"]') != null,
      visible: style !== null && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  })()`);
}

/**
 * Press Tab (or Shift+Tab) until `reached` holds, collecting the test ids passed on the way.
 * Fails after `max` presses, which is also how a keyboard trap would show.
 */
async function tabTo(page: Page, reached: (f: Focus) => boolean, key = 'Tab', max = 60) {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focus(page);
    if (f.testid) passed.push(f.testid);
    if (reached(f)) return { focus: f, passed };
  }
  throw new Error(`focus never got there; passed ${passed.join(', ')}`);
}

const on = (testid: string) => (f: Focus) => f.testid === testid;

/** Tabs along exactly `stops` (test ids; focus lands on the last) and finds the focus ring drawn there. */
async function expectTabOrder(page: Page, stops: string[]): Promise<void> {
  const { passed, focus } = await tabTo(page, on(stops.at(-1)!));
  expect(passed).toEqual(stops);
  expect(focus.visible).toBe(true);
}

describe.skipIf(!hasChromium).each(journeyEngines('pglite'))('keyboard only on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened));

  it('sets a place by name, picks science museums, and lands on a venue, past the map and back', async () => {
    const page = await browser.newPage(DESKTOP);
    await openMap(page, server.url + START);
    await expect.poll(() => page.locator('[data-testid="map"] canvas').count(), { timeout: 30_000 }).toBe(1);
    const before = await page.getByTestId('venue-item').count();

    // Header first (search, what's on, language, then sign-in at its end), then the place controls, in reading order.
    await expectTabOrder(page, [
      'search-input',
      'whats-on-link',
      'lang-switch',
      'account-link',
      'locate-me',
      'pick-on-map',
      'place-search',
    ]);

    await page.keyboard.type('中国科学技术馆');
    await expect.poll(() => page.getByTestId('place-option').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('current-place').textContent()).toContain('中国科学技术馆');

    // Then the filters, admission first, with a visible focus ring on each box. The "when" radios
    // are one stop (the checked one); arrow keys move within them.
    await expectTabOrder(page, [
      'clear-place',
      'filter-free',
      'filter-green-channel',
      'filter-grade',
      'filter-group-size',
      'filter-school-places',
      'when-any',
      'filter-theme-science',
    ]);
    await page.keyboard.press('Space');
    const toMuseum = await tabTo(page, on('filter-kind-museum'));
    expect(toMuseum.focus.visible).toBe(true);
    await page.keyboard.press('Space');

    expect(await page.getByTestId('filter-theme-science').isChecked()).toBe(true);
    expect(await page.getByTestId('filter-kind-museum').isChecked()).toBe(true);
    await expect
      .poll(
        async () =>
          page.url().includes('themes=science') &&
          page.url().includes('kinds=museum') &&
          (await page.getByTestId('venue-list').getAttribute('aria-busy')) === 'false',
        { timeout: 15_000 },
      )
      .toBe(true);
    const narrowed = await page.getByTestId('venue-item').count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(before);

    // The last filter leads straight into the list; the map comes after it.
    const toList = await tabTo(page, (f) => f.inVenueItem);
    expect(toList.passed.at(-1)).toBe('sort-select');
    expect(toList.focus.visible).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid="venue-item"] button[aria-current="true"]').count()).toBe(1);
    await page.keyboard.press('Shift+Tab');
    expect((await focus(page)).testid).toBe('sort-select');
    await page.keyboard.press('Tab');
    expect((await focus(page)).inVenueItem).toBe(true);

    // Into the map canvas and out again: it is not a trap.
    // Each venue has two stops: the item itself and its "details" link.
    await tabTo(page, (f) => f.inMap, 'Tab', 2 * narrowed + 2);
    await page.keyboard.press('Tab');
    expect((await focus(page)).inMap).toBe(true);
    const back = await tabTo(page, (f) => f.inVenueItem, 'Shift+Tab', 5);
    expect(back.focus.inVenueItem).toBe(true);
    expect(await page.getByTestId('venue-item').count()).toBe(narrowed);
    await page.close();
  });

  it('works the phone sheet and its filters from the keyboard', async () => {
    const page = await browser.newPage(PHONE);
    await openMap(page, server.url + START);

    const toggle = page.getByTestId('sheet-toggle');
    await tabTo(page, on('sheet-toggle'));
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('results-sheet').getAttribute('data-state')).toBe('full');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    // Closed, the sheet's contents take no focus: the next stop is the map.
    await page.keyboard.press('Tab');
    expect((await focus(page)).inMap).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect((await focus(page)).testid).toBe('sheet-toggle');

    await page.keyboard.press('ArrowUp');
    expect(await page.getByTestId('results-sheet').getAttribute('data-state')).toBe('half');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.press('Tab');
    expect((await focus(page)).testid).toBe('filters-toggle');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('filters-toggle').getAttribute('aria-expanded')).toBe('true');
    await tabTo(page, on('filter-free'), 'Tab', 3);
    await page.keyboard.press('Space');
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('free=true');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/共 \d+ 个场馆/);
    await page.close();
  });
});
