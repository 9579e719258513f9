import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { BADGE_CATALOGUE, BADGE_PAGES, ITEM_PAGE, missingFixture } from '../e2e/cases';
import { FirefoxHarness, untilItWorks, waitForText } from './harness';

async function badgesOn(page: Page): Promise<Record<string, string>> {
  return page.$$eval('relief-badge', (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-item-id') ?? '?', el.getAttribute('data-tier') ?? '?'])),
  );
}

/** Waits until the content script has read `cards` cards and the badges stop changing. */
async function settled(page: Page, cards: number): Promise<Record<string, string>> {
  await page.waitForFunction(
    (n: number) => document.documentElement.dataset.reliefListings === String(n),
    {
      timeout: 15_000,
    },
    cards,
  );
  let last = '';
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 150));
    const now = JSON.stringify(await badgesOn(page));
    if (now === last) break;
    last = now;
  }
  return badgesOn(page);
}

describe('Firefox: badges on shop pages', () => {
  let h: FirefoxHarness;
  before(async () => {
    h = await FirefoxHarness.start();
    // Replace the sample catalogue with the test's own, through the dashboard.
    const dash = await h.openExtensionPage('dashboard.html#/catalogue');
    const rows = '[data-testid="catalogue-sources"] tbody tr';
    // Setup, not what this suite tests: the delete and its confirm are clicked through the DOM. Puppeteer's pointer
    // click on 删 sometimes opened no confirm in Firefox (1 run in 3 here; cause not found), and a retried click
    // then hit a confirm already closing. Each try finds the row anew and ends only when the row is gone.
    await untilItWorks(async () => {
      const row = await waitForText(dash, rows, '示例目录', 10_000);
      await row.$eval('button', (b) => (b as HTMLButtonElement).click());
      const confirm = await waitForText(dash, '.ant-popconfirm button', /确\s*定/, 5_000, true);
      await confirm.evaluate((b) => (b as HTMLButtonElement).click());
      await dash.waitForFunction(
        (sel: string) => ![...document.querySelectorAll(sel)].some((r) => r.textContent?.includes('示例目录')),
        { timeout: 10_000 },
        rows,
      );
    });
    await h.chooseFile(dash, '[data-testid="catalogue-file"]', BADGE_CATALOGUE);
    await (await dash.waitForSelector('[data-testid="catalogue-import-confirm"]'))?.click();
    await dash.waitForSelector('[data-testid="import-done"]');
    await dash.close();
  });
  after(async () => {
    await h?.close();
  });

  for (const p of BADGE_PAGES) {
    it(`${p.name}: exactly the intended cards, with the intended tiers`, { skip: missingFixture(p.file) }, async () => {
      const before = h.errors.length;
      const page = await h.openShopPage(p.url, p.file, p.charset);
      assert.deepEqual(await settled(page, p.cards), p.badges);
      assert.deepEqual(h.errors.slice(before), []);
      await page.close();
    });
  }

  it('shows a badge where a person sees it; its panel’s 记一笔 logs the purchase in the dashboard', async () => {
    const before = h.errors.length;
    const page = await h.openShopPage(ITEM_PAGE.url, ITEM_PAGE.file);
    await settled(page, 1);
    // The badge's own button is what is drawn at its centre, with its label.
    const seen = await page.evaluate(() => {
      const badge = document.querySelector('relief-badge');
      const button = badge?.shadowRoot?.querySelector('button[aria-label]');
      if (!badge || !button) return null;
      button.scrollIntoView({ block: 'center' });
      const r = button.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      return {
        host: document.elementFromPoint(x, y) === badge,
        inner: badge.shadowRoot?.elementFromPoint(x, y) === button,
        text: button.textContent,
        label: button.getAttribute('aria-label'),
      };
    });
    assert.ok(seen, 'a badge with a button');
    assert.equal(seen.host, true, 'nothing covers the badge');
    assert.equal(seen.inner, true, 'the button is what is drawn');
    assert.equal(seen.text, ITEM_PAGE.tierLabel);
    assert.match(seen.label ?? '', ITEM_PAGE.badgeLabel);

    await (await page.waitForSelector('relief-badge >>> button[aria-label]'))?.click();
    const panel = await page.waitForSelector('relief-badge >>> [role="dialog"]', { visible: true });
    assert.match((await panel?.evaluate((el) => el.textContent)) ?? '', ITEM_PAGE.panelText);

    const form = await h.tabOpenedBy(
      async () => (await page.waitForSelector('relief-badge >>> button.primary'))?.click(),
      'dashboard.html',
    );
    await waitForText(form, '[data-testid="purchase-prefill"]', ITEM_PAGE.title);
    await waitForText(form, '[data-testid="purchase-prefill"]', ITEM_PAGE.tierLabel);
    const product = await form.waitForSelector('[data-testid="purchase-form"] [data-field="product"]');
    assert.equal(await product?.evaluate((el) => (el as HTMLInputElement).value), ITEM_PAGE.product);
    await form.locator('[data-testid="purchase-form"] [data-field="amount"]').fill('88.00');
    await (await form.waitForSelector('[data-testid="purchase-save"]'))?.click();
    await form.waitForSelector('[data-testid="purchase-saved"]');
    await waitForText(form, '[data-testid="purchases-table"] tr', /城口老腊肉.*认定帮扶产品.*¥88\.00/);
    assert.deepEqual(h.errors.slice(before), []);
    await form.close();
    await page.close();
  });

  it('writes no extension errors to Firefox’s console', () => {
    assert.deepEqual(h.errors, []);
  });
});
