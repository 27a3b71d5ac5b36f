import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createActor, TEST_PASSWORD } from '../support/accounts.ts';
import { DESKTOP, hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';

/**
 * Getting around the consoles: the map's sign-in link, the header's links for each role (imports for
 * admins, the audit log for admins and bureaus), and the language kept in the address across sign-in,
 * links and reloads, as the map page keeps it.
 */

/** Signs in on the login page already open, whatever its language: by the fields' test ids and Enter. */
async function submitSignIn(page: Page, email: string): Promise<void> {
  await page.getByTestId('email').fill(email);
  await page.getByTestId('password').fill(TEST_PASSWORD);
  await page.getByTestId('password').press('Enter');
}

const htmlLang = (page: Page) => page.evaluate('document.documentElement.lang');
const heading = (page: Page) => page.locator('main h1').first().textContent();

describe.skipIf(!hasChromium).each(journeyEngines('pglite'))('console navigation and language on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  const emails = { admin: '', bureau: '', manager: '' };

  const makeAccounts = async (database: Database) => {
    emails.admin = (await createActor(database, { role: 'admin', name: 'Nav Admin' })).user.email;
    emails.bureau = (await createActor(database, { role: 'bureau', regionPrefix: '110101' })).user.email;
    emails.manager = (await createActor(database, { role: 'venue_manager' })).user.email;
  };

  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), {
    prepare: makeAccounts,
    ownDatabase: true,
  });

  it('signs in from the map in English and stays English across links and reloads', async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${server.url}/?lang=en`);
    const account = page.getByTestId('account-link');
    expect(await account.textContent()).toContain('Sign in');
    await account.click();
    await page.waitForURL(/\/login\?lang=en$/);
    expect(await heading(page)).toBe('Sign in');

    await submitSignIn(page, emails.admin);
    await page.waitForURL(/\/manage\?lang=en$/);
    await expect.poll(() => heading(page)).toBe('My venues');
    await expect.poll(() => page.getByTestId('nav-imports').count()).toBe(1);
    expect(await page.getByTestId('nav-audit').getAttribute('href')).toBe('/audit?lang=en');
    expect(await page.getByTestId('nav-manage').getAttribute('aria-current')).toBe('page');

    // A reload keeps English: the address carries it.
    await page.reload();
    await expect.poll(() => heading(page)).toBe('My venues');
    expect(await htmlLang(page)).toBe('en');

    // The header's links keep it too, and so does a reload of the page they lead to.
    await page.getByTestId('nav-audit').click();
    await page.waitForURL(/\/audit\?lang=en$/);
    await expect.poll(() => heading(page)).toBe('Audit log');
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Audit log');
    await page.getByTestId('nav-imports').click();
    await page.waitForURL(/\/admin\/imports\?lang=en$/);
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Import venues');

    // Switching back to Chinese takes the language out of the address.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => heading(page)).toBe('导入场馆数据');
    await expect.poll(() => page.url()).toMatch(/\/admin\/imports$/);
    await page.reload();
    await expect.poll(() => heading(page)).toBe('导入场馆数据');

    // Back on the map, signed in: the link leads to the account's console.
    await page.getByRole('link', { name: '地图', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => account.getAttribute('data-signed-in')).toBe('true');
    expect(await account.textContent()).toContain('我的账户');
    expect(await account.getAttribute('href')).toBe('/manage');
    await page.close();
  });

  it('shows each role the links it may use', async () => {
    for (const [who, expected] of [
      ['bureau', { 'nav-bureau': 1, 'nav-audit': 1, 'nav-imports': 0, 'nav-manage': 0 }],
      ['manager', { 'nav-bureau': 0, 'nav-audit': 0, 'nav-imports': 0, 'nav-manage': 1 }],
    ] as const) {
      const page = await browser.newPage(DESKTOP);
      await page.goto(`${server.url}/login`);
      await submitSignIn(page, emails[who]);
      await expect.poll(() => page.getByTestId('signed-in-as').count()).toBe(1);
      for (const [testid, count] of Object.entries(expected)) {
        expect(await page.getByTestId(testid).count(), `${who}: ${testid}`).toBe(count);
      }
      await page.close();
    }
  });
});
