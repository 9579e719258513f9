/**
 * Hostile files and hostile pages, as a person meets them: a zip bomb on the
 * catalogue and coordinator pages, a member file whose cells are formulas.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { MAX_INFLATED_ENTRY_BYTES } from '../../lib/tables/limits';
import { xlsxBomb } from '../zip-bomb';
import { fixtureResponse } from './cases';
import { Harness } from './harness';

const YEAR = new Date().getFullYear();
const ENTRY_MB = Math.round(MAX_INFLATED_ENTRY_BYTES / (1024 * 1024));
const HEADER =
  '序号,日期,姓名,单位,产品,供应商,产地县,认定状态,数量,计量单位,单价(元),金额(元),渠道,资金来源,类型,订单号,备注';
const member = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));
const plainRow = (name: string, i: number) =>
  `${i},${YEAR}-03-0${i},${name},某某县财政局,祁东黄花菜,祁东县湘祁黄花菜开发有限公司,祁东县,是,1,袋,10,10.00,京东,个人,直接购买,JD${name.length}00${i},`;
const fileRow = (page: Page, name: string) => page.locator(`[data-testid="merge-file"][data-file="${name}"]`);

describe('hostile files', () => {
  let h: Harness;
  let bomb: Buffer;
  before(async () => {
    h = await Harness.start();
    // Inflates past the per-entry limit while its directory claims 1,000 bytes.
    bomb = Buffer.from(await xlsxBomb(ENTRY_MB + 10, { lie: true }));
  });
  after(async () => {
    await h?.close();
  });

  it('names a zip bomb on the catalogue page, and the page still imports a good file after it', async () => {
    const page = await h.openExtensionPage('dashboard.html#/catalogue');
    await page.getByTestId('catalogue-file').setInputFiles({
      name: '炸弹.xlsx',
      mimeType: 'application/octet-stream',
      buffer: bomb,
    });
    const error = page.getByTestId('import-error');
    await error.getByText(/解压后超过 \d+ MB.*不像正常的表格/).waitFor({ timeout: 60_000 });
    // What a person sees: the message itself is what is on screen at its centre.
    const seen = await error.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    assert.equal(seen, true);
    await page.screenshot({ path: '/tmp/hE-catalogue-bomb.png' });
    assert.equal(await page.getByTestId('import-report').count(), 0);

    // The page is still usable: a good file reads and lands.
    await page.getByTestId('catalogue-file').setInputFiles({
      name: '好目录.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('产品名称,供应商,县,有效期至\n炸弹后黄花菜,祁东县湘祁黄花菜开发有限公司,祁东县,2099-12-31\n'),
    });
    const report = page.getByTestId('import-report');
    await report.waitFor();
    assert.equal(await report.getAttribute('data-valid'), '1');
    await page.getByTestId('catalogue-import-confirm').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await page
      .getByTestId('catalogue-sources')
      .getByRole('row', { name: /好目录/ })
      .first()
      .waitFor();
    await page.close();
  });

  it('names a zip bomb among member files on the coordinator page, and keeps the other files’ reports', async () => {
    const page = await h.openExtensionPage('dashboard.html#/coordinator');
    await page.getByTestId('merge-files').setInputFiles([
      { name: '甲.csv', mimeType: 'text/csv', buffer: member([plainRow('甲', 1), plainRow('甲', 2)]) },
      { name: '炸弹.xlsx', mimeType: 'application/octet-stream', buffer: bomb },
      { name: '乙.csv', mimeType: 'text/csv', buffer: member([plainRow('乙乙', 1)]) },
    ]);
    const bombRow = fileRow(page, '炸弹.xlsx');
    await bombRow.getByText(/解压后超过 \d+ MB.*不像正常的表格/).waitFor({ timeout: 60_000 });
    assert.equal(await bombRow.getAttribute('data-status'), 'error');
    assert.equal(await fileRow(page, '甲.csv').getAttribute('data-status'), 'ok');
    assert.equal(await fileRow(page, '甲.csv').getAttribute('data-read'), '2');
    assert.equal(await fileRow(page, '乙.csv').getAttribute('data-status'), 'ok');
    assert.equal(await fileRow(page, '乙.csv').getAttribute('data-read'), '1');
    await page.locator('[data-testid="merge-totals"][data-total-fen="3000"]').waitFor();
    await page.close();
  });

  it('neutralises the file’s formula cells in the catalogue’s 下载完整报告 CSV', async () => {
    const page = await h.openExtensionPage('dashboard.html#/catalogue');
    const hostile = [
      // Quoted as Excel saves a cell that holds quotes.
      '产品名称,供应商,县,有效期至,"=HYPERLINK(""http://evil.example"",""点我"")"',
      '好产品,某某合作社,祁东县,"=HYPERLINK(""http://evil.example"",""点我"")",x',
      '+cmd,某某合作社,祁东县,-2+3,x',
      '@SUM(A1),某某合作社,祁东县,@SUM(A1),x',
      // Past 500 problems, so the screen lists the first and offers the whole report.
      ...Array.from({ length: 600 }, (_, i) => `=${i}+1,供应商${i},祁东县,"=HYPERLINK(""http://evil.example"")",x`),
    ].join('\n');
    await page.getByTestId('catalogue-file').setInputFiles({
      name: '带公式.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${hostile}\n`),
    });
    await page.getByTestId('import-report').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    const text = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
    assert.deepEqual(rows[0], ['行号', '类型', '列', '原因']);
    const cells = rows.slice(1).flat();
    // The file's formulas are quoted in the report, and none is left to compute.
    assert.ok(
      cells.some((c) => c.includes('HYPERLINK')),
      text,
    );
    for (const c of cells) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `cell ${c}`);
    await page.close();
  });
});

const SEARCH = 'https://search.jd.com/Search?keyword=%E8%85%8A%E8%82%89';
const CERTIFIED = '100023456781';
/** The JD search capture's cards (eight, each a block of the one result list). */
const CARD = /<div class="plugin_goodsCardWrapper[\s\S]*?\n {4}<\/div>\n/g;
const searchHtml = () => fixtureResponse({ url: SEARCH, file: 'pages/jd-search-2025.html' }).body.toString('utf8');

