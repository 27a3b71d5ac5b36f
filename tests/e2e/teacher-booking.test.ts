import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import decodeQR from '@paulmillr/qr/decode.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { recentMessages } from '../../db/queries/outbox.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { seriousViolations } from '../support/axe.ts';
import {
  CHROMIUM_PATH,
  DESKTOP,
  hasChromium,
  PHONE,
  type RunningServer,
  withServerAndBrowser,
} from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { buildBooking, buildSlot, buildVenue, buildVerifiedSchool, DONGCHENG } from '../support/factories.ts';
import { filterForClass, focusedTestId, openMap, signIn, unlabelledControls } from '../support/journeys.ts';

/**
 * A school trip end to end, as the people involved use it: a confirmed teacher, on a phone, opens a
 * venue page and requests a group booking for a class (the page says beforehand that it takes
 * green-channel places and waits for the venue's approval); the venue's manager approves it and invites
 * a door-staff colleague, who signs up from the e-mailed link; the teacher sees it confirmed and opens
 * the printable confirmation; door staff scan the QR code of that page with the camera (Chromium's fake
 * capture playing a screenshot of the page's QR code) and the class is checked in; the school admin sees
 * the trip on the school page. A second request for next week takes public places without approval, and
 * the teacher cancels it before its deadline. Axe scans each new or changed page; the actions are done
 * by keyboard.
 */

const VENUE = '开门研学测试馆（测试数据）';
const ADDRESS = '北京市东城区测试路 1 号';
const SCHOOL = '开门研学测试小学（测试数据）';

/** A point in time rounded down to the minute (the slot's start as the API answers it). */
const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);

