/**
 * The failure classes real titles show (issue 20), one rule each, with cases written here — not taken from
 * the real set or any file the matcher reads.
 */
import { describe, expect, it } from 'vitest';
import { parseCatalogueFile } from '../../lib/catalogue/import';
import { buildMatchIndex } from '../../lib/match/build-index';
import type { Listing } from '../../lib/match/listing';
import { nameParts } from '../../lib/match/normalize';
import { prepareTitle } from '../../lib/match/product';
import { explainListing, matchListings } from '../../lib/match/query';
import { detectPlaces, NOT_PLACE_WORDS, originPlaces, placeAt } from '../../lib/regions/places';

const TODAY = '2026-12-01';
const CSV = `证书编号,产品名称,供应商,省,市,县,有效期至,状态,平台,店铺名称,商品编号
R-01,泸溪椪柑,泸溪县武溪椪柑专业合作社,湖南省,湘西土家族苗族自治州,泸溪县,2029-12-31,有效,,,
R-02,华为 Mate 60 手机,华为终端有限公司,广东省,东莞市,松山湖,2029-12-31,有效,京东,华为京东自营官方旗舰店,
R-03,Galaxy S23 手机,三星（中国）投资有限公司,北京市,北京市,朝阳区,2029-12-31,有效,京东,三星手机京东自营旗舰店,
R-04,苹果,静宁县陇原红苹果专业合作社,甘肃省,平凉市,静宁县,2029-12-31,有效,,,
R-05,核桃,左权县太行山核桃有限公司,山西省,晋中市,左权县,2029-12-31,有效,,,
R-06,大闸蟹,兴化市水乡大闸蟹养殖专业合作社,江苏省,泰州市,兴化市,2029-12-31,有效,淘宝,水乡蟹庄,
R-07,白茶,安吉县茶叶协会,浙江省,湖州市,安吉县,2029-12-31,有效,天猫,安吉宋茗白茶旗舰店,
R-08,枸杞,宁夏红枸杞产业集团有限公司,宁夏回族自治区,中卫市,中宁县,2029-12-31,有效,,,
R-09,枇杷,莆田市城厢区绿源枇杷专业合作社,福建省,莆田市,城厢区,2029-12-31,有效,,,
R-10,高山云雾茶,岳西县翠兰茶业有限公司,安徽省,安庆市,岳西县,2029-12-31,有效,,,
R-11,小米,沁州黄小米（集团）有限公司,山西省,长治市,沁县,2029-12-31,有效,,,
`;
const { plan } = parseCatalogueFile({ name: 'rules.csv', bytes: new TextEncoder().encode(CSV) }, { today: TODAY });
const index = buildMatchIndex(plan.entries, [], 'rules');
const idOf = (cert: string) => plan.entries.find((e) => e.certificateNo === cert)?.id;
const one = (l: Partial<Listing> & { title: string }) =>
  matchListings(index, [{ site: 'jd', ...l }], { today: TODAY })[0];
const tierOf = (l: Partial<Listing> & { title: string }) => one(l)?.tier;

describe('words interrupted inside the title', () => {
  it('finds the product’s words apart, within a short window', () => {
    expect(one({ title: '湖南泸溪 精品 椪柑 当季 5斤', shopName: '武溪椪柑旗舰店' })?.entryId).toBe(idOf('R-01'));
    expect(one({ title: '高山 有机云雾 茶 250g', shopName: '翠兰茶业旗舰店' })?.tier).toBe('certified');
  });
  it('not when the words stand far apart, or in different items of a set', () => {
    expect(tierOf({ title: '高山野生蜂蜜 500g 配 黄山毛峰 云雾绿茶 250g', shopName: '翠兰茶业旗舰店' })).not.toBe(
      'certified',
    );
    expect(tierOf({ title: '高山 红薯干 + 云雾 绿茶 组合装', shopName: '翠兰茶业旗舰店' })).not.toBe('certified');
  });
});

