import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createActor } from '../support/accounts.ts';
import { DESKTOP, hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { buildSchool } from '../support/factories.ts';
import { listSettled, signIn, signOut, unlabelledControls } from '../support/journeys.ts';

/**
 * Issue 9's journey, in Chromium against the built app: a school admin signs up and registers the
 * school, placing it with a click on the map; the district's bureau verifies it in its queue; a
 * teacher signs up choosing it; the school admin confirms the teacher; the teacher's map then opens
 * around the school, marks it, and says how far each venue is from it. The school admin works on a
 * phone-sized screen. The journey writes, so on PostgreSQL it runs on a database of its own.
 */

/** Dongcheng district (东城区, 110101): the pin picker opens here and this bureau oversees it. */
const DONGCHENG = '110101';
/** A school already listed (as an import would list it), with no admin yet: claimed in the second journey. */
const LISTED_SCHOOL = '开门测试东城第二中学';

interface MySchool {
  id: string;
  name: string;
  role: string;
  status: string;
  verification_status: string;
  lng: number | null;
  lat: number | null;
}

/** The signed-in user's schools, as GET /api/me answers them (the page's cookies go along). */
async function mySchools(page: Page): Promise<MySchool[]> {
  const response = await page.context().request.get(`${new URL(page.url()).origin}/api/me`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { schools: MySchool[] }).schools;
}

/** Nothing on the page is wider than the window (a 390 px phone must not scroll sideways). */
function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
}

/** A "lng,lat" query parameter of the page's address, as numbers. */
function pointParam(page: Page, name: string): [number, number] | null {
  const value = new URL(page.url()).searchParams.get(name);
  if (!value) return null;
  const [lng, lat] = value.split(',').map(Number);
  return lng === undefined || lat === undefined ? null : [lng, lat];
}