/** The RGBA pixels (400 × 400) of a PNG screenshot, read back in the page's own canvas. */
async function screenshotPixels(page: Page, png: Buffer): Promise<Uint8Array> {
  const base64 = (await page.evaluate(`(async () => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(png.toString('base64'))}), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 400;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 400, 400);
    context.drawImage(bitmap, 0, 0, 400, 400);
    const data = context.getImageData(0, 0, 400, 400).data;
    let text = '';
    for (let i = 0; i < data.length; i += 0x8000) text += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return btoa(text);
  })()`)) as string;
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** A Y4M video (a few identical 4:2:0 frames, 640 × 480) showing a 400 × 400 RGBA picture in its middle. */
function pictureVideo(rgba: Uint8Array): string {
  const width = 640;
  const height = 480;
  const luma = Buffer.alloc(width * height, 235);
  const left = (width - 400) / 2;
  const top = (height - 400) / 2;
  for (let y = 0; y < 400; y++) {
    for (let x = 0; x < 400; x++) {
      const i = (y * 400 + x) * 4;
      const grey = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
      luma[(top + y) * width + left + x] = Math.round(16 + (219 * grey) / 255);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const file = join(mkdtempSync(join(tmpdir(), 'kaimen-trip-')), 'qr.y4m');
  writeFileSync(file, Buffer.concat([header, frame, frame, frame]));
  return file;
}

/** Nothing on the page is wider than the window (the 390 px phone). */
const fitsWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');

describe.skipIf(!hasChromium).each(journeyEngines('postgres'))('a school trip on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let camera: Browser | undefined;
  /** PostgreSQL: the server's database, to read the outbox (the dev mailbox is for demo mode). */
  let privateDb: Database | undefined;
  let manager: TestActor;
  let teacher: TestActor;
  let schoolAdmin: TestActor;
  let venueId = '';
  let slotId = '';
  let startsAt = '';
  let laterStartsAt = '';
  const trip = { id: '', code: '' };
  const declined = { id: '', code: '' };
  const waiting = { id: '', code: '' };
  const door = { email: `door-${randomUUID().slice(0, 8)}@staff.kaimen`, password: 'door-staff-password-1' };

  const prepare = async (database: Database) => {
    if (engine === 'postgres') privateDb = database;
    manager = await createActor(database, { role: 'venue_manager', name: '研学测试馆长' });
    const venue = await buildVenue(database.db, {
      managedBy: manager,
      nameZh: VENUE,
      addressZh: ADDRESS,
      phone: '010-12345678',
      themes: ['science'],
    });
    venueId = venue.id;
    const school = await buildVerifiedSchool(database.db, { name: SCHOOL });
    teacher = await createActor(database, { role: 'teacher', schoolId: school.id, name: '王老师' });
    schoolAdmin = await createActor(database, { role: 'school_admin', schoolId: school.id, name: '赵校长' });
    // Today (Asia/Shanghai), later this evening or afternoon: door staff check in today's bookings only.
    const start = minute(Date.now() + 20 * 60_000);
    startsAt = start.toISOString();
    slotId = (
      await buildSlot(database.db, {
        venueId,
        title: '科学小课堂',
        capacity: 80,
        schoolAllocation: 40,
        allocationReleaseAt: start,
        startsAt: start,
        endsAt: new Date(start.getTime() + 90 * 60_000),
        approval: 'groups',
      })
    ).id;
    // Next week, public places only and no approval: confirmed at once, and cancellable.
    const later = minute(Date.now() + 7 * 86_400_000);
    laterStartsAt = later.toISOString();
    await buildSlot(database.db, {
      venueId,
      capacity: 60,
      startsAt: later,
      endsAt: new Date(later.getTime() + 2 * 3_600_000),
      approval: 'none',
    });
    // An earlier request the venue declined, with its reason.
    const other = await buildSlot(database.db, {
      venueId,
      capacity: 60,
      startsAt: minute(Date.now() + 9 * 86_400_000),
      endsAt: minute(Date.now() + 9 * 86_400_000 + 3_600_000),
    });
    Object.assign(
      declined,
      await buildBooking(database.db, other.id, teacher.user.id, {
        kind: 'group',
        status: 'declined',
        places: 27,
        publicPlaces: 27,
        adults: 2,
        grade: 5,
        schoolId: school.id,
        reason: '当天闭馆维护，请改约',
      }),
    );
    // And a new request for the same time, waiting for the venue (cancellable for a week yet).
    Object.assign(
      waiting,
      await buildBooking(database.db, other.id, teacher.user.id, {
        kind: 'group',
        status: 'pending',
        places: 22,
        publicPlaces: 22,
        adults: 2,
        grade: 5,
        schoolId: school.id,
      }),
    );
  };
  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), { prepare, ownDatabase: true });
  afterAll(async () => camera?.close());

  /** The invitation link e-mailed to `email`, as a path on this server. */
  async function invitationPath(page: Page, email: string): Promise<string> {
    let href: string;
    if (engine === 'pglite') {
      await page.goto(`${server.url}/dev/mailbox`);
      const mail = page.getByTestId('mail').filter({ hasText: email }).first();
      await expect.poll(() => mail.count(), { timeout: 15_000 }).toBe(1);
      href = (await mail.locator('a').first().getAttribute('href'))!;
    } else {
      const message = (await recentMessages(privateDb!.db)).find((m) => m.recipient === email);
      href = /https?:\/\/\S+/.exec(message!.body)![0];
    }
    return new URL(href).pathname;
  }

  /** Opens the venue page and follows the booking link of the slot starting at `iso`. */
  async function bookFromVenuePage(page: Page, iso: string): Promise<void> {
    await page.goto(`${server.url}/venues/${venueId}`);
    const slot = page.locator(`[data-testid="slot"][data-starts-at="${iso}"]`);
    await slot.getByTestId('book-link').click();
    await page.waitForURL(/\/book\//);
    await page.getByTestId('group-form').waitFor();
  }

  it('a teacher finds the venue by grade, theme, class size and green channel, and opens the slot to book', async () => {
    const page = await browser.newPage(DESKTOP);
    await signIn(page, server.url, teacher.user.email);
    await openMap(page, `${server.url}/?c=${DONGCHENG.lng},${DONGCHENG.lat}&z=13`);
    await page.getByTestId('filter-theme-science').check();
    await filterForClass(page, { grade: 4, groupSize: 33, more: ['themes=science'] });
    const found = page.getByTestId('venue-item').filter({ hasText: VENUE });
    await expect.poll(() => found.count(), { timeout: 20_000 }).toBe(1);
    await found.getByTestId('venue-details-link').click();
    await page.waitForURL(new RegExp(`/venues/${venueId}`));
    await page.locator(`[data-testid="slot"][data-starts-at="${startsAt}"]`).getByTestId('book-link').click();
    await page.waitForURL(/\/book\//);
    await page.getByTestId('group-form').waitFor();
    expect(await page.getByTestId('group-school-name').textContent()).toBe(SCHOOL);
    await page.close();
  });

  it('a teacher on a phone requests a group booking: green channel, waiting for approval, no names', async () => {
    const page = await browser.newPage(PHONE);
    await signIn(page, server.url, teacher.user.email);
    await bookFromVenuePage(page, startsAt);

    // A confirmed teacher books a class by default, and may switch to the family.
    expect(await page.getByTestId('book-kind').getByLabel('学校团体（一个班）').isChecked()).toBe(true);
    expect(await page.getByTestId('group-school-name').textContent()).toBe(SCHOOL);
    expect(await page.getByTestId('no-child-names').textContent()).toContain('请勿填写任何学生的姓名');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    // The class, by keyboard.
    await page.getByLabel('学生人数').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.getByLabel('年级').selectOption({ label: '四年级' });
    await page.getByLabel('有学生使用轮椅').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('给场馆的备注').focus();
    await page.keyboard.type('乘大巴到达，约 9:50');
    expect(await page.getByTestId('group-total').textContent()).toBe('共 33 人');

    // Before confirming: which places it takes and whether the venue approves.
    const channel = page.getByTestId('plan-channel');
    await expect.poll(() => channel.getAttribute('data-channel')).toBe('school');
    expect(await channel.textContent()).toContain('学校专用名额（绿色通道）33 个');
    expect(await page.getByTestId('plan-approval').getAttribute('data-approval')).toBe('true');
    expect(await page.getByTestId('plan-approval').textContent()).toContain('需要场馆审批');
    // Today's slot is past its cancellation deadline (24 hours before), and the page says so.
    expect(await page.getByTestId('plan-cancel').textContent()).toContain('取消截止时间已过');

    await page.getByTestId('group-confirm').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bookings\/[0-9a-f-]{36}$/);
    trip.id = /\/bookings\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    const booking = page.getByTestId('booking');
    await expect.poll(() => booking.getAttribute('data-status')).toBe('pending');
    expect(await page.getByTestId('booking-status').textContent()).toBe('等待场馆确认');
    expect(await page.getByTestId('booking-party').textContent()).toContain('学生 30 名，成人 3 名');
    expect(await page.getByTestId('booking-channel').textContent()).toContain('学校专用名额（绿色通道）33 个');
    trip.code = (await page.getByTestId('booking-code').textContent())!.trim();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    // Followed on My bookings.
    await page.goto(`${server.url}/bookings`);
    const mine = page.getByTestId('my-booking').filter({ hasText: trip.code });
    await expect.poll(() => mine.getAttribute('data-status')).toBe('pending');
    expect(await mine.textContent()).toContain(`${SCHOOL} · 学生 30 名，成人 3 名`);
    expect(await seriousViolations(page)).toEqual([]);
    // The declined request, with the venue's reason.
    const refused = page.getByTestId('bookings-cancelled').getByTestId('my-booking').filter({ hasText: '场馆未接受' });
    await refused.getByRole('link').click();
    await page.waitForURL(new RegExp(`/bookings/${declined.id}$`));
    expect(await page.getByTestId('booking-reason').textContent()).toBe('场馆的说明：当天闭馆维护，请改约');
    await page.close();
  });

  it('a second request for next week takes public places at once, and the teacher cancels it before the deadline', async () => {
    const page = await browser.newPage(DESKTOP);
    await signIn(page, server.url, teacher.user.email);
    await bookFromVenuePage(page, laterStartsAt);
    await page.getByLabel('学生人数').fill('20');
    await page.getByLabel('带队老师和其他成人').fill('2');
    const channel = page.getByTestId('plan-channel');
    await expect.poll(() => channel.getAttribute('data-channel')).toBe('public');
    expect(await channel.textContent()).toContain('将使用公众名额 22 个');
    expect(await page.getByTestId('plan-approval').textContent()).toContain('无需场馆审批');
    expect(await page.getByTestId('plan-cancel').textContent()).toContain('前可以在“我的预约”中取消');
    // The family form is a keypress away, and back.
    await page.getByLabel('我的家庭').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('book-form').waitFor();
    await page.getByLabel('学校团体（一个班）').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('group-form').waitFor();
    await page.getByLabel('学生人数').fill('20');
    await page.getByLabel('带队老师和其他成人').fill('2');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('group-confirm').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bookings\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('booking').getAttribute('data-status')).toBe('confirmed');
    expect(await page.getByTestId('cancel-until').textContent()).toContain('前可以取消');

    await page.getByTestId('cancel-booking').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('cancel-confirm').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('booking').getAttribute('data-status')).toBe('cancelled');
    await page.close();
  });

  it('the manager approves the request by keyboard and invites door staff, who sign up from the link', async () => {
    const page = await browser.newPage(DESKTOP);
    await signIn(page, server.url, manager.user.email);
    await page.waitForURL(/\/manage$/);
    await page.goto(`${server.url}/manage/slots/${slotId}`);
    const row = page.getByTestId('roster-booking').filter({ hasText: trip.code });
    await row.waitFor();
    await page.getByRole('button', { name: `批准预约 ${trip.code}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('data-status')).toBe('confirmed');

    await page.goto(`${server.url}/manage/staff`);
    await page.getByTestId('invite-form').waitFor();
    await page.getByLabel('同事的邮箱').fill(door.email);
    await page.getByTestId('invite-role-door_staff').check();
    await page.getByRole('button', { name: '发送邀请' }).click();
    await expect.poll(() => page.getByTestId('invite-status').textContent()).toContain(door.email);

    const colleague = await browser.newPage(PHONE);
    await colleague.goto(`${server.url}${await invitationPath(page, door.email)}`);
    await colleague.getByTestId('invitation').waitFor();
    await colleague.getByLabel('你的称呼').fill('门口小周');
    await colleague.getByLabel('密码').fill(door.password);
    await colleague.getByRole('button', { name: '注册并加入' }).click();
    await colleague.waitForURL(/\/manage\/staff$/);
    await page.close();
    await colleague.close();
  });

  it('the teacher sees it confirmed and opens the printable confirmation; door staff scan its QR code with the camera', async () => {
    const page = await browser.newPage(PHONE);
    await signIn(page, server.url, teacher.user.email);
    await page.goto(`${server.url}/bookings/${trip.id}`);
    await expect.poll(() => page.getByTestId('booking').getAttribute('data-status')).toBe('confirmed');
    expect(await page.getByTestId('booking-status').textContent()).toBe('已确认');
    await page.getByTestId('booking-print').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/bookings/${trip.id}/print$`));
    const sheet = page.getByTestId('confirmation');
    await expect.poll(() => sheet.getAttribute('data-status')).toBe('confirmed');
    expect(await page.getByTestId('print-code').textContent()).toBe(trip.code);
    expect(await page.getByTestId('print-venue').textContent()).toBe(VENUE);
    await expect.poll(() => page.getByTestId('print-address').textContent()).toBe(ADDRESS);
    const party = await page.getByTestId('print-party').textContent();
    expect(party).toContain(SCHOOL);
    expect(party).toContain('四年级');
    expect(party).toContain('学生 30 名，成人 3 名');
    expect(party).toContain('有学生使用轮椅');
    expect(await sheet.textContent()).toContain('请携带');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    // Printed, the console's header and the buttons are left out.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.account-header').isVisible()).toBe(false);
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    expect(await page.getByTestId('print-qr').isVisible()).toBe(true);

    // A picture of the page's QR code: its screenshot holds the booking code.
    const qr = page.getByTestId('print-qr');
    await expect
      .poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0))
      .toBe(true);
    const pixels = await screenshotPixels(page, await qr.screenshot());
    expect(decodeQR({ width: 400, height: 400, data: pixels })).toBe(trip.code);
    await page.close();

    // Door staff, on a phone, point the camera at that picture.
    camera = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${pictureVideo(pixels)}`,
      ],
    });
    const phone = await camera.newPage(PHONE);
    await signIn(phone, server.url, door.email, door.password);
    await phone.waitForURL(/\/manage\/staff$/);
    await phone.goto(`${server.url}/check-in?slot=${slotId}`);
    await phone.getByTestId('check-in-slot').waitFor();
    await phone.getByTestId('start-scan').focus();
    expect(await focusedTestId(phone)).toBe('start-scan');
    await phone.keyboard.press('Enter');
    const answer = phone.getByTestId('check-in-answer');
    await expect.poll(() => answer.getAttribute('data-kind'), { timeout: 20_000 }).toBe('ok');
    expect(await answer.textContent()).toContain(trip.code);
    const checked = await phone.context().request.get(`${server.url}/api/manage/slots/${slotId}/bookings`);
    const { items } = (await checked.json()) as { items: { id: string; checked_in_at: string | null }[] };
    expect(items.find((b) => b.id === trip.id)?.checked_in_at).not.toBeNull();
    await phone.close();
  });

  it('the school admin sees the trip on the school page, by teacher and class size, on a phone and a desk', async () => {
    for (const size of [PHONE, DESKTOP]) {
      const page = await browser.newPage(size);
      await signIn(page, server.url, schoolAdmin.user.email);
      await page.goto(`${server.url}/school`);
      const trips = page.getByTestId('school-trips');
      const item = trips.getByTestId('trips-coming').getByTestId('school-trip').filter({ hasText: VENUE });
      await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(4);
      const confirmed = item.and(page.locator('[data-status="confirmed"]'));
      expect(await confirmed.getByTestId('trip-teacher').textContent()).toBe('王老师');
      expect(await confirmed.getByTestId('trip-class').textContent()).toBe('四年级 · 30 名学生 / 3 名成人');
      expect(await confirmed.getByTestId('trip-status').textContent()).toBe('已确认');
      const cancelled = item.and(page.locator('[data-status="cancelled"]'));
      expect(await cancelled.getByTestId('trip-class').textContent()).toContain('20 名学生 / 2 名成人');
      expect(await seriousViolations(page)).toEqual([]);
      if (size === PHONE) expect(await fitsWidth(page)).toBe(true);
      await page.close();
    }

    // The school page and the confirmation in English.
    const page = await browser.newPage(DESKTOP);
    await signIn(page, server.url, schoolAdmin.user.email);
    await page.goto(`${server.url}/school?lang=en`);
    await page.getByRole('heading', { name: `${SCHOOL}: trips` }).waitFor();
    const item = page.getByTestId('school-trip').and(page.locator('[data-status="confirmed"]'));
    await expect.poll(() => item.getByTestId('trip-class').textContent()).toBe('Grade 4 · 30 pupils / 3 adults');
    expect(await seriousViolations(page)).toEqual([]);
    // The school's admins may open a trip and its confirmation too, but not cancel it for the teacher.
    await page.goto(`${server.url}/bookings/${waiting.id}?lang=en`);
    await page.getByTestId('booking-print').waitFor();
    expect(await page.getByTestId('cancel-booking').count()).toBe(0);
    await page.goto(`${server.url}/bookings/${trip.id}/print?lang=en`);
    await page.getByRole('heading', { name: 'Group booking confirmation' }).waitFor();
    await expect.poll(() => page.getByTestId('print-code').textContent()).toBe(trip.code);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
