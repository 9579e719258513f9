import { type Purchase, type UnsoldGood, UnsoldGoodSchema } from '../db/entities';
import type { ReliefDb } from '../db/schema';
import { type DuplicateVerdict, findDuplicate } from './duplicates';

export type SaveOutcome =
  | { saved: true; undo: () => Promise<void> }
  | { saved: false; verdict: Exclude<DuplicateVerdict, { kind: 'new' }> };

/**
 * Saves a purchase, unless the ledger holds it already (lib/ledger/duplicates,
 * judged inside the transaction: two clicks or two tabs save it once; a
 * possible duplicate only when `confirmed`). 认购 (`unsold`) also lowers the
 * entry's open quantity, in the same transaction. Returns how to undo it, or
 * the verdict that stopped it.
 */
export async function savePurchase(
  db: ReliefDb,
  purchase: Purchase,
  options: { unsold?: UnsoldGood; today: string; confirmed?: boolean },
): Promise<SaveOutcome> {
  return db.transaction('rw', db.purchases, db.unsoldGoods, async (): Promise<SaveOutcome> => {
    const verdict = await findDuplicate(db, purchase);
    if (verdict.kind === 'same' || (verdict.kind === 'ask' && !options.confirmed)) return { saved: false, verdict };
    const before = await db.purchases.get(purchase.id);
    await db.purchases.put(purchase);
    const good = options.unsold && (await db.unsoldGoods.get(options.unsold.id));
    if (good) {
      const openQuantity = Math.max(0, good.openQuantity - purchase.quantity);
      await db.unsoldGoods.put(
        UnsoldGoodSchema.parse({
          ...good,
          openQuantity,
          status: openQuantity === 0 ? 'soldOut' : good.status,
          updatedOn: options.today,
        }),
      );
    }
    const undo = () =>
      db.transaction('rw', db.purchases, db.unsoldGoods, async () => {
        if (before) await db.purchases.put(before);
        else await db.purchases.delete(purchase.id);
        if (good) await db.unsoldGoods.put(good);
      });
    return { saved: true, undo };
  });
}
