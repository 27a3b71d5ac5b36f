import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { recentMessages } from '../../db/queries/outbox.ts';
import { createActor } from '../support/accounts.ts';
import { seriousViolations } from '../support/axe.ts';
import { DESKTOP, hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { buildSlot, buildVenue } from '../support/factories.ts';
import { signIn, unlabelledControls } from '../support/journeys.ts';

/**
 * Venue staff accounts, as people use them: a manager invites a door-staff colleague from the staff
 * page; the colleague opens the e-mailed link (the dev mailbox in demo mode, the outbox otherwise), signs
 * up from it on a phone and sees the organisation's slots of the day; the manager removes them, and the
 * colleague's next page load is refused. Axe scans each new page.
 */

const VENUE = '开门员工测试馆（测试数据）';

describe.skipIf(!hasChromium).each(journeyEngines('postgres'))('venue staff accounts on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  /** PostgreSQL: the server's database, to read the outbox (the dev mailbox is for demo mode). */
  let privateDb: Database | undefined;
  let managerEmail = '';

  const prepare = async (database: Database) => {
    if (engine === 'postgres') privateDb = database;
    const manager = await createActor(database, { role: 'venue_manager', name: '员工测试馆长' });
    managerEmail = manager.user.email;
    const venue = await buildVenue(database.db, { managedBy: manager, nameZh: VENUE });
    const now = Date.now();
    await buildSlot(database.db, {
      venueId: venue.id,
      capacity: 30,
      startsAt: new Date(now + 10 * 60_000),
      endsAt: new Date(now + 70 * 60_000),
    });
  };
  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), { prepare, ownDatabase: true });

  /** The invitation link e-mailed to `email`, as a path on this server (the link carries PUBLIC_URL). */
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
    expect(href).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);
    return new URL(href).pathname;
  }

  it('a manager invites door staff, who sign up from the link and see the day’s slots; removed, they are refused', async () => {
    const manager = await browser.newPage(DESKTOP);
    await signIn(manager, server.url, managerEmail);
    await manager.waitForURL(/\/manage$/);
    await manager.getByTestId('staff-link').click();
    await manager.waitForURL(/\/manage\/staff$/);
    await manager.getByTestId('invite-form').waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    expect(await unlabelledControls(manager)).toEqual([]);

    const colleagueEmail = `door-${randomUUID().slice(0, 8)}@staff.kaimen`;
    await manager.getByLabel('同事的邮箱').fill(colleagueEmail);
    await manager.getByTestId('invite-role-door_staff').check();
    await manager.getByRole('button', { name: '发送邀请' }).click();
    await expect.poll(() => manager.getByTestId('invite-status').textContent()).toContain(colleagueEmail);
    const pending = manager.getByTestId('staff-invitation').filter({ hasText: colleagueEmail });
    await expect.poll(() => pending.count()).toBe(1);

    // The colleague, on a phone, opens the link and signs up with the invited email.
    const path = await invitationPath(manager, colleagueEmail);
    const colleague = await browser.newPage(PHONE);
    await colleague.goto(`${server.url}${path}`);
    await colleague.getByTestId('invitation').waitFor();
    expect(await colleague.getByTestId('invitation').textContent()).toContain('现场核验员');
    expect(await colleague.getByLabel('邮箱').inputValue()).toBe(colleagueEmail);
    expect(await seriousViolations(colleague)).toEqual([]);
    await colleague.getByLabel('你的称呼').fill('门口小张');
    await colleague.getByLabel('密码').fill('door-staff-password-1');
    await colleague.getByRole('button', { name: '注册并加入' }).click();

    // They land on the staff page with the organisation's slots of today and each slot's roster.
    await colleague.waitForURL(/\/manage\/staff$/);
    const slot = colleague.getByTestId('staff-slot').filter({ hasText: VENUE });
    await expect.poll(() => slot.count(), { timeout: 15_000 }).toBe(1);
    const roster = await colleague
      .context()
      .request.get(`${server.url}${await slot.getByTestId('roster-json').getAttribute('href')}`);
    expect(roster.status()).toBe(200);
    // Door staff manage nothing: no invitation form, and the venue list sends them back here.
    expect(await colleague.getByTestId('invite-form').count()).toBe(0);
    expect(await seriousViolations(colleague)).toEqual([]);
    await colleague.goto(`${server.url}/manage`);
    await colleague.waitForURL(/\/manage\/staff$/);

    // The manager sees them on the team and removes them.
    await manager.goto(`${server.url}/manage/staff`);
    const member = manager.getByTestId('staff-member').filter({ hasText: colleagueEmail });
    await expect.poll(() => member.getByTestId('member-role').textContent()).toBe('现场核验员');
    await member.getByRole('button', { name: '移除 门口小张' }).click();
    await member.getByTestId('confirm-remove').click();
    await expect.poll(() => manager.getByTestId('staff-status').textContent()).toContain('已移除 门口小张');
    await expect.poll(() => member.count()).toBe(0);

    // The colleague's next page load is refused.
    await colleague.reload();
    await expect.poll(() => colleague.getByTestId('not-staff').count(), { timeout: 15_000 }).toBe(1);
    expect(await colleague.getByTestId('staff-slot').count()).toBe(0);
    const refused = await colleague.context().request.get(`${server.url}/api/staff/slots`);
    expect(refused.status()).toBe(403);

    // The staff page in English, for the manager.
    await manager.goto(`${server.url}/manage/staff?lang=en`);
    await manager.getByRole('heading', { name: 'Invite a colleague' }).waitFor();
    expect(await manager.getByRole('heading', { level: 1 }).textContent()).toBe('Staff');
    expect(await seriousViolations(manager)).toEqual([]);

    await manager.close();
    await colleague.close();
  });
});
