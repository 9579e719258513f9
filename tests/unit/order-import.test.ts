import { describe, expect, it } from 'vitest';
import { PurchaseSchema } from '../../lib/db/entities';
import { orderReviewHash, readOrderReview } from '../../lib/orders/review';
import { purchaseFromOrderItem } from '../../lib/orders/to-purchase';
import type { FoundOrder } from '../../lib/sites/types';

const order: FoundOrder = {
  site: 'jd',
  orderNo: '285519843212',
  date: '2026-04-02',
  status: '已完成',
  closed: false,
  shopName: '汉江茶业旗舰店',
  totalFen: 29600,
  items: [
    { itemId: '100045678901', title: '紫阳富硒茶 250g 2026新茶', quantity: 1, amountFen: 14800, amountEstimated: true },
    { itemId: '100045678902', title: '紫阳富硒茶 礼盒装', quantity: 1, amountFen: 14800, amountEstimated: true },
  ],
};

describe('order review', () => {
  it('carries the proposed orders through the page address, and drops anything not valid', () => {
    expect(readOrderReview(orderReviewHash([order]))).toEqual([order]);
    expect(readOrderReview('#/orders?proposal=%5B%7B%22site%22%3A%22jd%22%7D%5D')).toEqual([]);
    expect(readOrderReview('#/orders?proposal=not-json')).toEqual([]);
    expect(readOrderReview('#/orders')).toEqual([]);
  });

  it('makes a ledger purchase of an item: the catalogue’s name, the order number and key, the certification now', () => {
    const purchase = purchaseFromOrderItem(
      order,
      order.items[0] as FoundOrder['items'][number],
      {
        tier: 'certified',
        entryId: 'src:sample#6',
        product: '紫阳富硒茶',
        supplier: '紫阳县汉江茶业有限公司',
        county: '紫阳县',
        batch: '示例第一批',
        score: 1,
        reasons: [],
      },
      { fundingSource: '工会', pledgeId: 'pl' },
      { id: 'x', createdAt: '2026-11-25T00:00:00Z' },
    );
    expect(PurchaseSchema.parse(purchase)).toMatchObject({
      purchasedOn: '2026-04-02',
      product: '紫阳富硒茶',
      supplier: '紫阳县汉江茶业有限公司',
      shop: '汉江茶业旗舰店',
      platform: 'jd',
      orderNo: '285519843212',
      orderKey: 'jd:285519843212:100045678901',
      url: 'https://item.jd.com/100045678901.html',
      amountFen: 14800,
      fundingSource: '工会',
      pledgeId: 'pl',
      certification: { tier: 'certified', status: 'valid', batch: '示例第一批', entryId: 'src:sample#6' },
      note: '金额按件数分摊自订单合计 296.00 元',
    });
  });

  it('keeps the listing’s own title for what the catalogue does not certify', () => {
    const item = order.items[1] as FoundOrder['items'][number];
    const purchase = purchaseFromOrderItem(
      order,
      item,
      { tier: 'poverty-area', score: 0.5, reasons: [] },
      { fundingSource: '个人' },
      {
        id: 'y',
        createdAt: '2026-11-25T00:00:00Z',
      },
    );
    expect(purchase.product).toBe('紫阳富硒茶 礼盒装');
    expect(purchase.certification).toEqual({ tier: 'poverty-area' });
  });
});
