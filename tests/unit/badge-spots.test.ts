import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../lib/sites';
import { pagePath, sharedPagesPresent } from './helpers';

function spotsOn(file: string, address: string): string[][] {
  document.documentElement.innerHTML = readFileSync(pagePath(file), 'utf8');
  const url = new URL(address);
  const found = adapterFor(url)?.adapter.listings(document, url) ?? [];
  return found.map((f) => (f.spots ?? []).map((s) => `${s.at} ${s.el.className.split(' ')[0]}`));
}

// Where a badge may go on each search layout, best first: never inside the clamped title.
describe('badge spots of the search layouts', () => {
  it('JD 2025: beside the price, beside the shop, then its own line after the title block', () => {
    const spots = spotsOn('jd-search-2025.html', 'https://search.jd.com/Search?keyword=%E8%85%8A%E8%82%89');
    expect(spots).toHaveLength(8);
    expect(spots[0]).toEqual([
      'append _priceContainer_7qyhr_9',
      'append _goods_shop_container_7qyhr_36',
      'after _goods_title_container_7qyhr_20',
    ]);
  });

  it.skipIf(!sharedPagesPresent)('JD 2018: .p-price, .p-shop, after .p-name', () => {
    const spots = spotsOn('shared:jd-search-2018.html', 'https://search.jd.com/Search?keyword=x');
    expect(spots[0]).toEqual(['append p-price', 'append p-shop', 'after p-name']);
  });

  it.skipIf(!sharedPagesPresent)('Taobao 2018 (real capture): price row, shop row, after the title block', () => {
    expect(spotsOn('shared:taobao-search-2018.html', 'https://s.taobao.com/search?q=ipad')[0]).toEqual([
      'append price',
      'append shop',
      'after row',
    ]);
  });

  it('Taobao 2023 and 2026: price row, shop row, after the title block', () => {
    expect(spotsOn('taobao-search-2023.html', 'https://s.taobao.com/search?q=x')[0]).toEqual([
      'append Price--priceWrapper--Q0Dn7pN',
      'append ShopInfo--shopInfo--ORFs6rK',
      'after Title--descWrapper--HqxzYq0',
    ]);
    expect(spotsOn('taobao-search-2026.html', 'https://s.taobao.com/search?q=x')[0]).toEqual([
      'append priceWrapper--dBtPZ2K1',
      'append shopInfo--U3lQ5XXR',
      'after descWrapper--Qm4MN34a',
    ]);
  });
});
