import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { hasChromium, type RunningServer, TALL_DESKTOP, withServerAndBrowser } from '../support/browser.ts';
import { testEngines } from '../support/engines.ts';
import { buildVenue } from '../support/factories.ts';
import { signIn } from '../support/journeys.ts';

/** Collects what the page reports as errors: console errors and uncaught exceptions. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe.skipIf(!hasChromium).each(testEngines())('console fixes on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let manager: TestActor;
  let venueId = '';

  const prepare = async (database: Database) => {
    manager = await createActor(database, { role: 'venue_manager', name: '修复测试管理员' });
    venueId = (await buildVenue(database.db, { managedBy: manager, openingHours: 'Tu-Su 09:00-17:00' })).id;
  };
  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), { prepare, ownDatabase: true });

  it('opens the venue editor and types in every editor without a console error', async () => {
    const page = await browser.newPage(TALL_DESKTOP);
    const errors = collectErrors(page);
    await signIn(page, server.url, manager.user.email);
    await page.goto(`${server.url}/manage/venues/${venueId}`);
    await page.getByTestId('venue-name').waitFor();
    await page.waitForTimeout(2000);
    console.log('on load', errors);
    await page.getByLabel('中文名称').fill('新名字');
    await page.getByLabel('英文名称').pressSequentially('New');
    console.log('after profile', errors);
    await page.getByTestId('hours-form').getByLabel('周一 开始', { exact: false }).first().fill('10:00').catch(() => {});
    await page.waitForTimeout(1000);
    console.log('after hours', errors);
    expect(errors).toEqual([]);
    await page.close();
  });
});