describe('model numbers, versions and networks are not quantities', () => {
  it('keeps 5G, 128GB, X20LP and 2024款 as they are; takes real quantities out', () => {
    const t = prepareTitle('华为 Mate 60 5G 12GB+512GB 2024款 X20LP 500g 2.5kg*2袋');
    expect(t.tokens.map((x) => x.text)).toEqual(['华为', 'mate', '60', '5g', '12gb', '512gb', '2024', '款', 'x20lp']);
  });
  it('beside a model, the category word may be left out of the title', () => {
    expect(tierOf({ title: '华为 Mate 60 12GB+512GB 雅川青', shopName: '华为京东自营官方旗舰店' })).toBe('certified');
  });
  it('matches the model whole, on the title’s own spacing', () => {
    expect(tierOf({ title: 'HUAWEI 华为 Mate 60 12GB+512GB 雅川青 5G手机', shopName: '华为京东自营官方旗舰店' })).toBe(
      'certified',
    );
    expect(tierOf({ title: '华为 Mate60 手机 12+256', shopName: '华为京东自营官方旗舰店' })).toBe('certified');
  });
});

describe('product identity: another model, an accessory, a product made from it', () => {
  it('another model of the line is not the product', () => {
    for (const title of [
      '华为 Mate 60 Pro 手机',
      '华为 Mate 60 Pro+ 手机',
      '华为 Mate 60 RS 非凡大师 手机',
      '华为 Mate 6 手机',
    ])
      expect(tierOf({ title, shopName: '华为京东自营官方旗舰店' }), title).not.toBe('certified');
    expect(tierOf({ title: '三星 Galaxy S23 Ultra 手机', shopName: '三星手机京东自营旗舰店' })).not.toBe('certified');
    expect(tierOf({ title: '三星 Galaxy S23 FE 手机', shopName: '三星手机京东自营旗舰店' })).not.toBe('certified');
    expect(tierOf({ title: '三星 Galaxy S23 8+256 手机 悠雾紫', shopName: '三星手机京东自营旗舰店' })).toBe(
      'certified',
    );
  });
  it('an accessory for it is not the product', () => {
    expect(tierOf({ title: '适用华为Mate60手机壳 硅胶保护套', shopName: '华为京东自营官方旗舰店' })).not.toBe(
      'certified',
    );
    expect(tierOf({ title: '华为 Mate 60 钢化膜 手机膜', shopName: '华为京东自营官方旗舰店' })).not.toBe('certified');
  });
  it('a product made from it is not the product; another size or colour is', () => {
    expect(tierOf({ title: '静宁苹果醋 饮料 1L', shopName: '陇原红苹果旗舰店' })).not.toBe('certified');
    expect(tierOf({ title: '左权 核桃油 500ml', shopName: '太行山核桃旗舰店' })).not.toBe('certified');
    expect(tierOf({ title: '左权核桃粉 冲饮', shopName: '太行山核桃旗舰店' })).not.toBe('certified');
    expect(tierOf({ title: '静宁 红富士 苹果 10斤 大果', shopName: '陇原红苹果旗舰店' })).toBe('certified');
    expect(tierOf({ title: '静宁苹果 5斤 中果', shopName: '陇原红苹果旗舰店' })).toBe('certified');
  });
});

describe('county conflict', () => {
  it('a title naming another county or province as the origin is not the entry’s product', () => {
    expect(tierOf({ title: '陕西洛川苹果 10斤', shopName: '陇原红苹果旗舰店' })).not.toBe('certified');
    expect(tierOf({ title: '新疆 阿克苏 苹果 5斤', shopName: '陇原红苹果旗舰店' })).not.toBe('certified');
    const r = explainListing(
      index,
      { site: 'jd', title: '陕西洛川苹果 10斤', shopName: '陇原红苹果旗舰店' },
      { today: TODAY },
    );
    expect(r.trace.candidates[0]?.checks.map((c) => c.reason.code)).toContain('county-conflict');
  });
  it('unless the entry’s county is named too; a province or prefecture that holds it agrees', () => {
    expect(tierOf({ title: '静宁苹果 比洛川更甜 10斤', shopName: '陇原红苹果旗舰店' })).toBe('certified');
    expect(tierOf({ title: '甘肃平凉 苹果 10斤', shopName: '陇原红苹果旗舰店' })).toBe('certified');
  });
});

