import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { Harness } from './harness';

const ARTIFACTS = '.output/test-artifacts';

describe('first run', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
  });

  it('a fresh profile opens the welcome page; each step saves or skips, and the overview lists what is left', async () => {
    const welcomeUrl = h.extensionUrl('dashboard.html#/welcome');
    // The background opens it on install: wait for that tab, however soon it came.
    const page: Page =
      h.context.pages().find((p) => p.url() === welcomeUrl) ??
      (await h.context.waitForEvent('page', { predicate: (p) => p.url() === welcomeUrl, timeout: 30_000 }));
    await page.locator('[data-testid="welcome"][data-step="profile"]').waitFor();
    await page.setViewportSize({ width: 1100, height: 800 });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/welcome.png` });
    assert.deepEqual(await h.accessibilityViolations(page), []);

    await page.getByTestId('welcome-name').fill('张三');
    await page.getByTestId('welcome-unit').fill('某某县财政局');
    await page.getByTestId('welcome-profile-save').click();
    await page.locator('[data-testid="welcome"][data-step="home"]').waitFor();
    await page.getByTestId('welcome-skip').click();
    await page.locator('[data-testid="welcome"][data-step="pledge"]').waitFor();
    assert.deepEqual(await h.accessibilityViolations(page), []);
    await page.getByTestId('pledge-cancel').click(); // 跳过
    await page.locator('[data-testid="welcome"][data-step="catalogue"]').waitFor();

    const overview = await h.openExtensionPage('dashboard.html#/overview');
    const left = overview.getByTestId('overview-unfinished');
    await left.waitFor();
    const steps = await left.locator('a[data-step]').evaluateAll((as) => as.map((a) => a.getAttribute('data-step')));
    assert.deepEqual(steps, ['home', 'pledge', 'catalogue'], 'the profile is done, the rest is left');
    await left.locator('a[data-step="pledge"]').click();
    await overview.locator('[data-testid="welcome"][data-step="pledge"]').waitFor();
    await overview.close();
    await page.close();
  });
});
