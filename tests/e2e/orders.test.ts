import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { Harness } from './harness';

const JD_ORDERS = 'https://order.jd.com/center/list.action';
const TAOBAO_ORDERS = 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm';

async function openReview(h: Harness, shop: Page): Promise<Page> {
  const [review] = await Promise.all([
    h.context.waitForEvent('page'),
    shop.locator('relief-order-bar').getByRole('button', { name: '查看并导入' }).click(),
  ]);
  await review.getByTestId('orders-table').waitFor();
  // Matching finishes when the certified rows carry their tier.
  await review.locator('[data-testid="order-item"][data-tier="certified"]').first().waitFor();
  return review;
}

const ledgerCount = async (h: Harness) => {
  const page = await h.openExtensionPage('dashboard.html#/purchases');
  // The live query has answered (its loading state would also read 0).
  const totals = page.locator('[data-testid="purchases-totals"][data-loaded="true"]');
  await totals.waitFor();
  const count = Number(await totals.getAttribute('data-count'));
  await page.close();
  return count;
};

describe('importing purchases from order lists', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
  });

  it('JD 我的订单: one bar, a review with certified items ticked, an import, and a second import that adds nothing', async () => {
    const before = h.errors.length;
    const shop = await h.openShopPage(JD_ORDERS, 'pages/jd-orders.html');
    const bar = shop.locator('relief-order-bar');
    await bar.waitFor();
    assert.equal(await bar.getAttribute('data-orders'), '2');
    assert.equal(await shop.locator('relief-order-bar').count(), 1);
    await bar.getByText('发现 2 笔帮扶产品订单').waitFor();

    const review = await openReview(h, shop);
    const rows = review.getByTestId('order-item');
    const state = await rows.evaluateAll((els) =>
      els.map((el) => [
        el.getAttribute('data-key'),
        el.getAttribute('data-tier'),
        (el.querySelector('input[type="checkbox"]') as HTMLInputElement | null)?.checked ?? null,
      ]),
    );
    assert.deepEqual(state, [
      ['jd:285519843211:100023456781', 'certified', true],
      ['jd:285519843212:100045678901', 'certified', true],
      ['jd:285519843212:100045678902', 'certified', true],
      ['jd:285519843213:100067890123', 'poverty-area', false],
      ['jd:285519843215:100089012345', '', false],
    ]);
    await review.getByTestId('orders-closed').getByText('285519843214（已取消）').waitFor();
    assert.equal(await ledgerCount(h), 0, 'nothing is written before the user confirms');

    await review.getByTestId('orders-import').click();
    await review.locator('[data-testid="orders-done"][data-added="3"]').waitFor();
    await review.locator('[data-testid="order-item"][data-imported="true"]').nth(2).waitFor();
    assert.equal(await ledgerCount(h), 3);
    const purchases = await h.openExtensionPage('dashboard.html#/purchases');
    await purchases.getByTestId('purchases-table').getByText('城口老腊肉').waitFor();
    await purchases.getByTestId('purchases-table').getByText('¥176.00').waitFor();
    await purchases.close();
    await review.close();

    const again = await openReview(h, shop);
    await again.locator('[data-testid="order-item"][data-imported="true"]').nth(2).waitFor();
    await again.getByTestId('orders-import').click();
    await again.locator('[data-testid="orders-done"][data-added="0"]').waitFor();
    assert.equal(await ledgerCount(h), 3, 'a second import adds nothing');
    assert.deepEqual(h.errors.slice(before), []);
    await again.close();
    await shop.close();
  });

  it('Taobao 已买到的宝贝: the bar counts orders with certified items, closed ones left out', async () => {
    const shop = await h.openShopPage(TAOBAO_ORDERS, 'pages/taobao-orders.html');
    const bar = shop.locator('relief-order-bar');
    await bar.waitFor();
    assert.equal(await bar.getAttribute('data-orders'), '2');
    const review = await openReview(h, shop);
    await review.getByTestId('orders-closed').getByText('1789012345678901236（交易关闭）').waitFor();
    const ticked = await review
      .getByTestId('order-item')
      .evaluateAll((els) =>
        els
          .filter((el) => (el.querySelector('input[type="checkbox"]') as HTMLInputElement | null)?.checked)
          .map((el) => el.getAttribute('data-key')),
      );
    assert.deepEqual(ticked, ['taobao:1789012345678901234:612345678901', 'taobao:1789012345678901235:612345678902']);
    await review.close();
    await shop.close();
  });

  it('a double-click on 保存 stores one purchase, and an order logged by hand is not imported again', async () => {
    const before = await ledgerCount(h);
    const page = await h.openExtensionPage('dashboard.html#/purchases');
    const form = page.getByTestId('purchase-form');
    await form.locator('[data-field="purchasedOn"]').fill('2026-03-08');
    await form.locator('[data-field="product"]').fill('安化黑茶');
    await form.locator('[data-field="shop"]').fill('梅山黑茶旗舰店');
    await form.locator('[data-field="amount"]').fill('128.00');
    await form.locator('[data-field="orderNo"]').fill('1789012345678901234');
    await page.getByTestId('purchase-save').dblclick();
    await form.getByTestId('purchase-saved').waitFor();
    // The form starts afresh: a third click saves nothing (it asks for a product).
    assert.equal(await form.locator('[data-field="product"]').inputValue(), '');
    await page.getByTestId('purchase-save').click();
    await form.getByText('请填写产品名称').waitFor();
    assert.equal(await ledgerCount(h), before + 1, 'one purchase for a double-click');

    // Typed again by hand (same product, day and amount, no order number): asked, not saved.
    await form.locator('[data-field="purchasedOn"]').fill('2026-03-08');
    await form.locator('[data-field="product"]').fill('安化黑茶');
    await form.locator('[data-field="amount"]').fill('128.00');
    await page.getByTestId('purchase-save').click();
    await form
      .locator('[data-testid="purchase-duplicate"][data-kind="ask"]')
      .getByText(/可能重复/)
      .waitFor();
    assert.equal(await ledgerCount(h), before + 1);
    await page.close();

    // The same order on Taobao's list: its row says why it is not imported, and importing adds nothing for it.
    const shop = await h.openShopPage(TAOBAO_ORDERS, 'pages/taobao-orders.html');
    const review = await openReview(h, shop);
    const row = review.locator('[data-testid="order-item"][data-key="taobao:1789012345678901234:612345678901"]');
    await row
      .locator('[data-testid="order-duplicate"][data-kind="same"]')
      .getByText(/已记录过/)
      .waitFor();
    assert.equal(await row.getAttribute('data-imported'), 'true');
    await review.getByTestId('orders-import').click();
    await review.locator('[data-testid="orders-done"]').waitFor();
    const added = Number(await review.getByTestId('orders-done').getAttribute('data-added'));
    assert.equal(await ledgerCount(h), before + 1 + added);
    const table = await h.openExtensionPage('dashboard.html#/purchases');
    const teaRows = table.getByTestId('purchases-table').getByRole('row', { name: /安化黑茶/ });
    await teaRows.first().waitFor();
    assert.equal(await teaRows.count(), 1, 'the order item is in the ledger once');
    await table.close();
    await review.close();
    await shop.close();
  });
});
