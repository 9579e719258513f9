import { describe, expect, it } from 'vitest';
import { ReliefDb } from '../../lib/db/schema';
import { importOrderItems } from '../../lib/orders/import';
import { JD_TEA_ORDER, purchase } from './helpers';

const order = JD_TEA_ORDER;
const ticked = order.items.map((item) => ({ order, item }));
let n = 0;
const meta = { createdAt: '2026-04-03T00:00:00Z', newId: () => `id${n++}` };

describe('importing ticked order items (lib/orders/import)', () => {
  it('adds each item once: importing the same list again adds nothing', async () => {
    const db = new ReliefDb('orders-import-1');
    expect(await importOrderItems(db, ticked, { fundingSource: '个人' }, meta)).toBe(2);
    expect(await importOrderItems(db, ticked, { fundingSource: '个人' }, meta)).toBe(0);
    const stored = await db.purchases.orderBy('orderKey').toArray();
    expect(stored.map((p) => [p.orderKey, p.quantity, p.fundingSource])).toEqual([
      ['jd:285519843212:100045678901', 1, '个人'],
      ['jd:285519843212:100045678902', 2, '个人'],
    ]);
  });

  it('an item typed by hand before with the order number is not imported again; the other item is', async () => {
    const db = new ReliefDb('orders-import-2');
    await db.purchases.put(
      purchase({
        id: 'typed',
        purchasedOn: '2026-04-02',
        amountFen: 14800,
        product: '紫阳富硒茶 250g',
        orderNo: '285519843212',
      }),
    );
    expect(await importOrderItems(db, ticked, { fundingSource: '工会', pledgeId: 'pl' }, meta)).toBe(1);
    const added = (await db.purchases.toArray()).find((p) => p.id !== 'typed');
    expect(added).toMatchObject({ product: '紫阳富硒茶 礼盒装', fundingSource: '工会', pledgeId: 'pl' });
  });
});
