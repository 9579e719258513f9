import { describe, expect, it } from 'vitest';
import { parseCatalogueFile } from '../../lib/catalogue/import';
import { emptyDraft, purchaseFromDraft } from '../../lib/ledger/purchase-draft';
import { checkTyped, draftWithMatch, needsTypedCheck, typedListings } from '../../lib/ledger/typed-check';
import { buildMatchIndex } from '../../lib/match/build-index';
import type { Listing } from '../../lib/match/listing';
import { matchListings } from '../../lib/match/query';

const TODAY = '2026-11-25';
const CSV = `产品名称,供应商,县,有效期至,状态,目录批次,平台,店铺名称,商品编号
祁东黄花菜,祁东县湘祁黄花菜开发有限公司,祁东县,2028-12-31,有效,第七批,,,
城口老腊肉,城口县巴山老腊肉农民专业合作社,城口县,2028-12-31,有效,第七批,京东,巴山腊味旗舰店,100023456781
`;
const { plan } = parseCatalogueFile({ name: 'c.csv', bytes: new TextEncoder().encode(CSV) }, { today: TODAY });
const index = buildMatchIndex(plan.entries, [], 'test');
/** The background's matchListings, without the messaging. */
const ask = async (listings: Listing[]) => matchListings(index, listings, { today: TODAY, showHints: true });
const draft = (over: Partial<ReturnType<typeof emptyDraft>>) => ({ ...emptyDraft(TODAY), ...over });
const save = async (d: ReturnType<typeof emptyDraft>) => {
  const prefill = await checkTyped(d, {}, ask);
  return purchaseFromDraft(prefill ? draftWithMatch(d, prefill.result) : d, { prefill }, { id: 'x', createdAt: '' });
};

describe('typed purchases are checked against the catalogue, by the pages’ matcher', () => {
  it('product + supplier of a catalogued product: saved certified, with its entry and county', async () => {
    const p = await save(draft({ product: '祁东黄花菜 500g', supplier: '祁东县湘祁黄花菜开发有限公司', amount: '30' }));
    expect(p.certification).toMatchObject({ tier: 'certified', status: 'valid', batch: '第七批' });
    expect(p.catalogueEntryId).toBeTruthy();
    expect(p.county).toBe('祁东县');
  });

  it('product + shop (no supplier typed): the storefront certifies it and fills the supplier', async () => {
    const p = await save(draft({ product: '城口老腊肉', shop: '巴山腊味旗舰店', amount: '88' }));
    expect(p.certification.tier).toBe('certified');
    expect(p.supplier).toBe('城口县巴山老腊肉农民专业合作社');
  });

  it('a product of another supplier stays 未认定', async () => {
    const p = await save(draft({ product: '祁东黄花菜', supplier: '某某贸易有限公司', amount: '30' }));
    expect(p.certification.tier).toBeUndefined();
    expect(p.catalogueEntryId).toBeUndefined();
  });

  it('when the background cannot answer, the purchase is saved as typed', async () => {
    const d = draft({ product: '祁东黄花菜', supplier: '祁东县湘祁黄花菜开发有限公司', amount: '30' });
    expect(await checkTyped(d, {}, () => Promise.reject(new Error('no background')))).toBeUndefined();
  });

  it('asks only for new purchases not already certified on the page, and not for 认购 or edits', () => {
    expect(needsTypedCheck({})).toBe(true);
    expect(needsTypedCheck({ unsold: {} })).toBe(false);
    expect(needsTypedCheck({ editing: {} })).toBe(false);
    const listing: Listing = { site: 'jd', title: 't' };
    expect(needsTypedCheck({ prefill: { listing, result: { tier: 'certified', score: 1, reasons: [] } } })).toBe(false);
    expect(needsTypedCheck({ prefill: { listing, result: { score: 0, reasons: [] } } })).toBe(true);
  });

  it('a pasted listing keeps its item id when the typed supplier certifies it', async () => {
    const listing: Listing = { site: 'jd', itemId: '999', title: '湖南特产黄花菜' };
    const d = draft({ product: '祁东黄花菜', supplier: '祁东县湘祁黄花菜开发有限公司', platform: 'jd', amount: '30' });
    const prefill = await checkTyped(d, { prefill: { listing, result: { score: 0, reasons: [] } } }, ask);
    expect(prefill?.listing.itemId).toBe('999');
    expect(prefill?.result.tier).toBe('certified');
  });

  it('reads the supplier first, then the shop, and once when they are the same', () => {
    const d = draft({ product: ' 黄花菜 ', supplier: 'A', shop: 'B' });
    expect(typedListings(d).map((l) => l.shopName)).toEqual(['A', 'B']);
    expect(typedListings(draft({ product: 'x', supplier: 'A', shop: 'A' }))).toHaveLength(1);
    expect(typedListings(draft({ product: 'x', platform: 'fupin832' }))[0]).toEqual({ site: 'fupin832', title: 'x' });
    expect(typedListings(draft({ product: ' ' }))).toEqual([]);
  });
});