describe('holders that are not sellers', () => {
  it('an association never agrees with a shop; only its named storefront does', () => {
    expect(nameParts('安吉县茶叶协会').holder).toBe(true);
    expect(tierOf({ title: '安吉白茶 2024新茶 250g', shopName: '安吉茶叶旗舰店' })).not.toBe('certified');
    expect(tierOf({ title: '安吉白茶 2024新茶 250g', shopName: '安吉宋茗白茶旗舰店' })).toBe('certified');
  });
  it('a shop whose core is only the product, or a place and the product, agrees only as a named storefront', () => {
    expect(tierOf({ title: '兴化大闸蟹 公4两 母3两', shopName: '大闸蟹旗舰店' })).not.toBe('certified');
    expect(tierOf({ title: '兴化大闸蟹 公4两 母3两', shopName: '兴化大闸蟹旗舰店' })).not.toBe('certified');
    expect(tierOf({ title: '兴化大闸蟹 公4两 母3两', shopName: '水乡蟹庄' })).toBe('certified');
  });
  it('a reseller whose name merely begins with the brand is not the supplier', () => {
    expect(tierOf({ title: '华为 Mate 60 手机', shopName: '华为翔龙数码店' })).not.toBe('certified');
  });
  it('a 专营店 or 专卖店 is a reseller by the platforms’ definitions, whatever its name', () => {
    expect(nameParts('华为手机专营店').reseller).toBe(true);
    expect(tierOf({ title: '华为 Mate 60 手机', shopName: '华为手机专营店' })).not.toBe('certified');
    expect(tierOf({ title: '华为 Mate 60 手机', shopName: '华为专卖店' })).not.toBe('certified');
    expect(tierOf({ title: '华为 Mate 60 手机', shopName: '华为官方旗舰店' })).toBe('certified');
  });
});

describe('legal-name parsing by the division table', () => {
  it('removes provinces, prefectures and counties that are in the table, old names and suffixes included', () => {
    expect(nameParts('湖南省湘西土家族苗族自治州泸溪县武溪椪柑专业合作社').core).toBe('武溪椪柑');
    expect(nameParts('海门市华丰食品有限公司').core).toBe('华丰'); // 海门市 is 海门区 since 2020
    expect(nameParts('保定创锐泵业有限公司').core).toBe('创锐');
    expect(nameParts('南方黑芝麻（容县）食品有限公司').core).toBe('南方黑芝麻');
  });
  it('never guesses a place from a trailing 州 / 市 / 县 inside a brand word', () => {
    expect(nameParts('神州数码有限公司').core).toBe('神州');
    expect(nameParts('宁夏红枸杞产业集团有限公司').core).toBe('红枸杞');
    expect(nameParts('九州通医药有限公司').core).toBe('九州通');
    // A brand that is a place of another county stays (武陵源 is not inside 炎陵).
    expect(nameParts('炎陵县武陵源黄桃有限公司').core).toBe('武陵源黄桃');
  });
});

describe('varieties and brands that contain a county’s name are not places', () => {
  for (const word of NOT_PLACE_WORDS) {
    it(`「${word}」 holds a county name, yet names no place`, () => {
      let held = false;
      for (let i = 0; i < word.length - 1; i++) held ||= Boolean(placeAt(word, i));
      expect(held).toBe(true); // the word is in the list because of a real clash
      expect(detectPlaces(`新品 ${word} 2支`)).toEqual([]);
      expect(originPlaces(`新品 ${word} 2支`)).toEqual([]);
    });
  }
});

