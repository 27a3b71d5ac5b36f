import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createActor } from '../support/accounts.ts';
import { seriousViolations } from '../support/axe.ts';
import { hasChromium, PHONE, type RunningServer, TALL_DESKTOP, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { signIn, unlabelledControls } from '../support/journeys.ts';

/**
 * The administrator's accounts journey in Chromium against the built app (/admin/users): an admin opens
 * the page from the header, invites a bureau officer with the region found by name, finds a parent,
 * makes them a bureau of Beijing, then deactivates them with the keyboard, and the parent's open session
 * ends at once. Axe finds no serious violation on desktop or at 390 px; every control has a name. Other
 * accounts are told the page is for admins. The journey writes, so on PostgreSQL the server has a
 * database of its own.
 */
describe.skipIf(!hasChromium).each(journeyEngines('pglite'))('admin accounts journey on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let adminEmail = '';
  let parentEmail = '';
  let parentCookie = '';
  const parentName = `待调整家长 ${randomUUID().slice(0, 6)}`;

  const makeAccounts = async (database: Database) => {
    adminEmail = (await createActor(database, { role: 'admin', name: '账号测试管理员' })).user.email;
    const parent = await createActor(database, { role: 'parent', name: parentName });
    parentEmail = parent.user.email;
    parentCookie = parent.headers.cookie;
  };

  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), {
    prepare: makeAccounts,
    ownDatabase: true,
  });

  it('tells a parent the page is for admins', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await context.addCookies([
      { name: parentCookie.split('=')[0]!, value: parentCookie.split('=')[1]!, url: server.url },
    ]);
    await page.goto(`${server.url}/admin/users`);
    await expect.poll(() => page.getByTestId('account-search').count()).toBe(0);
    await expect.poll(() => page.locator('main').innerText()).not.toContain(adminEmail);
    await context.close();
  });

  it('invites a bureau officer by region name, changes a role, deactivates an account by keyboard; its session ends', async () => {
    // The parent is signed in elsewhere all along.
    const parentContext = await browser.newContext({ locale: 'zh-CN' });
    await parentContext.addCookies([
      { name: parentCookie.split('=')[0]!, value: parentCookie.split('=')[1]!, url: server.url },
    ]);
    expect((await parentContext.request.get(`${server.url}/api/me`)).status()).toBe(200);

    const context = await browser.newContext(TALL_DESKTOP);
    const page = await context.newPage();
    await signIn(page, server.url, adminEmail);
    await page.getByTestId('nav-admin-users').click();
    await page.waitForURL(/\/admin\/users/);
    await page.getByRole('heading', { name: '账号管理', level: 1 }).waitFor();
    await page.getByTestId('account').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unlabelledControls(page)).toEqual([]);

    // The invitation: a bureau of Dongcheng, found by typing its name.
    const officer = `officer-${randomUUID().slice(0, 8)}@journey.kaimen`;
    const form = page.getByTestId('invite-account-form');
    await form.getByLabel('邮箱').fill(officer);
    await form.getByLabel('显示名称').fill('东城区教委 李老师');
    await form.getByLabel('教育主管部门').check();
    await form.getByLabel('地区名称（省、市或区县）').fill('东城');
    await form.getByLabel('地区名称（省、市或区县）').press('Enter');
    await page.getByTestId('region-option').first().waitFor();
    await page
      .getByRole('radio', { name: /东城区/ })
      .first()
      .check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('send-account-invitation').click();
    await expect.poll(() => page.getByTestId('invite-account-status').innerText()).toContain(officer);
    const invited = page.locator(`[data-testid="account"][data-email="${officer}"]`);
    await invited.waitFor();
    expect(await invited.getByTestId('account-region').innerText()).toContain('东城区');

    // Find the parent and make them the bureau of Beijing.
    const search = page.getByTestId('account-search');
    await search.getByLabel('邮箱或名称').fill(parentName);
    await search.getByLabel('邮箱或名称').press('Enter');
    const row = page.locator(`[data-testid="account"][data-email="${parentEmail}"]`);
    await expect.poll(() => page.getByTestId('account').count()).toBe(1);
    await row.getByTestId('account-role-select').selectOption('bureau');
    await row.getByTestId('row-region-query').fill('北京');
    await row.getByTestId('row-region-query').press('Enter');
    await row.getByTestId('row-region-select').waitFor();
    await row.getByTestId('row-region-select').selectOption({ label: '北京市 · 省级' });
    await row.getByTestId('save-role').click();
    await expect.poll(() => row.getByTestId('account-region').innerText()).toContain('北京市');
    await expect.poll(() => page.getByTestId('account-status').innerText()).toContain(parentName);

    // Deactivate them with the keyboard: the button, then the confirmation.
    await row.getByTestId('deactivate').focus();
    await page.keyboard.press('Enter');
    await row.getByTestId('confirm-deactivate').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('data-deactivated')).toBe('true');
    expect((await parentContext.request.get(`${server.url}/api/me`)).status()).toBe(401);
    const login = await parentContext.request.post(`${server.url}/api/auth/login`, {
      data: { email: parentEmail, password: 'correct horse battery staple' },
    });
    expect(login.status()).toBe(401);

    // The audit log names the changes.
    await page.goto(`${server.url}/audit`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain('user.deactivate');
    await context.close();
    await parentContext.close();
  });

  it('works at 390 px: nothing wider than the screen, no serious axe finding', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, server.url, adminEmail);
    await page.goto(`${server.url}/admin/users`);
    await page.getByTestId('account').first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
