import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SHARE_TEXT_EXAMPLES } from '../../lib/sites/share-text';
import { ITEM_PAGE, POPUP_PLEDGE } from './cases';
import { Harness } from './harness';

describe('the popup', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
    // A yearly pledge of 1,000 元, made on the dashboard's pledges page.
    const year = new Date().getFullYear();
    const pledges = await h.openExtensionPage('dashboard.html#/pledges');
    await pledges.getByTestId('pledge-add').click();
    await pledges.getByTestId('pledge-title').fill(POPUP_PLEDGE.title(year));
    await pledges.getByTestId('pledge-target').fill(POPUP_PLEDGE.targetYuan);
    await pledges.getByTestId('pledge-save').click();
    await pledges.getByTestId('pledges-table').getByText(POPUP_PLEDGE.title(year)).waitFor();
    await pledges.close();
  });
  after(async () => {
    await h?.close();
  });

  it('on an item page: prefills the form, refuses bad input, saves, and moves the pledge progress', async () => {
    const before = h.errors.length;
    const shop = await h.openShopPage(ITEM_PAGE.url, ITEM_PAGE.file);
    await shop.locator('relief-badge[data-tier="certified"]').waitFor();
    const popup = await h.openExtensionPage('popup.html');
    await popup.getByTestId('popup-tier').getByText(ITEM_PAGE.tierLabel).waitFor();
    const progress = popup.getByTestId('pledge-progress');
    assert.equal(await progress.getAttribute('data-done-fen'), '0');
    assert.equal(await progress.getAttribute('data-target-fen'), POPUP_PLEDGE.targetFen);
    const form = popup.getByTestId('purchase-form');
    assert.equal(await form.locator('[data-field="product"]').inputValue(), ITEM_PAGE.product);
    assert.equal(await form.locator('[data-field="shop"]').inputValue(), ITEM_PAGE.shop);

    await form.locator('[data-field="quantity"]').fill('0');
    await popup.getByTestId('purchase-save').click();
    await form.getByText('数量应大于 0').waitFor();
    assert.equal(await popup.getByTestId('popup-recent').count(), 0, 'nothing written');
    assert.equal(await progress.getAttribute('data-done-fen'), '0');

    await form.locator('[data-field="quantity"]').fill(POPUP_PLEDGE.quantity);
    await form.locator('[data-field="unitPrice"]').fill(POPUP_PLEDGE.unitPrice);
    assert.equal(await form.locator('[data-field="amount"]').inputValue(), POPUP_PLEDGE.amount);
    await popup.getByTestId('purchase-save').click();
    await popup.getByTestId('popup-recent').getByText(POPUP_PLEDGE.recent).waitFor();
    await popup.locator(`[data-testid="pledge-progress"][data-done-fen="${POPUP_PLEDGE.doneFen}"]`).waitFor();
    assert.equal(await popup.getByTestId('popup-totals').getAttribute('data-month-fen'), POPUP_PLEDGE.doneFen);
    assert.deepEqual(await h.accessibilityViolations(popup), []);
    assert.deepEqual(h.errors.slice(before), []);
    await popup.close();
    await shop.close();
  });

  it('edits and deletes a recent purchase, with an undo', async () => {
    const popup = await h.openExtensionPage('popup.html');
    const recent = popup.getByTestId('popup-recent');
    await recent.getByRole('button', { name: '编辑 城口老腊肉' }).click();
    const form = popup.getByTestId('purchase-form');
    assert.equal(await form.locator('[data-field="amount"]').inputValue(), '176.00');
    await form.locator('[data-field="amount"]').fill('150');
    await popup.getByTestId('purchase-save').click();
    await recent.getByText(/城口老腊肉 ¥150\.00/).waitFor();
    assert.equal(await recent.locator('li').count(), 1, 'edited in place, not added');
    await popup.locator('[data-testid="pledge-progress"][data-done-fen="15000"]').waitFor();

    await recent.getByRole('button', { name: '删除 城口老腊肉' }).click();
    await popup.getByText('已删除“城口老腊肉”。').waitFor();
    assert.equal(await popup.getByTestId('popup-recent').count(), 0);
    await popup.getByRole('status').filter({ hasText: '已删除' }).getByRole('button', { name: '撤销' }).click();
    await recent.getByText(/城口老腊肉 ¥150\.00/).waitFor();
    await popup.close();
  });

  it('logs a purchase with the keyboard alone', async () => {
    const popup = await h.openExtensionPage('popup.html');
    const form = popup.getByTestId('purchase-form');
    // 记一笔 is one line until opened: Tab to it and open it with Enter.
    for (let i = 0; i < 20; i++) {
      await popup.keyboard.press('Tab');
      if (await popup.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'popup-log')) break;
    }
    await popup.keyboard.press('Enter');
    await form.locator('[data-field="purchasedOn"]').waitFor();
    // Tab on until the product field has the focus.
    for (let i = 0; i < 40; i++) {
      await popup.keyboard.press('Tab');
      if (await popup.evaluate(() => document.activeElement?.getAttribute('data-field') === 'product')) break;
    }
    await popup.keyboard.type('秭归脐橙');
    // (从目录选择 may offer entries between the product and the shop.)
    for (let i = 0; i < 20; i++) {
      await popup.keyboard.press('Tab');
      if (await popup.evaluate(() => document.activeElement?.getAttribute('data-field') === 'unitPrice')) break;
    }
    await popup.keyboard.type('39.9');
    await popup.keyboard.press('Enter');
    await popup
      .getByTestId('popup-recent')
      .getByText(/秭归脐橙 ¥39\.90/)
      .waitFor();
    await popup.close();
  });

  it('reads a share text pasted from the phone and prefills the form', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popup.getByTestId('popup-log').click();
    await popup.getByText('粘贴手机分享的商品').click();
    await popup.getByTestId('paste-share').fill('明天下午三点开会');
    await popup.getByTestId('paste-read').click();
    await popup.getByTestId('paste-message').getByText('没有认出商品').waitFor();

    const example = SHARE_TEXT_EXAMPLES[4];
    assert.ok(example);
    await popup.getByTestId('paste-share').fill(example.text);
    await popup.getByTestId('paste-read').click();
    await popup.getByTestId('paste-message').getByText(`已识别：${example.title}`).waitFor();
    const form = popup.getByTestId('purchase-form');
    assert.equal(await form.locator('[data-field="product"]').inputValue(), example.title);
    assert.equal(await form.locator('[data-field="unitPrice"]').inputValue(), '19.90');
    assert.equal(await form.locator('[data-field="url"]').count(), 0, 'the link is kept, not shown as a field');
    await popup.close();
  });

  it('prefills from a pasted bare JD link; a short link is named and leaves the form as it was', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popup.getByTestId('popup-log').click();
    await popup.getByText('粘贴手机分享的商品').click();
    await popup.getByTestId('paste-share').fill('【京东】https://3.cn/1Xy');
    await popup.getByTestId('paste-read').click();
    await popup
      .getByTestId('paste-message')
      .getByText(/这是短链接（https:\/\/3\.cn\/1Xy）/)
      .waitFor();
    const form = popup.getByTestId('purchase-form');
    assert.equal(await form.locator('[data-field="product"]').inputValue(), '');
    await popup.getByTestId('paste-share').fill('item.m.jd.com/product/100023456781.html');
    await popup.getByTestId('paste-read').click();
    await popup
      .getByTestId('paste-message')
      .getByText(/已识别/)
      .waitFor();
    // The sample catalogue knows this JD item by its id: the form takes the catalogue's product.
    await form.locator('[data-field="product"]').waitFor();
    assert.match(await form.locator('[data-field="product"]').inputValue(), /城口老腊肉|京东商品 100023456781/);
    await popup.close();
  });

  it('a typed purchase of a catalogued product is saved as certified; 从目录选择 fills it as one types', async () => {
    const popup = await h.openExtensionPage('popup.html');
    const progress = popup.getByTestId('pledge-progress');
    await progress.waitFor();
    const done = Number(await progress.getAttribute('data-done-fen'));
    await popup.getByTestId('popup-log').click();
    const form = popup.getByTestId('purchase-form');
    const field = (name: string) => form.locator(`[data-field="${name}"]`);

    // Picked from the catalogue as the product is typed.
    await field('product').fill('通江');
    await form.getByTestId('catalogue-choice').filter({ hasText: '通江银耳' }).click();
    assert.equal(await field('product').inputValue(), '通江银耳');
    assert.equal(await field('supplier').inputValue(), '通江县银耳产业开发有限公司');
    await field('amount').fill('36');
    await popup.getByTestId('purchase-save').click();
    await form.getByTestId('purchase-saved').waitFor();
    // Certified: it counts toward the 以购代捐 pledge at once.
    await popup.locator(`[data-testid="pledge-progress"][data-done-fen="${done + 3600}"]`).waitFor();

    // Typed by hand, product and shop (a storefront of the catalogue), nothing picked.
    await field('product').fill('紫阳富硒茶 250g');
    await field('shop').fill('汉江茶业旗舰店');
    await field('amount').fill('58');
    await popup.getByTestId('purchase-save').click();
    await popup.locator(`[data-testid="pledge-progress"][data-done-fen="${done + 3600 + 5800}"]`).waitFor();

    // The same product from a supplier the catalogue does not list stays 未认定.
    await field('product').fill('通江银耳');
    await field('supplier').fill('某某商贸有限公司');
    await field('amount').fill('20');
    await popup.getByTestId('purchase-save').click();
    await popup
      .getByTestId('popup-recent')
      .getByText(/通江银耳 ¥20\.00/)
      .waitFor();
    await popup.close();

    const table = await h.openExtensionPage('dashboard.html#/purchases');
    const row = (name: RegExp) => table.getByTestId('purchases-table').getByRole('row', { name });
    await row(/通江银耳.*通江县银耳产业开发有限公司/)
      .getByText('认定帮扶产品')
      .waitFor();
    await row(/紫阳富硒茶/)
      .getByText('认定帮扶产品')
      .waitFor();
    const other = row(/某某商贸有限公司/);
    await other.waitFor();
    assert.equal(await other.getByText('认定帮扶产品').count(), 0, 'another supplier is not certified');
    await table.close();
  });

  it('fits 380 × 600: progress, 记一笔, the suggestions and the export without scrolling (screenshot kept)', async () => {
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(h.extensionUrl('popup.html'));
    await popup.getByTestId('popup-catalogue-count').waitFor();
    const bottoms = await popup.evaluate(() =>
      [
        '.popup-progress',
        '[data-testid="popup-log"]',
        'section[aria-label="家乡滞销农产品"] h2',
        '[data-testid="popup-export"]',
      ].map((sel) => Math.round(document.querySelector(sel)?.getBoundingClientRect().bottom ?? 9999)),
    );
    for (const bottom of bottoms) assert.ok(bottom <= 600, `${bottoms.join(', ')} all within 600 px`);
    await popup.screenshot({ path: '.output/test-artifacts/popup-380x600.png' });
    await popup.close();
  });
});
