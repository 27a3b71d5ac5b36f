import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createActor, TEST_PASSWORD } from '../support/accounts.ts';
import { hasChromium, PHONE, type RunningServer, TALL_DESKTOP, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { focusedTestId, signIn, signOut, unlabelledControls } from '../support/journeys.ts';

/**
 * The venue manager's journey of PRODUCT.md, in Chromium against the built app: a manager signs up and
 * creates a venue with the pin picker; the district's bureau approves it; the manager publishes a weekly
 * open day with a school allocation; the slots then show on the public venue page, in `GET /api/slots`
 * and in the venue's .ics. The journey writes, so on PostgreSQL it runs on a database of its own.
 */

/** Dongcheng district (东城区, 110101): the map opens here and the bureau oversees it. */
const DONGCHENG = '110101';

interface ApiSlot {
  starts_at: string;
  ends_at: string;
  capacity: number;
  school_allocation: number;
  venue: { id: string };
}

/** The Shanghai date `days` after today. */
function shanghaiDate(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first Saturday after tomorrow (Shanghai), so every slot lies safely in the future. */
function nextSaturday(): string {
  for (let days = 2; ; days++) {
    const date = shanghaiDate(days);
    if (new Date(`${date}T12:00:00Z`).getUTCDay() === 6) return date;
  }
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function tabTo(page: Page, testid: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedTestId(page)) === testid) return;
  }
  throw new Error(`Tab never reached ${testid}`);
}

