import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { formatReasons } from '../../lib/match/reasons';
import { Harness } from './harness';

/** Sends a message as @webext-core/messaging does, from an extension page. */
async function send(page: Page, type: string, data: unknown) {
  const reply = await page.evaluate(
    ([t, d]) => chrome.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }),
    [type, data] as const,
  );
  if (reply?.err) throw new Error(JSON.stringify(reply.err));
  return reply?.res;
}

const LISTINGS = [
  { site: 'jd', itemId: '1', title: '重庆城口老腊肉 500g 农家手工', shopName: '巴山老腊肉旗舰店' },
  { site: 'jd', itemId: '2', title: '城口老腊肉 500g', shopName: '优品生鲜店' },
  { site: 'jd', itemId: '3', title: '旬阳拐枣 1kg', shopName: '旬阳拐枣旗舰店' },
  { site: 'jd', itemId: '4', title: '不锈钢保温杯', shopName: '杯具旗舰店' },
];

describe('the background answers matchListings', () => {
  let h: Harness;
  let page: Page;
  before(async () => {
    h = await Harness.start();
    page = await h.openExtensionPage('popup.html');
  });
  after(async () => {
    await h?.close();
  });

  it('against the sample catalogue, with tiers and reasons', async () => {
    const { results } = await send(page, 'matchListings', { listings: LISTINGS });
    assert.deepEqual(
      results.map((r: { tier?: string }) => r.tier ?? 'none'),
      ['certified', 'poverty-area', 'expired', 'none'],
    );
    assert.match(
      formatReasons(results[0].reasons),
      /店铺「巴山老腊肉旗舰店」(是目录登记的店铺|与供应商「[^」]+」一致（字号「[^」]+」）)；标题写明产品「老腊肉」；产地 城口县/,
    );
  });

  it('rejects a malformed request', async () => {
    await assert.rejects(send(page, 'matchListings', { listings: [{ site: 'jd' }] }));
  });

  it('answers the same after the service worker was stopped and woke again', async () => {
    const before = (await send(page, 'matchListings', { listings: LISTINGS })).results;
    await h.stopServiceWorker();
    const status = await send(page, 'getStatus', {});
    assert.equal(status.indexReady, false, 'a fresh worker has not loaded the index yet');
    const afterRestart = (await send(page, 'matchListings', { listings: LISTINGS })).results;
    assert.deepEqual(afterRestart, before);
    assert.equal((await send(page, 'getStatus', {})).indexReady, true);
  });
});
