import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, startServer, type RunningServer } from '../support/browser.ts';
import { testEngines } from '../support/engines.ts';

describe.skipIf(!hasChromium).each(testEngines())('home page on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(engine);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the map canvas and the seeded venues in the list', async () => {
    const response = await page.goto(server.url + '/');
    // Pages carry the same security headers as the API.
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(response?.headers()['referrer-policy']).toBe('same-origin');
    await expect.poll(() => page.locator('[data-testid="map"] canvas').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('venue-item').count(), { timeout: 30_000 }).toBeGreaterThan(5);
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
