import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { organisationInvitations } from '../../db/schema/index.ts';
import { hashToken, randomToken } from '../../server/auth/tokens.ts';
import { runCommand } from '../../server/commands/actor.ts';
import { createBooking } from '../../server/commands/create-booking.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { seriousViolations } from '../support/axe.ts';
import { DESKTOP, hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { actorOf, buildSlot, buildVenue, buildVerifiedSchool, DONGCHENG } from '../support/factories.ts';

/**
 * An accessibility sweep of the booking pages (issue 12, "every action works by keyboard"): What's on,
 * a slot's bookings, the door's check-in, the staff page, an invitation and My bookings, at phone and
 * desktop widths, each with no serious or critical axe finding and every control of the page reached
 * by Tab alone; the main action of each is then done with the keyboard.
 */

const VENUE = '开门无障碍测试馆（测试数据）';
const TODAY_SLOT = '今日无障碍测试场（测试）';

/**
 * The page's visible controls that Tab never reaches, walking the whole tab order from the top. A
 * radio group counts as reached when one of its radios is (arrow keys move within it).
 */
async function tabSweep(page: Page): Promise<{ controls: number; missed: string[] }> {
  const total = (await page.evaluate(`(() => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((el) => !el.disabled && el.tabIndex >= 0 && visible(el) && !el.closest('[inert], [aria-hidden="true"]'));
    controls.forEach((el, i) => el.setAttribute('data-kb', String(i)));
    document.activeElement?.blur?.();
    window.__kbSeen = new Set();
    document.addEventListener('focusin', (e) => {
      const el = e.target.closest('[data-kb]');
      if (el) window.__kbSeen.add(el.getAttribute('data-kb'));
    });
    return controls.length;
  })()`)) as number;
  await page.evaluate(`window.scrollTo(0, 0)`);
  for (let i = 0; i < total + 15; i++) await page.keyboard.press('Tab');
  const missed = (await page.evaluate(`(() => {
    const seen = window.__kbSeen;
    const radiosSeen = new Set([...document.querySelectorAll('input[type=radio][data-kb]')]
      .filter((el) => seen.has(el.getAttribute('data-kb'))).map((el) => el.name));
    return [...document.querySelectorAll('[data-kb]')]
      .filter((el) => !seen.has(el.getAttribute('data-kb')))
      .filter((el) => !(el.type === 'radio' && radiosSeen.has(el.name)))
      .map((el) => el.outerHTML.slice(0, 140));
  })()`)) as string[];
  return { controls: total, missed };
}

describe.skipIf(!hasChromium).each(journeyEngines('postgres'))(
  'the booking pages by keyboard and with axe on %s',
  (engine) => {
    let server: RunningServer;
    let browser: Browser;
    let parent: TestActor;
    let manager: TestActor;
    let door: TestActor;
    let slotId = '';
    let code = '';
    let requestId = '';
    let requestCode = '';
    const token = randomToken();

    const prepare = async (database: Database) => {
      parent = await createActor(database, { role: 'parent', name: '无障碍测试家长' });
      manager = await createActor(database, { role: 'venue_manager', name: '无障碍测试馆长' });
      door = await createActor(database, {
        role: 'venue_manager',
        name: '无障碍测试核验员',
        organisationId: manager.organisationId!,
        staffRole: 'door_staff',
      });
      const venue = await buildVenue(database.db, { managedBy: manager, nameZh: VENUE, place: DONGCHENG });
      const now = Date.now();
      slotId = (
        await buildSlot(database.db, {
          venueId: venue.id,
          title: TODAY_SLOT,
          capacity: 30,
          startsAt: new Date(now + 10 * 60_000),
          endsAt: new Date(now + 70 * 60_000),
        })
      ).id;
      const booking = await runCommand(database.db, createBooking, actorOf(parent), {
        slot_id: slotId,
        kind: 'family',
        adults: 1,
        children_by_band: { '0-5': 0, '6-12': 1, '13-17': 0 },
      });
      code = booking.code;
      // A class's request, waiting for the venue's approval (groups wait by default).
      const school = await buildVerifiedSchool(database.db);
      const teacher = await createActor(database, { role: 'teacher', schoolId: school.id, name: '无障碍测试教师' });
      const request = await runCommand(database.db, createBooking, actorOf(teacher), {
        slot_id: slotId,
        kind: 'group',
        school_id: school.id,
        pupils: 20,
        adults: 2,
        grade: 3,
        access_needs: [],
      });
      requestId = request.id;
      requestCode = request.code;
      await database.db.insert(organisationInvitations).values({
        organisationId: manager.organisationId!,
        email: `invited-${now}@test.kaimen`,
        role: 'door_staff',
        tokenHash: hashToken(token),
        invitedBy: manager.user.id,
        expiresAt: new Date(now + 7 * 86_400_000),
      });
    };
    withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), { prepare, ownDatabase: true });

    /** A page of `options`, signed in as `actor` (none: signed out). */
    async function open(options: BrowserContextOptions, actor: TestActor | null, path: string, ready: string) {
      const context = await browser.newContext(options);
      if (actor) {
        const [name, value] = actor.headers.cookie.split('=') as [string, string];
        await context.addCookies([{ name, value, url: server.url }]);
      }
      const page = await context.newPage();
      await page.goto(server.url + path);
      await page.getByTestId(ready).first().waitFor();
      return { page, close: () => context.close() };
    }

    const pages = () =>
      [
        { path: `/whats-on?near=${DONGCHENG.lng},${DONGCHENG.lat}`, actor: null, ready: 'whats-on-slot' },
        { path: `/manage/slots/${slotId}`, actor: manager, ready: 'roster-booking' },
        { path: `/check-in?slot=${slotId}`, actor: door, ready: 'code-input' },
        { path: '/manage/staff', actor: manager, ready: 'invite-form' },
        { path: `/invite/${token}`, actor: null, ready: 'invitation' },
        { path: '/bookings', actor: parent, ready: 'my-booking' },
      ] as const;

    for (const [width, options] of [
      ['390 px', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      it(`has no serious axe finding and reaches every control by Tab, at ${width}`, async () => {
        const findings: Record<string, string[]> = {};
        for (const { path, actor, ready } of pages()) {
          const { page, close } = await open(options, actor, path, ready);
          try {
            const sweep = await tabSweep(page);
            const problems = [
              ...(await seriousViolations(page)).map((v) => `axe ${v}`),
              ...sweep.missed.map((c) => `not reached by Tab: ${c}`),
              // Every page has its header's links and its own actions: a sweep that found none saw nothing.
              ...(sweep.controls < 3 ? [`only ${sweep.controls} controls found`] : []),
            ];
            if (problems.length > 0) findings[path] = problems;
          } finally {
            await close();
          }
        }
        expect(findings).toEqual({});
      });
    }

    it('checks a code in at the door with the keyboard alone, and undoes it', async () => {
      const { page, close } = await open(PHONE, door, `/check-in?slot=${slotId}`, 'code-input');
      try {
        await page.getByTestId('code-input').focus();
        await page.keyboard.type(code.toLowerCase());
        await page.keyboard.press('Enter');
        await expect
          .poll(() => page.getByTestId('check-in-answer').getAttribute('data-kind'), { timeout: 15_000 })
          .toBe('ok');
        // The slot's list says when they arrived, once ("入场: 10:02", not "入场: 10:02 入场").
        const roster = await page.context().newPage();
        await roster.goto(`${server.url}/manage/slots/${slotId}`);
        const row = roster.locator(`[data-testid="roster-booking"][data-code="${code}"]`);
        await row.waitFor();
        expect(await row.textContent()).toMatch(/入场: \d\d:\d\d\s*$/);
        await roster.close();
        await page.getByTestId('undo-check-in').focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByTestId('check-in-notice').textContent()).toContain(code);
      } finally {
        await close();
      }
    });

    it('reads a slot’s bookings again after a refused decision, and says why in words', async () => {
      const { page, close } = await open(DESKTOP, manager, `/manage/slots/${slotId}`, 'roster-booking');
      try {
        const row = page.locator(`[data-testid="roster-booking"][data-code="${requestCode}"]`);
        expect(await row.getAttribute('data-status')).toBe('pending');
        expect(await page.getByTestId('count-pending').textContent()).toContain('1');
        // Another manager declines the request meanwhile, from another window.
        const declined = await fetch(`${server.url}/api/bookings/${requestId}/decline`, {
          method: 'POST',
          headers: { ...manager.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ reason: '当天闭馆（测试）' }),
        });
        expect(declined.status).toBe(200);
        await row.getByTestId('approve').click();
        await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('已经处理过了');
        await expect.poll(() => row.getAttribute('data-status')).toBe('declined');
        expect(await page.getByTestId('count-pending').textContent()).toContain('0');
      } finally {
        await close();
      }
    });

    it('leads on from an invitation link that does not work: to sign in, or to the map', async () => {
      const { page, close } = await open(PHONE, null, '/invite/not-a-real-invitation', 'invitation-error');
      try {
        expect(await page.getByTestId('invitation-error').textContent()).toContain('邀请链接无效');
        await page.getByTestId('invitation-way-on').getByRole('link', { name: '登录查看团队' }).click();
        await page.waitForURL(/\/login\?next=%2Fmanage%2Fstaff$/);
      } finally {
        await close();
      }
    });

    it('invites a colleague with the keyboard alone on the staff page', async () => {
      const { page, close } = await open(PHONE, manager, '/manage/staff', 'invite-form');
      const email = `keyboard-${Date.now()}@test.kaimen`;
      try {
        await page.getByLabel('同事的邮箱').focus();
        await page.keyboard.type(email);
        await page.keyboard.press('Tab');
        // The role radios: arrow keys move between co-manager and door staff.
        await page.keyboard.press('ArrowDown');
        expect(await page.getByTestId('invite-role-co_manager').isChecked()).toBe(true);
        await page.keyboard.press('ArrowUp');
        expect(await page.getByTestId('invite-role-door_staff').isChecked()).toBe(true);
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByTestId('invite-status').textContent()).toContain(email);
        expect(await page.getByTestId('staff-invitation').filter({ hasText: email }).count()).toBe(1);
      } finally {
        await close();
      }
    });

    it('books from What’s on with the keyboard: the Book link opens the slot', async () => {
      const { page, close } = await open(
        PHONE,
        parent,
        `/whats-on?near=${DONGCHENG.lng},${DONGCHENG.lat}`,
        'whats-on-slot',
      );
      try {
        await page.locator(`[data-slot-id="${slotId}"]`).getByTestId('whats-on-book').focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(new RegExp(`/book/${slotId}`));
        await page.getByTestId('book-slot').waitFor();
      } finally {
        await close();
      }
    });
  },
);
