import { describe, expect, it } from 'vitest';
import { judgeDuplicate, sameProduct } from '../../lib/ledger/duplicates';
import { purchase } from './helpers';

const imported = purchase({
  id: 'imported',
  purchasedOn: '2026-11-02',
  amountFen: 8800,
  product: '重庆城口老腊肉 500g 农家柴火烟熏 年货礼盒',
  orderNo: '285519840011',
  orderKey: 'jd:285519840011:100023456781',
});

describe('one verdict on duplicates for every save path', () => {
  it('the same order item is the same purchase, whatever else differs', () => {
    const again = { ...imported, id: 'again', amountFen: 9900, purchasedOn: '2026-11-05' };
    expect(judgeDuplicate(again, [imported])).toMatchObject({ kind: 'same', reason: 'order-item' });
  });

  it('a purchase typed by hand with the order number and the product is the imported item', () => {
    const typed = purchase({
      id: 'typed',
      purchasedOn: '2026-11-03',
      amountFen: 8800,
      product: '城口老腊肉',
      orderNo: '285519840011',
      orderKey: 'jd:285519840011:',
    });
    expect(judgeDuplicate(imported, [typed])).toMatchObject({ kind: 'same', reason: 'order-number' });
    expect(judgeDuplicate(typed, [imported])).toMatchObject({ kind: 'same', reason: 'order-number' });
  });

  it('another item of the same order is new', () => {
    const other = { ...imported, id: 'tea', product: '紫阳富硒茶', orderKey: 'jd:285519840011:100023456788' };
    expect(judgeDuplicate(other, [imported])).toEqual({ kind: 'new' });
  });

  it('the same product on the same day for the same amount, with no order number, is asked about', () => {
    const first = purchase({ id: 'a', purchasedOn: '2026-11-02', amountFen: 3600, product: '通江银耳' });
    const second = purchase({ id: 'b', purchasedOn: '2026-11-02', amountFen: 3600, product: ' 通江 银耳 ' });
    expect(judgeDuplicate(second, [first])).toMatchObject({ kind: 'ask', reason: 'product-day-amount' });
    expect(judgeDuplicate({ ...second, amountFen: 3700 }, [first])).toEqual({ kind: 'new' });
    expect(judgeDuplicate({ ...second, purchasedOn: '2026-11-03' }, [first])).toEqual({ kind: 'new' });
    // Two different order numbers tell them apart.
    expect(
      judgeDuplicate({ ...second, orderNo: '1111' }, [{ ...first, orderNo: '2222', orderKey: 'jd:2222:' }]),
    ).toEqual({ kind: 'new' });
  });

  it('a purchase edited is not its own duplicate', () => {
    expect(judgeDuplicate(imported, [imported])).toEqual({ kind: 'new' });
  });

  it('names the same product by catalogue entry or by one name inside the other', () => {
    const a = purchase({
      id: 'a',
      purchasedOn: '2026-11-02',
      amountFen: 1,
      product: '城口老腊肉',
      catalogueEntryId: 'e1',
    });
    const b = purchase({
      id: 'b',
      purchasedOn: '2026-11-02',
      amountFen: 1,
      product: '腊肉礼盒',
      catalogueEntryId: 'e1',
    });
    expect(sameProduct(a, b)).toBe(true);
    expect(sameProduct(a, imported)).toBe(true);
    expect(sameProduct(a, purchase({ id: 'c', purchasedOn: '2026-11-02', amountFen: 1, product: '紫阳富硒茶' }))).toBe(
      false,
    );
  });
});
