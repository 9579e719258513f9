import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
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

// A sheet 王五 filled in by hand (our columns, everyday values): a 是 on a product the catalogue lacks, a purchase of
// last year, an 832 canteen purchase he declared 否; then enough purchases that the printed detail runs onto more pages.
const EXTRA_ROWS = 60;
const wangwu = [
  '序号,日期,姓名,单位,产品,供应商,产地县,认定状态,数量,计量单位,单价(元),金额(元),渠道,资金来源,类型,订单号,备注',
  `1,${YEAR}-02-01,王五,某某县财政局,有机小米,某某县杂粮合作社,某某县,是,1,袋,50,50.00,京东,个人,直接购买,,`,
  `2,${YEAR - 1}-12-20,王五,某某县财政局,祁东黄花菜,祁东县湘祁黄花菜开发有限公司,祁东县,是,1,袋,80,80.00,832平台,食堂,直接购买,,`,
  `3,${YEAR}-03-10,王五,某某县财政局,祁东黄花菜,祁东县湘祁黄花菜开发有限公司,祁东县,否,4,袋,50,200.00,832平台,食堂,直接购买,,`,
  ...Array.from(
    { length: EXTRA_ROWS },
    (_, i) =>
      `${4 + i},${YEAR}-04-${String(1 + (i % 28)).padStart(2, '0')},王五,某某县财政局,祁东黄花菜,祁东县湘祁黄花菜开发有限公司,祁东县,是,1,袋,10,10.00,京东,个人,直接购买,JD${100000 + i},`,
  ),
].join('\n');

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

  it('merges three members and a broken file: verified against the catalogue, reviewed, reported', async () => {
    const before = h.errors.length;
    // The coordinator's own catalogue: 祁东黄花菜 only.
    const catalogue = await h.openExtensionPage('dashboard.html#/catalogue');
    await catalogue.getByTestId('catalogue-file').setInputFiles({
      name: '本单位目录.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '产品名称,供应商,县,有效期至,状态,目录批次\n祁东黄花菜,祁东县湘祁黄花菜开发有限公司,祁东县,2099-12-31,有效,第七批\n',
      ),
    });
    await catalogue.getByTestId('catalogue-import-confirm').click();
    await catalogue.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await catalogue.close();

    const page = await h.openExtensionPage('dashboard.html#/coordinator');
    await page.getByTestId('merge-files').setInputFiles([
      { name: '张三.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(zhang) },
      { name: '李四.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(li) },
      { name: '王五.csv', mimeType: 'text/csv', buffer: Buffer.from(wangwu) },
      { name: '坏文件.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(zhang).subarray(0, 300) },
    ]);
    await fileRow(page, '坏文件.xlsx').waitFor();
    assert.equal(await fileRow(page, '张三.xlsx').getAttribute('data-status'), 'ok');
    assert.equal(await fileRow(page, '李四.xlsx').getAttribute('data-read'), '2');
    assert.equal(await fileRow(page, '王五.csv').getAttribute('data-read'), String(3 + EXTRA_ROWS));
    assert.equal(await fileRow(page, '坏文件.xlsx').getAttribute('data-status'), 'error');
    await fileRow(page, '坏文件.xlsx').getByText('已损坏或不完整').waitFor();
    await page.getByTestId('merge-catalogue').getByText('按本机目录 1 条核实').waitFor();

    // Left out by default: 李四's copy of 张三's order, 王五's purchase of last year.
    const totals = page.getByTestId('merge-totals');
    const extraFen = EXTRA_ROWS * 1000;
    const counted = 7000 + 3550 + 12000 + 5000 + 20000 + extraFen;
    await page.locator(`[data-testid="merge-totals"][data-total-fen="${counted}"]`).waitFor();
    assert.equal(await totals.getAttribute('data-excluded'), '2');
    // Certified only as the catalogue verifies: 张三's 黄花菜 and 王五's 832 purchase (declared 否); not the hand-filled 是.
    assert.equal(await totals.getAttribute('data-certified-fen'), String(7000 + 20000 + extraFen));
    assert.equal(await totals.getAttribute('data-declared-certified-fen'), String(7000 + 3550 + 5000 + extraFen));
    const row = (key: string) => page.locator(`tr[data-key="${key}"]`);
    assert.equal(await row('李四.xlsx#1').getAttribute('data-included'), 'false');
    assert.match(String(await row('李四.xlsx#1').getAttribute('data-flags')), /duplicate-order/);
    assert.equal(await row('王五.csv#1').getAttribute('data-flags'), 'unverified');
    assert.match(String(await row('王五.csv#2').getAttribute('data-flags')), /^out-of-period/);
    assert.equal(await row('王五.csv#3').getAttribute('data-verified'), 'certified');

    // Review: 王五's 有机小米 is left out with a note.
    await row('王五.csv#1').getByTestId('review-include').click();
    await row('王五.csv#1').getByRole('textbox').fill('无认定证书，不计入');
    await page.locator(`[data-testid="merge-totals"][data-total-fen="${counted - 5000}"]`).waitFor();

    await page.getByRole('spinbutton', { name: '每人目标（元）' }).fill('1000');
    await page.getByRole('spinbutton', { name: '食堂采购总额（元）' }).fill('200000');
    await page.getByRole('spinbutton', { name: '预留比例（%）' }).fill('10');
    const progress = page.getByTestId('merge-progress');
    await page.locator('[data-testid="merge-progress"][data-target-fen="2000000"]').waitFor();
    assert.equal(await progress.getAttribute('data-done-fen'), '20000');
    await page.getByLabel('单位负责人').fill('赵六');
    await page.getByLabel('联系电话').fill('0734-1234567');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('unit-report-download').click(),
    ]);
    assert.match(download.suggestedFilename(), /^消费帮扶汇总表_某某县财政局_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
    const sheet = book.getWorksheet('汇总表') as ExcelJS.Worksheet;
    const cells = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1, 7);
    const rowOf = (label: string) => {
      for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === label) return r;
      return assert.fail(`no row ${label}`);
    };
    // The per-person table: 完成 is what the catalogue verified.
    assert.deepEqual(cells(5), ['序号', '姓名', '部门', '目标(元)', '完成(元)', '完成率']);
    assert.deepEqual(cells(6), [1, '李四', '某某县财政局', 1000, 0, 0]);
    assert.deepEqual(cells(7), [2, '王五', '某某县财政局', 1000, 200 + extraFen / 100, (200 + extraFen / 100) / 1000]);
    assert.deepEqual(cells(8), [3, '张三', '某某县财政局', 1000, 70, 0.07]);
    assert.equal(sheet.getCell('A9').value, '合计');
    // Styles as written: bold bordered header, money format, A4 landscape.
    assert.equal(sheet.getCell('B5').font?.bold, true);
    assert.equal(sheet.getCell('B5').border?.bottom?.style, 'thin');
    assert.equal(sheet.getCell('E6').numFmt, '#,##0.00');
    assert.equal(sheet.pageSetup.orientation, 'landscape');
    assert.equal(sheet.pageSetup.paperSize, 9);
    // The 预留份额 block.
    const reserve = rowOf('有无食堂');
    assert.deepEqual(cells(reserve), [
      '有无食堂',
      '食堂食材采购总额(元)',
      '比例',
      '预留金额(元)',
      '已在 832 完成(元)',
      '完成率',
    ]);
    assert.deepEqual(cells(reserve + 1), ['有', 200000, 0.1, 20000, 200, 0.01]);
    // What was left out and why.
    const excluded = rowOf('六、未计入统计的记录（3 条）');
    assert.deepEqual(
      [3, 4, 5].map((i) => sheet.getCell(excluded + i - 1, 6).value),
      ['订单重复，已按一次计入', '无认定证书，不计入', '不在统计期内'],
    );
    // The signature block.
    const head = rowOf('单位负责人：');
    assert.equal(sheet.getCell(head, 3).value, '赵六');
    assert.equal(sheet.getCell(rowOf('联系电话：'), 3).value, '0734-1234567');
    assert.equal(sheet.getCell(rowOf('（单位盖章）：'), 1).font?.bold, true);
    const detail = book.getWorksheet('明细') as ExcelJS.Worksheet;
    assert.equal(detail.pageSetup.printTitlesRow, '2:2');
    assert.equal(detail.pageSetup.orientation, 'landscape');
    assert.equal(detail.getCell('L3').value, '285519843211456789');

    // The print view: A4 landscape, the detail's header on every page.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('print-report').isVisible(), true);
    assert.equal(await page.getByTestId('merge-report').isVisible(), false);
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = await page.screenshot({ path: '.output/test-results/unit-report-print.png', fullPage: false });
    const png = { width: shot.readUInt32BE(16), height: shot.readUInt32BE(20) };
    assert.ok(png.width > png.height, `landscape screenshot ${png.width}×${png.height}`);
    // No cell of the detail is narrower than its longest word: nothing wraps inside a word.
    const squeezed = await page
      .getByTestId('report-detail')
      .evaluate((table) =>
        [...table.querySelectorAll('td, th')]
          .filter((cell) => (cell as HTMLElement).scrollWidth > (cell as HTMLElement).clientWidth + 1)
          .map((cell) => cell.textContent),
      );
    assert.deepEqual(squeezed, []);
    // …and the whole table fits the width of an A4 landscape page: laid out at the page's text width
    // (297 mm less 2 × 10 mm margins, at 96 dpi), it is no wider.
    const textWidth = Math.floor(((297 - 20) / 25.4) * 96);
    await page.setViewportSize({ width: textWidth, height: 700 });
    const width = await page.getByTestId('report-detail').evaluate((t) => t.getBoundingClientRect().width);
    assert.ok(width <= textWidth, `detail table ${width}px wide, the page ${textWidth}px`);
    const pdf = await page.pdf({ preferCSSPageSize: true, path: '.output/test-results/unit-report.pdf' });
    const { getDocumentProxy, extractText } = await import('unpdf');
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const first = await doc.getPage(1);
    const [, , w, hgt] = first.view;
    assert.ok((w as number) > (hgt as number), `landscape page ${w}×${hgt}`);
    const { text } = await extractText(doc, { mergePages: false });
    assert.ok(text.length >= 3, `the report runs onto ${text.length} pages`);
    // Dates are never broken at their hyphens.
    assert.doesNotMatch(text.join('\n'), /\d{4}-\n\d{2}-\d{2}/);
    // Page 1: the summary and signature; every later page starts the detail table with its header.
    assert.match(text[0] as string, /个人完成情况[\s\S]*单位负责人/);
    for (const [i, pageText] of text.slice(1).entries()) {
      assert.match(pageText, /序号\s*姓名\s*日期\s*产品\s*供应商/, `header on page ${i + 2}`);
    }
    await page.emulateMedia({ media: 'screen' });

    // The merge is saved and reopens as it was, the review included.
    await page.getByTestId('merge-save').click();
    await page.getByTestId('merge-saved').waitFor();
    await page.reload();
    await page
      .getByTestId('merge-session')
      .getByRole('button', { name: /^打\s*开$/ })
      .click();
    await page.locator(`[data-testid="merge-totals"][data-total-fen="${counted - 5000}"]`).waitFor();
    assert.equal(await page.locator('tr[data-key="王五.csv#1"]').getAttribute('data-included'), 'false');
    assert.deepEqual(h.errors.slice(before), []);
    await page.close();
  });
});
