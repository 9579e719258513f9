import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { GBK_IMPORT, ITEM_PAGE, POPUP_PLEDGE } from '../e2e/cases';
import { attribute, FirefoxHarness, waitForText } from './harness';

const YEAR = new Date().getFullYear();

describe('Firefox: the add-on, its dashboard, popup and backups', () => {
  let h: FirefoxHarness;
  before(async () => {
    h = await FirefoxHarness.start();
  });
  after(async () => {
    await h?.close();
  });

  it('loads as an MV2 add-on with its gecko id, only the shops as hosts, and a Chinese popup', async () => {
    const page = await h.openExtensionPage('popup.html');
    const manifest = await page.evaluate(() => chrome.runtime.getManifest());
    assert.equal(manifest.manifest_version, 2);
    assert.equal(manifest.default_locale, 'zh_CN');
    // Firefox names the add-on by its gecko id (the one the built manifest declares).
    assert.equal(await page.evaluate(() => chrome.runtime.id), 'relief-helper@relief-shopping-helper.local');
    const hosts = (manifest.permissions ?? []).join(' ');
    assert.ok(!hosts.includes('<all_urls>'));
    assert.match(hosts, /jd\.com/);
    assert.ok(
      ['消费帮扶助手', 'Relief Shopping Helper'].includes(await page.evaluate(() => chrome.i18n.getMessage('extName'))),
    );
    await waitForText(page, 'h1, h2, h3', '消费帮扶助手');
    await waitForText(page, 'body', '还没有记录');
    await page.close();
  });

  it('imports a GBK CSV with bad rows through the dashboard: the report first, then the valid rows', async () => {
    const before = h.errors.length;
    const page = await h.openExtensionPage('dashboard.html#/catalogue');
    await waitForText(page, '[data-testid="catalogue-sources"]', '示例目录');
    await h.chooseFile(page, '[data-testid="catalogue-file"]', GBK_IMPORT.file);
    const report = '[data-testid="import-report"]';
    assert.equal(await attribute(page, report, 'data-valid'), String(GBK_IMPORT.valid));
    assert.equal(await attribute(page, report, 'data-rejected'), String(GBK_IMPORT.rejected));
    assert.equal(await attribute(page, report, 'data-duplicates'), String(GBK_IMPORT.duplicates));
    for (const row of GBK_IMPORT.rejectedRows) await waitForText(page, `${report} tr`, row);
    // Nothing is written before the user confirms.
    const sources = '[data-testid="catalogue-sources"] tbody tr';
    assert.equal(
      await page.$$eval(
        sources,
        (rows, name) => rows.filter((r) => r.textContent?.includes(name)).length,
        GBK_IMPORT.source,
      ),
      0,
    );
    await (await page.waitForSelector('[data-testid="catalogue-import-confirm"]'))?.click();
    await waitForText(page, '[data-testid="import-done"]', GBK_IMPORT.done);
    const row = await waitForText(page, sources, GBK_IMPORT.source);
    const cells = await row.$$eval('td', (tds) => tds.map((td) => td.textContent?.trim() ?? ''));
    assert.ok(cells.includes(String(GBK_IMPORT.valid)), `row count in ${cells.join(' | ')}`);
    // The import time reads in the UI's language, as in Chromium (Firefox's own locale here is en-US).
    assert.ok(
      cells.some((c) => /^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2}$/.test(c)),
      `a Chinese date in ${cells.join(' | ')}`,
    );
    assert.deepEqual(h.errors.slice(before), []);
    await page.close();
  });

  it('renders the popup on an item page with the pledge’s progress, and a purchase moves it', async () => {
    const before = h.errors.length;
    const pledges = await h.openExtensionPage('dashboard.html#/pledges');
    await (await pledges.waitForSelector('[data-testid="pledge-add"]'))?.click();
    await pledges.locator('[data-testid="pledge-title"]').fill(POPUP_PLEDGE.title(YEAR));
    await pledges.locator('[data-testid="pledge-target"]').fill(POPUP_PLEDGE.targetYuan);
    await (await pledges.waitForSelector('[data-testid="pledge-save"]'))?.click();
    await waitForText(pledges, '[data-testid="pledges-table"]', POPUP_PLEDGE.title(YEAR));
    await pledges.close();

    const shop = await h.openShopPage(ITEM_PAGE.url, ITEM_PAGE.file);
    await shop.waitForSelector('relief-badge[data-tier="certified"]');
    const popup = await h.openExtensionPage('popup.html');
    await waitForText(popup, '[data-testid="popup-tier"]', ITEM_PAGE.tierLabel);
    const progress = '[data-testid="pledge-progress"]';
    assert.equal(await attribute(popup, progress, 'data-done-fen'), '0');
    assert.equal(await attribute(popup, progress, 'data-target-fen'), POPUP_PLEDGE.targetFen);
    await waitForText(popup, progress, POPUP_PLEDGE.title(YEAR));
    const field = (name: string) => `[data-testid="purchase-form"] [data-field="${name}"]`;
    const value = (name: string) => popup.$eval(field(name), (el) => (el as HTMLInputElement).value);
    await popup.waitForFunction(
      (sel: string) => (document.querySelector(sel) as HTMLInputElement)?.value,
      {},
      field('product'),
    );
    assert.equal(await value('product'), ITEM_PAGE.product);
    assert.equal(await value('shop'), ITEM_PAGE.shop);

    await popup.locator(field('quantity')).fill(POPUP_PLEDGE.quantity);
    await popup.locator(field('unitPrice')).fill(POPUP_PLEDGE.unitPrice);
    assert.equal(await value('amount'), POPUP_PLEDGE.amount);
    await (await popup.waitForSelector('[data-testid="purchase-save"]'))?.click();
    await waitForText(popup, '[data-testid="popup-recent"]', POPUP_PLEDGE.recent);
    await popup.waitForSelector(`${progress}[data-done-fen="${POPUP_PLEDGE.doneFen}"]`);
    // The bar a person sees is drawn at the pledge's share.
    const bar = await popup.$eval(`${progress} progress`, (el) => (el as HTMLProgressElement).value);
    assert.equal(bar, Math.round((Number(POPUP_PLEDGE.doneFen) / Number(POPUP_PLEDGE.targetFen)) * 1000) / 10);
    assert.deepEqual(h.errors.slice(before), []);
    await popup.close();
    await shop.close();
  });

  it('backup, clear all, restore: the catalogue, the pledge and the purchase come back', async () => {
    const before = h.errors.length;
    const settings = await h.openExtensionPage('dashboard.html#/settings');
    await (await settings.waitForSelector('[data-testid="backup-download"]'))?.click();
    const file = await h.download(/^消费帮扶助手备份-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(backup.format, 'relief-shopping-helper-backup');
    assert.equal(backup.tables.purchases.length, 1);
    assert.equal(backup.tables.pledges.length, 1);
    assert.ok(backup.tables.catalogueSources.some((s: { name: string }) => s.name === GBK_IMPORT.source));

    await settings.locator('[data-testid="clear-confirm-text"]').fill('清除');
    await (await settings.waitForSelector('[data-testid="clear-all"]:not([disabled])'))?.click();
    await waitForText(settings, '[data-testid="settings-message"]', '已清除全部数据');
    const catalogue = await h.openExtensionPage('dashboard.html#/catalogue');
    await waitForText(catalogue, '[data-testid="catalogue-sources"]', '还没有导入目录');

    await h.chooseFile(settings, '[data-testid="backup-restore"]', file);
    await waitForText(settings, '[data-testid="settings-message"]', '已从备份恢复');
    await waitForText(catalogue, '[data-testid="catalogue-sources"] tbody tr', GBK_IMPORT.source);
    await waitForText(catalogue, '[data-testid="catalogue-sources"] tbody tr', '示例目录');
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector(`[data-testid="pledge-progress"][data-done-fen="${POPUP_PLEDGE.doneFen}"]`);
    await waitForText(popup, '[data-testid="popup-recent"]', POPUP_PLEDGE.recent);
    assert.deepEqual(h.errors.slice(before), []);
    await popup.close();
    await catalogue.close();
    await settings.close();
  });

  it('writes no extension errors to Firefox’s console', () => {
    assert.deepEqual(h.errors, []);
  });
});