describe.skipIf(!hasChromium).each(journeyEngines('postgres'))('venue manager journey on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let bureauEmail = '';

  const makeBureau = async (database: Database) => {
    const bureau = await createActor(database, { role: 'bureau', regionPrefix: DONGCHENG, name: '东城区教委（测试）' });
    bureauEmail = bureau.user.email;
  };
  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), { prepare: makeBureau, ownDatabase: true });

  it('signs up, creates a venue on the map, gets it approved, publishes a weekly open day the public can see', async () => {
    const context = await browser.newContext(TALL_DESKTOP);
    const page = await context.newPage();
    const tag = randomUUID().slice(0, 8);
    const managerEmail = `manager-${tag}@journey.kaimen`;
    const managerPassword = 'journey-password-1';
    const venueName = `开门测试科学馆${tag}`;

    // Sign up as a venue manager.
    await page.goto(`${server.url}/register`);
    await page.getByLabel('场馆管理员').check();
    await page.getByLabel('你的称呼').fill('测试管理员');
    await page.getByLabel('邮箱').fill(managerEmail);
    await page.getByLabel('密码').fill(managerPassword);
    await page.getByLabel('机构名称').fill(`测试文化机构${tag}`);
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.waitForURL(/\/manage$/);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('测试管理员');
    await expect.poll(() => page.getByTestId('no-venues').count()).toBe(1);
    expect(await unlabelledControls(page)).toEqual([]);

    // Create a venue, placing the pin with a click on the map (it opens over Dongcheng).
    await page.getByLabel('中文名称').fill(venueName);
    await page.getByTestId('kind-science_center').check();
    await page.getByTestId('theme-science').check();
    await page.getByLabel('地址', { exact: true }).fill('北京市东城区测试路 1 号');
    const map = page.getByTestId('pin-map');
    await expect.poll(() => map.locator('canvas').count(), { timeout: 30_000 }).toBe(1);
    // A click in the middle of the map (Playwright scrolls it into view and clicks its centre).
    await map.locator('canvas').click();
    await expect.poll(() => page.getByTestId('pin-status').textContent()).toContain('经度 116.');
    expect(Number(await page.getByTestId('lng').inputValue())).toBeCloseTo(116.407, 2);
    await page.getByRole('button', { name: '创建场馆' }).click();
    await page.waitForURL(/\/manage\/venues\/[0-9a-f-]{36}$/);
    const venueId = page.url().split('/').pop()!;
    await expect.poll(() => page.getByTestId('venue-name').textContent()).toBe(venueName);
    await expect.poll(() => page.getByTestId('venue-status').first().getAttribute('data-verification')).toBe('pending');
    expect(await page.locator('main').textContent()).toContain('110101');

    // The public cannot see it yet.
    expect((await fetch(`${server.url}/api/venues/${venueId}`)).status).toBe(404);

    // The district's bureau approves it.
    await signOut(page);
    await signIn(page, server.url, bureauEmail);
    await page.waitForURL(/\/bureau$/);
    const queued = page.locator(`[data-testid="queued-venue"][data-venue-id="${venueId}"]`);
    await expect.poll(() => queued.count(), { timeout: 15_000 }).toBe(1);
    expect(await queued.textContent()).toContain(venueName);
    expect(await unlabelledControls(page)).toEqual([]);
    await queued.getByRole('button', { name: '通过', exact: true }).click();
    await expect.poll(() => page.getByTestId('bureau-status').textContent()).toContain(`已通过“${venueName}”`);
    await expect.poll(() => queued.count()).toBe(0);

    // Back as the manager: the venue is verified; publish every Saturday 09:00–11:00 for four weeks.
    await signOut(page);
    await signIn(page, server.url, managerEmail, managerPassword);
    await page.waitForURL(/\/manage$/);
    await page.getByRole('link', { name: venueName }).click();
    await page.waitForURL(new RegExp(`/manage/venues/${venueId}$`));
    await expect
      .poll(() => page.getByTestId('venue-status').first().getAttribute('data-verification'))
      .toBe('verified');
    expect(await unlabelledControls(page)).toEqual([]);
    const first = nextSaturday();
    const last = addDays(first, 21);
    const slots = page.getByTestId('slots-form');
    await slots.getByLabel('每周重复').check();
    await slots.getByLabel('周六').check();
    await slots.getByLabel('开始', { exact: true }).fill('09:00');
    await slots.getByLabel('结束', { exact: true }).fill('11:00');
    await slots.getByLabel('第一天').fill(first);
    await slots.getByLabel('最后一天').fill(last);
    await slots.getByLabel('名额', { exact: true }).fill('40');
    await slots.getByLabel('学校预留名额').fill('20');
    await slots.getByLabel('开始前多少小时释放预留名额').fill('48');
    await slots.getByRole('button', { name: '发布时段' }).click();
    await expect.poll(() => page.getByTestId('slots-status').textContent()).toContain('已发布 4 个时段');
    await expect.poll(() => page.getByTestId('managed-slot').count()).toBe(4);

    // The public venue page lists the open days of its next 28 days: all four, or three when today is a
    // Friday in Shanghai and the first Saturday after tomorrow is eight days away.
    const onPage = [0, 7, 14, 21].filter((d) => addDays(first, d) <= shanghaiDate(28)).length;
    await page.getByTestId('public-page').click();
    await page.waitForURL(new RegExp(`/venues/${venueId}$`));
    await expect.poll(() => page.getByTestId('slot').count(), { timeout: 15_000 }).toBe(onPage);
    const starts = await page
      .getByTestId('slot')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-starts-at')));
    expect(starts[0]).toBe(`${first}T01:00:00.000Z`); // 09:00 in Beijing

    // What's on, and the venue's calendar file.
    const response = await fetch(
      `${server.url}/api/slots?q=${encodeURIComponent(venueName)}&from=${first}&to=${last}&limit=50`,
    );
    expect(response.status).toBe(200);
    const whatsOn = ((await response.json()) as { items: ApiSlot[] }).items.filter((s) => s.venue.id === venueId);
    expect(whatsOn).toHaveLength(4);
    expect(whatsOn.every((s) => s.capacity === 40 && s.school_allocation === 20)).toBe(true);
    expect(whatsOn.map((s) => new Date(s.starts_at).toISOString())).toContain(`${first}T01:00:00.000Z`);
    const ics = await (await fetch(`${server.url}/api/venues/${venueId}/calendar.ics`)).text();
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(ics).toContain(`DTSTART;TZID=Asia/Shanghai:${first.replaceAll('-', '')}T090000`);
    await context.close();
  });

  it('signs in by keyboard alone, hearing a wrong password and landing where the focus should be', async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${server.url}/login`);
    await expect.poll(() => page.getByTestId('nav-sign-in').count()).toBe(1);
    expect(await unlabelledControls(page)).toEqual([]);
    await tabTo(page, 'email');
    await page.keyboard.type(bureauEmail);
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('password');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    // The error is announced (role=alert) and takes focus, so the reader hears it.
    await expect.poll(() => focusedTestId(page)).toBe('form-error');
    expect(await page.getByRole('alert').textContent()).toContain('邮箱或密码不正确');
    await tabTo(page, 'password');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bureau$/);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('东城区教委');
    await page.close();
  });
});
