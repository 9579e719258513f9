import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Harness } from './harness';

/** 匹配检查: opened from a badge, it shows the badge's own tier and reasons, with the trace behind them. */
describe('匹配检查 (why, or why not)', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
  });

  it('opens from a badge’s panel and shows the same tier and reasons as the badge', async () => {
    const page = await h.openShopPage('https://item.jd.com/100023456781.html', 'pages/jd-item-old.html');
    const badge = page.locator('relief-badge');
    await badge.getByRole('button').first().click();
    const panel = badge.getByRole('dialog');
    await panel.waitFor();
    const badgeReasons = await panel.locator('li').allTextContents();
    assert.ok(badgeReasons.length >= 2, `the panel lists its reasons: ${badgeReasons}`);
    const [check] = await Promise.all([
      h.context.waitForEvent('page'),
      panel.getByRole('button', { name: '为什么？' }).click(),
    ]);
    const answer = check.getByTestId('check-answer');
    await answer.waitFor();
    assert.equal(await answer.getAttribute('data-tier'), 'certified');
    assert.equal(await check.getByTestId('check-tier').textContent(), '认定帮扶产品');
    assert.deepEqual(await check.getByTestId('check-reasons').locator('li').allTextContents(), badgeReasons);
    // The trace: the candidate taken, its certificate and source, and the rules it passed.
    const taken = check.locator('.ant-card', { hasText: '采用' }).filter({ hasText: '城口老腊肉' });
    await taken.getByText('SL-500229-001').waitFor();
    await taken.getByText('示例目录（非官方，仅供体验）').waitFor();
    await taken.getByText(/产品词「老腊肉」在标题中/).waitFor();
    await check.close();
    await page.close();
  });

  it('explains a typed listing that gets no badge: the shop agrees with no supplier', async () => {
    const check = await h.openExtensionPage('dashboard.html#/check');
    await check.getByTestId('check-title').fill('城口老腊肉 500g 农家柴火烟熏');
    await check.getByTestId('check-shop').fill('优品生鲜店');
    await check.getByTestId('check-run').click();
    const answer = check.getByTestId('check-answer');
    await answer.waitFor();
    // 城口 is a poverty county: a hint, never "certified" on the product name alone.
    assert.equal(await answer.getAttribute('data-tier'), 'poverty-area');
    await check.getByText('目录中没有与店铺或商品编号相符的条目，所以不会标"认定"。').waitFor();
    assert.deepEqual(await h.accessibilityViolations(check), []);
    await check.close();
  });
});
