import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { Harness } from './harness';

const JD_PAGE = 'https://search.jd.com/Search?keyword=%E8%85%8A%E8%82%89';
/** The content script's positive signal: a scan finished (its badges mounted), or "off" for a switched-off site. */
const scanned = (page: Page, value: string) =>
  page.waitForFunction((v) => document.documentElement.dataset.reliefScanned === v, value, { timeout: 15_000 });

describe('settings', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
    h.serve({ url: JD_PAGE, file: 'pages/jd-search-2025.html' });
  });
  after(async () => {
    await h?.close();
  });

  it('turning a site off stops its badges; turning it on brings them back', async () => {
    const settings = await h.openExtensionPage('dashboard.html#/settings');
    await settings.locator('[data-testid="settings-page"][data-loaded="true"]').waitFor();
    const jd = settings.getByTestId('site-switch-jd');
    await jd.click();
    const off = await h.context.newPage();
    await off.goto(JD_PAGE);
    // The scanner says it stopped because the site is off; only then is the absence of badges a finding.
    await scanned(off, 'off');
    assert.equal(await off.locator('relief-badge').count(), 0);
    // Nothing was read either (a scan that went on after "off" would have counted the cards by now).
    assert.equal(await off.evaluate(() => document.documentElement.dataset.reliefListings), undefined);
    await off.close();
    await jd.click();
    const on = await h.context.newPage();
    await on.goto(JD_PAGE);
    await scanned(on, '8');
    assert.ok((await on.locator('relief-badge').count()) > 0);
    await on.close();
    await settings.close();
  });

  it('hides hint badges when asked, never certification', async () => {
    const settings = await h.openExtensionPage('dashboard.html#/settings');
    await settings.locator('[data-testid="settings-page"][data-loaded="true"]').waitFor();
    await settings.getByRole('switch').click();
    const page = await h.context.newPage();
    await page.goto(JD_PAGE);
    // The whole page scanned (all 8 cards read, their badges mounted): certified ones shown, no hint.
    await scanned(page, '8');
    assert.ok((await page.locator('relief-badge[data-tier="certified"]').count()) > 0);
    assert.equal(await page.locator('relief-badge[data-tier="poverty-area"]').count(), 0);
    await page.close();
    await settings.getByRole('switch').click();
    await settings.close();
  });

  it('backup, clear all, restore: everything comes back', async () => {
    const before = h.errors.length;
    const page = await h.openExtensionPage('dashboard.html#/settings');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
    const file = await download.path();
    const backup = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(backup.format, 'relief-shopping-helper-backup');
    assert.ok(backup.tables.catalogueChunks.length > 0);

    assert.equal(await page.getByTestId('clear-all').isDisabled(), true, 'needs the typed confirmation');
    await page.getByTestId('clear-confirm-text').fill('清除');
    await page.getByTestId('clear-all').click();
    await page.getByTestId('settings-message').getByText('已清除全部数据').waitFor();
    const overview = await h.openExtensionPage('dashboard.html#/catalogue');
    await overview.getByTestId('catalogue-sources').getByText('还没有导入目录').waitFor();

    await page
      .getByTestId('backup-restore')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"x"}') });
    await page.getByTestId('settings-message').getByText('「bad.json」这不是消费帮扶助手的备份文件。').waitFor();

    await page.getByTestId('backup-restore').setInputFiles(file);
    await page.getByTestId('settings-message').getByText('已从备份恢复').waitFor();
    await overview.getByTestId('catalogue-sources').getByText('示例目录（非官方，仅供体验）').waitFor();
    assert.deepEqual(h.errors.slice(before), []);
    await overview.close();
    await page.close();
  });
});
