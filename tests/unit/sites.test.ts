import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../lib/sites';
import { pagePath, sharedPagesPresent } from './helpers';

function read(file: string, url: string, charset = 'utf-8') {
  const html = new TextDecoder(charset).decode(readFileSync(pagePath(file)));
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const u = new URL(url);
  const page = adapterFor(u);
  if (!page) throw new Error(`no adapter for ${url}`);
  return page.adapter.listings(doc, u);
}

const summary = (found: ReturnType<typeof read>) =>
  found.map((f) => [
    f.listing.site,
    f.listing.itemId,
    f.listing.title,
    f.listing.shopName ?? '',
    f.listing.priceFen ?? null,
  ]);

describe('site adapters on every layout', () => {
  it('JD search 2025: plugin cards, prices in hashed classes', () => {
    const found = read('jd-search-2025.html', 'https://search.jd.com/Search?keyword=%E8%85%8A%E8%82%89');
    expect(found).toHaveLength(8);
    expect(summary(found)[0]).toEqual([
      'jd',
      '100023456781',
      '重庆城口老腊肉 500g 农家柴火烟熏 年货礼盒',
      '巴山老腊肉旗舰店',
      8800,
    ]);
    expect(found[0]?.anchor.getAttribute('title')).toBe('重庆城口老腊肉 500g 农家柴火烟熏 年货礼盒');
  });

  it('JD item, old layout: title after an <img>, price not filled yet', () => {
    expect(summary(read('jd-item-old.html', 'https://item.jd.com/100023456781.html'))).toEqual([
      ['jd', '100023456781', '重庆城口老腊肉 500g 农家柴火烟熏 年货礼盒', '巴山老腊肉旗舰店', null],
    ]);
  });

  it('JD item, 2026 layout', () => {
    expect(summary(read('jd-item-2026.html', 'https://item.jd.com/100099990001.html'))).toEqual([
      ['jd', '100099990001', '紫阳富硒茶 2025春茶 特级绿茶 250g 罐装', '汉江茶业旗舰店', 6600],
    ]);
  });

  it.skipIf(!sharedPagesPresent)('Taobao search 2018 (real capture): 48 cards with place and Tmall marks', () => {
    const found = read('shared:taobao-search-2018.html', 'https://s.taobao.com/search?q=ipad');
    expect(found).toHaveLength(48);
    expect(found[0]?.listing).toMatchObject({
      site: 'tmall',
      itemId: '566741234264',
      title: '2018新款 Apple/苹果 9.7英寸iPad 智能平板电脑 正品国行新品',
      shopName: '苏宁易购官方旗舰店',
      priceFen: 228800,
      location: '江苏 南京',
    });
  });

  it('Taobao search 2023: hashed-class cards, id from the link', () => {
    expect(summary(read('taobao-search-2023.html', 'https://s.taobao.com/search?q=%E8%84%90%E6%A9%99'))).toEqual([
      ['taobao', '700000000001', '秭归脐橙 伦晚 新鲜当季 5kg 整箱', '屈乡脐橙官方旗舰店', 5990],
      ['tmall', '700000000002', '赣南脐橙 果冻橙 10斤装', '果之源生鲜旗舰店', 3980],
      ['taobao', '700000000003', '秭归脐橙 5斤 果园现摘', '老王水果店', 2990],
      ['taobao', '700000000004', '手机壳 适用苹果15', '数码配件小店', 990],
    ]);
  });

  it('Taobao search 2026: id from id="item_id_…", not the ad redirect', () => {
    const found = read('taobao-search-2026.html', 'https://s.taobao.com/search?q=%E6%9C%A8%E8%80%B3');
    expect(found.map((f) => f.listing.itemId)).toEqual([
      '710000000001',
      '710000000002',
      '710000000003',
      '710000000004',
    ]);
    expect(found[0]?.listing).toMatchObject({ shopName: '秦岭木耳旗舰店', location: '陕西商洛', priceFen: 4500 });
  });

  it.skipIf(!sharedPagesPresent)('Taobao item, 2020 layout (real capture)', () => {
    expect(summary(read('shared:taobao-item-2020.html', 'https://item.taobao.com/item.htm?id=562283240178'))).toEqual([
      ['taobao', '562283240178', '乳白亚克力外壳 60%键盘外壳 poker外壳无加强筋底壳透光外壳', '怡科外设KBDfans', 14900],
    ]);
  });

  it('Taobao item, 2022 layout', () => {
    expect(summary(read('taobao-item-2022.html', 'https://item.taobao.com/item.htm?id=720000000001'))).toEqual([
      ['taobao', '720000000001', '米脂小米 黄小米 2025新米 农家 2.5kg', '黄土地小米合作社店', 3680],
    ]);
  });

  it('Tmall item, old layout in GBK, and the 2022 layout', () => {
    expect(
      summary(read('tmall-item-old-gbk.html', 'https://detail.tmall.com/item.htm?id=730000000002', 'gbk')),
    ).toEqual([['tmall', '730000000002', '神池胡麻油 纯正亚麻籽油 5L 桶装 山西特产', '塞上胡麻油旗舰店', 16800]]);
    expect(summary(read('tmall-item-2022.html', 'https://detail.tmall.com/item.htm?id=730000000001'))).toEqual([
      ['tmall', '730000000001', '安化黑茶 千两茶 湖南特产 1kg 礼盒', '梅山黑茶旗舰店', 29800],
    ]);
  });

  it('Pinduoduo: data from window.rawData, title element found by its text', () => {
    const found = read('pinduoduo-goods.html', 'https://mobile.yangkeduo.com/goods.html?goods_id=123456789');
    expect(summary(found)).toEqual([
      ['pinduoduo', '123456789', '平利绞股蓝茶 七叶绞股蓝 龙须 250g', '女娲绞股蓝茶业', 2990],
    ]);
    expect(found[0]?.anchor.className).toBe('enable-select');
  });

  it('Suning and the 832 platform', () => {
    expect(summary(read('suning-item.html', 'https://product.suning.com/0070067633/11001203841.html'))).toEqual([
      ['suning', '11001203841', '周至猕猴桃 徐香 新鲜水果 3kg 礼盒', '秦岭猕猴桃旗舰店', null],
    ]);
    expect(read('fupin832-detail.html', 'https://www.fupin832.com/pages/detail/SKU832001')[0]?.listing).toEqual({
      site: 'fupin832',
      itemId: 'SKU832001',
      title: '高山生态大米 10kg 当季新米',
      shopName: '镇雄县乌蒙山粮油有限公司',
      priceFen: 5800,
      location: '云南省 昭通市 镇雄县',
      url: 'https://www.fupin832.com/pages/detail/SKU832001',
    });
  });

  it('finds nothing, and throws nothing, on broken or empty markup', () => {
    const broken = new DOMParser().parseFromString(
      '<div class="plugin_goodsCardWrapper" data-sku="x"><span title=""></span></div><li class="gl-item" data-sku="1"></li><script>window.rawData={"store":</script>',
      'text/html',
    );
    for (const url of [
      'https://search.jd.com/Search?keyword=a',
      'https://item.jd.com/1.html',
      'https://s.taobao.com/search?q=a',
      'https://detail.tmall.com/item.htm?id=1',
      'https://mobile.yangkeduo.com/goods.html?goods_id=1',
      'https://product.suning.com/1/2.html',
      'https://www.fupin832.com/pages/detail/1',
    ]) {
      const u = new URL(url);
      expect(adapterFor(u)?.adapter.listings(broken, u), url).toEqual([]);
    }
  });
});
