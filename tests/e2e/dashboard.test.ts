import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { backupJson, ledgerPurchase, restoreBackup } from './backup-file';
import { Harness } from './harness';

const YEAR = new Date().getFullYear();
export const ARTIFACTS = '.output/test-artifacts';

/** A backup holding `count` purchases of this year (every 7th uncertified) and a pledge. */
function ledgerBackup(count: number): string {
  // Spread over the year so far: a purchase is never dated after today.
  const start = Date.UTC(YEAR, 0, 1);
  const span = Math.max(1, Math.floor((Date.now() - start) / 86_400_000));
  const purchases = Array.from({ length: count }, (_, i) =>
    ledgerPurchase({
      id: `p${String(i).padStart(5, '0')}`,
      day: new Date(start + (i % span) * 86_400_000).toISOString().slice(0, 10),
      product: i % 5 === 0 ? '秭归脐橙' : '祁东黄花菜',
      fen: 1000 + (i % 50) * 10,
      county: i % 5 === 0 ? '秭归县' : '祁东县',
      platform: i % 3 === 0 ? 'taobao' : 'jd',
      fundingSource: i % 4 === 0 ? '工会' : '个人',
      certification: i % 7 === 0 ? {} : { tier: 'certified', batch: '第3批' },
    }),
  );
  const pledges = [
    {
      id: 'pl',
      title: `${YEAR} 年认购`,
      periodStart: `${YEAR}-01-01`,
      periodEnd: `${YEAR}-12-31`,
      targetFen: 50_000_00,
    },
  ];
  return backupJson({ purchases, pledges, profile: { name: '张三', unit: '某某县财政局' } });
}

const totals = async (page: Page) => {
  const el = page.getByTestId('purchases-totals');
  return [await el.getAttribute('data-count'), await el.getAttribute('data-total-fen')];
};

describe('the dashboard', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
    await restoreBackup(h, ledgerBackup(30));
  });
  after(async () => {
    await h?.close();
  });

  it('draws the overview charts (a screenshot is kept)', async () => {
    const page = await h.openExtensionPage('dashboard.html#/overview');
    for (const chart of ['chart-monthly', 'chart-county', 'chart-funding', 'chart-share']) {
      await page.getByTestId(chart).locator('svg').waitFor();
      assert.ok((await page.getByTestId(chart).locator('svg path').count()) > 3, `${chart} draws`);
    }
    await page.waitForTimeout(800); // the charts' entry animation
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.getByTestId('overview-charts').screenshot({ path: `${ARTIFACTS}/overview-charts.png` });
    assert.deepEqual(await h.accessibilityViolations(page), []);
    await page.close();
  });

  it('shows each pledge’s progress from the ledger', async () => {
    const page = await h.openExtensionPage('dashboard.html#/pledges');
    const progress = page.getByTestId('pledge-progress');
    await progress.waitFor();
    // 30 purchases of 10.00 … 12.90 元; every 7th is not certified and does not count.
    const expected = Array.from({ length: 30 }, (_, i) => (i % 7 === 0 ? 0 : 1000 + (i % 50) * 10)).reduce(
      (a, b) => a + b,
    );
    assert.equal(await progress.getAttribute('data-done-fen'), String(expected));
    assert.equal(await progress.getAttribute('data-target-fen'), '5000000');
    await page.close();
  });

  it('filters, searches, edits and bulk-deletes purchases, with totals of what is shown', async () => {
    const before = h.errors.length;
    const page = await h.openExtensionPage('dashboard.html#/purchases');
    await page.locator('[data-testid="purchases-totals"][data-count="30"]').waitFor();
    const all = await totals(page);

    await page.getByPlaceholder('搜索产品、供应商、店铺、订单号、备注').fill('脐橙');
    await page.locator('[data-testid="purchases-totals"][data-count="6"]').waitFor();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.locator('[data-testid="purchases-totals"][data-count="30"]').waitFor();

    await page.getByRole('button', { name: '编辑 祁东黄花菜' }).first().click();
    const form = page.getByTestId('purchase-edit');
    await form.locator('[data-field="amount"]').fill('0');
    await form.getByTestId('purchase-save').click();
    await form.getByText('金额应大于 0，如 88.00').waitFor();
    await form.locator('[data-field="amount"]').fill('99.99');
    await form.getByTestId('purchase-save').click();
    await page.getByTestId('purchases-table').getByText('¥99.99').waitFor();
    assert.equal((await totals(page))[0], '30', 'edited in place');

    const rows = page.getByTestId('purchases-table').locator('tbody tr[data-id]');
    for (let i = 0; i < 3; i++) await rows.nth(i).locator('input[type="checkbox"]').check();
    await page.getByTestId('purchases-bulk-delete').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('[data-testid="purchases-totals"][data-count="27"]').waitFor();
    await page.getByTestId('purchases-deleted').getByRole('button').click();
    await page.locator('[data-testid="purchases-totals"][data-count="30"]').waitFor();
    assert.notDeepEqual(await totals(page), all, 'the edit changed the total');
    assert.deepEqual(await h.accessibilityViolations(page), []);
    assert.deepEqual(h.errors.slice(before), []);
    await page.close();
  });

  it('has no serious accessibility violations on its other pages', async () => {
    for (const route of ['catalogue', 'unsold', 'pledges', 'coordinator', 'settings']) {
      const page = await h.openExtensionPage(`dashboard.html#/${route}`);
      await page.locator(`[data-route="${route}"]`).waitFor();
      await page.waitForTimeout(300);
      assert.deepEqual(await h.accessibilityViolations(page), [], route);
      await page.close();
    }
  });

  it('handles 10,000 purchases: totals, search and paging stay responsive', async () => {
    await restoreBackup(h, ledgerBackup(10_000));
    const page = await h.openExtensionPage('dashboard.html#/purchases');
    await page.locator('[data-testid="purchases-totals"][data-count="10000"]').waitFor({ timeout: 30_000 });
    await page.getByPlaceholder('搜索产品、供应商、店铺、订单号、备注').fill('脐橙');
    await page.locator('[data-testid="purchases-totals"][data-count="2000"]').waitFor();
    assert.equal(
      await page.getByTestId('purchases-table').locator('tbody tr[data-id]').count(),
      50,
      'one page of rows',
    );
    await page.close();
  });
});
