/**
 * `npm start`: build the extension and open it in Chromium on demo data.
 * With a display it opens a real window (dashboard + a demo shop page) and
 * waits until you close it. Without one (no $DISPLAY, or CI) it runs
 * headless: visits every demo page, writes screenshots to .output/demo/ and
 * prints what it saw.
 */
import { mkdirSync } from 'node:fs';
import { Harness } from '../tests/e2e/harness';
import { demoRecords } from './demo-data';
import { DEMO_PAGES } from './demo-pages';
import { bin, run } from './run';

const OUT = '.output/demo';
const headless = !process.env.DISPLAY || Boolean(process.env.CI) || process.argv.includes('--headless');

const build = await run(bin('wxt'), ['build'], { quiet: true });
if (build.code !== 0) {
  console.error(build.output);
  process.exit(1);
}
console.log('Built .output/chrome-mv3');

const h = await Harness.start({ headless });
for (const p of DEMO_PAGES) h.serve({ url: p.url, file: p.file, charset: p.charset });

// A year of purchases, a pledge, unsold goods near home: every dashboard page has something to show.
async function seedDemoLedger() {
  const seed = await h.openExtensionPage('dashboard.html#/overview');
  const records = demoRecords(new Date().toISOString().slice(0, 10));
  await seed.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('relief');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['purchases', 'pledges', 'unsoldGoods'], 'readwrite');
          for (const p of data.purchases) tx.objectStore('purchases').put(p);
          for (const p of data.pledges) tx.objectStore('pledges').put(p);
          for (const u of data.unsoldGoods) tx.objectStore('unsoldGoods').put(u);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
  await seed.evaluate(
    (settings) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set: (v: object) => Promise<void> } } } }
      ).chrome.storage.local.set({
        profile: settings.profile,
        homeRegion: settings.homeRegion,
      }),
    records.settings,
  );
  await seed.close();
  console.log(
    `demo ledger: ${records.purchases.length} purchases, 1 pledge, ${records.unsoldGoods.length} unsold goods`,
  );
}

await seedDemoLedger();

if (!headless) {
  await h.openExtensionPage('dashboard.html');
  for (const p of DEMO_PAGES) await (await h.context.newPage()).goto(p.url);
  console.log('Chromium is open with the extension. Close the window to finish.');
  await new Promise<void>((resolve) => h.context.on('close', () => resolve()));
  process.exit(0);
}

mkdirSync(OUT, { recursive: true });
for (const p of DEMO_PAGES) {
  const page = await h.context.newPage();
  await page.goto(p.url);
  await page.waitForFunction(() => document.documentElement.dataset.reliefListings !== undefined, null, {
    timeout: 10_000,
  });
  await page.waitForTimeout(800); // let the badges settle
  const tiers = await page.$$eval('relief-badge', (els) =>
    els.reduce<Record<string, number>>((acc, el) => {
      const tier = el.getAttribute('data-tier') ?? '?';
      acc[tier] = (acc[tier] ?? 0) + 1;
      return acc;
    }, {}),
  );
  const listings = await page.evaluate(() => document.documentElement.dataset.reliefListings);
  const orderBar = await page
    .locator('relief-order-bar')
    .getAttribute('data-orders', { timeout: 1000 })
    .catch(() => null);
  if (orderBar) tiers[`order bar: orders with certified items`] = Number(orderBar);
  if (p.name === 'jd-search-2025') {
    // Show a badge's panel, as a person would after clicking it.
    await page.locator('relief-badge[data-tier="certified"]').first().getByRole('button').first().click();
  }
  await page.screenshot({ path: `${OUT}/${p.name}.png`, fullPage: false });
  const summary = Object.entries(tiers)
    .map(([tier, n]) => `${tier} ${n}`)
    .join(', ');
  console.log(`${p.name}: ${listings} listings read, badges: ${summary || 'none'}  → ${OUT}/${p.name}.png`);
  await page.close();
}

const popup = await h.openExtensionPage('popup.html');
await popup.setViewportSize({ width: 380, height: 560 });
await popup.waitForSelector('h1');
await popup.screenshot({ path: `${OUT}/popup.png` });
console.log(`popup → ${OUT}/popup.png`);

for (const route of [
  'overview',
  'purchases',
  'catalogue',
  'unsold',
  'pledges',
  'coordinator',
  'orders',
  'settings',
  'check',
]) {
  const page = await h.openExtensionPage(`dashboard.html#/${route}`);
  await page.waitForSelector(`[data-route="${route}"]`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/dashboard-${route}.png` });
  console.log(`dashboard #/${route} → ${OUT}/dashboard-${route}.png`);
  await page.close();
}

if (h.errors.length) console.log(`console errors:\n  ${h.errors.join('\n  ')}`);
await h.close();
