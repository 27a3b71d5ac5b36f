import gcoordModule from 'gcoord';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createActor } from '../support/accounts.ts';
import { seriousViolations } from '../support/axe.ts';
import { DESKTOP, hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { buildBooking, buildSlot, buildVenue, DONGCHENG } from '../support/factories.ts';

// gcoord is CommonJS whose types declare a default export (see domain/crs.ts).
const gcoord = gcoordModule as unknown as typeof gcoordModule.default;

/** Where the map opens for the what's-on journey: Dongcheng, where the test venues stand. */
const START = `/?c=${DONGCHENG.lng},${DONGCHENG.lat}&z=13`;

interface ApiVenue {
  id: string;
  name: string;
  lng: number;
  lat: number;
  address: string | null;
  district: { province: string; city: string | null; name: string } | null;
  hours: { days: { holiday: string | null; workday_for: string | null }[] };
}
interface ApiSlot {
  id: string;
  venue: { id: string };
  starts_at: string;
  places_left: { total: number; public: number; school: number };
}

async function api<T>(server: RunningServer, path: string): Promise<T> {
  const response = await fetch(server.url + path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function findVenue(server: RunningServer, name: string): Promise<ApiVenue> {
  const found = await api<{ items: { id: string; name: string }[] }>(
    server,
    `/api/venues?q=${encodeURIComponent(name)}&limit=5`,
  );
  const id = found.items.find((v) => v.name === name)?.id;
  if (!id) throw new Error(`no venue named ${name}`);
  return api<ApiVenue>(server, `/api/venues/${id}`);
}

/** The Shanghai date `days` after today's. */
const shanghaiDay = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** How many lines an element's text takes: the distinct tops of its line boxes. */
function linesOf(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((el) => {
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size;
  });
}

describe.skipIf(!hasChromium).each(journeyEngines('both'))('planning a visit on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  /** A venue with no English name, no slots and known contacts. */
  const plain = { name: '', id: '' };
  /** A slot tomorrow at a second venue, with 3 public places booked and 10 held for schools. */
  const tomorrow = { slotId: '', venueId: '', date: shanghaiDay(1) };
  /** A slot the day after at the same venue whose booking opens only tomorrow. */
  const later = { slotId: '', date: shanghaiDay(2), opensAt: `${shanghaiDay(1)}T01:00:00Z` };

  const prepare = async (database: Database) => {
    const venue = await buildVenue(database.db, {
      nameZh: '开门测试无英文名馆',
      nameEn: null,
      addressZh: '测试路1号',
      openingHours: 'Tu-Su 09:00-17:00; Mo off',
      phone: '010-12345678',
      website: 'https://example.org/kaimen-test',
      email: 'visit@example.org',
    });
    Object.assign(plain, venue);
    const host = await buildVenue(database.db, { nameZh: '开门测试开放日馆', nameEn: 'Kaimen Test Open-Day Hall' });
    const startsAt = new Date(`${tomorrow.date}T02:00:00Z`); // 10:00 in Beijing
    const slot = await buildSlot(database.db, {
      venueId: host.id,
      title: '开门测试开放日',
      startsAt,
      endsAt: new Date(`${tomorrow.date}T04:00:00Z`),
      capacity: 30,
      schoolAllocation: 10,
      allocationReleaseAt: startsAt,
    });
    const parent = await createActor(database, { role: 'parent' });
    await buildBooking(database.db, slot.id, parent.user.id, { places: 3, adults: 1 });
    Object.assign(tomorrow, { slotId: slot.id, venueId: host.id });
    const notYet = await buildSlot(database.db, {
      venueId: host.id,
      title: '开门测试预约未开',
      startsAt: new Date(`${later.date}T02:00:00Z`),
      endsAt: new Date(`${later.date}T04:00:00Z`),
      capacity: 20,
      bookingOpensAt: new Date(later.opensAt),
    });
    later.slotId = notYet.id;
  };

  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), { prepare, ownDatabase: true });

  async function withContext(options: typeof DESKTOP, run: (context: BrowserContext, page: Page) => Promise<void>) {
    const context = await browser.newContext(options);
    try {
      await run(context, await context.newPage());
    } finally {
      await context.close();
    }
  }

  it('opens Amap, Baidu and Apple Maps at the point converted for each, as gcoord converts it, and copies the address', async () => {
    const venue = await findVenue(server, '中国国家博物馆');
    await withContext({ ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] }, async (context, page) => {
      // The apps' sites are outside this closed network: answer for them and read where the browser went.
      await context.route(/^https:\/\/(uri\.amap\.com|api\.map\.baidu\.com|maps\.apple\.com)\//, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>map</title>' }),
      );
      await page.goto(`${server.url}/venues/${venue.id}`);
      const expected = {
        amap: { crs: gcoord.GCJ02, param: 'to', order: 'lnglat' },
        baidu: { crs: gcoord.BD09, param: 'location', order: 'latlng' },
        // Beijing is on the mainland, where Apple Maps reads GCJ-02.
        apple: { crs: gcoord.GCJ02, param: 'daddr', order: 'latlng' },
      } as const;
      for (const [app, want] of Object.entries(expected)) {
        const [popup] = await Promise.all([
          context.waitForEvent('page'),
          page.getByTestId(`directions-${app}`).click(),
        ]);
        await popup.waitForLoadState();
        const url = new URL(popup.url());
        await popup.close();
        const [a, b] = (url.searchParams.get(want.param) ?? '').split(',').map(Number);
        const [lng, lat] = want.order === 'lnglat' ? [a!, b!] : [b!, a!];
        const [refLng, refLat] = gcoord.transform<[number, number]>([venue.lng, venue.lat], gcoord.WGS84, want.crs);
        expect(Math.abs(lng - refLng), `${app} longitude`).toBeLessThanOrEqual(1e-6);
        expect(Math.abs(lat - refLat), `${app} latitude`).toBeLessThanOrEqual(1e-6);
        // Not the stored point: in Beijing every one of these systems is shifted by hundreds of metres.
        expect(Math.abs(lng - venue.lng) + Math.abs(lat - venue.lat), app).toBeGreaterThan(0.003);
      }

      await page.getByTestId('copy-address').click();
      await expect.poll(() => page.getByTestId('copy-status').textContent()).toContain('地址已复制');
      const district = venue.district!;
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(
        `${district.province}${district.city ?? ''}${district.name}${venue.address}`,
      );
    });
  });

  it('says the hours in words in both languages, shows the notes, and folds entry ids and raw codes under provenance', async () => {
    const venue = await findVenue(server, '故宫博物院');
    await withContext(DESKTOP, async (_context, page) => {
      await page.goto(`${server.url}/venues/${venue.id}`);
      const words = page.getByTestId('hours-words');
      expect(await words.textContent()).toContain('4月至10月：周二至周日 08:30–17:00，周一闭馆');
      expect(await words.textContent()).toContain('11月至3月：周二至周日 08:30–16:30，周一闭馆');
      const notes = (await page.getByTestId('venue-notes').innerText()).split('\n');
      expect(notes).toEqual(expect.arrayContaining(['午门入馆', '学生票优惠', '每日限流']));

      // What a parent reads carries neither the entry id nor the OSM code until they open the details.
      const shown = await page.locator('main').innerText();
      expect(shown).not.toContain('bj-002');
      expect(shown).not.toContain('Tu-Su');
      expect(await page.getByTestId('provenance-ref').isVisible()).toBe(false);
      await page.getByTestId('provenance-details').locator('summary').click();
      expect(await page.getByTestId('provenance-ref').isVisible()).toBe(true);
      expect(await page.getByTestId('provenance-ref').textContent()).toBe('bj-002');
      expect(await page.getByTestId('provenance-raw-hours').textContent()).toContain('Apr-Oct Tu-Su 08:30-17:00');

      // The note column is there only when a day of the week has a holiday or make-up-workday mark.
      const marked = venue.hours.days.some((d) => d.holiday !== null || d.workday_for !== null);
      expect(await page.locator('[data-testid="week-hours"] thead th').count()).toBe(marked ? 3 : 2);

      await page.goto(`${server.url}/venues/${venue.id}?lang=en`);
      expect(await page.getByTestId('hours-words').textContent()).toContain('Apr–Oct: Tue–Sun 08:30–17:00, closed Mon');
      const museum = await findVenue(server, '中国国家博物馆');
      await page.goto(`${server.url}/venues/${museum.id}`);
      expect(await page.getByTestId('hours-words').textContent()).toContain('周二至周日 09:00–17:00，周一闭馆');
    });
  });

  it('offers no calendar without slots, shows the contacts, and says "Chinese name only" in English', async () => {
    const slots = await api<{ items: unknown[] }>(server, `/api/venues/${plain.id}/slots`);
    expect(slots.items).toEqual([]);
    await withContext(DESKTOP, async (_context, page) => {
      await page.goto(`${server.url}/venues/${plain.id}`);
      expect(await page.getByTestId('no-slots').isVisible()).toBe(true);
      expect(await page.getByTestId('ics-link').count()).toBe(0);
      expect(await page.getByTestId('contact-phone').getAttribute('href')).toBe('tel:010-12345678');
      expect(await page.getByTestId('contact-email').getAttribute('href')).toBe('mailto:visit@example.org');
      expect(await page.getByTestId('contact-website').getAttribute('href')).toBe('https://example.org/kaimen-test');

      // A venue with slots still offers its calendar.
      await page.goto(`${server.url}/venues/${tomorrow.venueId}`);
      expect(await page.getByTestId('ics-link').count()).toBe(1);

      await page.goto(`${server.url}/venues/${plain.id}?lang=en`);
      expect(await page.getByTestId('venue-name').textContent()).toBe('开门测试无英文名馆');
      expect(await page.getByTestId('name-chinese-only').textContent()).toBe('Chinese name only');
      expect(await page.getByTestId('venue-address').textContent()).toContain('(Address in Chinese only)');
    });
  });

  it("lists the week by day on what's on, reached from the map, with the places the booking core leaves", async () => {
    const near = `${DONGCHENG.lng},${DONGCHENG.lat}`;
    const answer = await api<{ items: ApiSlot[] }>(server, `/api/slots?near=${near}&radius_m=20000&limit=200`);
    const slot = answer.items.find((s) => s.id === tomorrow.slotId);
    expect(slot?.places_left).toEqual({ total: 27, public: 17, school: 10 });

    await withContext(DESKTOP, async (_context, page) => {
      await page.goto(server.url + START);
      const link = page.getByTestId('whats-on-link');
      // The link follows the map's camera once the map reports it.
      await expect.poll(() => link.getAttribute('href'), { timeout: 30_000 }).toContain('near=');
      await link.click();
      await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/whats-on?near=');

      const days = page.getByTestId('whats-on-day');
      expect(await days.count()).toBe(7);
      expect(await days.first().getAttribute('data-date')).toBe(shanghaiDay(0));
      const day = page.locator(`[data-testid="whats-on-day"][data-date="${tomorrow.date}"]`);
      const item = day.locator(`[data-slot-id="${tomorrow.slotId}"]`);
      expect(await item.count()).toBe(1);
      expect(await item.innerText()).toContain('10:00–12:00');
      expect(await item.innerText()).toContain('开门测试开放日');
      expect(await item.getByTestId('whats-on-places').innerText()).toMatch(/公众余位 17\s+学校团体预留 10/);
      expect(await item.getByTestId('whats-on-places').getAttribute('data-booking')).toBe('open');
      // A slot whose booking has not opened says when it opens (09:00 Beijing time tomorrow).
      const notYet = page.locator(
        `[data-testid="whats-on-day"][data-date="${later.date}"] [data-slot-id="${later.slotId}"]`,
      );
      expect(await notYet.getByTestId('whats-on-places').getAttribute('data-booking')).toBe('not-yet');
      expect(await notYet.getByTestId('whats-on-places').innerText()).toMatch(
        /公众余位 20\s+\d+月\d+日 09:00 开放预约/,
      );

      await item.getByRole('link', { name: '开门测试开放日馆' }).click();
      await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(`/venues/${tomorrow.venueId}`);
    });
  });

  it('comes back from a venue page to the list where it was scrolled', async () => {
    await withContext(DESKTOP, async (_context, page) => {
      await page.goto(server.url + START);
      const items = page.getByTestId('venue-item');
      await expect.poll(() => items.count(), { timeout: 30_000 }).toBeGreaterThan(15);
      const item = items.nth(14);
      const name = await item.getByTestId('venue-details-link').getAttribute('aria-label');
      await item.scrollIntoViewIfNeeded();
      const list = page.locator('#results');
      const scrolled = await list.evaluate((el) => el.scrollTop);
      expect(scrolled).toBeGreaterThan(100);

      await item.getByTestId('venue-details-link').click();
      await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/venues/');
      await page.getByTestId('back-to-map').click();
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/');
      await expect.poll(() => list.evaluate((el) => el.scrollTop), { timeout: 15_000 }).toBeGreaterThan(scrolled - 5);
      expect(await list.evaluate((el) => el.scrollTop)).toBeLessThan(scrolled + 5);
      // The venue the person opened is in sight again.
      const again = page.locator(`[data-testid="venue-details-link"][aria-label="${name}"]`).first();
      const inSight = async () => {
        const [link, box] = await Promise.all([again.boundingBox(), list.boundingBox()]);
        return link !== null && box !== null && link.y >= box.y - 1 && link.y + link.height <= box.y + box.height + 1;
      };
      await expect.poll(inSight, { timeout: 15_000 }).toBe(true);
    });
  });

  it('fits English on a 390 px phone: the 中文 pill and "← Back to the map" on one line each', async () => {
    await withContext(PHONE, async (_context, page) => {
      for (const path of [`/venues/${plain.id}?lang=en`, '/whats-on?lang=en']) {
        await page.goto(server.url + path);
        expect((await page.getByTestId('lang-switch').textContent())?.trim(), path).toBe('中文');
        expect(await linesOf(page, 'lang-switch'), path).toBe(1);
        expect(await linesOf(page, 'back-to-map'), path).toBe(1);
        // One line of text in a pill: shorter than two lines of its font.
        const pill = await page.getByTestId('lang-switch').evaluate((el) => ({
          height: el.getBoundingClientRect().height,
          font: parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).fontSize),
        }));
        expect(pill.height, path).toBeLessThan(pill.font * 2.4 + 12);
        expect(await page.evaluate('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(390);
      }
      await page.goto(`${server.url}/?lang=en`);
      expect(await linesOf(page, 'lang-switch')).toBe(1);
      expect(await linesOf(page, 'whats-on-link')).toBe(1);
    });
  });

  it('has no serious accessibility violation on the venue page and what’s on, in both languages', async () => {
    const museum = await findVenue(server, '中国国家博物馆');
    for (const options of [DESKTOP, PHONE]) {
      await withContext(options, async (_context, page) => {
        for (const path of [
          `/venues/${museum.id}`,
          `/venues/${plain.id}?lang=en`,
          '/whats-on',
          `/whats-on?near=${DONGCHENG.lng},${DONGCHENG.lat}&lang=en`,
        ]) {
          await page.goto(server.url + path);
          await page.getByTestId('lang-switch').waitFor();
          expect(await seriousViolations(page), path).toEqual([]);
        }
        await page.goto(`${server.url}/?lang=en`);
        expect(await seriousViolations(page, 'header'), 'home header').toEqual([]);
      });
    }
  });
});
