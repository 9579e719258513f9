import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../lib/messages';

describe('matchListings request', () => {
  const valid = {
    listings: [{ site: 'jd', itemId: '100012345678', title: '祁东黄花菜 500g', shopName: '湘祁旗舰店' }],
  };

  it('accepts valid listings', () => {
    expect(parseRequest('matchListings', valid).listings).toHaveLength(1);
  });
  it('rejects when listings is missing', () => {
    expect(() => parseRequest('matchListings', {})).toThrow();
  });
  it('rejects when a title is missing', () => {
    expect(() => parseRequest('matchListings', { listings: [{ site: 'jd' }] })).toThrow();
  });
  it('rejects an unknown site', () => {
    expect(() => parseRequest('matchListings', { listings: [{ site: 'amazon', title: 'x' }] })).toThrow();
  });
  it('rejects a fractional price in fen', () => {
    expect(() => parseRequest('matchListings', { listings: [{ site: 'jd', title: 'x', priceFen: 1.5 }] })).toThrow();
  });
  it('rejects extra fields at the top', () => {
    expect(() => parseRequest('matchListings', { ...valid, evil: 1 })).toThrow();
  });
});

describe('getStatus request', () => {
  it('accepts an empty object', () => {
    expect(parseRequest('getStatus', {})).toEqual({});
  });
  it('rejects anything else', () => {
    expect(() => parseRequest('getStatus', { x: 1 })).toThrow();
    expect(() => parseRequest('getStatus', null)).toThrow();
  });
});

describe('openPurchaseForm request', () => {
  const valid = {
    listing: { site: 'jd', itemId: '1', title: '城口老腊肉' },
    result: {
      tier: 'certified',
      score: 1,
      reasons: [{ code: 'shop-is-storefront', params: { shop: '湘祁黄花菜旗舰店' } }],
    },
  };
  it('accepts a listing with its match result', () => {
    expect(parseRequest('openPurchaseForm', valid).result.tier).toBe('certified');
  });
  it('rejects when the result is missing', () => {
    expect(() => parseRequest('openPurchaseForm', { listing: valid.listing })).toThrow();
  });
  it('rejects an unknown tier', () => {
    expect(() => parseRequest('openPurchaseForm', { ...valid, result: { ...valid.result, tier: 'gold' } })).toThrow();
  });
});

describe('getPageListing request', () => {
  it('accepts an empty object', () => {
    expect(parseRequest('getPageListing', {})).toEqual({});
  });
  it('rejects anything else', () => {
    expect(() => parseRequest('getPageListing', { tab: 1 })).toThrow();
    expect(() => parseRequest('getPageListing', undefined)).toThrow();
  });
});

describe('openOrderReview request', () => {
  const order = {
    site: 'jd',
    orderNo: '285519843211',
    date: '2026-03-05',
    status: '已完成',
    closed: false,
    shopName: '巴山老腊肉旗舰店',
    totalFen: 17600,
    items: [{ itemId: '100023456781', title: '城口老腊肉 500g', quantity: 2, amountFen: 17600 }],
  };
  it('accepts orders as an order list shows them', () => {
    expect(parseRequest('openOrderReview', { orders: [order] }).orders[0]?.items[0]?.quantity).toBe(2);
  });
  it('rejects when the orders are missing or empty', () => {
    expect(() => parseRequest('openOrderReview', {})).toThrow();
    expect(() => parseRequest('openOrderReview', { orders: [] })).toThrow();
  });
  it('rejects an order without items, or an item id that is not a number', () => {
    expect(() => parseRequest('openOrderReview', { orders: [{ ...order, items: [] }] })).toThrow();
    const bad = { ...order, items: [{ ...order.items[0], itemId: 'javascript:alert(1)' }] };
    expect(() => parseRequest('openOrderReview', { orders: [bad] })).toThrow();
  });
  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => parseRequest('openOrderReview', { orders: [{ ...order, date: '3月5日' }] })).toThrow();
  });
});
