import { describe, expect, it } from 'vitest';
import { filterPurchases, sumFen } from '../../lib/ledger/purchase-filter';
import { purchase } from './helpers';

const ledger = [
  purchase({ purchasedOn: '2026-03-05', amountFen: 7000, orderNo: '285519843211' }),
  purchase({
    purchasedOn: '2026-04-18',
    amountFen: 9850,
    product: '秭归臍橙',
    platform: 'taobao',
    fundingSource: '工会',
  }),
  purchase({ purchasedOn: '2026-05-01', amountFen: 1000, certification: {}, note: '同事代买' }),
  purchase({ purchasedOn: '2026-06-30', amountFen: 12000, certification: { tier: 'poverty-area' } }),
];

describe('filtering the ledger', () => {
  it('keeps a date range, a platform, a funding source and a tier', () => {
    const ids = (f: Parameters<typeof filterPurchases>[1]) => filterPurchases(ledger, f).map((p) => p.amountFen);
    expect(ids({ start: '2026-04-01', end: '2026-05-31' })).toEqual([9850, 1000]);
    expect(ids({ platform: 'taobao' })).toEqual([9850]);
    expect(ids({ fundingSource: '工会' })).toEqual([9850]);
    expect(ids({ tier: 'none' })).toEqual([1000]);
    expect(ids({ tier: 'certified' })).toEqual([7000, 9850]);
    expect(ids({})).toEqual([7000, 9850, 1000, 12000]);
  });

  it('searches product, order number and note, folding full-width and traditional forms', () => {
    expect(filterPurchases(ledger, { search: '脐橙' }).map((p) => p.amountFen)).toEqual([9850]);
    expect(filterPurchases(ledger, { search: '２８５５' }).map((p) => p.amountFen)).toEqual([7000]);
    expect(filterPurchases(ledger, { search: '代买' }).map((p) => p.amountFen)).toEqual([1000]);
  });

  it('sums what is shown, to the fen', () => {
    expect(sumFen(ledger)).toBe(29850);
    expect(sumFen(ledger, (p) => p.certification.tier === 'certified')).toBe(16850);
  });
});
