import { describe, expect, it } from 'vitest';
import { parseCatalogueFile } from '../../lib/catalogue/import';
import { buildMatchIndex, coresOf, deriveMatchKeys, MATCH_KEY_RULES, withUnsold } from '../../lib/match/build-index';
import type { Listing } from '../../lib/match/listing';
import { nameCore, normalizeTitle } from '../../lib/match/normalize';
import { productPattern } from '../../lib/match/product';
import { matchListings as match, matchListings } from '../../lib/match/query';
import { formatReason } from '../../lib/match/reasons';
import { deserializeIndex, serializeIndex } from '../../lib/match/serialize';
import { buildEvalIndex, EVAL_TODAY, loadRegressionData, scoreResults } from '../../scripts/eval/evaluate';

const TODAY = '2026-11-25';
const CSV = `产品名称,供应商,县,有效期至,状态,目录批次,平台,店铺名称,商品编号
祁东黄花菜,祁东县湘祁黄花菜开发有限公司,祁东县,2028-12-31,有效,第七批,,,
城口老腊肉,城口县巴山老腊肉农民专业合作社,城口县,2028-12-31,有效,第七批,京东,巴山腊味旗舰店,100023456781
秭归脐橙,秭归县屈乡脐橙种植专业合作社,秭归县,2028-12-31,有效,第七批,淘宝,,600123456789
旬阳拐枣,旬阳县拐枣产业有限公司,旬阳市,2024-06-30,有效,第五批,,,
三都葡萄,三都县水族葡萄种植专业合作社,三都水族自治县,2028-12-31,撤销,第七批,,,
寻乌蜜桔,寻乌县果业发展有限公司,寻乌县,2026-11-25,有效,第七批,,,
`;
const { plan } = parseCatalogueFile({ name: 'c.csv', bytes: new TextEncoder().encode(CSV) }, { today: TODAY });
const unsold = [{ id: 'u1', product: '砂糖橘', county: '本县' }];
const index = buildMatchIndex(plan.entries, unsold, 'test');
const one = (listing: Partial<Listing> & { title: string }, today = TODAY, showHints = true) =>
  matchListings(index, [{ site: 'jd', ...listing }], { today, showHints })[0];

describe('normalisation', () => {
  it('strips promotions, weights and marketing words from titles', () => {
    expect(normalizeTitle('【顺丰包邮】湖南祁东黄花菜 干货 500g*2袋 新鲜现货')).toBe('湖南祁东黄花菜干货');
    expect(normalizeTitle('ＡＢＣ 黃花菜 10斤裝')).toBe('abc黄花菜');
  });
  it('reduces suppliers and shops to their common core', () => {
    expect(nameCore('祁东县湘祁黄花菜开发有限公司')).toBe('湘祁黄花菜');
    expect(nameCore('湘祁黄花菜旗舰店')).toBe('湘祁黄花菜');
    expect(nameCore('城口县巴山老腊肉农民专业合作社')).toBe('巴山老腊肉');
  });
  it('takes the entry’s own place out of product names, by the division table', () => {
    expect(productPattern(['祁东黄花菜'], '430426')).toBe('黄花菜');
    expect(productPattern(['秭归脐橙（伦晚）'], '420527')).toBe('脐橙');
    // 小金 is a county (小金县), but not this entry's: the lipstick line keeps its name.
    expect(productPattern(['小金条口红'], '310106')).toBe('小金条唇膏');
  });
});

