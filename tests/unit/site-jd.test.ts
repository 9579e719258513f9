import { describe, expect, it } from 'vitest';
import { jd } from '../../lib/sites/jd';
import { loadPage } from './helpers';

describe('JD search, 2018 layout (real capture)', () => {
  const doc = loadPage('pages/jd-search-2018.html');
  const url = new URL('https://search.jd.com/Search?keyword=激光打印');
  const found = jd.listings(doc, url);

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
