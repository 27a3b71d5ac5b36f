import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createActor } from '../support/accounts.ts';
import { hasChromium, PHONE, type RunningServer, TALL_DESKTOP, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { signIn, unlabelledControls } from '../support/journeys.ts';

/**
 * A bureau's school import in Chromium against the built app: the Beijing bureau (a test account made
 * before the server starts, as the demo bureau exists only in demo mode) opens the import page from the
 * console's header, uploads an official-looking list of 1,000 SYNTHETIC schools with Chinese column
 * names and six rows broken on purpose, checks the columns matched by name, imports it as an official
 * list, follows the progress bar to the end, and reads the counts and its bad rows by line and code.
 * Every school in the file is made up here (names say 合成测试数据); the import writes, so on
 * PostgreSQL the server runs on a database of its own.
 */

const ROWS = 1000;
const HEADER = ['学校名称', '办学类型', '年级', '区划代码', '经度', '纬度', '地址', '学校标识码'];

interface BrokenRow {
  line: number;
  code: string;
}

/**
 * ROWS synthetic schools on a grid over central Beijing (400 m apart, so none is a likely duplicate of
 * another), with six of them broken in known ways. Row index i is on line i + 2 (the header is line 1).
 */
function syntheticSchoolsCsv(): { csv: string; broken: BrokenRow[] } {
  const kinds = ['小学', '初级中学', '九年一贯制学校', '幼儿园', 'senior_secondary'];
  const rows: string[][] = Array.from({ length: ROWS }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    const lng = (116.2 + (i % 40) * 0.005).toFixed(4);
    const lat = (39.85 + Math.floor(i / 40) * 0.004).toFixed(4);
    return [
      `合成测试学校${n}（合成测试数据）`,
      kinds[i % kinds.length]!,
      '',
      '',
      lng,
      lat,
      `北京市测试路 ${i + 1} 号`,
      `SYN-${n}`,
    ];
  });
  const broken: BrokenRow[] = [];
  const breakRow = (index: number, code: string, change: (row: string[]) => string[]) => {
    rows[index] = change([...rows[index]!]);
    broken.push({ line: index + 2, code });
  };
  breakRow(7, 'NAME_REQUIRED', (r) => ((r[0] = ''), r));
  breakRow(150, 'COORDINATES_REQUIRED', (r) => ((r[4] = ''), r));
  breakRow(333, 'UNKNOWN_KIND', (r) => ((r[1] = '太空学校'), r));
  breakRow(512, 'INVALID_GRADES', (r) => ((r[2] = '1-15'), r));
  // A school in Shanghai: outside the Beijing bureau's region, refused rather than loaded.
  breakRow(777, 'OUTSIDE_REGION', (r) => ((r[4] = '121.4700'), (r[5] = '31.2300'), r));
  breakRow(901, 'COLUMN_COUNT', (r) => r.slice(0, 5));
  const csv = [HEADER, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
  return { csv, broken };
}

/** Records every state of the progress bar from now on in `window.__progress` (as admin-import does). */
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

describe.skipIf(!hasChromium).each(journeyEngines('both'))('bureau school import journey on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let bureauEmail = '';
  let managerEmail = '';

  const makeAccounts = async (database: Database) => {
    const bureau = await createActor(database, { role: 'bureau', regionPrefix: '11', name: '北京市教委（测试）' });
    bureauEmail = bureau.user.email;
    managerEmail = (await createActor(database, { role: 'venue_manager', name: '场馆测试' })).user.email;
  };

  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), {
    prepare: makeAccounts,
    ownDatabase: true,
  });

  it('imports 1,000 synthetic schools as an official list: progress to the end, counts, and the bad rows by line', async () => {
    const { csv, broken } = syntheticSchoolsCsv();
    const context = await browser.newContext(TALL_DESKTOP);
    const page = await context.newPage();
    await signIn(page, server.url, bureauEmail);

    // From the bureau console to the import page, by the header's link.
    await page.goto(`${server.url}/bureau`);
    await page.getByTestId('link-import-schools').waitFor();
    await page.getByTestId('nav-import-schools').click();
    await page.getByRole('heading', { name: '导入学校名录', level: 1 }).waitFor();
    expect(await page.getByTestId('import-region-note').textContent()).toContain('以 11 开头');
    // A bureau imports schools only: no venue form, no choice of what to import.
    expect(await page.getByTestId('entity-venues').count()).toBe(0);

    await page.getByTestId('import-file').setInputFiles({
      name: 'beijing-schools-synthetic.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await expect.poll(() => page.getByTestId('file-summary').textContent()).toContain(`${ROWS} 行数据，8 列`);
    expect(await page.getByTestId('import-source').inputValue()).toBe('beijing-schools-synthetic');
    expect(await unlabelledControls(page)).toEqual([]);

    // The official list's Chinese column names are matched to the school fields.
    const mapped = async (field: string) => page.getByTestId(`map-${field}`).inputValue();
    expect(await mapped('name')).toBe('学校名称');
    expect(await mapped('kind')).toBe('办学类型');
    expect(await mapped('grades')).toBe('年级');
    expect(await mapped('adcode')).toBe('区划代码');
    expect(await mapped('lng')).toBe('经度');
    expect(await mapped('lat')).toBe('纬度');
    expect(await mapped('address_zh')).toBe('地址');
    expect(await mapped('source_ref')).toBe('学校标识码');
    await page.getByTestId('crs-wgs84').check();
    expect(await page.getByTestId('import-verify').isChecked()).toBe(true);
    expect(await page.getByTestId('mapping-problems').count()).toBe(0);

    await recordProgress(page);
    await page.getByTestId('import-start').click();
    const job = page.getByTestId('import-job');
    await job.waitFor();
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');

    const states = (await page.evaluate('window.__progress')) as string[];
    const bar = page.getByTestId('import-progress');
    expect(await bar.getAttribute('max')).toBe(String(ROWS));
    expect(await bar.getAttribute('value')).toBe(String(ROWS));
    expect(states.at(-1)).toBe(`${ROWS}/${ROWS}`);
    const values = states.filter((s) => s !== 'indeterminate').map((s) => Number(s.split('/')[0]));
    expect(values).toEqual([...values].sort((x, y) => x - y));
    console.log(`[import-schools] ${engine}: progress states seen ${states.join(' → ')}`);
    expect(await page.getByTestId('import-announcer').textContent()).toContain(`导入完成：已处理 ${ROWS} 行`);

    // The counts: every good row loaded, each broken one refused, none a likely duplicate.
    const count = async (name: string) => Number(await page.getByTestId(`count-${name}`).textContent());
    expect(await count('total')).toBe(ROWS);
    expect(await count('inserted')).toBe(ROWS - broken.length);
    expect(await count('failed')).toBe(broken.length);
    expect(await count('duplicates')).toBe(0);
    expect(await page.getByTestId('import-verify-note').textContent()).toContain('已核实');

    const errors = page.getByTestId('import-errors');
    await errors.locator('tbody tr').first().waitFor();
    const rows = await errors.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(broken.length);
    for (const { line, code } of broken) {
      expect(
        rows.some((r) => r.startsWith(String(line)) && r.includes(code)),
        `line ${line} ${code}`,
      ).toBe(true);
    }
    expect(rows.find((r) => r.includes('OUTSIDE_REGION'))).toContain('不在本辖区');
    await page.getByTestId('import-duplicates').waitFor();
    expect(await page.getByTestId('recent-import').first().textContent()).toContain('beijing-schools-synthetic');
    await context.close();
  });

  it('on a phone, in English, the school form reads and fits; other roles are told the page is not theirs', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'en' });
    const page = await context.newPage();
    await signIn(page, server.url, bureauEmail);
    await page.goto(`${server.url}/admin/imports?entity=schools&lang=en`);
    await page.getByRole('heading', { name: 'Import a list of schools', level: 1 }).waitFor();
    await page.getByTestId('import-verify').waitFor();
    expect(await page.getByText('This is an official list: mark the imported schools verified').count()).toBe(1);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();

    const other = await browser.newContext({ locale: 'zh-CN' });
    const managerPage = await other.newPage();
    await signIn(managerPage, server.url, managerEmail);
    await managerPage.goto(`${server.url}/admin/imports?entity=schools`);
    await managerPage.getByTestId('role-needed').waitFor();
    expect(await managerPage.getByTestId('import-file').count()).toBe(0);
    await other.close();
  });
});
