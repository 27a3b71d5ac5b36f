import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { readCsvRecords } from '../../server/services/import/csv.ts';
import { createActor } from '../support/accounts.ts';
import { hasChromium, type RunningServer, TALL_DESKTOP, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { signIn, unlabelledControls } from '../support/journeys.ts';

/**
 * The administrator's import journey in Chromium against the built app: an admin signs in, uploads a CSV
 * of ~1,500 real US museums (IMLS Museum Universe Data File, ../shared/data/us-museums) with a few rows
 * broken on purpose, maps its columns, follows the progress bar to the end, reads the counts and the bad
 * rows with their line numbers, then reads the audit log. Non-admins are told the page is for admins.
 * The import writes, so on PostgreSQL the server runs on a database of its own.
 */

const MUSEUMS = fileURLToPath(
  new URL('../../../shared/data/us-museums/us_imls_museums_mudf_2014q3.csv', import.meta.url),
);
const ROWS = 1500;

/** A broken row: which line of the upload it lands on, and the row error code the server must give it. */
interface BrokenRow {
  line: number;
  code: string;
}

const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

/**
 * The first ROWS museums (real data; newlines inside fields flattened, so each record is one line and
 * line numbers are easy to predict), with five of them broken in known ways.
 */
function museumsCsv(): { csv: string; broken: BrokenRow[]; header: string[] } {
  const records = readCsvRecords(readFileSync(MUSEUMS, 'utf8'));
  const header = records.next().value!.fields!;
  const col = (name: string) => header.indexOf(name);
  const rows: string[][] = [];
  for (const record of records) {
    if (record.fields) rows.push(record.fields.map((f) => f.replace(/\s*[\r\n]+\s*/g, ' ')));
    if (rows.length === ROWS) break;
  }
  // Row index i is on line i + 2 (the header is line 1).
  const broken: BrokenRow[] = [];
  const breakRow = (index: number, code: string, change: (row: string[]) => string[]) => {
    rows[index] = change([...rows[index]!]);
    broken.push({ line: index + 2, code });
  };
  breakRow(10, 'NAME_REQUIRED', (r) => ((r[col('name')] = ''), (r[col('altname')] = ''), r));
  breakRow(200, 'INVALID_NUMBER', (r) => ((r[col('latitude')] = 'north-ish'), r));
  breakRow(640, 'COORDINATE_OUT_OF_RANGE', (r) => ((r[col('longitude')] = '200.5'), r));
  breakRow(999, 'UNKNOWN_KIND', (r) => ((r[col('discipl')] = 'XYZ'), r));
  breakRow(1333, 'COLUMN_COUNT', (r) => r.slice(0, 5));
  const csv = [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  return { csv, broken, header };
}

/** Registers a parent through the API (an audited write) and signs them in within `context`. */
async function registerParent(context: BrowserContext, url: string): Promise<string> {
  const email = `parent-${randomUUID().slice(0, 8)}@journey.kaimen`;
  const password = 'journey-password-1';
  const res = await context.request.post(`${url}/api/auth/register`, {
    data: { email, password, display_name: '测试家长', role: 'parent' },
  });
  // A sign-up answers 202 without a session, whether or not the address was free (docs/SECURITY.md).
  expect(res.status(), await res.text()).toBe(202);
  const login = await context.request.post(`${url}/api/auth/login`, { data: { email, password } });
  expect(login.status(), await login.text()).toBe(200);
  return email;
}

/**
 * Records every state of the import progress bar from now on (value, max, or "indeterminate") in
 * `window.__progress`. Written as a string: the Node test build has no DOM types.
 */
function recordProgress(page: Page): Promise<void> {
  return page.evaluate(`(() => {
    window.__progress = [];
    const note = () => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      if (!bar) return;
      const state = bar.hasAttribute('value') ? bar.getAttribute('value') + '/' + bar.getAttribute('max') : 'indeterminate';
      if (window.__progress.at(-1) !== state) window.__progress.push(state);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'max'] });
  })()`);
}

describe.skipIf(!hasChromium).each(journeyEngines('both'))('admin import journey on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let adminEmail = '';
  let bureauEmail = '';

  const makeAccounts = async (database: Database) => {
    const admin = await createActor(database, { role: 'admin', name: '导入测试管理员' });
    adminEmail = admin.user.email;
    const bureau = await createActor(database, { role: 'bureau', regionPrefix: '1101', name: '北京城区教委（测试）' });
    bureauEmail = bureau.user.email;
  };

  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), {
    prepare: makeAccounts,
    ownDatabase: true,
  });

  it('tells anonymous visitors to sign in and other accounts that imports and the audit log are not theirs', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/imports`);
    await page.getByTestId('sign-in-needed').getByRole('link', { name: '登录' }).waitFor();
    expect(await page.getByTestId('import-file').count()).toBe(0);

    await registerParent(context, server.url);
    await page.goto(`${server.url}/admin/imports`);
    const refused = page.getByTestId('role-needed');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('系统管理员');
    expect(await page.getByTestId('import-file').count()).toBe(0);
    // The API refuses too: the page only spares a broken form.
    const direct = await context.request.get(`${server.url}/api/imports/${randomUUID()}`);
    expect(direct.status()).toBe(403);

    await page.goto(`${server.url}/audit`);
    await page.getByTestId('role-needed').waitFor();
    await context.close();
  });

  it('imports 1,500 US museums with five broken rows: progress to the end, counts, bad rows by line, then the audit log', async () => {
    const { csv, broken } = museumsCsv();
    // Someone signs up meanwhile: an audited write the admin will find in the log.
    const other = await browser.newContext();
    const parentEmail = await registerParent(other, server.url);
    await other.close();

    const context = await browser.newContext(TALL_DESKTOP);
    const page = await context.newPage();
    await signIn(page, server.url, adminEmail);
    await page.goto(`${server.url}/admin/imports`);
    await page.getByTestId('import-file').waitFor();

    await page.getByTestId('import-file').setInputFiles({
      name: 'us-museums-sample.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await expect.poll(() => page.getByTestId('file-summary').textContent()).toContain(`${ROWS} 行数据，14 列`);
    expect(await page.getByTestId('import-source').inputValue()).toBe('us-museums-sample');
    expect(await unlabelledControls(page)).toEqual([]);

    // Columns matched by name; the ones Kaimen has no field for stay out.
    const mapped = async (field: string) => page.getByTestId(`map-${field}`).inputValue();
    expect(await mapped('name_zh')).toBe('name');
    expect(await mapped('name_en')).toBe('altname');
    expect(await mapped('lng')).toBe('longitude');
    expect(await mapped('lat')).toBe('latitude');
    expect(await mapped('kinds')).toBe('discipl');
    expect(await mapped('source_ref')).toBe('mid');
    expect(await mapped('website')).toBe('weburl');
    // The IMLS discipline codes, read from the file: plain ones are suggested, codes chosen by hand.
    expect(await page.getByTestId('kind-value-ART').inputValue()).toBe('art_gallery');
    expect(await page.getByTestId('kind-value-SCI').inputValue()).toBe('science_center');
    for (const code of ['GMU', 'HSC', 'HST', 'NAT']) {
      await page.getByTestId(`kind-value-${code}`).selectOption('museum');
    }
    for (const code of ['BOT', 'ZAW']) await page.getByTestId(`kind-value-${code}`).selectOption('park');
    await page.getByTestId('kind-value-CMU').selectOption('children_center');
    expect(await page.getByTestId('kind-value-XYZ').inputValue()).toBe('');
    await page.getByTestId('crs-wgs84').check();
    // The coordinate systems are explained where they are chosen.
    expect(await page.getByText('GCJ-02：高德地图、腾讯地图').count()).toBe(1);
    expect(await page.getByTestId('mapping-problems').count()).toBe(0);

    await recordProgress(page);
    await page.getByTestId('import-start').click();
    const job = page.getByTestId('import-job');
    await job.waitFor();
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');

    // The bar moved forward only, and reached its end: all rows of the file.
    const states = (await page.evaluate('window.__progress')) as string[];
    const bar = page.getByTestId('import-progress');
    expect(await bar.getAttribute('max')).toBe(String(ROWS));
    expect(await bar.getAttribute('value')).toBe(String(ROWS));
    expect(states.at(-1)).toBe(`${ROWS}/${ROWS}`);
    const values = states.filter((s) => s !== 'indeterminate').map((s) => Number(s.split('/')[0]));
    expect(values).toEqual([...values].sort((x, y) => x - y));
    expect(states.length).toBeGreaterThan(1);
    console.log(`[admin-import] ${engine}: progress states seen ${states.join(' → ')}`);
    expect(await bar.getAttribute('aria-label')).toBe('导入进度');
    expect(await page.getByTestId('import-announcer').textContent()).toContain(`导入完成：已处理 ${ROWS} 行`);

    // The counts add up: every row inserted, refused or held back as a likely duplicate.
    const count = async (name: string) => Number(await page.getByTestId(`count-${name}`).textContent());
    const total = await count('total');
    const inserted = await count('inserted');
    const failed = await count('failed');
    const duplicates = await count('duplicates');
    expect(total).toBe(ROWS);
    expect(failed).toBeGreaterThanOrEqual(broken.length);
    expect(inserted).toBeGreaterThan(ROWS * 0.9);
    expect(inserted + failed + duplicates).toBe(ROWS);
    console.log(`[admin-import] ${engine}: inserted ${inserted}, bad ${failed}, duplicates ${duplicates}`);

    // The bad rows, with the lines a spreadsheet shows and the reason.
    const errors = page.getByTestId('import-errors');
    await errors.locator('tbody tr').first().waitFor();
    const rows = await errors.locator('tbody tr').allTextContents();
    for (const { line, code } of broken) {
      expect(
        rows.some((r) => r.startsWith(String(line)) && r.includes(code)),
        `line ${line} ${code}`,
      ).toBe(true);
    }
    await page.getByTestId('import-duplicates').waitFor();

    // This session's imports are listed.
    const recent = page.getByTestId('recent-import');
    expect(await recent.count()).toBe(1);
    expect(await recent.first().textContent()).toContain('us-museums-sample');

    // The audit log: newest first, with the sign-up above and its fields.
    await page.getByTestId('link-audit').click();
    await page.getByRole('heading', { name: '操作日志', level: 1 }).waitFor();
    const entries = page.getByTestId('audit-entry');
    await entries.first().waitFor();
    expect(await entries.count()).toBeGreaterThan(0);
    const signUp = entries.filter({ hasText: parentEmail });
    expect(await signUp.count()).toBe(1);
    expect(await signUp.getAttribute('data-action')).toBe('user.register');
    expect(await signUp.textContent()).toContain('注册账号');
    expect(await signUp.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);

    // Narrowed to that account by its entity id; the filter lands in the URL.
    await signUp.getByRole('button', { name: /只看这个对象/ }).click();
    await page.waitForURL(/entity_type=user/);
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain(parentEmail);
    expect(await unlabelledControls(page)).toEqual([]);
    await context.close();
  });

  it('shows a bureau the audit log of its region only: sign-ups, which have no district, are not among them', async () => {
    const other = await browser.newContext();
    const parentEmail = await registerParent(other, server.url);
    await other.close();
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, bureauEmail);
    await page.goto(`${server.url}/audit`);
    await page.getByText('行政区划代码以 1101 开头').waitFor();
    await page.getByTestId('audit-list').or(page.getByTestId('audit-empty')).first().waitFor();
    expect(await page.getByText(parentEmail).count()).toBe(0);
    expect(await page.locator('[data-action="user.register"]').count()).toBe(0);
    await context.close();
  });
});
