/**
 * Hostile files and hostile pages, as a person meets them: a zip bomb on the
 * catalogue and coordinator pages, a member file whose cells are formulas.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { MAX_INFLATED_ENTRY_BYTES } from '../../lib/tables/limits';
import { xlsxBomb } from '../zip-bomb';
import { Harness } from './harness';

const YEAR = new Date().getFullYear();
const ENTRY_MB = Math.round(MAX_INFLATED_ENTRY_BYTES / (1024 * 1024));
const HEADER =
  '序号,日期,姓名,单位,产品,供应商,产地县,认定状态,数量,计量单位,单价(元),金额(元),渠道,资金来源,类型,订单号,备注';
const member = (name: string, rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));
const plainRow = (name: string, i: number) =>
  `${i},${YEAR}-03-0${i},${name},某某县财政局,祁东黄花菜,祁东县湘祁黄花菜开发有限公司,祁东县,是,1,袋,10,10.00,京东,个人,直接购买,JD${name.length}00${i},`;
const fileRow = (page: Page, name: string) => page.locator(`[data-testid="merge-file"][data-file="${name}"]`);

describe('hostile files', () => {
  let h: Harness;
  let bomb: Buffer;
  before(async () => {
    h = await Harness.start();
    // Inflates past the per-entry limit while its directory claims 1,000 bytes.
    bomb = Buffer.from(await xlsxBomb(ENTRY_MB + 10, { lie: true }));
  });
  after(async () => {
    await h?.close();
  });

  it('names a zip bomb on the catalogue page, and the page still imports a good file after it', async () => {
    const page = await h.openExtensionPage('dashboard.html#/catalogue');
    await page.getByTestId('catalogue-file').setInputFiles({
      name: '炸弹.xlsx',
      mimeType: 'application/octet-stream',
      buffer: bomb,
    });
    const error = page.getByTestId('import-error');
    await error.getByText(/解压后超过 \d+ MB.*不像正常的表格/).waitFor({ timeout: 60_000 });
    // What a person sees: the message itself is what is on screen at its centre.
    const seen = await error.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    assert.equal(seen, true);
    await page.screenshot({ path: '/tmp/hE-catalogue-bomb.png' });
    assert.equal(await page.getByTestId('import-report').count(), 0);

    // The page is still usable: a good file reads and lands.
    await page.getByTestId('catalogue-file').setInputFiles({
      name: '好目录.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('产品名称,供应商,县,有效期至\n炸弹后黄花菜,祁东县湘祁黄花菜开发有限公司,祁东县,2099-12-31\n'),
    });
    const report = page.getByTestId('import-report');
    await report.waitFor();
    assert.equal(await report.getAttribute('data-valid'), '1');
    await page.getByTestId('catalogue-import-confirm').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await page
      .getByTestId('catalogue-sources')
      .getByRole('row', { name: /好目录/ })
      .first()
      .waitFor();
    await page.close();
  });

  it('names a zip bomb among member files on the coordinator page, and keeps the other files’ reports', async () => {
    const page = await h.openExtensionPage('dashboard.html#/coordinator');
    await page.getByTestId('merge-files').setInputFiles([
      { name: '甲.csv', mimeType: 'text/csv', buffer: member('甲', [plainRow('甲', 1), plainRow('甲', 2)]) },
      { name: '炸弹.xlsx', mimeType: 'application/octet-stream', buffer: bomb },
      { name: '乙.csv', mimeType: 'text/csv', buffer: member('乙乙', [plainRow('乙乙', 1)]) },
    ]);
    const bombRow = fileRow(page, '炸弹.xlsx');
    await bombRow.getByText(/解压后超过 \d+ MB.*不像正常的表格/).waitFor({ timeout: 60_000 });
    assert.equal(await bombRow.getAttribute('data-status'), 'error');
    assert.equal(await fileRow(page, '甲.csv').getAttribute('data-status'), 'ok');
    assert.equal(await fileRow(page, '甲.csv').getAttribute('data-read'), '2');
    assert.equal(await fileRow(page, '乙.csv').getAttribute('data-status'), 'ok');
    assert.equal(await fileRow(page, '乙.csv').getAttribute('data-read'), '1');
    await page.locator('[data-testid="merge-totals"][data-total-fen="3000"]').waitFor();
    await page.close();
  });

  it('neutralises the file’s formula cells in the catalogue’s 下载完整报告 CSV', async () => {
    const page = await h.openExtensionPage('dashboard.html#/catalogue');
    const hostile = [
      // Quoted as Excel saves a cell that holds quotes.
      '产品名称,供应商,县,有效期至,"=HYPERLINK(""http://evil.example"",""点我"")"',
      '好产品,某某合作社,祁东县,"=HYPERLINK(""http://evil.example"",""点我"")",x',
      '+cmd,某某合作社,祁东县,-2+3,x',
      '@SUM(A1),某某合作社,祁东县,@SUM(A1),x',
      // Past 500 problems, so the screen lists the first and offers the whole report.
      ...Array.from({ length: 600 }, (_, i) => `=${i}+1,供应商${i},祁东县,"=HYPERLINK(""http://evil.example"")",x`),
    ].join('\n');
    await page.getByTestId('catalogue-file').setInputFiles({
      name: '带公式.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${hostile}\n`),
    });
    await page.getByTestId('import-report').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    const text = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
    assert.deepEqual(rows[0], ['行号', '类型', '列', '原因']);
    const cells = rows.slice(1).flat();
    // The file's formulas are quoted in the report, and none is left to compute.
    assert.ok(
      cells.some((c) => c.includes('HYPERLINK')),
      text,
    );
    for (const c of cells) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `cell ${c}`);
    await page.close();
  });
});
