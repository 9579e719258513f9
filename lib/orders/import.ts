import { type Purchase, PurchaseSchema } from '../db/entities';
import type { ReliefDb } from '../db/schema';
import { judgeDuplicate, purchasesNear } from '../ledger/duplicates';
import type { MatchResult } from '../match/listing';
import type { FoundOrder, OrderItem } from '../sites/types';
import { purchaseFromOrderItem } from './to-purchase';

export interface TickedItem {
  order: FoundOrder;
  item: OrderItem;
  result?: MatchResult;
}

/**
 * Writes the ticked order items as purchases, all or nothing, and says how
 * many were added. Judged against the ledger again inside the transaction
 * (lib/ledger/duplicates): two tabs importing the same list add it once; an
 * item logged before, by import or by hand, is not added again. A ticked
 * possible duplicate is the user's word that it is another purchase.
 */
export async function importOrderItems(
  db: ReliefDb,
  ticked: readonly TickedItem[],
  choices: { fundingSource: Purchase['fundingSource']; pledgeId?: string },
  meta: { createdAt: string; newId: () => string },
): Promise<number> {
  const purchases = ticked.map((r) =>
    PurchaseSchema.parse(
      purchaseFromOrderItem(r.order, r.item, r.result ?? { score: 0, reasons: [] }, choices, {
        id: meta.newId(),
        createdAt: meta.createdAt,
      }),
    ),
  );
  return db.transaction('rw', db.purchases, async () => {
    const near = await purchasesNear(db, purchases);
    const fresh = purchases.filter((p) => judgeDuplicate(p, near).kind !== 'same');
    await db.purchases.bulkAdd(fresh);
    return fresh.length;
  });
}
