import type { Purchase } from '../db/entities';
import type { ReliefDb } from '../db/schema';
import { type DuplicateVerdict, judgeDuplicate, purchasesNear } from '../ledger/duplicates';
import { orderItemKey } from '../ledger/purchase-draft';
import type { MatchResult } from '../match/listing';
import type { FoundOrder } from '../sites/types';
import type { TickedItem } from './import';
import { purchaseFromOrderItem } from './to-purchase';

/** One order item of the review, keyed as it would be stored (site:order:item). */
export interface ReviewRow extends TickedItem {
  key: string;
}

/** The items of the orders that can be imported: cancelled and closed orders are left out. */
export function reviewRows(orders: readonly FoundOrder[]): ReviewRow[] {
  return orders
    .filter((o) => !o.closed)
    .flatMap((order) =>
      order.items.map((item) => ({ key: orderItemKey(order.site, order.orderNo, item.itemId), order, item })),
    );
}

/** What a row would be stored as, for judging it against the ledger (lib/ledger/duplicates). */
export function reviewCandidate(
  row: ReviewRow,
  result: MatchResult | undefined,
  fundingSource: Purchase['fundingSource'],
): Purchase {
  return purchaseFromOrderItem(
    row.order,
    row.item,
    result ?? { score: 0, reasons: [] },
    { fundingSource },
    { id: row.key, createdAt: '' },
  );
}

/**
 * Each row's verdict against the ledger, as every save path judges (lib/ledger/duplicates): an item
 * logged before, by import or by hand, is not imported again; a possible duplicate waits for a tick.
 */
export async function judgeReviewRows(
  db: ReliefDb,
  rows: readonly ReviewRow[],
  results: readonly (MatchResult | undefined)[] | undefined,
  fundingSource: Purchase['fundingSource'],
): Promise<Map<string, DuplicateVerdict>> {
  const candidates = rows.map((r, i) => reviewCandidate(r, results?.[i], fundingSource));
  const near = await purchasesNear(db, candidates);
  return new Map(rows.map((r, i) => [r.key, judgeDuplicate(candidates[i] as Purchase, near)]));
}

/** The rows ticked at first, once matched: the certified ones. */
export function certifiedKeys(rows: readonly ReviewRow[], results: readonly (MatchResult | undefined)[]): Set<string> {
  return new Set(rows.filter((_, i) => results[i]?.tier === 'certified').map((r) => r.key));
}

/**
 * The ticks that stay once the rows are judged: a row logged before, or a possible duplicate, starts
 * unticked (the user says whether it is another purchase). The same set when nothing changes.
 */
export function ticksOfNewRows(ticked: Set<string>, verdicts: ReadonlyMap<string, DuplicateVerdict>): Set<string> {
  const next = new Set([...ticked].filter((k) => verdicts.get(k)?.kind === 'new'));
  return next.size === ticked.size ? ticked : next;
}

/** The keys of rows already in the ledger (by import or by hand). */
export function importedKeys(verdicts: ReadonlyMap<string, DuplicateVerdict> | undefined): Set<string> {
  return new Set([...(verdicts ?? [])].filter(([, v]) => v.kind === 'same').map(([k]) => k));
}

/** The ticked rows not yet in the ledger, each with its match, as importOrderItems takes them. */
export function rowsToImport(
  rows: readonly ReviewRow[],
  results: readonly (MatchResult | undefined)[] | undefined,
  ticked: ReadonlySet<string>,
  imported: ReadonlySet<string>,
): ReviewRow[] {
  return rows.map((r, i) => ({ ...r, result: results?.[i] })).filter((r) => ticked.has(r.key) && !imported.has(r.key));
}
