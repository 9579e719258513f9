import type { Purchase } from '../db/entities';
import type { ReliefDb } from '../db/schema';

/**
 * Whether a new purchase is one already in the ledger. Every save path asks
 * this one function (the purchase form in the popup and the dashboard, a
 * badge's 记一笔, a pasted share text, 认购 of an unsold entry, order import),
 * so a purchase is never logged, and never counted toward a pledge, twice.
 *
 * - `same`: the same order item (`platform:orderNo:itemId`), or the same order
 *   number and the same item (by its id, or by its product when one side was
 *   typed without the item): not saved again.
 * - `ask`: the same product on the same day for the same amount, without an
 *   order number that tells them apart: saved only when the user says so.
 */
export type DuplicateVerdict =
  | { kind: 'new' }
  | { kind: 'same'; existing: Purchase; reason: 'order-item' | 'order-number' }
  | { kind: 'ask'; existing: Purchase; reason: 'product-day-amount' };

/** Product names compared as a person would: width, case and spaces do not matter. */
const norm = (text: string | undefined) => (text ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');

const itemOf = (p: Purchase) => p.orderKey?.split(':')[2] ?? '';

/** The same product: the same catalogue entry, or one name holding the other (a typed name in a listing's title). */
export function sameProduct(a: Purchase, b: Purchase): boolean {
  if (a.catalogueEntryId && a.catalogueEntryId === b.catalogueEntryId) return true;
  const x = norm(a.product);
  const y = norm(b.product);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 2 && long.includes(short);
}

/** The verdict on `candidate` against the stored purchases (the candidate itself, when edited, left out). */
export function judgeDuplicate(candidate: Purchase, stored: readonly Purchase[]): DuplicateVerdict {
  let ask: DuplicateVerdict | undefined;
  const orderNo = candidate.orderNo?.trim();
  for (const p of stored) {
    if (p.id === candidate.id) continue;
    if (candidate.orderKey && p.orderKey === candidate.orderKey && itemOf(p))
      return { kind: 'same', existing: p, reason: 'order-item' };
    if (orderNo && p.orderNo?.trim() === orderNo) {
      const [a, b] = [itemOf(candidate), itemOf(p)];
      if (a && b ? a === b : sameProduct(candidate, p)) return { kind: 'same', existing: p, reason: 'order-number' };
      continue; // another item of the same order
    }
    const apart = orderNo && p.orderNo && p.orderNo.trim() !== orderNo;
    if (
      !ask &&
      !apart &&
      p.purchasedOn === candidate.purchasedOn &&
      p.amountFen === candidate.amountFen &&
      sameProduct(candidate, p)
    )
      ask = { kind: 'ask', existing: p, reason: 'product-day-amount' };
  }
  return ask ?? { kind: 'new' };
}

/**
 * The stored purchases a verdict on these candidates needs: those of their
 * order numbers and their days (the ledger is read by its indexes where it has
 * them; order numbers, not indexed, by a filter).
 */
export async function purchasesNear(db: ReliefDb, candidates: readonly Purchase[]): Promise<Purchase[]> {
  const days = [...new Set(candidates.map((c) => c.purchasedOn))];
  const orderNos = new Set(candidates.flatMap((c) => (c.orderNo ? [c.orderNo.trim()] : [])));
  const [byDay, byOrder] = await Promise.all([
    db.purchases.where('purchasedOn').anyOf(days).toArray(),
    orderNos.size ? db.purchases.filter((p) => orderNos.has(p.orderNo?.trim() ?? '')).toArray() : [],
  ]);
  const seen = new Map<string, Purchase>();
  for (const p of [...byDay, ...byOrder]) seen.set(p.id, p);
  return [...seen.values()];
}

/** Judges one new purchase against the ledger (inside the caller's transaction, when it has one). */
export async function findDuplicate(db: ReliefDb, candidate: Purchase): Promise<DuplicateVerdict> {
  return judgeDuplicate(candidate, await purchasesNear(db, [candidate]));
}