describe.skipIf(!hasChromium).each(journeyEngines('postgres'))('a school joins Kaimen on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let bureauEmail = '';

  const makeBureau = async (database: Database) => {
    bureauEmail = (await createActor(database, { role: 'bureau', regionPrefix: DONGCHENG, name: '东城区教委（测试）' }))
      .user.email;
    await buildSchool(database.db, { name: LISTED_SCHOOL, kind: 'junior_secondary', grades: [7, 8, 9] });
  };
  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), { prepare: makeBureau, ownDatabase: true });

  it('registers a school on the map, the bureau verifies it, a teacher joins and their map opens at the school', async () => {
    const tag = randomUUID().slice(0, 8);
    const schoolName = `开门测试实验小学${tag}`;
    const admin = { email: `school-admin-${tag}@journey.kaimen`, password: 'school-admin-password-1' };
    const teacher = { email: `teacher-${tag}@journey.kaimen`, password: 'teacher-password-1' };
    const phone = await browser.newContext(PHONE);
    const page = await phone.newPage();

    // A school admin signs up: no school is picked; they land on /school to register or claim one.
    await page.goto(`${server.url}/register`);
    await page.getByTestId('role-school_admin').check();
    expect(await page.getByTestId('school-picker').count()).toBe(0);
    await page.getByLabel('你的称呼').fill('王校长');
    await page.getByLabel('邮箱').fill(admin.email);
    await page.getByLabel('密码').fill(admin.password);
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.waitForURL(/\/school$/);
    await expect.poll(() => page.getByTestId('no-school').count(), { timeout: 10_000 }).toBe(1);
    expect(await unlabelledControls(page)).toEqual([]);

    // Registers the school: the kind presets the grades; the pin is placed with a click on the map.
    const form = page.getByTestId('register-school-form');
    await form.getByLabel('学校名称（中文）').fill(schoolName);
    await form.getByLabel('学校名称（英文）').fill(`Kaimen Test Primary ${tag}`);
    await form.getByLabel('学校类型').selectOption('primary');
    for (const grade of [1, 6]) expect(await form.getByTestId(`grade-${grade}`).isChecked()).toBe(true);
    expect(await form.getByTestId('grade-7').isChecked()).toBe(false);
    await form.getByLabel('地址（中文）').fill('北京市东城区测试胡同 9 号');
    // The district by name: the chosen suggestion carries its code and shows the district on the map.
    const district = form.getByLabel('所在区县（选填）');
    await district.fill('东城区');
    const suggestion = form.locator('datalist option');
    await expect.poll(() => suggestion.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const values = await suggestion.evaluateAll((options) => options.map((o) => o.getAttribute('value')));
    const dongcheng = values.find((v) => v?.endsWith(` ${DONGCHENG}`));
    await district.fill(dongcheng!);
    const map = form.getByTestId('pin-map');
    await expect.poll(() => map.locator('canvas').count(), { timeout: 30_000 }).toBe(1);
    await map.locator('canvas').click();
    await expect.poll(() => form.getByTestId('pin-status').textContent()).toContain('经度 116.');
    const pinned = [
      Number(await form.getByTestId('lng').inputValue()),
      Number(await form.getByTestId('lat').inputValue()),
    ];
    await form.getByLabel('学生人数（选填）').fill('640');
    await form.getByLabel('联系人姓名').fill('王校长');
    await form.getByLabel('联系电话').fill('010-6512 3456');
    expect(await fitsWidth(page)).toBe(true);
    await form.getByRole('button', { name: '提交登记' }).click();

    // It waits for the bureau; the admin is its approved admin.
    const mine = page.getByTestId('my-school');
    await expect.poll(() => mine.getAttribute('data-verification'), { timeout: 10_000 }).toBe('pending');
    expect(await mine.textContent()).toContain(schoolName);
    expect(await mine.textContent()).toContain('等待教育局核实');
    expect(await fitsWidth(page)).toBe(true);
    const schoolId = (await mine.getAttribute('data-school-id'))!;
    const registered = (await mySchools(page)).find((s) => s.id === schoolId);
    expect(registered).toMatchObject({ name: schoolName, role: 'school_admin', status: 'approved' });
    expect(registered?.lng).toBeCloseTo(pinned[0]!, 5);
    expect(registered?.lat).toBeCloseTo(pinned[1]!, 5);
    expect(await mine.getByTestId('school-district-name').textContent()).toBe('东城区');
    const schoolPoint: [number, number] = [registered!.lng!, registered!.lat!];

    // The district's bureau sees it in its queue, with its district and address, and verifies it.
    await signOut(page);
    await signIn(page, server.url, bureauEmail);
    await page.waitForURL(/\/bureau$/);
    const queued = page.locator(`[data-testid="queued-school"][data-school-id="${schoolId}"]`);
    await expect.poll(() => queued.count(), { timeout: 15_000 }).toBe(1);
    expect(await queued.textContent()).toContain('北京市东城区测试胡同 9 号');
    expect(await queued.textContent()).toContain('王校长');
    expect(await unlabelledControls(page)).toEqual([]);
    // The point on a small map, on request.
    await queued.getByRole('button', { name: '在地图上查看' }).click();
    await expect.poll(() => queued.getByTestId('venue-map').locator('canvas').count(), { timeout: 30_000 }).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    await queued.getByRole('button', { name: `核实通过 ${schoolName}` }).click();
    await expect.poll(() => page.getByTestId('bureau-status').textContent()).toContain(`已核实“${schoolName}”`);
    await expect.poll(() => queued.count()).toBe(0);
    await signOut(page);

    // A teacher signs up choosing the school, now verified.
    await page.goto(`${server.url}/register`);
    await page.getByTestId('role-teacher').check();
    await page.getByLabel('你的称呼').fill('李老师');
    await page.getByLabel('邮箱').fill(teacher.email);
    await page.getByLabel('密码').fill(teacher.password);
    await page.getByLabel('搜索学校名称').fill(tag);
    const option = page.getByTestId('school-picker').getByLabel(schoolName);
    await expect.poll(() => option.count(), { timeout: 10_000 }).toBe(1);
    expect(await option.getAttribute('data-verification')).toBe('verified');
    await option.check();
    expect(await page.getByTestId('school-pending-note').count()).toBe(0);
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.waitForURL(/\/school$/);
    await expect.poll(async () => (await mySchools(page))[0]?.status).toBe('pending');

    // The school admin confirms the teacher; their school now shows as verified.
    await signOut(page);
    await signIn(page, server.url, admin.email, admin.password);
    await page.waitForURL(/\/school$/);
    await expect.poll(() => mine.getAttribute('data-verification'), { timeout: 10_000 }).toBe('verified');
    const members = page.locator(`[data-testid="school-members"][data-school-id="${schoolId}"]`);
    const member = members.locator(`[data-testid="school-member"][data-email="${teacher.email}"]`);
    await expect.poll(() => member.getAttribute('data-status'), { timeout: 10_000 }).toBe('pending');
    await member.getByRole('button', { name: '确认 李老师 为本校教师' }).click();
    await expect.poll(() => member.getAttribute('data-status')).toBe('approved');

    // Editing the verified school warns what sends it back to review; a new pupil count does not.
    await mine.getByRole('button', { name: '修改学校信息' }).click();
    const edit = mine.getByTestId('edit-school-form');
    expect(await edit.getByTestId('review-warning').textContent()).toContain('500 米');
    await edit.getByLabel('学生人数（选填）').fill('650');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => edit.getByTestId('school-form-status').textContent()).toBe('已保存。');
    expect(await mine.getAttribute('data-verification')).toBe('verified');
    expect(await mine.textContent()).toContain('650');
    await signOut(page);
    await phone.close();

    // The teacher's map opens around the school, marks it, and lists venues with their distance from it.
    const desktop = await browser.newContext(DESKTOP);
    const home = await desktop.newPage();
    await signIn(home, server.url, teacher.email, teacher.password);
    expect((await mySchools(home))[0]).toMatchObject({
      id: schoolId,
      status: 'approved',
      verification_status: 'verified',
    });
    await home.goto(`${server.url}/`);
    await expect.poll(() => pointParam(home, 'near'), { timeout: 20_000 }).not.toBeNull();
    const near = pointParam(home, 'near')!;
    expect(near[0]).toBeCloseTo(schoolPoint[0], 4);
    expect(near[1]).toBeCloseTo(schoolPoint[1], 4);
    await expect.poll(() => pointParam(home, 'c'), { timeout: 20_000 }).not.toBeNull();
    const centre = pointParam(home, 'c')!;
    expect(centre[0]).toBeCloseTo(schoolPoint[0], 3);
    expect(centre[1]).toBeCloseTo(schoolPoint[1], 3);
    const marker = home.getByTestId('school-marker');
    await expect.poll(() => marker.count(), { timeout: 20_000 }).toBe(1);
    expect(await marker.getAttribute('aria-label')).toBe(`我的学校：${schoolName}`);
    await expect.poll(() => listSettled(home, ['near=']), { timeout: 20_000 }).toBe(true);
    const distances = home.getByTestId('venue-school-distance');
    await expect.poll(() => distances.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await distances.first().textContent()).toMatch(/^距学校 \d+(\.\d)? (米|公里)$/);
    // Venues come nearest first from the school (within a metre: the list measures from the URL's rounding).
    const metres: number[] = [];
    for (let i = 0; i < Math.min(10, await distances.count()); i++) {
      metres.push(Number(await distances.nth(i).getAttribute('data-distance-m')));
    }
    metres.slice(1).forEach((m, i) => expect(m).toBeGreaterThanOrEqual(metres[i]! - 2));
    await desktop.close();
  });

  it('claims a listed school: the bureau reads the evidence and approves, and the claimant then manages it', async () => {
    const tag = randomUUID().slice(0, 8);
    const claimant = { email: `claimant-${tag}@journey.kaimen`, password: 'claimant-password-1' };
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();

    await page.goto(`${server.url}/register`);
    await page.getByTestId('role-school_admin').check();
    await page.getByLabel('你的称呼').fill('赵主任');
    await page.getByLabel('邮箱').fill(claimant.email);
    await page.getByLabel('密码').fill(claimant.password);
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.waitForURL(/\/school$/);

    // Finds the school by part of its name and claims it with evidence.
    await page.getByLabel('学校名称', { exact: true }).fill('东城第二');
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByRole('button', { name: `认领这所学校：${LISTED_SCHOOL}` }).click();
    const evidence = '教务处主任，学校办公电话 010-6400 0000';
    await page.getByLabel('你与学校的关系').fill(evidence);
    await page.getByRole('button', { name: '提交认领' }).click();
    await expect.poll(() => page.getByTestId('school-claim-status').textContent()).toContain('等待教育局审核');
    const claim = page.getByTestId('my-school-claim').filter({ hasText: LISTED_SCHOOL });
    await expect.poll(() => claim.getAttribute('data-status'), { timeout: 10_000 }).toBe('pending');

    // The bureau sees the claimant and the evidence, and approves.
    await signOut(page);
    await signIn(page, server.url, bureauEmail);
    await page.waitForURL(/\/bureau$/);
    const queued = page.getByTestId('queued-school-claim').filter({ hasText: LISTED_SCHOOL });
    await expect.poll(() => queued.count(), { timeout: 15_000 }).toBe(1);
    expect(await queued.textContent()).toContain(evidence);
    expect(await queued.textContent()).toContain(claimant.email);
    await queued.getByRole('button', { name: `通过认领：${LISTED_SCHOOL}` }).click();
    await expect
      .poll(() => page.getByTestId('bureau-status').textContent())
      .toContain(`已通过对“${LISTED_SCHOOL}”的认领`);
    await expect.poll(() => queued.count()).toBe(0);

    // The claimant now manages the school, and sees their claim approved.
    await signOut(page);
    await signIn(page, server.url, claimant.email, claimant.password);
    await page.waitForURL(/\/school$/);
    const school = page.getByTestId('my-school').filter({ hasText: LISTED_SCHOOL });
    await expect.poll(() => school.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => claim.getAttribute('data-status')).toBe('approved');
    expect(await page.getByTestId('school-members').filter({ hasText: LISTED_SCHOOL }).count()).toBe(1);
    await context.close();
  });
});
