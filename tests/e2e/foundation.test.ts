import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { missingFixture } from './cases';
import { Harness } from './harness';

/** The real JD capture, read from ../shared (never copied here). */
const REAL_JD = 'shared:pages/jd-search-2018.html';

describe('the extension', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
  });

  it('loads with a Chinese name and only the shops as hosts', async () => {
    const page = await h.openExtensionPage('popup.html');
    const manifest = await page.evaluate(() => chrome.runtime.getManifest());
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.default_locale, 'zh_CN');
    // Headless Chromium picks the extension's locale from the process, not --lang:
    // either of our two names proves the _locales were built and resolved.
    assert.ok(
      ['消费帮扶助手', 'Relief Shopping Helper'].includes(await page.evaluate(() => chrome.i18n.getMessage('extName'))),
    );
    const hosts = (manifest.host_permissions ?? []).join(' ');
    assert.ok(!hosts.includes('<all_urls>'));
    assert.match(hosts, /jd\.com/);
    assert.deepEqual(manifest.permissions, ['storage']);
    await page.close();
  });

  it('renders the popup in Chinese with no console errors', async () => {
    const before = h.errors.length;
    const page = await h.openExtensionPage('popup.html');
    await page.getByRole('heading', { name: '消费帮扶助手' }).waitFor();
    await page.getByText('打开管理页').waitFor();
    await page.getByText('还没有记录').waitFor();
    // The empty list says where its entries come from: the orders page, linked.
    const fromOrders = page.getByRole('link', { name: '从订单页导入已买的' });
    await fromOrders.waitFor();
    assert.equal(await fromOrders.getAttribute('href'), '/dashboard.html#/orders');
    // A live query has answered (the empty states above also show while loading): the sample
    // catalogue's line appears only once the catalogue sources are read. Then nothing broke.
    await page.getByTestId('popup-sample').waitFor();
    assert.deepEqual(h.errors.slice(before), []);
    await page.close();
  });

  it('renders every dashboard section with no console errors', async () => {
    const before = h.errors.length;
    const page = await h.openExtensionPage('dashboard.html');
    await page.getByText('所有数据只保存在本浏览器中').waitFor();
    for (const [hash, title] of [
      ['#/purchases', '购买记录'],
      ['#/catalogue', '产品目录'],
      ['#/settings', '设置'],
    ] as const) {
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      await page.locator(`[data-route="${hash.slice(2)}"]`).waitFor();
      await page.getByRole('heading', { name: title, level: 3 }).waitFor();
    }
    assert.deepEqual(h.errors.slice(before), []);
    await page.close();
  });

  it('runs the content script on a JD search page and reads all its cards', {
    skip: missingFixture(REAL_JD),
  }, async () => {
    const before = h.errors.length;
    const page = await h.openShopPage(
      'https://search.jd.com/Search?keyword=%E6%BF%80%E5%85%89%E6%89%93%E5%8D%B0',
      REAL_JD,
    );
    await page.waitForFunction(() => document.documentElement.dataset.reliefListings === '30');
    assert.deepEqual(h.errors.slice(before), []);
    await page.close();
  });

  it('answers getStatus from the background', async () => {
    const page = await h.openExtensionPage('popup.html');
    const status = await page.evaluate(() =>
      chrome.runtime.sendMessage({ id: 1, type: 'getStatus', data: {}, timestamp: Date.now() }),
    );
    assert.equal(status?.res?.indexReady, true);
    await page.close();
  });
});
