import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseCatalogueFile } from '../../lib/catalogue/import';
import { todayIso } from '../../lib/dates';
import { MIN_PART_BYTES } from '../../lib/tables/limits';
import { catalogueCsv, generateCatalogue } from '../../scripts/bench/generate-catalogue';
import { GBK_IMPORT } from './cases';
import { FIXTURES, Harness } from './harness';

describe('catalogue import in the dashboard', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
  });

  it('has the sample catalogue after install, marked 示例', async () => {
    const page = await h.openExtensionPage('dashboard.html#/catalogue');
    const sources = page.getByTestId('catalogue-sources');
    await sources.getByText('示例目录（非官方，仅供体验）').waitFor();
    await sources.getByText('示例', { exact: true }).waitFor();
    await page.close();
  });

  it('imports a GBK CSV with bad rows: report first, then the valid rows', async () => {
    const before = h.errors.length;
    const page = await h.openExtensionPage('dashboard.html#/catalogue');
    await page.getByTestId('catalogue-file').setInputFiles(join(FIXTURES, GBK_IMPORT.file));
    const report = page.getByTestId('import-report');
    await report.waitFor();
    assert.equal(await report.getAttribute('data-valid'), String(GBK_IMPORT.valid));
    assert.equal(await report.getAttribute('data-rejected'), String(GBK_IMPORT.rejected));
    assert.equal(await report.getAttribute('data-duplicates'), String(GBK_IMPORT.duplicates));
    // The rejected rows are named with their column and reason, in Chinese as the file was.
    for (const name of GBK_IMPORT.rejectedRows) await report.getByRole('row', { name }).waitFor();

    // Nothing is written before the user confirms.
    const sources = page.getByTestId('catalogue-sources');
    assert.equal(await sources.getByText(GBK_IMPORT.source, { exact: true }).count(), 0);

    await page.getByTestId('catalogue-import-confirm').click();
    await page.getByTestId('import-done').getByText(GBK_IMPORT.done).waitFor();
    const row = sources.getByRole('row', { name: new RegExp(GBK_IMPORT.source) }).first();
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', new RegExp(String(GBK_IMPORT.valid)));
    assert.deepEqual(h.errors.slice(before), []);
    await page.close();
  });

  it('lists the first problems of a long report and downloads all of them as a CSV', async () => {
    const page = await h.openExtensionPage('dashboard.html#/catalogue');
    // 700 entries past their validity: 700 warnings, more than the screen lists.
    const rows = Array.from({ length: 700 }, (_, i) => `过期产品${i},供应商${i}有限公司,2020-01-01`);
    await page.getByTestId('catalogue-file').setInputFiles({
      name: '旧目录.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`产品名称,供应商,有效期至\n${rows.join('\n')}\n`),
    });
    const report = page.getByTestId('import-report');
    await report.waitFor();
    assert.equal(await report.getAttribute('data-valid'), '700');
    assert.equal(await report.getAttribute('data-warnings'), '700');
    await page.getByTestId('report-partial').getByText('每类列出前 500 条，共 700 条问题。').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    assert.equal(download.suggestedFilename(), '旧目录-检查报告.csv');
    const text = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    assert.equal(lines[0], '行号,类型,列,原因');
    assert.equal(lines.length, 701);
    assert.match(lines[700] ?? '', /^701,提醒,有效期至,"已过有效期（2020-01-01）/);
    await page.close();
  });

  it('reads a national-size list in parts at once and lands it whole, in one step', async () => {
    // 50,000 rows (~10 MB): enough to be cut in two; the whole reading in Node is the reference.
    const buffer = Buffer.from(catalogueCsv(generateCatalogue(50_000, 7)));
    const expected = parseCatalogueFile({ name: '全国目录.csv', bytes: buffer }, { today: todayIso() }).plan;
    // The page is told it has three cores, so the file is cut even on a one-core runner.
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: 3 });
    await page.goto(h.extensionUrl('dashboard.html#/catalogue'));
    assert.equal(await page.evaluate(() => navigator.hardwareConcurrency), 3);
    await page.getByTestId('catalogue-file').setInputFiles({ name: '全国目录.csv', mimeType: 'text/csv', buffer });
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    // Three cores: one stays for the page and IndexedDB, so two parts (lib/catalogue/read-parts).
    const expectedParts = 2;
    assert.ok(buffer.length >= 2 * MIN_PART_BYTES, `the file (${buffer.length} bytes) is large enough to be cut`);
    assert.equal(await report.getAttribute('data-parts'), String(expectedParts));
    assert.equal(await report.getAttribute('data-valid'), String(expected.entries.length));
    assert.equal(await report.getAttribute('data-rejected'), String(expected.rejected.length));
    assert.equal(await report.getAttribute('data-duplicates'), String(expected.duplicates.length));
    assert.equal(await report.getAttribute('data-warnings'), String(expected.warnings.length));

    await page.getByTestId('catalogue-import-confirm').click();
    await page
      .getByTestId('import-done')
      .getByText(`已导入 ${expected.entries.length} 条记录`)
      .waitFor({ timeout: 60_000 });
    // Every part's entries are the source's, in file order: the first and the last are found.
    const stored = await page.evaluate(
      () =>
        new Promise<{ rowCount: number; ids: string[] }>((resolve) => {
          const open = indexedDB.open('relief');
          open.onsuccess = () => {
            const tx = open.result.transaction(['catalogueSources', 'catalogueChunks']);
            const source = tx.objectStore('catalogueSources').get('src:全国目录');
            const chunks = tx.objectStore('catalogueChunks').getAll();
            tx.oncomplete = () => {
              const set = source.result.chunkSet;
              const ids = (chunks.result as { sourceId: string; entries: { id: string }[] }[])
                .filter((c) => c.sourceId === set)
                .flatMap((c) => c.entries.map((e) => e.id));
              open.result.close();
              resolve({ rowCount: source.result.rowCount, ids });
            };
          };
        }),
    );
    assert.equal(stored.rowCount, expected.entries.length);
    assert.deepEqual(
      stored.ids,
      expected.entries.map((e) => e.id),
    );
    await page.close();
  });

  it('refuses a file with no supplier column, naming the file, and writes nothing', async () => {
    const page = await h.openExtensionPage('dashboard.html#/catalogue');
    await page.getByTestId('catalogue-file').setInputFiles({
      name: '没有供应商.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('产品名称,县\n黄花菜,祁东县\n'),
    });
    await page.getByTestId('import-error').getByText('「没有供应商.csv」缺少必需的列："供应商"').waitFor();
    assert.equal(await page.getByTestId('import-report').count(), 0);
    await page.close();
  });
});
