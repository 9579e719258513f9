import { describe, expect, it } from 'vitest';
import { ReliefDb } from '../../lib/db/schema';
import { savePurchase } from '../../lib/ledger/save-purchase';
import { purchase, UNSOLD_LAROU } from './helpers';

const good = UNSOLD_LAROU;

describe('savePurchase (every save path of the purchase form)', () => {
  it('saves a new purchase once: a second save of the same order item is stopped and says which', async () => {
    const db = new ReliefDb('save-1');
    const p = purchase({ id: 'a', purchasedOn: '2026-11-02', amountFen: 8800, orderNo: '2855', orderKey: 'jd:2855:1' });
    expect(await savePurchase(db, p, { today: '2026-11-02' })).toMatchObject({ saved: true });
    const again = await savePurchase(db, { ...p, id: 'b' }, { today: '2026-11-02' });
    expect(again).toMatchObject({ saved: false, verdict: { kind: 'same', reason: 'order-item' } });
    expect((await db.purchases.toArray()).map((x) => x.id)).toEqual(['a']);
  });

  it('a possible duplicate is saved only when confirmed', async () => {
    const db = new ReliefDb('save-2');
    const p = purchase({ id: 'a', purchasedOn: '2026-11-02', amountFen: 3600, product: '通江银耳' });
    await savePurchase(db, p, { today: '2026-11-02' });
    const asked = await savePurchase(db, { ...p, id: 'b' }, { today: '2026-11-02' });
    expect(asked).toMatchObject({ saved: false, verdict: { kind: 'ask' } });
    expect(await savePurchase(db, { ...p, id: 'b' }, { today: '2026-11-02', confirmed: true })).toMatchObject({
      saved: true,
    });
    expect(await db.purchases.count()).toBe(2);
  });

  it('认购 lowers the entry’s open quantity, sold out at zero, and undo puts both back', async () => {
    const db = new ReliefDb('save-3');
    await db.unsoldGoods.put(good);
    const p = purchase({ id: 'a', purchasedOn: '2026-11-03', amountFen: 9000, product: '城口老腊肉', quantity: 3 });
    const outcome = await savePurchase(db, p, { unsold: good, today: '2026-11-03' });
    expect(await db.unsoldGoods.get('u1')).toMatchObject({
      openQuantity: 0,
      status: 'soldOut',
      updatedOn: '2026-11-03',
    });
    if (!outcome.saved) throw new Error('not saved');
    await outcome.undo();
    expect(await db.purchases.count()).toBe(0);
    expect(await db.unsoldGoods.get('u1')).toMatchObject({ openQuantity: 3, status: 'open' });
  });

  it('undo of an edit restores the purchase as it was', async () => {
    const db = new ReliefDb('save-4');
    const p = purchase({ id: 'a', purchasedOn: '2026-11-02', amountFen: 1000 });
    await savePurchase(db, p, { today: '2026-11-02' });
    const edited = await savePurchase(db, { ...p, amountFen: 2000 }, { today: '2026-11-02' });
    expect((await db.purchases.get('a'))?.amountFen).toBe(2000);
    if (!edited.saved) throw new Error('not saved');
    await edited.undo();
    expect((await db.purchases.get('a'))?.amountFen).toBe(1000);
  });
});
