import { describe, expect, it } from 'vitest';
import { parseShareText, SHARE_TEXT_EXAMPLES, shortLinkIn } from '../../lib/sites/share-text';

describe('share texts pasted from the shop apps', () => {
  for (const example of SHARE_TEXT_EXAMPLES) {
    it(`reads ${example.site}: ${example.title}`, () => {
      expect(parseShareText(example.text)).toMatchObject({ site: example.site, title: example.title });
    });
  }

  it('keeps the link and the item id when the link shows one, and a stated price', () => {
    expect(parseShareText(SHARE_TEXT_EXAMPLES[1]?.text ?? '')).toMatchObject({
      itemId: '100012345678',
      url: 'https://item.m.jd.com/product/100012345678.html',
    });
    expect(parseShareText(SHARE_TEXT_EXAMPLES[4]?.text ?? '')).toMatchObject({ itemId: '321654987', priceFen: 1990 });
    expect(parseShareText(SHARE_TEXT_EXAMPLES[2]?.text ?? '')?.priceFen).toBeUndefined();
  });

  it('does not take a Taobao 口令 for a price', () => {
    const listing = parseShareText('7.9 复制打开淘宝 ￥hZ1x2AbCdEf￥ https://m.tb.cn/h.abc 「秭归脐橙 5斤装」');
    expect(listing).toMatchObject({ site: 'taobao', title: '秭归脐橙 5斤装' });
    expect(listing?.priceFen).toBeUndefined();
  });

  it('refuses text that names no shop, or no product', () => {
    expect(parseShareText('明天下午三点开会')).toBeUndefined();
    expect(parseShareText('')).toBeUndefined();
    expect(parseShareText('【京东】https://3.cn/1Xy')).toBeUndefined();
  });

  it('reads bare item links, with or without their scheme', () => {
    expect(parseShareText('https://item.m.jd.com/product/100023456781.html')).toMatchObject({
      site: 'jd',
      itemId: '100023456781',
      title: '京东商品 100023456781',
    });
    expect(parseShareText('item.jd.com/100023456781.html')).toMatchObject({ site: 'jd', itemId: '100023456781' });
    expect(parseShareText('https://item.taobao.com/item.htm?id=612345678901&spm=a1')).toMatchObject({
      site: 'taobao',
      itemId: '612345678901',
    });
    expect(parseShareText('detail.tmall.com/item.htm?id=730000000001')).toMatchObject({
      site: 'tmall',
      itemId: '730000000001',
    });
    expect(parseShareText('https://mobile.yangkeduo.com/goods.html?goods_id=123456789')).toMatchObject({
      site: 'pinduoduo',
      itemId: '123456789',
    });
  });

  it('names a short link that cannot be resolved offline', () => {
    expect(shortLinkIn('【京东】https://3.cn/1Xy')).toBe('https://3.cn/1Xy');
    expect(shortLinkIn('复制打开淘宝 https://m.tb.cn/h.abc')).toBe('https://m.tb.cn/h.abc');
    expect(shortLinkIn('https://item.jd.com/100023456781.html')).toBeUndefined();
  });
});
