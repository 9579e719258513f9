import { describe, expect, it } from 'vitest';
import { jd } from '../../lib/sites/jd';
import { loadPage, sharedPagesPresent } from './helpers';

describe.skipIf(!sharedPagesPresent)('JD search, 2018 layout (real capture)', () => {
  // Read only when the suite runs: a skipped suite's body is still collected.
  const found = sharedPagesPresent
    ? jd.listings(loadPage('shared:jd-search-2018.html'), new URL('https://search.jd.com/Search?keyword=激光打印'))
    : [];

  it('finds each of the 30 cards once, despite data-sku on buttons', () => {
    expect(found).toHaveLength(30);
    expect(new Set(found.map((f) => f.listing.itemId)).size).toBe(30);
  });

  it('reads the first card as a person sees it', () => {
    expect(found[0]?.listing).toEqual({
      site: 'jd',
      itemId: '778781',
      title: '佳能（Canon）iC MF4720w 黑白激光多功能无线一体机 （打印 复印 扫描）',
      shopName: '佳能打印机官方旗舰店',
      priceFen: 169900,
      url: 'https://item.jd.com/778781.html',
    });
  });

  it('anchors the badge after the title link, outside it', () => {
    const anchor = found[0]?.anchor;
    expect(anchor?.matches('.p-name a')).toBe(true);
  });
});

describe('JD search, classic cards that keep the shop in .p-shopnum (hand-written, after the era’s markup)', () => {
  const html = `<ul class="gl-warp"><li class="gl-item" data-sku="100012043978">
    <div class="gl-i-wrap"><div class="p-price"><strong><em>￥</em><i>59.90</i></strong></div>
    <div class="p-name p-name-type-2"><a href="//item.jd.com/100012043978.html"><em>南方黑芝麻糊 原味 600g</em></a></div>
    <div class="p-commit"><strong><a>2万+</a>条评价</strong></div>
    <div class="p-shopnum"><a class="curr-shop hd-shopname" href="//mall.jd.com/index-1000001.html" title="南方黑芝麻京东自营旗舰店">南方黑芝麻京东自营旗舰店</a></div>
    </div></li>
    <li class="gl-item" data-sku="100012043979"><div class="p-name"><a><em>黑芝麻糊 500g</em></a></div></li></ul>`;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found = jd.listings(doc, new URL('https://search.jd.com/Search?keyword=黑芝麻糊'));

  it('reads the shop of .p-shopnum .curr-shop', () => {
    expect(found[0]?.listing.shopName).toBe('南方黑芝麻京东自营旗舰店');
  });
  it('leaves the shop out when the card shows none (and such a card is never certified by product alone)', () => {
    expect(found[1]?.listing.shopName).toBeUndefined();
  });
});