describe('certified', () => {
  it('needs the shop to agree with the supplier, and says why', () => {
    const r = one({ title: '湖南祁东黄花菜 特级 500g', shopName: '湘祁黄花菜旗舰店' });
    expect(r?.tier).toBe('certified');
    expect(r?.entryId).toBe(plan.entries[0]?.id);
    expect(r?.reasons.map((x) => formatReason(x))).toEqual([
      '店铺「湘祁黄花菜旗舰店」与供应商「祁东县湘祁黄花菜开发有限公司」一致（字号「湘祁黄花菜」）',
      '标题写明产品「黄花菜」',
      '产地 祁东县',
    ]);
    expect(r?.reasons.map((x) => formatReason(x, 'en'))[2]).toBe('Origin: 祁东县');
    expect(r).toMatchObject({ supplier: '祁东县湘祁黄花菜开发有限公司', batch: '第七批', validUntil: '2028-12-31' });
  });

  it('never comes from the product name alone', () => {
    expect(one({ title: '祁东黄花菜 500g', shopName: '优品生鲜店' })?.tier).not.toBe('certified');
    expect(one({ title: '祁东黄花菜 500g' })?.tier).not.toBe('certified');
  });

  it('is not given to the same supplier’s other products', () => {
    expect(one({ title: '湘祁 香菇 250g', shopName: '湘祁黄花菜旗舰店' })?.tier).toBeUndefined();
  });

  it('accepts the legal name as the shop name, and known storefronts', () => {
    expect(one({ title: '黄花菜 干货', shopName: '祁东县湘祁黄花菜开发有限公司' })?.tier).toBe('certified');
    expect(one({ title: '城口老腊肉 500g', shopName: '巴山腊味旗舰店' })?.tier).toBe('certified');
  });

  it('accepts a storefront item by its id; Tmall and Taobao share ids', () => {
    expect(one({ site: 'jd', itemId: '100023456781', title: '城口 老腊肉' })?.reasons[0]).toEqual({
      code: 'item-registered',
      params: { itemId: '100023456781' },
    });
    expect(one({ site: 'tmall', itemId: '600123456789', title: '秭归脐橙 5kg' })?.tier).toBe('certified');
    // The id alone is not enough when the listing is now another product.
    expect(one({ site: 'jd', itemId: '100023456781', title: '不锈钢保温杯' })?.tier).toBeUndefined();
  });

  it('reads traditional characters and full-width text', () => {
    expect(one({ title: '祁東黃花菜　５００ｇ', shopName: '湘祁黃花菜旗艦店' })?.tier).toBe('certified');
  });

  it('a supplier with no trade name (寻乌县果业发展有限公司) agrees only with its own name, never a 果业 shop', () => {
    expect(one({ title: '寻乌蜜桔 5斤', shopName: '果业旗舰店' })?.tier).not.toBe('certified');
    expect(one({ title: '寻乌蜜桔 5斤', shopName: '寻乌县果业发展有限公司' })?.tier).toBe('certified');
  });
});

describe('expired', () => {
  it('marks entries past their validity, from the day after', () => {
    expect(one({ title: '寻乌蜜桔', shopName: '寻乌县果业发展有限公司' }, '2026-11-25')?.tier).toBe('certified');
    expect(one({ title: '寻乌蜜桔', shopName: '寻乌县果业发展有限公司' }, '2026-11-26')?.tier).toBe('expired');
    // 旬阳县拐枣产业有限公司 has no trade name but its product: its legal name as the shop agrees, 拐枣产业旗舰店 never.
    expect(one({ title: '旬阳拐枣 1kg', shopName: '拐枣产业旗舰店' })?.tier).toBe('poverty-area');
    const r = one({ title: '旬阳拐枣 1kg', shopName: '旬阳县拐枣产业有限公司' });
    expect(r?.tier).toBe('expired');
    expect(r?.reasons).toContainEqual({ code: 'expired', params: { validUntil: '2024-06-30' } });
    expect(formatReason(r?.reasons[3] ?? { code: 'origin' })).toBe('认定已过期（有效期至 2024-06-30）');
  });
  it('marks revoked entries', () => {
    const r = one({ title: '三都葡萄 5kg', shopName: '水族葡萄旗舰店' });
    expect(r?.tier).toBe('expired');
    expect(r?.reasons).toContainEqual({ code: 'revoked' });
  });
});

describe('poverty-area', () => {
  it('comes from a poverty county named in the title, old names included', () => {
    expect(one({ title: '城口 土豆 5斤', shopName: '优品生鲜店' })).toMatchObject({
      tier: 'poverty-area',
      county: '城口县',
    });
    expect(one({ title: '上饶县 白眉茶', shopName: '茶叶店' })).toMatchObject({
      tier: 'poverty-area',
      county: '广信区',
    });
    expect(one({ title: '土豆', shopName: '小店', location: '重庆 城口县' })?.tier).toBe('poverty-area');
  });
  it('comes from relief shops and the 832 platform', () => {
    expect(one({ title: '大米 10kg', shopName: '陕西扶贫馆' })?.tier).toBe('poverty-area');
    expect(one({ site: 'fupin832', title: '大米 10kg', shopName: '某某农业有限公司' })?.tier).toBe('poverty-area');
    expect(one({ title: '大米 10kg', shopName: '中国特产·城口馆' })?.tier).toBe('poverty-area');
  });
  it('is not given for a pavilion of another place, 助农 alone, or words that contain a county', () => {
    expect(one({ title: '西湖龙井 250g', shopName: '中国特产·杭州馆' })?.tier).toBeUndefined();
    expect(one({ title: '助农 苹果 5斤', shopName: '助农优选店' })?.tier).toBeUndefined();
    expect(one({ title: '平安果 12个', shopName: '鲜果店' })?.tier).toBeUndefined();
    expect(one({ title: '祁东黄花菜', shopName: '优品生鲜店' })?.tier).toBeUndefined(); // 祁东 is not one of the 832
  });
});

