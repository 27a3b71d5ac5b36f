import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeQR } from '@paulmillr/qr';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { newBookingCode } from '../../domain/booking.ts';
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
import { buildBooking, buildSlot, buildVenue, buildVerifiedSchool } from '../support/factories.ts';
import type { Database } from '../../db/client.ts';
import { signIn, unlabelledControls } from '../support/journeys.ts';

/**
 * The venue's side in the browser: a manager approves one pending group request and declines another
 * with a reason in a slot's bookings view; door staff, on a phone, check a code in by typing it, see
 * "already used" on the second try and undo it; a code is read by the camera (Chromium's fake capture
 * playing a Y4M picture of the booking's QR code) and from a photo. Axe scans each new page.
 */

const VENUE = '开门核验测试馆（测试数据）';

/** A Y4M video (a few identical 4:2:0 frames) showing `code` as a QR code, black on white. */
function qrVideo(code: string): string {
  const modules = encodeQR(code, 'raw', { ecc: 'medium', border: 4 });
  const width = 640;
  const height = 480;
  const scale = Math.floor(400 / modules.length);
  const left = Math.floor((width - modules.length * scale) / 2);
  const top = Math.floor((height - modules.length * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        luma.fill(
          16,
          (top + y * scale + dy) * width + left + x * scale,
          (top + y * scale + dy) * width + left + (x + 1) * scale,
        );
      }
    }),
  );
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const file = join(mkdtempSync(join(tmpdir(), 'kaimen-door-')), 'qr.y4m');
  writeFileSync(file, Buffer.concat([header, frame, frame, frame]));
  return file;
}

