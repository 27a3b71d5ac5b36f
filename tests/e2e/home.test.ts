import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, hasChromium, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { openMap } from '../support/journeys.ts';

describe.skipIf(!hasChromium).each(journeyEngines('both'))('home page on %s', (engine) => {
  let server: RunningServer;
  let page: Page;

  withServerAndBrowser(engine, (opened) => ({ server, page } = opened), { page: DESKTOP });

  it('shows the map canvas and the seeded venues in the list', async () => {
    const response = await openMap(page, server.url + '/');
    // Pages carry the same security headers as the API.
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(response?.headers()['referrer-policy']).toBe('same-origin');
    await expect.poll(() => page.locator('[data-testid="map"] canvas').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/\d/);
  });

  it('narrows the list to venues named 博物馆 when a person types it into the search', async () => {
    const before = await page.getByTestId('venue-item').count();
    await page.getByTestId('search-input').click();
    await page.keyboard.type('博物馆');
    await expect
      .poll(
        async () => {
          const names = await page.getByTestId('venue-item').allTextContents();
          return names.length > 0 && names.length < before && names.every((n) => n.includes('博物馆'));
        },
        { timeout: 15_000 },
      )
      .toBe(true);
  });
});