describe('poverty-area hints on cases written here', () => {
  const cases: { listing: Listing; poverty: boolean }[] = [
    { listing: { site: 'jd', title: '云南 镇雄 洋芋 10斤', shopName: '乡味小铺' }, poverty: true },
    { listing: { site: 'taobao', title: '甘肃定西马铃薯 5kg', shopName: '陇上人家' }, poverty: false }, // 定西 is a prefecture
    { listing: { site: 'jd', title: '岷县当归 250g', shopName: '药材铺' }, poverty: true },
    { listing: { site: 'jd', title: '宁夏 西吉 土豆粉条', shopName: '西北特产店' }, poverty: true },
    { listing: { site: 'jd', title: '贵州 威宁 苦荞茶', shopName: '荞香阁' }, poverty: true },
    { listing: { site: 'jd', title: '平安果 圣诞节苹果 12个', shopName: '鲜果小站' }, poverty: false },
    { listing: { site: 'jd', title: '三通道 计时器 实验室', shopName: '仪表店' }, poverty: false },
    { listing: { site: 'jd', title: 'YSL 小金条 口红 1966', shopName: '美妆店' }, poverty: false },
    { listing: { site: 'jd', title: '土蜂蜜 500g', shopName: '陕西扶贫馆' }, poverty: true },
    { listing: { site: 'fupin832', title: '黑木耳 250g', shopName: '某县农业有限公司' }, poverty: true },
    { listing: { site: 'jd', title: '软条白沙 枇杷 3斤', shopName: '果园' }, poverty: false },
    { listing: { site: 'jd', title: '西湖龙井 明前', shopName: '中国特产·杭州馆' }, poverty: false },
    { listing: { site: 'jd', title: '大米 5kg', shopName: '小店', location: '黑龙江 桦南县' }, poverty: true },
    { listing: { site: 'jd', title: '红河 哈尼梯田 红米', shopName: '梯田米业' }, poverty: false }, // 红河 is a prefecture
    { listing: { site: 'jd', title: '元阳 梯田红米 2kg', shopName: '梯田米业' }, poverty: true },
    { listing: { site: 'jd', title: '通道 侗族 黑老虎', shopName: '湘西山货' }, poverty: false }, // 通道 alone is too common
    { listing: { site: 'jd', title: '通道侗族自治县 黑老虎 果', shopName: '湘西山货' }, poverty: true },
  ];
  it('precision ≥ 0.90 and recall ≥ 0.85', () => {
    const got = matchListings(
      index,
      cases.map((c) => c.listing),
      { today: TODAY },
    ).map((r) => r.tier === 'poverty-area');
    const tp = got.filter((g, i) => g && cases[i]?.poverty).length;
    const predicted = got.filter(Boolean).length;
    const expected = cases.filter((c) => c.poverty).length;
    const wrong = cases.filter((c, i) => got[i] !== c.poverty).map((c) => c.listing.title);
    expect(tp / predicted, wrong.join(' / ')).toBeGreaterThanOrEqual(0.9);
    expect(tp / expected, wrong.join(' / ')).toBeGreaterThanOrEqual(0.85);
  });
});

describe('a card whose shop cannot be read', () => {
  it('is never certified by the product alone', () => {
    expect(tierOf({ title: '华为 Mate 60 手机' })).not.toBe('certified');
    expect(explainListing(index, { site: 'jd', title: '华为 Mate 60 手机' }, { today: TODAY }).trace.shop.code).toBe(
      'shop-missing',
    );
  });
});

describe('the trace', () => {
  it('comes from the same path as the answer, with the candidates and the rules checked', () => {
    const listing: Listing = { site: 'jd', title: '华为 Mate 60 Pro 手机', shopName: '华为京东自营官方旗舰店' };
    const { result, trace } = explainListing(index, listing, { today: TODAY });
    expect(result).toEqual(matchListings(index, [listing], { today: TODAY })[0]);
    const c = trace.candidates.find((x) => x.entryId === idOf('R-02'));
    expect(c?.certificateNo).toBe('R-02');
    expect(c?.sourceId).toBe('src:rules');
    expect(c?.accepted).toBe(false);
    expect(c?.checks.map((x) => [x.ok, x.reason.code])).toContainEqual([false, 'other-model']);
  });
});

describe('匹配检查 links and typed listings', () => {
  it('carries a listing in the dashboard hash, and refuses one that is not valid', async () => {
    const { matchCheckHash, readCheckListing, typedListing } = await import('../../lib/match/check-link');
    const listing: Listing = {
      site: 'jd',
      itemId: '100012043978',
      title: '南方黑芝麻糊 600g',
      shopName: '南方黑芝麻旗舰店',
    };
    expect(readCheckListing(matchCheckHash(listing))).toEqual(listing);
    expect(readCheckListing('#/check?listing=%7B%22site%22%3A%22x%22%7D')).toBeUndefined();
    expect(readCheckListing('#/check?listing=not-json')).toBeUndefined();
    expect(
      typedListing({ title: '  芝麻糊 ', shop: '小店', link: 'https://item.jd.com/100012043978.html' }),
    ).toMatchObject({
      site: 'jd',
      itemId: '100012043978',
      title: '芝麻糊',
      shopName: '小店',
    });
    expect(typedListing({ title: ' ' })).toBeUndefined();
  });
});
