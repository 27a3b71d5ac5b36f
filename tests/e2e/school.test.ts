import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Database } from '../../db/client.ts';
import { createActor } from '../support/accounts.ts';
import { hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { buildSchool } from '../support/factories.ts';
import { signIn, signOut } from '../support/journeys.ts';

/**
 * The school admin's journey of PRODUCT.md: a teacher signs up choosing their school with the picker
 * and waits for confirmation; the school's admin confirms them on /school; the teacher is then an
 * approved member. On a phone-sized screen.
 */

const SCHOOL = '开门测试实验小学';

/** The signed-in user's school memberships, as GET /api/me answers them (the page's cookies go along). */
async function myMemberships(page: Page): Promise<{ name: string; role: string; status: string }[]> {
  const response = await page.context().request.get(`${new URL(page.url()).origin}/api/me`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { schools: { name: string; role: string; status: string }[] }).schools;
}

describe.skipIf(!hasChromium).each(journeyEngines('pglite'))('school admin confirms a teacher on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let adminEmail = '';

  const makeSchool = async (database: Database) => {
    const school = await buildSchool(database.db, { name: SCHOOL });
    adminEmail = (await createActor(database, { role: 'school_admin', schoolId: school.id, name: '王校长（测试）' }))
      .user.email;
  };
  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), { prepare: makeSchool, ownDatabase: true });

  it('signs a teacher up with the school picker, the school admin confirms them, the teacher is approved', async () => {
    const page = await browser.newPage(PHONE);
    const teacherEmail = `teacher-${randomUUID().slice(0, 8)}@school.kaimen`;
    const teacherPassword = 'teacher-password-1';

    // Sign up as a teacher, finding the school by part of its name.
    await page.goto(`${server.url}/register`);
    await page.getByTestId('role-teacher').check();
    await page.getByLabel('你的称呼').fill('李老师');
    await page.getByLabel('邮箱').fill(teacherEmail);
    await page.getByLabel('密码').fill(teacherPassword);
    await page.getByLabel('搜索学校名称').fill('实验小学');
    const option = page.getByTestId('school-picker').getByLabel(SCHOOL);
    await expect.poll(() => option.count(), { timeout: 10_000 }).toBe(1);
    await option.check();
    await expect.poll(() => page.getByTestId('school-picker').getByRole('status').textContent()).toContain(SCHOOL);
    await page.getByRole('button', { name: '注册并登录' }).click();

    // The teacher lands on /school and sees the membership waiting; GET /api/me says the same.
    await page.waitForURL(/\/school$/);
    const mine = page.getByTestId('my-membership').filter({ hasText: SCHOOL });
    await expect.poll(() => mine.getAttribute('data-status')).toBe('pending');
    expect(await mine.textContent()).toContain('等待确认');
    expect(await myMemberships(page)).toEqual([
      {
        id: expect.any(String),
        name: SCHOOL,
        role: 'teacher',
        status: 'pending',
        verification_status: 'pending',
        lng: null,
        lat: null,
      },
    ]);
    expect(await page.getByTestId('school-members').count()).toBe(0);

    // The school admin confirms them.
    await signOut(page);
    await signIn(page, server.url, adminEmail);
    await page.waitForURL(/\/school$/);
    expect(await page.getByTestId('nav-school').getAttribute('aria-current')).toBe('page');
    const members = page.getByTestId('school-members');
    const teacher = members.locator(`[data-testid="school-member"][data-email="${teacherEmail}"]`);
    await expect.poll(() => teacher.getAttribute('data-status'), { timeout: 10_000 }).toBe('pending');
    expect(await members.textContent()).toContain('1 位教师等待确认');
    await teacher.getByRole('button', { name: '确认 李老师 为本校教师' }).click();
    await expect.poll(() => members.getByTestId('members-status').textContent()).toContain('已确认 李老师');
    await expect.poll(() => teacher.getAttribute('data-status')).toBe('approved');
    expect(await teacher.getByRole('button').count()).toBe(0);

    // Back as the teacher: confirmed.
    await signOut(page);
    await signIn(page, server.url, teacherEmail, teacherPassword);
    await page.waitForURL(/\/school$/);
    await expect.poll(() => mine.getAttribute('data-status')).toBe('approved');
    expect((await myMemberships(page))[0]?.status).toBe('approved');
    await page.close();
  });
});