describe('unsold and hints', () => {
  it('suggests open entries of the unsold register', () => {
    expect(one({ title: '新鲜砂糖橘 5斤', shopName: '果蔬小铺' })).toMatchObject({ tier: 'unsold', unsoldId: 'u1' });
  });
  it('takes a changed unsold register into a loaded index without rebuilding the catalogue part', () => {
    const changed = [
      { id: 'u2', product: '白菜', county: '祁东县' },
      { id: 'u3', product: '脐橙', variety: '纽荷尔', county: '秭归县' },
    ];
    const updated = withUnsold(deserializeIndex(serializeIndex(index)), changed, 'test+u');
    const rebuilt = buildMatchIndex(plan.entries, changed, 'test+u');
    expect(updated).toEqual(rebuilt);
    const listings: Listing[] = [
      { site: 'jd', title: '新鲜砂糖橘 5斤', shopName: '果蔬小铺' },
      { site: 'jd', title: '山东大白菜 10斤', shopName: '果蔬小铺' },
      { site: 'jd', title: '祁东黄花菜', shopName: '湘祁黄花菜旗舰店' },
    ];
    expect(matchListings(updated, listings, { today: TODAY })).toEqual(
      matchListings(rebuilt, listings, { today: TODAY }),
    );
    expect(matchListings(updated, listings, { today: TODAY })[1]).toMatchObject({ tier: 'unsold', unsoldId: 'u2' });
  });
  it('hides hints when asked, never certification', () => {
    expect(one({ title: '城口 土豆', shopName: '小店' }, TODAY, false)?.tier).toBeUndefined();
    expect(one({ title: '砂糖橘', shopName: '小店' }, TODAY, false)?.tier).toBeUndefined();
    expect(one({ title: '祁东黄花菜', shopName: '湘祁黄花菜旗舰店' }, TODAY, false)?.tier).toBe('certified');
  });
});

// Generated from the matcher's own word lists: a regression guard, never an accuracy figure (see match-real.test.ts).
describe('the generated regression set', () => {
  const data = loadRegressionData();
  const evalIndex = buildEvalIndex(data);
  const results = match(evalIndex, data.listings, { today: EVAL_TODAY });
  const { tiers } = scoreResults(data.listings, results);

  it('has at least 300 labelled listings and 200 entries', () => {
    expect(data.listings.length).toBeGreaterThanOrEqual(300);
    expect(data.entries.length).toBeGreaterThanOrEqual(200);
  });

  it('still passes: certified precision ≥ 0.99 and recall ≥ 0.95, with the right entry', () => {
    const certified = tiers.find((t) => t.tier === 'certified');
    expect(certified?.precision).toBeGreaterThanOrEqual(0.99);
    expect(certified?.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('builds the same index from the keys the import stored as from the entries alone', () => {
    expect(data.entries.every((e) => e.matchKeys?.rules === MATCH_KEY_RULES)).toBe(true);
    const bare = data.entries.map(({ matchKeys, ...e }) => e);
    expect(buildMatchIndex(bare, data.unsold, 'eval')).toEqual(evalIndex);
  });

  it('derives the keys again when older rules made them', () => {
    const stale = data.entries.map((e) => ({ ...e, matchKeys: { rules: 0, cores: '错误', parties: ['错误'] } }));
    expect(buildMatchIndex(stale, data.unsold, 'eval')).toEqual(evalIndex);
    // Stored keys of the current rules are what the build uses, as they are.
    const stored = data.entries.map((e) => ({ ...e, matchKeys: { ...deriveMatchKeys(e), cores: '只此' } }));
    const built = buildMatchIndex(stored, [], 'x');
    expect(stored.every((_, e) => coresOf(built, e) === '只此')).toBe(true);
  });

  it('refuses a blob of the earlier format (UTF-8 strings), so the background rebuilds', () => {
    const blob = serializeIndex(evalIndex);
    new DataView(blob.buffer).setUint32(0, 0x314d4952, true); // "RIM1"
    expect(() => deserializeIndex(blob)).toThrow('not a match index');
  });

  it('answers the same after serialise → load', () => {
    const loaded = deserializeIndex(serializeIndex(evalIndex));
    expect(loaded).toEqual(evalIndex);
    expect(match(loaded, data.listings, { today: EVAL_TODAY })).toEqual(results);
  });
});
