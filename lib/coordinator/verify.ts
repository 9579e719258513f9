import type { CertificationLabel } from '../ledger/member-columns';
import type { MemberRow } from '../ledger/member-export';
import type { MatchIndex } from '../match/build-index';
import type { Listing, SiteId } from '../match/listing';
import { matchListings } from '../match/query';

const SITES: [RegExp, SiteId][] = [
  [/832/, 'fupin832'],
  [/天猫/, 'tmall'],
  [/淘宝/, 'taobao'],
  [/拼多多/, 'pinduoduo'],
  [/苏宁/, 'suning'],
  [/京东/, 'jd'],
];

/** The listing a member's row stands for: the product, and its supplier where a shop's name would go. */
export function listingOfRow(row: Pick<MemberRow, 'product' | 'supplier' | 'channel'>): Listing {
  const site = SITES.find(([pattern]) => pattern.test(row.channel))?.[1] ?? 'jd';
  const listing: Listing = { site, title: row.product.slice(0, 500) };
  if (row.supplier) listing.shopName = row.supplier.slice(0, 200);
  return listing;
}

/**
 * What the coordinator's own catalogue says of each row, by the matcher the
 * shop pages use (product + supplier): 已认定 only when an entry valid on the
 * day of purchase agrees; what the member declared plays no part.
 */
export function verifyRows(index: MatchIndex, rows: readonly MemberRow[]): CertificationLabel[] {
  // Members buy the same products: each product, supplier, site and day is matched once.
  const known = new Map<string, CertificationLabel>();
  return rows.map((row) => {
    const listing = listingOfRow(row);
    const key = `${listing.site}|${listing.title}|${listing.shopName ?? ''}|${row.date}`;
    let tier = known.get(key);
    if (tier === undefined) {
      const [result] = matchListings(index, [listing], { today: row.date, showHints: true });
      tier = result?.tier ?? 'none';
      known.set(key, tier);
    }
    return tier;
  });
}
