import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { venues } from '../../db/schema/index.ts';
import { recentMessages } from '../../db/queries/outbox.ts';
import { createActor } from '../support/accounts.ts';
import { hasChromium, PHONE, type RunningServer, TALL_DESKTOP, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { buildProgramme } from '../support/factories.ts';
import { focusedTestId, signIn, signOut, unlabelledControls } from '../support/journeys.ts';

/**
 * The consoles beyond the happy path: coordinates pasted from Amap (GCJ-02) are converted, the
 * opening-hours editor writes its string and previews two weeks, unknown accessibility stays unknown,
 * a photo of the wrong type is refused before upload, a bureau's rejection reaches the manager with its
 * reason, a bureau suspends a venue and one of its programmes and finds the venue again by name to
 * reinstate it, and (in demo mode) a password is reset through the dev mailbox.
 */

/** A point near Wangfujing, Dongcheng, as Amap gives it (GCJ-02); its WGS-84 position lies about 600 m west. */
const AMAP_POINT = { lng: 116.4132, lat: 39.9164 };

/** The smallest real PNG: one pixel. */
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A seeded Dongcheng venue the bureau suspends and reinstates, and a programme made for it. */
const LAO_SHE = '老舍纪念馆';
const LAO_SHE_PROGRAMME = '老舍笔下的北京（测试活动）';

/** Ids of the venues the public search finds by this name. */
async function publicSearch(url: string, q: string): Promise<string[]> {
  const response = await fetch(`${url}/api/venues?q=${encodeURIComponent(q)}&limit=50`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { id: string }[] }).items.map((v) => v.id);
}