/** Opens the JD search page as `html`, with `init` run in the page's own world before its scripts. */
async function openSearch(h: Harness, html: string, init?: () => void): Promise<Page> {
  const page = await h.context.newPage();
  if (init) await page.addInitScript(init);
  await page.route(SEARCH, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(SEARCH);
  return page;
}

/** Whether `elementFromPoint` at the badge's centre (scrolled to the middle) is the badge. */
const seenWhole = (page: Page, selector: string) =>
  page.locator(selector).evaluate((badge) => {
    badge.scrollIntoView({ block: 'center' });
    const r = badge.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === badge;
  });

describe('hostile shop pages (the sample catalogue)', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
  });

  it('opens no tab for 20 clicks the page’s script makes on 记一笔 and the order bar; one real click opens one', async () => {
    const page = await h.openShopPage('https://item.jd.com/100023456781.html', 'pages/jd-item-old.html');
    const badge = page.locator('relief-badge');
    await badge.waitFor();
    // A person opens the panel; the page then clicks 记一笔 through the open shadow root.
    await badge.getByRole('button').first().click();
    const log = badge.getByRole('dialog').getByRole('button', { name: '记一笔' });
    await log.waitFor();
    const tabs = h.context.pages().length;
    const delivered = await page.evaluate(() => {
      let seen = 0;
      // The page's own listener sees each click reach our element: the clicks were delivered.
      window.addEventListener('click', (e) => e.composedPath()[0] instanceof HTMLButtonElement && seen++, true);
      const host = document.querySelector('relief-badge') as HTMLElement;
      const buttons = [...(host.shadowRoot?.querySelectorAll('button') ?? [])];
      const target = buttons.find((b) => b.textContent?.trim() === '记一笔') as HTMLButtonElement;
      for (let i = 0; i < 10; i++) target.click();
      for (let i = 0; i < 10; i++) target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return seen;
    });
    assert.equal(delivered, 20);
    // Then a real click: its tab is the only new one (messages reach the background in order).
    const [form] = await Promise.all([h.context.waitForEvent('page'), log.click()]);
    await form.waitForLoadState();
    assert.equal(h.context.pages().length, tabs + 1);
    await form.close();
    await page.close();

    const orders = await h.openShopPage('https://order.jd.com/center/list.action', 'pages/jd-orders.html');
    const bar = orders.locator('relief-order-bar');
    const open = bar.getByRole('button', { name: '查看并导入' });
    await open.waitFor();
    const before = h.context.pages().length;
    const barClicks = await orders.evaluate(() => {
      let seen = 0;
      window.addEventListener('click', (e) => e.composedPath()[0] instanceof HTMLButtonElement && seen++, true);
      const button = document
        .querySelector('relief-order-bar')
        ?.shadowRoot?.querySelector('button.open') as HTMLElement;
      for (let i = 0; i < 10; i++) button.click();
      for (let i = 0; i < 10; i++) button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return seen;
    });
    assert.equal(barClicks, 20);
    const [review] = await Promise.all([h.context.waitForEvent('page'), open.click()]);
    await review.waitForLoadState();
    assert.equal(h.context.pages().length, before + 1);
    await review.close();
    await orders.close();
  });

  it('keeps scanning when the page answers the content script’s start-up handshake', async () => {
    const page = await openSearch(h, searchHtml(), () => {
      const answered: string[] = [];
      (window as unknown as { answered: string[] }).answered = answered;
      // A hostile page: whatever start-up message it reads, it sends back as a newer copy of the script would.
      window.addEventListener('message', (e) => {
        const data = e.data as { type?: unknown; contentScriptName?: unknown };
        if (typeof data?.type !== 'string' || !data.type.includes('content-script-started')) return;
        const detail = { contentScriptName: data.contentScriptName, messageId: 'page' };
        document.dispatchEvent(new CustomEvent(data.type, { detail }));
        window.dispatchEvent(new CustomEvent(data.type, { detail }));
        window.postMessage({ ...data, messageId: 'page' }, '*');
        answered.push(data.type);
      });
    });
    await page.waitForFunction(() => document.documentElement.dataset.reliefScanned === '8', null, { timeout: 15_000 });
    // The page did answer (the positive signal the attack ran), and the badges are there all the same.
    assert.ok(((await page.evaluate(() => (window as unknown as { answered: string[] }).answered)) ?? []).length > 0);
    await page.locator(`relief-badge[data-item-id="${CERTIFIED}"][data-tier="certified"]`).waitFor();
    // Still scanning: a card appended later gets its badge.
    await page.evaluate(() => {
      const first = document.querySelector('.plugin_goodsCardWrapper') as HTMLElement;
      const copy = first.cloneNode(true) as HTMLElement;
      copy.querySelector('relief-badge')?.remove();
      copy.dataset.sku = '900000000001';
      for (const a of copy.querySelectorAll('[data-sku]')) a.setAttribute('data-sku', '900000000001');
      first.parentElement?.append(copy);
    });
    await page.locator('relief-badge[data-item-id="900000000001"][data-tier="certified"]').waitFor();
    await page.close();
  });

  it('leaves the certified badge beside a card with a 600-character title and a long shop name', async () => {
    let n = 0;
    const html = searchHtml().replace(CARD, (card) => {
      if (n++ !== 1) return card;
      const title = '城口老腊肉'.repeat(120);
      const shop = '山城腊味专营店'.repeat(40);
      return card
        .replace(
          /title="[^"]*">[^<]*<\/span><\/div>\n(\s*<div class="_goods_shop)/,
          `title="${title}">${title}</span></div>\n$1`,
        )
        .replace(/(_name_7qyhr_40" title=")[^"]*">[^<]*/, `$1${shop}">${shop}`);
    });
    assert.ok(html.includes('城口老腊肉'.repeat(120)) && html.includes('山城腊味专营店'.repeat(40)));
    const page = await openSearch(h, html);
    await page.waitForFunction(() => document.documentElement.dataset.reliefScanned === '8', null, { timeout: 15_000 });
    const selector = `relief-badge[data-item-id="${CERTIFIED}"][data-tier="certified"]`;
    await page.locator(selector).waitFor();
    assert.equal(await seenWhole(page, selector), true);
    await page.close();
  });

  it('badges the certified cards of a page of 1,200 cards', async () => {
    const cards = searchHtml().match(CARD) ?? [];
    assert.equal(cards.length, 8);
    const copies = 150;
    const body = Array.from({ length: copies }, (_, c) =>
      cards
        .map((card) => card.replace(/1000234567(\d\d)/g, (_, d: string) => `5${String(c).padStart(4, '0')}000${d}`))
        .join(''),
    ).join('');
    const html = searchHtml().replace(/<div class="plugin_goodsCardWrapper[\s\S]*\n {4}<\/div>\n/, body);
    assert.equal((html.match(CARD) ?? []).length, 1200);
    const page = await openSearch(h, html);
    await page.waitForFunction(() => document.documentElement.dataset.reliefScanned === '1200', null, {
      timeout: 60_000,
    });
    // Every copy of the certified card, first to last, has its certified badge.
    const certified = await page.$$eval('relief-badge[data-tier="certified"]', (els) =>
      els.map((el) => el.getAttribute('data-item-id')),
    );
    for (let c = 0; c < copies; c++) assert.ok(certified.includes(`5${String(c).padStart(4, '0')}00081`), `copy ${c}`);
    assert.equal(
      await seenWhole(page, `relief-badge[data-item-id="5${String(copies - 1).padStart(4, '0')}00081"]`),
      true,
    );
    await page.close();
  });
});
