import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { Harness } from './harness';

const field = (page: Page, name: string) => page.getByTestId(`unsold-field-${name}`);

describe('the unsold register', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
  });

  it('registers a good with checked fields, finds it by pinyin, and 认购 lowers its open quantity', async () => {
    const before = h.errors.length;
    const page = await h.openExtensionPage('dashboard.html#/unsold');
    await page.getByTestId('unsold-add').click();
    await field(page, 'product').fill('黄花菜');
    await field(page, 'variety').fill('冲里花');
    await field(page, 'quantity').fill('0');
    await field(page, 'expectedPrice').fill('12.5');
    await field(page, 'harvestStart').fill('2026-07-01');
    await field(page, 'harvestEnd').fill('2026-06-01');
    await field(page, 'county').fill('祁东县');
    await field(page, 'producer').fill('李桂英');
    await field(page, 'phone').fill('12345');
    await page.getByTestId('unsold-save').click();
    const form = page.getByTestId('unsold-form');
    await form.getByText('数量应大于 0').waitFor();
    await form.getByText('采收结束不能早于采收开始').waitFor();
    await form.getByText(/请填写大陆手机号/).waitFor();
    assert.equal(await page.getByTestId('unsold-row').count(), 0, 'nothing written');

    await field(page, 'quantity').fill('2000');
    await field(page, 'harvestStart').fill('2026-06-01');
    await field(page, 'harvestEnd').fill('2026-12-31');
    await field(page, 'phone').fill('138 0734 1234');
    await page.getByTestId('unsold-save').click();
    const row = page.getByTestId('unsold-row');
    await row.first().waitFor();
    assert.equal(await row.getAttribute('data-open'), '2000');
    assert.equal(await row.getAttribute('data-status'), 'open');

    const search = page.getByPlaceholder('搜索：产品、地点、农户（支持拼音和首字母）');
    await search.fill('hhc');
    assert.equal(await page.getByTestId('unsold-row').count(), 1);
    await search.fill('pingguo');
    await page.getByTestId('unsold-row').waitFor({ state: 'detached' });
    await search.fill('');

    await page.getByTestId('unsold-subscribe').click();
    const buy = page.getByTestId('unsold-subscribe-form');
    assert.equal(await buy.locator('[data-field="product"]').inputValue(), '黄花菜（冲里花）');
    await buy.locator('[data-field="quantity"]').fill('10');
    assert.equal(await buy.locator('[data-field="amount"]').inputValue(), '125.00');
    await buy.getByTestId('purchase-save').click();
    await page.locator('[data-testid="unsold-row"][data-open="1990"]').waitFor();

    const purchases = await h.openExtensionPage('dashboard.html#/purchases');
    const table = purchases.getByTestId('purchases-table');
    await table.getByText('黄花菜（冲里花）').waitFor();
    await table.getByText('本地滞销').waitFor();
    await purchases.close();

    assert.deepEqual(await h.accessibilityViolations(page), []);
    assert.deepEqual(h.errors.slice(before), []);
    await page.close();
  });

  it('hints a newly registered good on shop pages at once (the index takes the register without a rebuild)', async () => {
    const page = await h.openExtensionPage('dashboard.html#/unsold');
    await page.getByTestId('unsold-add').click();
    await field(page, 'product').fill('香肠');
    await field(page, 'quantity').fill('300');
    await field(page, 'producer').fill('城口县农家腊味合作社');
    await page.getByTestId('unsold-save').click();
    await page.getByTestId('unsold-row').nth(1).waitFor();
    await page.close();
    const shop = await h.openShopPage(
      'https://search.jd.com/Search?keyword=%E9%A6%99%E8%82%A0',
      'pages/jd-search-2025.html',
    );
    await shop.locator('relief-badge[data-tier="unsold"]').first().waitFor();
    const card = await shop
      .locator('relief-badge[data-tier="unsold"]')
      .first()
      .evaluate((el) => el.closest('[data-sku]')?.textContent ?? '');
    assert.match(card, /香肠/);
    await shop.close();
  });

  it('suggests the good in the popup to someone at home in its county', async () => {
    const settings = await h.openExtensionPage('dashboard.html#/settings');
    await settings.locator('#settings-home').click();
    await settings.locator('#settings-home').fill('祁东');
    await settings.getByText('祁东县', { exact: false }).last().click();
    // The choice is stored (a positive signal) before the popup reads it.
    await settings.evaluate(async () => {
      const local = (chrome as unknown as { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } })
        .storage.local;
      for (let tries = 0; tries < 300; tries++) {
        const { homeRegion } = await local.get('homeRegion');
        if ((homeRegion as { countyCode?: string } | undefined)?.countyCode) return;
        await new Promise((wake) => setTimeout(wake, 50));
      }
      throw new Error('the home region was not stored within 15 s');
    });
    await settings.close();

    const popup = await h.openExtensionPage('popup.html');
    const suggestions = popup.getByTestId('popup-suggestions');
    await suggestions.getByText(/黄花菜（冲里花）/).waitFor();
    await suggestions.getByTestId('suggest-subscribe').click();
    await popup.getByTestId('popup-subscribing').waitFor();
    assert.equal(
      await popup.getByTestId('purchase-form').locator('[data-field="product"]').inputValue(),
      '黄花菜（冲里花）',
    );
    await popup.close();
  });
});