describe.skipIf(!hasChromium).each(journeyEngines('pglite'))('venue and bureau consoles on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  /** PostgreSQL: the server's database, to read the outbox that demo mode would show on the dev mailbox. */
  let privateDb: Database | undefined;
  let managerEmail = '';
  let bureauEmail = '';
  let laoSheId = '';

  const makeAccounts = async (database: Database) => {
    if (engine === 'postgres') privateDb = database;
    managerEmail = (await createActor(database, { role: 'venue_manager', name: '控制台测试管理员' })).user.email;
    bureauEmail = (await createActor(database, { role: 'bureau', regionPrefix: '110101' })).user.email;
    const [laoShe] = await database.db.select({ id: venues.id }).from(venues).where(eq(venues.nameZh, LAO_SHE));
    laoSheId = laoShe!.id;
    await buildProgramme(database.db, { venueId: laoSheId, titleZh: LAO_SHE_PROGRAMME });
  };
  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), {
    prepare: makeAccounts,
    ownDatabase: true,
  });

  it('converts pasted GCJ-02 coordinates, edits hours and accessibility, refuses a text file, shows a rejection reason', async () => {
    const page = await browser.newPage(PHONE);
    await signIn(page, server.url, managerEmail);
    await page.waitForURL(/\/manage$/);

    // Typed coordinates, the keyboard way, in Amap's system.
    await page.getByLabel('中文名称').fill('午门测试展厅');
    await page.getByTestId('kind-museum').check();
    // The district box suggests districts by name; the chosen suggestion carries the code.
    await page.getByLabel('所在区县（可选）').fill('东城区');
    const suggestion = page.locator('#district-options option');
    await expect.poll(() => suggestion.count()).toBeGreaterThan(0);
    const dongcheng = await suggestion.evaluateAll((options) =>
      options.map((o) => o.getAttribute('value')).find((v) => v?.endsWith(' 110101')),
    );
    expect(dongcheng).toContain('东城区');
    await page.getByLabel('所在区县（可选）').fill(dongcheng!);
    await page.getByLabel('经度', { exact: true }).fill(String(AMAP_POINT.lng));
    await page.getByLabel('纬度', { exact: true }).fill(String(AMAP_POINT.lat));
    await page.getByLabel('坐标系').selectOption('gcj02');
    await expect.poll(() => page.getByTestId('pin-status').textContent()).toContain('GCJ02');
    await page.getByRole('button', { name: '创建场馆' }).click();
    await page.waitForURL(/\/manage\/venues\/[0-9a-f-]{36}$/);
    const venueId = page.url().split('/').pop()!;
    const location = page.getByTestId('location-form');
    await expect.poll(() => location.getByLabel('经度', { exact: true }).inputValue()).not.toBe('');
    const storedLng = Number(await location.getByLabel('经度', { exact: true }).inputValue());
    expect(AMAP_POINT.lng - storedLng).toBeGreaterThan(0.004);
    expect(AMAP_POINT.lng - storedLng).toBeLessThan(0.008);
    expect(await page.getByTestId('location-checked').getAttribute('data-checked')).toBe('true');
    expect(await page.locator('main').textContent()).toContain('110101');

    // Opening hours: the default week (closed Mondays) with public holidays closed, previewed for 14 days.
    const hours = page.getByTestId('hours-form');
    await hours.getByLabel('闭馆', { exact: true }).check();
    await expect.poll(() => hours.getByTestId('opening-hours-string').inputValue()).toBe('Tu-Su 09:00-17:00; PH off');
    await expect
      .poll(() => page.getByTestId('hours-preview').locator('tbody tr').count(), { timeout: 10_000 })
      .toBe(14);
    await hours.getByRole('button', { name: '保存开放时间' }).click();
    await expect.poll(() => hours.getByRole('status').textContent()).toContain('已保存');

    // Accessibility: yes for wheelchairs, the rest left unknown (not "no").
    await page.getByTestId('access-wheelchair').selectOption('yes');
    await page.getByTestId('save-accessibility').click();
    await expect.poll(() => page.locator('#accessibility [role="status"]').textContent()).toContain('已保存');
    await page.reload();
    await expect.poll(() => page.getByTestId('access-wheelchair').inputValue()).toBe('yes');
    expect(await page.getByTestId('access-hearing').inputValue()).toBe('unknown');
    expect(await page.getByTestId('opening-hours-string').inputValue()).toBe('Tu-Su 09:00-17:00; PH off');

    // A text file is not a photo: refused with a reason before anything is sent.
    await page.getByTestId('photo-file').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a picture'),
    });
    await page.getByTestId('photo-form').getByRole('button', { name: '上传' }).click();
    await expect.poll(() => page.getByTestId('photo-error').textContent()).toContain('只能上传');

    // A real PNG (1×1 px) is uploaded and shown; deleting it asks first, and a cancel keeps it.
    await page
      .getByTestId('photo-file')
      .setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await page.getByTestId('photo-form').getByLabel('图片说明').fill('入口');
    await page.getByTestId('photo-form').getByRole('button', { name: '上传' }).click();
    const photo = page.getByTestId('photo');
    await expect.poll(() => photo.count()).toBe(1);
    await expect
      .poll(() => photo.locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(1);
    await photo.getByRole('button', { name: '删除：入口' }).click();
    expect(await page.evaluate('document.activeElement?.textContent')).toContain('删除这张照片？');
    await photo.getByRole('button', { name: '取消' }).click();
    expect(await focusedTestId(page)).toBe('delete-photo');
    expect(await photo.count()).toBe(1);
    await photo.getByTestId('delete-photo').click();
    await photo.getByTestId('confirm-delete-photo').click();
    await expect.poll(() => photo.count()).toBe(0);
    expect(await page.getByTestId('photos-status').textContent()).toContain('照片已删除');

    // A programme is added, then edited in place: only the changed title and price are sent.
    const programmeForm = page.getByTestId('programme-form');
    await programmeForm.getByLabel('活动名称').fill('午门测试讲解');
    await programmeForm.getByRole('button', { name: '添加活动' }).click();
    const added = page.getByTestId('programme').filter({ hasText: '午门测试讲解' });
    await expect.poll(() => added.count()).toBe(1);
    // Held by id: while edited, its name is in an input rather than in its text.
    const programme = page.locator(`[data-programme-id="${await added.getAttribute('data-programme-id')}"]`);
    await programme.getByRole('button', { name: '编辑活动“午门测试讲解”' }).click();
    const editForm = programme.getByTestId('programme-edit-form');
    await editForm.getByLabel('活动名称').fill('午门测试讲解（周末版）');
    await editForm.getByLabel('每人价格（元，0 为免费）').fill('12.5');
    await editForm.getByRole('button', { name: '保存活动' }).click();
    await expect.poll(() => page.getByTestId('programme-title').allTextContents()).toContain('午门测试讲解（周末版）');
    const saved = (await (
      await page.context().request.get(`${server.url}/api/manage/venues/${venueId}/programmes`)
    ).json()) as {
      items: { title_zh: string; price_per_head_fen: number }[];
    };
    expect(saved.items.map((p) => [p.title_zh, p.price_per_head_fen])).toEqual([['午门测试讲解（周末版）', 1250]]);

    // The bureau rejects it with a reason; a reason is required.
    await signOut(page);
    await signIn(page, server.url, bureauEmail);
    await page.waitForURL(/\/bureau$/);
    const queued = page.locator(`[data-testid="queued-venue"][data-venue-id="${venueId}"]`);
    await expect.poll(() => queued.count(), { timeout: 15_000 }).toBe(1);
    await queued.getByTestId('reject-venue').click();
    expect(await focusedTestId(page)).toBe('reject-venue-reason');
    await queued.getByTestId('reject-venue-confirm').click();
    await expect.poll(() => queued.getByRole('alert').textContent()).toContain('请填写原因');
    await page.keyboard.type('地址无法核实，请补充证明材料');
    await queued.getByTestId('reject-venue-confirm').click();
    await expect.poll(() => page.getByTestId('bureau-status').textContent()).toContain('已驳回');

    // The manager sees the rejection and why.
    await signOut(page);
    await signIn(page, server.url, managerEmail);
    await page.waitForURL(/\/manage$/);
    const mine = page.getByTestId('my-venue').filter({ hasText: '午门测试展厅' });
    await expect.poll(() => mine.getByTestId('venue-status').getAttribute('data-verification')).toBe('rejected');
    expect(await mine.getByTestId('review-note').textContent()).toContain('地址无法核实');
    await page.close();
  });

  it('claims a listed venue, gets the claim approved, and drags its approximate pin to the entrance', async () => {
    const page = await browser.newPage(TALL_DESKTOP);
    await signIn(page, server.url, managerEmail);
    await page.waitForURL(/\/manage$/);
    await page.getByLabel('场馆名称').fill('东城区少年宫');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await expect.poll(() => page.getByTestId('claim-status').textContent()).toContain('找到');
    await page.getByTestId('claim-choose').first().click();
    await page.getByLabel('证明材料').fill('东城区少年宫办公室主任，电话 010-00000000');
    await page.getByRole('button', { name: '提交认领申请' }).click();
    await expect.poll(() => page.getByTestId('claim-status').textContent()).toContain('已提交');

    await signOut(page);
    await signIn(page, server.url, bureauEmail);
    await page.waitForURL(/\/bureau$/);
    const claim = page.getByTestId('queued-claim').filter({ hasText: '东城区少年宫' });
    await expect.poll(() => claim.count(), { timeout: 15_000 }).toBe(1);
    expect(await claim.textContent()).toContain('办公室主任');
    await claim.getByRole('button', { name: '通过', exact: true }).click();
    await expect.poll(() => page.getByTestId('bureau-status').textContent()).toContain('已通过');

    await signOut(page);
    await signIn(page, server.url, managerEmail);
    await page.waitForURL(/\/manage$/);
    await page.getByRole('link', { name: '东城区少年宫' }).click();
    await page.waitForURL(/\/manage\/venues\//);
    const checked = page.getByTestId('location-checked');
    await expect.poll(() => checked.getAttribute('data-checked')).toBe('false');
    const location = page.getByTestId('location-form');
    const lngBefore = Number(await location.getByLabel('经度', { exact: true }).inputValue());
    // Drag the pin 80 px east with the mouse, as a person would.
    const marker = location.locator('.maplibregl-marker');
    await expect.poll(() => marker.count(), { timeout: 30_000 }).toBe(1);
    await marker.scrollIntoViewIfNeeded();
    const box = (await marker.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y, { steps: 5 });
    await page.mouse.move(x + 80, y, { steps: 5 });
    await page.mouse.up();
    await expect
      .poll(async () => Number(await location.getByLabel('经度', { exact: true }).inputValue()))
      .toBeGreaterThan(lngBefore);
    await location.getByRole('button', { name: '保存位置' }).click();
    await expect.poll(() => checked.getAttribute('data-checked')).toBe('true');
    await page.close();
  });

  it('suspends a venue and its programme with reasons, finds the hidden venue by name in /bureau and reinstates both', async () => {
    const page = await browser.newPage(PHONE);
    expect(await publicSearch(server.url, LAO_SHE)).toContain(laoSheId);
    await signIn(page, server.url, bureauEmail);
    await page.waitForURL(/\/bureau$/);

    const find = async () => {
      await page.getByLabel('场馆名称').fill('老舍');
      await page.getByTestId('region-venue-find').click();
      const result = page.locator(`[data-testid="region-venue"][data-venue-id="${laoSheId}"]`);
      await expect.poll(() => result.count(), { timeout: 15_000 }).toBe(1);
      return result;
    };
    await (await find()).getByRole('button', { name: `查看“${LAO_SHE}”` }).click();
    const panel = page.getByTestId('oversight');
    await expect.poll(() => panel.getAttribute('data-venue-id')).toBe(laoSheId);
    await expect.poll(() => focusedTestId(page)).toBe('oversight-name');
    expect(await unlabelledControls(page)).toEqual([]);

    // A designation added, then revoked (it stays listed as revoked).
    await panel.getByLabel('称号', { exact: true }).fill('测试科普教育基地');
    await panel.getByRole('button', { name: '添加称号' }).click();
    const designation = panel.getByTestId('designation').filter({ hasText: '测试科普教育基地' });
    await expect.poll(() => designation.getAttribute('data-revoked')).toBe('false');
    await designation.getByRole('button', { name: '撤销称号“测试科普教育基地”' }).click();
    await expect.poll(() => designation.getAttribute('data-revoked')).toBe('true');

    // Suspended with a reason: gone from the public search at once.
    await panel.getByTestId('suspend-venue').click();
    await page.keyboard.type('以研学名义开展学科类培训（测试）');
    await panel.getByTestId('suspend-venue-confirm').click();
    await expect.poll(() => panel.getByTestId('oversight-status').textContent()).toContain('场馆已暂停');
    await expect.poll(() => panel.getByTestId('venue-status').getAttribute('data-status')).toBe('suspended');
    expect(await publicSearch(server.url, LAO_SHE)).not.toContain(laoSheId);

    // Its programme, suspended from the list with its own reason.
    const programme = panel.getByTestId('oversight-programme').filter({ hasText: LAO_SHE_PROGRAMME });
    await programme.getByRole('button', { name: `暂停活动“${LAO_SHE_PROGRAMME}”` }).click();
    await page.keyboard.type('学科类培训');
    await programme.getByTestId('suspend-programme-confirm').click();
    await expect.poll(() => programme.getAttribute('data-status')).toBe('suspended');
    expect(await programme.textContent()).toContain('学科类培训');

    // Later: the public search no longer finds it, but the bureau's search does, marked suspended.
    await page.reload();
    const result = await find();
    expect(await result.getByTestId('venue-status').getAttribute('data-status')).toBe('suspended');
    expect(await result.textContent()).toContain('以研学名义开展学科类培训');
    await result.getByTestId('region-venue-open').click();
    await expect.poll(() => panel.getAttribute('data-venue-id')).toBe(laoSheId);
    await panel.getByTestId('reinstate-venue').click();
    await page.keyboard.type('已停止学科类培训，复查通过');
    await panel.getByTestId('reinstate-venue-confirm').click();
    await expect.poll(() => panel.getByTestId('oversight-status').textContent()).toContain('场馆已恢复');
    await programme.getByRole('button', { name: `恢复活动“${LAO_SHE_PROGRAMME}”` }).click();
    await page.keyboard.type('已改为免费讲解');
    await programme.getByTestId('reinstate-programme-confirm').click();
    await expect.poll(() => programme.getAttribute('data-status')).toBe('published');
    expect(await publicSearch(server.url, LAO_SHE)).toContain(laoSheId);
    // The search list follows the decision.
    await expect.poll(() => result.getByTestId('venue-status').getAttribute('data-status')).toBe('published');
    await page.close();
  });

  it('resets a password with the emailed link (read on the dev mailbox in demo mode)', async () => {
    const page = await browser.newPage(TALL_DESKTOP);
    await page.goto(`${server.url}/reset-password`);
    await page.getByLabel('邮箱').fill(managerEmail);
    await page.getByRole('button', { name: '发送重设链接' }).click();
    await expect.poll(() => page.getByTestId('reset-status').textContent()).toContain('重设链接已经发出');
    await page.getByRole('link', { name: '开发邮箱' }).first().click();
    await page.waitForURL(/\/dev\/mailbox$/);
    expect(await page.getByTestId('mailbox-notice').textContent()).toContain('开发用的邮箱');
    let href: string;
    if (engine === 'pglite') {
      const mail = page.getByTestId('mail').filter({ hasText: managerEmail }).first();
      await expect.poll(() => mail.count()).toBe(1);
      href = (await mail.locator('a').first().getAttribute('href'))!;
    } else {
      // Outside demo mode the page says the mailbox is off, and the message waits in the outbox.
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('只在演示模式');
      // The reset is written just after the answer (which takes as long whether the account exists or not),
      // and the manager has other messages: wait for this one.
      const resetMessage = async () =>
        (await recentMessages(privateDb!.db)).find((m) => m.recipient === managerEmail && m.topic === 'password_reset');
      await expect.poll(resetMessage).toBeDefined();
      href = /https?:\/\/\S+/.exec((await resetMessage())!.body)![0];
    }
    // The link carries PUBLIC_URL (another port in tests); follow its path on this server.
    const link = new URL(href);
    await page.goto(`${server.url}${link.pathname}${link.search}`);
    await page.getByLabel('新密码').fill('a brand new password');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await expect.poll(() => page.getByTestId('reset-status').textContent()).toContain('密码已更新');
    await signIn(page, server.url, managerEmail, 'a brand new password');
    await page.waitForURL(/\/manage$/);
    await page.close();
  });
});
