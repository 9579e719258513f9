import type { Purchase } from '../db/entities';
import { foldText } from '../match/normalize';

export type TierFilter = NonNullable<Purchase['certification']['tier']> | 'none';

export interface PurchaseFilter {
  start?: string;
  end?: string;
  platform?: string;
  fundingSource?: Purchase['fundingSource'];
  tier?: TierFilter;
  /** Product, supplier, shop, county, order number or note; full-width and traditional forms fold. */
  search?: string;
}

const searchTextCache = new WeakMap<Purchase, string>();
const searchTextOf = (p: Purchase) => {
  let text = searchTextCache.get(p);
  if (text === undefined) {
    text = foldText([p.product, p.supplier, p.shop, p.county, p.orderNo, p.note].filter(Boolean).join(' '));
    searchTextCache.set(p, text);
  }
  return text;
};

/** The purchases a filter keeps, in their order. */
export function filterPurchases(purchases: readonly Purchase[], filter: PurchaseFilter): Purchase[] {
  const query = filter.search ? foldText(filter.search) : '';
  return purchases.filter(
    (p) =>
      (!filter.start || p.purchasedOn >= filter.start) &&
      (!filter.end || p.purchasedOn <= filter.end) &&
      (!filter.platform || (p.platform ?? '') === filter.platform) &&
      (!filter.fundingSource || p.fundingSource === filter.fundingSource) &&
      (!filter.tier || (p.certification.tier ?? 'none') === filter.tier) &&
      (!query || searchTextOf(p).includes(query)),
  );
}

export function sumFen(purchases: readonly Purchase[], which: (p: Purchase) => boolean = () => true): number {
  let total = 0;
  for (const p of purchases) if (which(p)) total += p.amountFen;
  return total;
}
