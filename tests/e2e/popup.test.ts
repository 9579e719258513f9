import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Harness } from './harness';

describe('the popup on an item page', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
  });

  it('prefills the purchase form from the page, refuses bad input, and saves', async () => {
    const before = h.errors.length;
    const shop = await h.openShopPage('https://item.jd.com/100023456781.html', 'pages/jd-item-old.html');
    await shop.locator('relief-badge[data-tier="certified"]').waitFor();
    const popup = await h.openExtensionPage('popup.html');
    await popup.getByTestId('popup-tier').getByText('认定帮扶产品').waitFor();
    const form = popup.getByTestId('purchase-form');
    assert.equal(await form.locator('[data-field="product"]').inputValue(), '城口老腊肉');
    assert.equal(await form.locator('[data-field="shop"]').inputValue(), '巴山老腊肉旗舰店');

    await form.locator('[data-field="quantity"]').fill('0');
    await popup.getByTestId('purchase-save').click();
    await form.getByText('数量应大于 0').waitFor();
    assert.equal(await popup.getByTestId('popup-recent').count(), 0, 'nothing written');

    await form.locator('[data-field="quantity"]').fill('2');
    await form.locator('[data-field="unitPrice"]').fill('88');
    assert.equal(await form.locator('[data-field="amount"]').inputValue(), '176.00');
    await popup.getByTestId('purchase-save').click();
    await popup
      .getByTestId('popup-recent')
      .getByText(/城口老腊肉 ¥176\.00/)
      .waitFor();
    assert.deepEqual(h.errors.slice(before), []);
    await popup.close();
    await shop.close();
  });
});
