import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createActor, TEST_PASSWORD, type TestActor } from '../support/accounts.ts';
import { seriousViolations } from '../support/axe.ts';
import { DESKTOP, hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { buildSlot, buildVenue } from '../support/factories.ts';

/**
 * A parent books on a phone (issue 12, point 1): from a venue page's slot, signing in midway without
 * losing the slot, a family party by age band; sees the code and its QR code; finds the booking in My
 * bookings and cancels it. A full slot offers the waitlist; when another family cancels (through the
 * API), the offer is accepted in the browser. Axe scans each new page; one check at desktop width.
 */

const VENUE = '开门预约测试馆（测试数据）';
const OPEN_DAY = '家庭开放日（测试）';
const FULL_DAY = '满员讲座（测试）';
const DAY_MS = 86_400_000;

describe.skipIf(!hasChromium).each(journeyEngines('postgres'))('a parent booking on a phone on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let parent: TestActor;
  let rival: TestActor;
  let venueId = '';
  let fullSlotId = '';
  let rivalBookingId = '';
  let soonSlotId = '';

  const prepare = async (database: Database) => {
    parent = await createActor(database, { role: 'parent', name: '预约测试家长' });
    rival = await createActor(database, { role: 'parent', name: '另一位家长' });
    const venue = await buildVenue(database.db, { nameZh: VENUE });
    venueId = venue.id;
    const day = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);
    await buildSlot(database.db, {
      venueId,
      title: OPEN_DAY,
      capacity: 20,
      startsAt: new Date(`${day(6)}T01:00:00Z`),
      endsAt: new Date(`${day(6)}T03:00:00Z`),
    });
    fullSlotId = (
      await buildSlot(database.db, {
        venueId,
        title: FULL_DAY,
        capacity: 3,
        startsAt: new Date(`${day(8)}T01:00:00Z`),
        endsAt: new Date(`${day(8)}T03:00:00Z`),
      })
    ).id;
    soonSlotId = (
      await buildSlot(database.db, {
        venueId,
        title: '明早的活动（测试）',
        capacity: 10,
        startsAt: new Date(Date.now() + 10 * 3_600_000),
        endsAt: new Date(Date.now() + 12 * 3_600_000),
      })
    ).id;
  };
  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), { prepare, ownDatabase: true });

  beforeAll(async () => {
    context = await browser.newContext(PHONE);
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  /** The API as the other parent, as a second phone would call it. */
  async function asRival(path: string, body: unknown): Promise<{ status: number; json: { id?: string } }> {
    const response = await fetch(server.url + path, {
      method: 'POST',
      headers: { ...rival.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as { id?: string } };
  }

  it('books family places from the venue page, signing in midway, and sees the code and QR code', async () => {
    await page.goto(`${server.url}/venues/${venueId}`);
    const slot = page.getByTestId('slot').filter({ hasText: OPEN_DAY });
    await slot.getByTestId('book-link').click();
    await page.getByTestId('book-slot').waitFor();
    expect(await page.getByTestId('book-places-left').textContent()).toContain('家庭名额还剩 20 个');
    expect(await seriousViolations(page)).toEqual([]);

    // Signed out: sign in, and come back to the same slot.
    const bookingUrl = page.url();
    await page.getByTestId('book-login').click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('邮箱').fill(parent.user.email);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('book-form').waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(bookingUrl).pathname);
    expect(await page.getByTestId('book-slot').textContent()).toContain(OPEN_DAY);

    // Two adults, a child of 4 and one of 9; no names asked.
    expect(await page.getByText('不会询问孩子的姓名').count()).toBe(1);
    await page.getByTestId('adults').fill('2');
    await page.getByTestId('children-0-5').fill('1');
    await page.getByTestId('children-6-12').fill('1');
    expect(await page.getByTestId('party-total').textContent()).toContain('共 4 人');
    expect(await seriousViolations(page)).toEqual([]);
    // By keyboard: the confirm button is reached and pressed with Enter.
    await page.getByTestId('book-confirm').focus();
    await page.keyboard.press('Enter');

    await page.getByTestId('booking-code').waitFor();
    expect(await page.getByTestId('booking-code').textContent()).toMatch(/^[A-Z0-9]{8}$/);
    expect(await page.getByTestId('booking-status').textContent()).toBe('已确认');
    await expect
      .poll(() =>
        page.getByTestId('booking-qr').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBeGreaterThan(0);
    expect(await page.getByTestId('booking-ics').getAttribute('href')).toMatch(
      /\/api\/bookings\/[\w-]+\/calendar\.ics$/,
    );
    await page.getByTestId('booking-directions').waitFor();
    expect(await page.getByTestId('booking-directions').locator('a').count()).toBe(3);
    expect(await page.getByTestId('cancel-until').textContent()).toContain('前可以取消');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds the booking in My bookings and cancels it before the deadline', async () => {
    // The header leads a signed-in parent to their bookings.
    await page.getByTestId('nav-bookings').click();
    await page.waitForURL(/\/bookings$/);
    const coming = page.getByTestId('bookings-coming');
    await coming.getByTestId('my-booking').first().waitFor();
    expect(await coming.textContent()).toContain(VENUE);
    expect(await coming.textContent()).toContain('前可以取消');
    expect(await seriousViolations(page)).toEqual([]);

    await coming.getByTestId('my-booking').first().locator('a').click();
    await page.getByTestId('cancel-booking').click();
    await page.getByTestId('cancel-confirm').click();
    await expect.poll(() => page.getByTestId('booking-status').textContent()).toBe('已取消');
    expect(await page.getByTestId('booking-notice').textContent()).toContain('预约已取消');

    await page.goto(`${server.url}/bookings`);
    await page.getByTestId('bookings-cancelled').getByTestId('my-booking').first().waitFor();
    expect(await page.getByTestId('bookings-coming').getByTestId('my-booking').count()).toBe(0);
  });

  it('is told in words when the places went meanwhile, sees them updated, and joins the waitlist', async () => {
    await page.goto(`${server.url}/venues/${venueId}`);
    await page.getByTestId('slot').filter({ hasText: FULL_DAY }).getByTestId('book-link').click();
    await page.getByTestId('book-form').waitFor();
    expect(await page.getByTestId('book-places-left').textContent()).toContain('家庭名额还剩 3 个');
    await page.getByTestId('adults').fill('1');
    await page.getByTestId('children-6-12').fill('1');

    // Another family takes all three places while this parent decides.
    rivalBookingId = (
      await asRival('/api/bookings', {
        slot_id: fullSlotId,
        kind: 'family',
        adults: 2,
        children_by_band: { '6-12': 1 },
      })
    ).json.id!;

    await page.getByTestId('book-confirm').click();
    expect(await page.getByTestId('book-error').textContent()).toContain('名额不够了');
    await expect.poll(() => page.getByTestId('book-places-left').textContent()).toContain('已约满');
    expect(await page.getByTestId('book-confirm').isDisabled()).toBe(true);
    await page.getByTestId('join-waitlist').click();
    expect(await page.getByTestId('waitlist-joined').textContent()).toContain('第 1 位');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('accepts the waitlist offer once the other family cancels', async () => {
    // The other family cancels: their places are held for this parent.
    expect((await asRival(`/api/bookings/${rivalBookingId}/cancel`, {})).status).toBe(200);

    // The offer message links the held booking's page (/bookings/{id}); My bookings links it too.
    const waitlist = (await (await fetch(`${server.url}/api/waitlist`, { headers: parent.headers })).json()) as {
      items: { offer: { booking_id: string } | null }[];
    };
    const offerId = waitlist.items.find((entry) => entry.offer)?.offer?.booking_id;
    await page.goto(`${server.url}/bookings`);
    expect(await page.getByTestId('waitlist-offer').getAttribute('href')).toBe(`/bookings/${offerId}`);
    await page.getByTestId('waitlist-offer').click();
    await page.getByTestId('accept-offer').waitFor();
    expect(await page.getByTestId('offer').textContent()).toContain('名额为你保留到');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('accept-offer').click();
    await expect.poll(() => page.getByTestId('booking-status').textContent()).toBe('已确认');
    expect(await page.getByTestId('booking-code').textContent()).toMatch(/^[A-Z0-9]{8}$/);
  });

  it('signs up from a booking page and comes back to the slot; past the deadline, cancel is not offered', async () => {
    const fresh = await browser.newContext(PHONE);
    try {
      const phone = await fresh.newPage();
      await phone.goto(`${server.url}/venues/${venueId}`);
      await phone.getByTestId('slot').filter({ hasText: '明早的活动' }).getByTestId('book-link').click();
      await phone.getByTestId('book-register').click();
      await phone.waitForURL(/\/register\?next=/);
      expect(await phone.getByTestId('role-parent').isChecked()).toBe(true);
      await phone.getByTestId('display-name').fill('新来的家长');
      await phone.getByLabel('邮箱').fill(`new-parent-${Date.now()}@test.kaimen`);
      await phone.getByLabel('密码').fill(TEST_PASSWORD);
      await phone.getByTestId('submit').click();
      await phone.getByTestId('book-form').waitFor();
      expect(new URL(phone.url()).pathname).toBe(`/book/${soonSlotId}`);

      await phone.getByTestId('book-confirm').click();
      await phone.getByTestId('booking-code').waitFor();
      expect(await phone.getByTestId('cancel-closed').textContent()).toContain('取消期限已过');
      expect(await phone.getByTestId('cancel-booking').count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('shows My bookings at desktop width, in English, with no serious axe finding', async () => {
    const desktop = await browser.newContext(DESKTOP);
    try {
      const wide = await desktop.newPage();
      await desktop.addCookies([
        { name: parent.headers.cookie.split('=')[0]!, value: parent.headers.cookie.split('=')[1]!, url: server.url },
      ]);
      await wide.goto(`${server.url}/bookings?lang=en`);
      await wide.getByTestId('bookings-coming').getByTestId('my-booking').first().waitFor();
      expect(await wide.getByRole('heading', { name: 'My bookings' }).count()).toBe(1);
      expect(await wide.getByTestId('bookings-coming').textContent()).toContain('Confirmed');
      expect(await seriousViolations(wide)).toEqual([]);
    } finally {
      await desktop.close();
    }
  });
});
