import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { backupJson, ledgerPurchase, restoreBackup } from './backup-file';
import { Harness } from './harness';

const YEAR = new Date().getFullYear();

/** A member's backup: their profile and purchases. */
function memberBackup(
  name: string,
  purchases: { day: string; product: string; fen: number; orderNo?: string; tier?: string }[],
) {
  return backupJson({
    profile: { name, unit: '某某县财政局' },
    purchases: purchases.map((p, i) =>
      ledgerPurchase({
        id: `${name}-${i}`,
        day: `${YEAR}-${p.day}`,
        product: p.product,
        fen: p.fen,
        ...(p.orderNo ? { orderNo: p.orderNo } : {}),
        fundingSource: '工会',
        certification: p.tier ? { tier: p.tier, batch: '第3批' } : {},
      }),
    ),
  });
}

async function exportXlsx(h: Harness, backup: string): Promise<string> {
  await restoreBackup(h, backup);
  const page = await h.openExtensionPage('dashboard.html#/purchases');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  await page.getByTestId('export-message').waitFor();
  const path = await download.path();
  assert.match(download.suggestedFilename(), /^消费帮扶明细_.+\.xlsx$/);
  await page.close();
  return path;
}

const fileRow = (page: Page, name: string) => page.locator(`[data-testid="merge-file"][data-file="${name}"]`);

describe('member export and the coordinator', () => {
  let h: Harness;
  let zhang: string;
  let li: string;
  before(async () => {
    h = await Harness.start();
    zhang = await exportXlsx(
      h,
      memberBackup('张三', [
        { day: '03-05', product: '祁东黄花菜', fen: 7000, orderNo: '285519843211456789', tier: 'certified' },
        { day: '04-18', product: '=HYPERLINK("http://x","点我")', fen: 3550, tier: 'certified' },
      ]),
    );
    li = await exportXlsx(
      h,
      memberBackup('李四', [
        { day: '03-06', product: '祁东黄花菜', fen: 7000, orderNo: '285519843211456789', tier: 'certified' },
        { day: '05-01', product: '平山核桃', fen: 12000 },
      ]),
    );
  });
  after(async () => {
    await h?.close();
  });

  it('exports the purchases page as an .xlsx with 明细, 汇总 and 说明 a coordinator can check', () => {
    const book = XLSX.read(readFileSync(zhang), { type: 'array' });
    assert.deepEqual(book.SheetNames, ['明细', '汇总', '说明']);
    const detail = book.Sheets.明细 as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(detail, { header: 1 });
    assert.deepEqual(rows[0]?.slice(0, 5), ['序号', '日期', '姓名', '单位', '产品']);
    assert.deepEqual(rows[1]?.slice(0, 5), [1, `${YEAR}-03-05`, '张三', '某某县财政局', '祁东黄花菜']);
    assert.equal(detail.Q2?.t, 's', 'the order number is a text cell');
    assert.equal(detail.Q2?.v, '285519843211456789');
    assert.equal(detail.E3?.v, '\'=HYPERLINK("http://x","点我")', 'formula-like text is neutralised');
    assert.equal(detail.E3?.f, undefined);
    assert.deepEqual([rows[3]?.[0], rows[3]?.[12]], ['合计', 105.5]);
    const readme = Object.fromEntries(
      XLSX.utils.sheet_to_json<string[]>(book.Sheets.说明 as XLSX.WorkSheet, { header: 1 }),
    );
    assert.equal(readme.记录条数, '2');
    assert.equal(readme['金额合计(元)'], '105.50');
    assert.equal(readme.姓名, '张三');
  });

  it('merges two members and a broken file: per-file report, totals, flags, unit report', async () => {
    const before = h.errors.length;
    const page = await h.openExtensionPage('dashboard.html#/coordinator');
    await page.getByTestId('merge-files').setInputFiles([
      { name: '张三.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(zhang) },
      { name: '李四.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(li) },
      { name: '坏文件.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(zhang).subarray(0, 300) },
    ]);
    await fileRow(page, '坏文件.xlsx').waitFor();
    assert.equal(await fileRow(page, '张三.xlsx').getAttribute('data-status'), 'ok');
    assert.equal(await fileRow(page, '李四.xlsx').getAttribute('data-read'), '2');
    assert.equal(await fileRow(page, '坏文件.xlsx').getAttribute('data-status'), 'error');
    await fileRow(page, '坏文件.xlsx').getByText('已损坏或不完整').waitFor();

    const totals = page.getByTestId('merge-totals');
    assert.equal(await totals.getAttribute('data-total-fen'), String(7000 + 3550 + 7000 + 12000));
    assert.equal(await totals.getAttribute('data-certified-fen'), String(7000 + 3550 + 7000));
    await page.getByTestId('merge-by-person').getByText('张三').waitFor();

    const flags = await page
      .getByTestId('merged-rows')
      .locator('tr[data-flags]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-flags')));
    assert.deepEqual(flags.filter((f) => f?.includes('duplicate-order')).length, 2);
    assert.deepEqual(flags.filter((f) => f?.includes('uncertified')).length, 1);
    await page.getByTestId('merged-rows').getByText('订单号重复').first().waitFor();

    await page.getByRole('spinbutton', { name: '食堂采购总额（元）' }).fill('200000');
    await page.getByRole('spinbutton', { name: '预留比例（%）' }).fill('15');
    const progress = page.getByTestId('merge-progress');
    await progress.waitFor();
    assert.equal(await progress.getAttribute('data-target-fen'), '3000000');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('unit-report-download').click(),
    ]);
    const report = XLSX.read(readFileSync(await download.path()), { type: 'array' });
    const grid = XLSX.utils.sheet_to_json<(string | number)[]>(report.Sheets.汇总表 as XLSX.WorkSheet, { header: 1 });
    assert.match(String(grid[1]?.[0]), /^填报单位：某某县财政局/);
    assert.equal(grid[2]?.[0], '序号');
    assert.equal(grid.find((r) => r[0] === '合计')?.[9], 295.5);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('print-report').isVisible(), true);
    assert.equal(await page.getByTestId('merge-report').isVisible(), false);
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(h.errors.slice(before), []);
    await page.close();
  });
});
