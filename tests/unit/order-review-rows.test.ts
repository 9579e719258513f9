import { describe, expect, it } from 'vitest';
import { ReliefDb } from '../../lib/db/schema';
import type { DuplicateVerdict } from '../../lib/ledger/duplicates';
import type { MatchResult } from '../../lib/match/listing';
import {
  certifiedKeys,
  importedKeys,
  judgeReviewRows,
  reviewRows,
  rowsToImport,
  ticksOfNewRows,
} from '../../lib/orders/review-rows';
import type { FoundOrder } from '../../lib/sites/types';
import { JD_TEA_ORDER, purchase } from './helpers';

const open = JD_TEA_ORDER;
const closed: FoundOrder = {
  ...open,
  orderNo: '285519843214',
  status: '已取消',
  closed: true,
  items: [{ itemId: '100099999999', title: '木耳', quantity: 1, amountFen: 3000 }],
};
const certified: MatchResult = { score: 1, reasons: [], tier: 'certified' };
const hint: MatchResult = { score: 0.5, reasons: [], tier: 'poverty-area' };
const K1 = 'jd:285519843212:100045678901';
const K2 = 'jd:285519843212:100045678902';

describe('the order review’s rows (lib/orders/review-rows)', () => {
  it('lists the items of open orders only, keyed as they are stored', () => {
    expect(reviewRows([open, closed]).map((r) => [r.key, r.item.title])).toEqual([
      [K1, '紫阳富硒茶 250g'],
      [K2, '紫阳富硒茶 礼盒装'],
    ]);
  });

  it('ticks the certified rows at first, not the poverty-area ones', () => {
    expect([...certifiedKeys(reviewRows([open]), [certified, hint])]).toEqual([K1]);
    expect([...certifiedKeys(reviewRows([open]), [])]).toEqual([]);
  });

  it('unticks rows logged before and possible duplicates; keeps the same set when nothing changes', () => {
    const existing = purchase({ purchasedOn: '2026-04-02', amountFen: 14800 });
    const verdicts = new Map<string, DuplicateVerdict>([
      [K1, { kind: 'same', existing, reason: 'order-item' }],
      [K2, { kind: 'new' }],
    ]);
    expect([...ticksOfNewRows(new Set([K1, K2]), verdicts)]).toEqual([K2]);
    const unchanged = new Set([K2]);
    expect(ticksOfNewRows(unchanged, verdicts)).toBe(unchanged);
    expect([...importedKeys(verdicts)]).toEqual([K1]);
    expect(importedKeys(undefined).size).toBe(0);
  });

  it('imports the ticked rows not in the ledger, each with its match', () => {
    const rows = reviewRows([open]);
    const chosen = rowsToImport(rows, [certified, hint], new Set([K1, K2]), new Set([K1]));
    expect(chosen.map((r) => [r.key, r.result?.tier])).toEqual([[K2, 'poverty-area']]);
    expect(rowsToImport(rows, undefined, new Set([K1]), new Set()).map((r) => [r.key, r.result])).toEqual([
      [K1, undefined],
    ]);
  });

  it('judges each row against the ledger: an item stored before is the same, another is new', async () => {
    const db = new ReliefDb('order-review-rows-1');
    await db.purchases.put(
      purchase({
        id: 'imported',
        purchasedOn: '2026-04-02',
        amountFen: 14800,
        product: '紫阳富硒茶 250g',
        orderNo: '285519843212',
        orderKey: K1,
      }),
    );
    const verdicts = await judgeReviewRows(db, reviewRows([open]), [certified, certified], '个人');
    expect([...verdicts].map(([k, v]) => [k, v.kind])).toEqual([
      [K1, 'same'],
      [K2, 'new'],
    ]);
  });
});
