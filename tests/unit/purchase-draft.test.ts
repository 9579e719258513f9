import { describe, expect, it } from 'vitest';
import { PurchaseSchema } from '../../lib/db/entities';
import {
  computedAmountFen,
  draftFromPrefill,
  emptyDraft,
  purchaseFromDraft,
  validateDraft,
} from '../../lib/ledger/purchase-draft';
import type { Prefill } from '../../lib/prefill';

const TODAY = '2026-11-25';
const prefill: Prefill = {
  listing: {
    site: 'jd',
    itemId: '100023456781',
    title: '重庆城口老腊肉 500g',
    shopName: '巴山老腊肉旗舰店',
    priceFen: 8800,
    url: 'https://item.jd.com/100023456781.html',
  },
  result: {
    tier: 'certified',
    entryId: 'src:x#2',
    score: 1,
    reasons: [],
    product: '城口老腊肉',
    supplier: '城口县巴山老腊肉农民专业合作社',
    county: '城口县',
    countyCode: '500229',
    batch: '第七批',
  },
};

describe('the purchase form draft', () => {
  it('is prefilled from a listing, with the catalogue product name when certified', () => {
    expect(draftFromPrefill(prefill, TODAY)).toMatchObject({
      purchasedOn: TODAY,
      product: '城口老腊肉',
      shop: '巴山老腊肉旗舰店',
      supplier: '城口县巴山老腊肉农民专业合作社',
      county: '城口县',
      platform: 'jd',
      unitPrice: '88.00',
      amount: '88.00',
      quantity: '1',
    });
  });

  it('computes quantity × price to the fen', () => {
    expect(computedAmountFen({ quantity: '3', unitPrice: '12.35' })).toBe(3705);
    expect(computedAmountFen({ quantity: '0', unitPrice: '12' })).toBeUndefined();
  });

  it('names every invalid field in Chinese', () => {
    const errors = validateDraft(
      { ...emptyDraft(TODAY), purchasedOn: '2026-13-01', quantity: '-1', amount: 'abc', orderNo: '订单#1' },
      TODAY,
    );
    expect(errors).toEqual({
      purchasedOn: '请填写有效日期，如 2026-11-25',
      product: '请填写产品名称',
      quantity: '数量应大于 0',
      amount: '金额应大于 0，如 88.00',
      orderNo: '订单号只含字母、数字和连字符',
    });
    expect(validateDraft({ ...draftFromPrefill(prefill, TODAY), purchasedOn: '2026-11-26' }, TODAY).purchasedOn).toBe(
      '购买日期不能晚于今天',
    );
    expect(validateDraft(draftFromPrefill(prefill, TODAY), TODAY)).toEqual({});
  });

  it('saves the certification as it stood, and an order key that prevents duplicates', () => {
    const draft = {
      ...draftFromPrefill(prefill, TODAY),
      quantity: '2',
      amount: '176.00',
      orderNo: '281234567890',
      fundingSource: '工会' as const,
    };
    const purchase = purchaseFromDraft(draft, { prefill }, { id: 'p1', createdAt: '2026-11-25T10:00:00Z' });
    expect(PurchaseSchema.parse(purchase)).toEqual(purchase);
    expect(purchase).toMatchObject({
      amountFen: 17600,
      unitPriceFen: 8800,
      quantity: 2,
      fundingSource: '工会',
      orderKey: 'jd:281234567890:100023456781',
      catalogueEntryId: 'src:x#2',
      certification: { tier: 'certified', status: 'valid', batch: '第七批', entryId: 'src:x#2' },
    });
  });
});