describe.skipIf(!hasChromium).each(journeyEngines('postgres'))('the venue’s door on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let camera: Browser | undefined;
  let manager: TestActor;
  let door: TestActor;
  let slotId = '';
  let venueId = '';
  const pendingA = { id: '', code: newBookingCode() };
  const pendingB = { id: '', code: newBookingCode() };
  const typed = { id: '', code: newBookingCode() };
  const scanned = { id: '', code: newBookingCode() };
  const photo = { id: '', code: newBookingCode() };
  const tomorrow = { id: '', code: newBookingCode() };
  const elsewhere = { id: '', code: newBookingCode() };

  const prepare = async (database: Database) => {
    manager = await createActor(database, { role: 'venue_manager', name: '核验测试馆长' });
    door = await createActor(database, {
      role: 'venue_manager',
      name: '门口小李',
      organisationId: manager.organisationId!,
      staffRole: 'door_staff',
    });
    const venue = await buildVenue(database.db, { managedBy: manager, nameZh: VENUE });
    venueId = venue.id;
    const now = Date.now();
    const slot = await buildSlot(database.db, {
      venueId: venue.id,
      capacity: 200,
      startsAt: new Date(now + 10 * 60_000),
      endsAt: new Date(now + 70 * 60_000),
    });
    slotId = slot.id;
    const school = await buildVerifiedSchool(database.db, { name: '开门核验测试小学' });
    // One live booking per account and slot: each booking has its own booker.
    const booker = async (role: 'teacher' | 'parent') => (await createActor(database, { role })).user.id;
    for (const booking of [pendingA, pendingB]) {
      const row = await buildBooking(database.db, slot.id, await booker('teacher'), {
        kind: 'group',
        status: 'pending',
        places: 32,
        schoolPlaces: 0,
        publicPlaces: 32,
        adults: 2,
        grade: 4,
        schoolId: school.id,
        code: booking.code,
      });
      booking.id = row.id;
    }
    for (const booking of [typed, scanned, photo]) {
      booking.id = (
        await buildBooking(database.db, slot.id, await booker('parent'), { adults: 1, places: 3, code: booking.code })
      ).id;
    }
    // A booking of the same venue tomorrow, and one of another venue today.
    const later = await buildSlot(database.db, {
      venueId: venue.id,
      capacity: 20,
      startsAt: new Date(now + 26 * 3_600_000),
      endsAt: new Date(now + 27 * 3_600_000),
    });
    tomorrow.id = (await buildBooking(database.db, later.id, await booker('parent'), { code: tomorrow.code })).id;
    const other = await buildVenue(database.db, { nameZh: '别的测试馆（测试数据）' });
    const otherSlot = await buildSlot(database.db, {
      venueId: other.id,
      capacity: 20,
      startsAt: new Date(now + 10 * 60_000),
      endsAt: new Date(now + 70 * 60_000),
    });
    elsewhere.id = (await buildBooking(database.db, otherSlot.id, await booker('parent'), { code: elsewhere.code })).id;
  };
  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), { prepare, ownDatabase: true });
  afterAll(async () => camera?.close());

  const statusOf = async (page: Page, id: string) => {
    const answer = await page.context().request.get(`${server.url}/api/bookings/${id}`);
    expect(answer.status()).toBe(200);
    return (await answer.json()) as { status: string; reason: string | null };
  };
  /** A booking as the slot's list shows it to the venue's staff (door staff too). */
  const rosterBooking = async (page: Page, id: string) => {
    const answer = await page.context().request.get(`${server.url}/api/manage/slots/${slotId}/bookings`);
    expect(answer.status()).toBe(200);
    const { items } = (await answer.json()) as {
      items: { id: string; checked_in_at: string | null; arrived_adults: number | null }[];
    };
    return items.find((item) => item.id === id)!;
  };

  it('a manager approves one pending group request and declines another with a reason', async () => {
    const page = await browser.newPage(DESKTOP);
    await signIn(page, server.url, manager.user.email);
    await page.waitForURL(/\/manage$/);
    // From the venue console's list of slots to the slot's bookings.
    await page.goto(`${server.url}/manage/venues/${venueId}`);
    await page.locator(`[data-testid="slot-bookings"][href$="/manage/slots/${slotId}"]`).click();
    await page.waitForURL(new RegExp(`/manage/slots/${slotId}$`));
    const rowA = page.getByTestId('roster-booking').filter({ hasText: pendingA.code });
    await rowA.waitFor();
    expect(await page.getByTestId('count-pending').textContent()).toContain('2 单');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unlabelledControls(page)).toEqual([]);

    // Approve by keyboard.
    await page.getByRole('button', { name: `批准预约 ${pendingA.code}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('roster-status').textContent()).toContain(pendingA.code);
    await expect.poll(() => rowA.getAttribute('data-status')).toBe('confirmed');

    const rowB = page.getByTestId('roster-booking').filter({ hasText: pendingB.code });
    // Decline by keyboard: the reason field takes the cursor, Enter sends.
    await rowB.getByTestId('decline').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate('document.activeElement?.dataset?.testid')).toBe('decline-reason');
    await page.keyboard.type('当天场馆维修，请改约下周');
    await page.keyboard.press('Enter');
    await expect.poll(() => rowB.getAttribute('data-status')).toBe('declined');

    expect((await statusOf(page, pendingA.id)).status).toBe('confirmed');
    const declined = await statusOf(page, pendingB.id);
    expect(declined).toMatchObject({ status: 'declined', reason: '当天场馆维修，请改约下周' });

    const csv = await page
      .context()
      .request.get(`${server.url}${await page.getByTestId('export-csv').getAttribute('href')}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(pendingA.code);

    // The same view in English.
    await page.goto(`${server.url}/manage/slots/${slotId}?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Slot bookings' }).waitFor();
    await expect.poll(() => rowB.getByTestId('booking-status').textContent()).toBe('Declined');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('door staff on a phone check a typed code in, see it already used, undo and correct counts', async () => {
    const page = await browser.newPage(PHONE);
    await signIn(page, server.url, door.user.email);
    await page.waitForURL(/\/manage\/staff$/);
    const slot = page.getByTestId('staff-slot').filter({ hasText: VENUE });
    await slot.getByTestId('slot-bookings').click();
    await page.waitForURL(/\/manage\/slots\//);
    await page.getByTestId('roster-booking').first().waitFor();
    // Door staff see the list but decide nothing.
    expect(await page.getByTestId('approve').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('check-in-link').click();
    await page.waitForURL(/\/check-in\?slot=/);
    await page.getByTestId('check-in-slot').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unlabelledControls(page)).toEqual([]);
    // Made for the phone: nothing wider than its 390 px.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    const input = page.getByLabel('预约码');
    await input.fill(typed.code.toLowerCase());
    await input.press('Enter');
    const answer = page.getByTestId('check-in-answer');
    await expect.poll(() => answer.getAttribute('data-kind')).toBe('ok');
    expect(await answer.textContent()).toContain('已入场');

    await input.fill(typed.code);
    await page.getByTestId('check-in-submit').click();
    await expect.poll(() => answer.getAttribute('data-kind')).toBe('already');
    expect(await answer.textContent()).toMatch(/已使用：\d\d:\d\d 已入场/);

    // Another day of this venue, and another venue.
    await input.fill(tomorrow.code);
    await input.press('Enter');
    await expect.poll(() => answer.getAttribute('data-kind')).toBe('other_day');
    expect(await answer.textContent()).toContain('不是今天的预约');
    await input.fill(elsewhere.code);
    await input.press('Enter');
    await expect.poll(() => answer.getAttribute('data-kind')).toBe('other_venue');
    expect(await answer.textContent()).toContain('别的测试馆（测试数据）');

    // Correct the counts, then undo.
    await page.getByLabel('到场成人').fill('2');
    await page.getByTestId('save-counts').click();
    await expect.poll(() => page.getByTestId('check-in-notice').textContent()).toBe('到场人数已更新。');
    expect((await rosterBooking(page, typed.id)).arrived_adults).toBe(2);
    await page.getByTestId('undo-check-in').click();
    await expect.poll(() => page.getByTestId('check-in-notice').textContent()).toContain('已撤销');
    expect((await rosterBooking(page, typed.id)).checked_in_at).toBeNull();

    // Unknown code, in English.
    await page.goto(`${server.url}/check-in?lang=en`);
    await page.getByLabel('Booking code').fill('AAAA3333');
    await page.getByLabel('Booking code').press('Enter');
    await expect.poll(() => answer.getAttribute('data-kind')).toBe('unknown');
    expect(await answer.textContent()).toContain('Unknown code');

    // A photo of the QR code (the fallback where the camera is refused).
    await page.getByTestId('scan-photo').setInputFiles({
      name: 'qr.gif',
      mimeType: 'image/gif',
      buffer: Buffer.from(encodeQR(photo.code, 'gif', { scale: 8 })),
    });
    await expect.poll(() => answer.getAttribute('data-kind'), { timeout: 15_000 }).toBe('ok');
    expect(await answer.textContent()).toContain(photo.code);
    await page.close();
  });

  it('door staff scan a booking’s QR code with the camera', async () => {
    camera = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${qrVideo(scanned.code)}`,
      ],
    });
    const page = await camera.newPage(PHONE);
    await signIn(page, server.url, door.user.email);
    await page.waitForURL(/\/manage\/staff$/);
    await page.goto(`${server.url}/check-in?slot=${slotId}`);
    await page.getByTestId('check-in-slot').waitFor();
    await page.getByTestId('start-scan').click();
    const answer = page.getByTestId('check-in-answer');
    await expect.poll(() => answer.getAttribute('data-kind'), { timeout: 20_000 }).toBe('ok');
    expect(await answer.textContent()).toContain(scanned.code);
    expect((await rosterBooking(page, scanned.id)).checked_in_at).not.toBeNull();
    await page.close();
  });
});
