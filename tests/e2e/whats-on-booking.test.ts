import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createActor, TEST_PASSWORD, type TestActor } from '../support/accounts.ts';
import { seriousViolations } from '../support/axe.ts';
import { hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { buildSlot, buildVenue, DONGCHENG } from '../support/factories.ts';

/**
 * From What's on to a booking (issue 12, point 1), on a phone: a parent finds a slot near a place in the
 * coming week, follows its Book link, signs in on the way without losing the slot, books a family party,
 * and back on What's on sees the places left counted down by that party. A slot whose booking has
 * closed offers no Book link.
 */

const VENUE = '开门近期活动预约测试馆（测试数据）';
const SLOT = '近期活动亲子场（测试）';
const DAY_MS = 86_400_000;

describe.skipIf(!hasChromium).each(journeyEngines('postgres'))('booking from What’s on on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let parent: TestActor;
  let slotId = '';
  let closedSlotId = '';
  let venueId = '';

  const prepare = async (database: Database) => {
    parent = await createActor(database, { role: 'parent', name: '近期活动家长' });
    const venue = await buildVenue(database.db, { nameZh: VENUE, place: DONGCHENG });
    venueId = venue.id;
    const day = new Date(Date.now() + 3 * DAY_MS).toISOString().slice(0, 10);
    slotId = (
      await buildSlot(database.db, {
        venueId: venue.id,
        title: SLOT,
        capacity: 12,
        startsAt: new Date(`${day}T02:00:00Z`),
        endsAt: new Date(`${day}T04:00:00Z`),
      })
    ).id;
    closedSlotId = (
      await buildSlot(database.db, {
        venueId: venue.id,
        title: '已截止的场次（测试）',
        capacity: 12,
        startsAt: new Date(`${day}T06:00:00Z`),
        endsAt: new Date(`${day}T07:00:00Z`),
        bookingClosesAt: new Date(Date.now() - 60_000),
      })
    ).id;
  };
  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), { prepare, ownDatabase: true });

  beforeAll(async () => {
    context = await browser.newContext(PHONE);
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  const whatsOn = () => `${server.url}/whats-on?near=${DONGCHENG.lng},${DONGCHENG.lat}`;
  const item = (id: string) => page.locator(`[data-testid="whats-on-slot"][data-slot-id="${id}"]`);

  it('follows a slot’s Book link, signs in on the way, and books the slot', async () => {
    await page.goto(whatsOn());
    await item(slotId).waitFor();
    expect(await item(slotId).getByTestId('whats-on-places').textContent()).toContain('12');
    expect(await item(closedSlotId).getByTestId('whats-on-book').count()).toBe(0);

    await item(slotId).getByTestId('whats-on-book').click();
    await page.waitForURL(new RegExp(`/book/${slotId}`));
    await page.getByTestId('book-slot').waitFor();
    expect(await page.getByTestId('book-slot').textContent()).toContain(SLOT);
    expect(await page.getByTestId('book-places-left').textContent()).toContain('家庭名额还剩 12 个');

    await page.getByTestId('book-login').click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('邮箱').fill(parent.user.email);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('book-form').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/book/${slotId}`);

    await page.getByTestId('adults').fill('2');
    await page.getByTestId('children-6-12').fill('1');
    await page.getByTestId('book-confirm').click();
    await page.getByTestId('booking-code').waitFor();
    expect(await page.getByTestId('booking-status').textContent()).toBe('已确认');
    expect(await page.getByTestId('booking-code').textContent()).toMatch(/^[A-Z0-9]{8}$/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the places left counted down by the booking back on What’s on', async () => {
    await page.goto(whatsOn());
    await item(slotId).waitFor();
    expect(await item(slotId).getByTestId('whats-on-places').textContent()).toContain('9');
    expect(await item(slotId).getByTestId('whats-on-places').textContent()).not.toContain('12');
  });

  it('says on the venue page which slot no longer takes bookings, and offers no Book link there', async () => {
    await page.goto(`${server.url}/venues/${venueId}`);
    const closed = page.getByTestId('slot').filter({ hasText: '已截止的场次' });
    await closed.waitFor();
    expect(await closed.getByTestId('places-left').getAttribute('data-booking')).toBe('closed');
    expect(await closed.getByTestId('places-left').textContent()).toContain('预约已截止');
    expect(await closed.getByTestId('book-link').count()).toBe(0);
    const open = page.getByTestId('slot').filter({ hasText: SLOT });
    expect(await open.getByTestId('places-left').textContent()).toContain('9');
    expect(await open.getByTestId('book-link').count()).toBe(1);
  });
});
