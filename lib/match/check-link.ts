/**
 * 匹配检查 (the "why, or why not" page): its address for one listing, and the listing a user types.
 * Pure: the dashboard and the background compose it.
 */
import { readHashValue } from '../prefill';
import { parseShareText } from '../sites/share-text';
import { type Listing, ListingSchema, type SiteId } from './listing';

/** The dashboard hash that opens 匹配检查 on this listing. */
export const matchCheckHash = (listing: Listing) => `#/check?listing=${encodeURIComponent(JSON.stringify(listing))}`;

/** The listing of a 匹配检查 hash; undefined when absent or not a valid listing. */
export const readCheckListing = (hash: string): Listing | undefined => readHashValue(hash, 'listing', ListingSchema);

/**
 * What the user typed as a listing: a title, a shop and optionally an item link, from which the site and
 * item id are read (item.jd.com/<id>.html, Taobao/Tmall id=, Pinduoduo goods_id=). Undefined without a title.
 */
export function typedListing(input: {
  title: string;
  shop?: string;
  link?: string;
  site?: SiteId;
}): Listing | undefined {
  const title = input.title.replace(/\s+/g, ' ').trim().slice(0, 500);
  if (!title) return undefined;
  const fromLink = input.link?.trim() ? parseShareText(`「${title}」 ${input.link.trim()}`) : undefined;
  const listing: Listing = { site: fromLink?.site ?? input.site ?? 'jd', title };
  const shop = input.shop?.trim();
  if (shop) listing.shopName = shop.slice(0, 200);
  if (fromLink?.itemId) listing.itemId = fromLink.itemId.slice(0, 64);
  if (fromLink?.url) listing.url = fromLink.url;
  return listing;
}

/** A listing as the list of those seen lately names it: its title, and its shop when known. */
export const listingLabel = (l: Pick<Listing, 'title' | 'shopName'>) =>
  `${l.title}${l.shopName ? ` · ${l.shopName}` : ''}`;

/** A catalogue source's name, by id; a source no longer stored is named by its id (without src:). */
export function sourceName(sources: readonly { id: string; name: string }[] | undefined, id: string): string {
  return sources?.find((s) => s.id === id)?.name ?? id.replace(/^src:/, '');
}

/** The listings pages asked about lately, newest first, each once (by site, item, title and shop). */
export class RecentListings {
  private items: Listing[] = [];
  constructor(private readonly limit = 50) {}

  add(listings: readonly Listing[]) {
    const key = (l: Listing) => `${l.site}|${l.itemId ?? ''}|${l.title}|${l.shopName ?? ''}`;
    const fresh = [...listings].reverse();
    const keys = new Set(fresh.map(key));
    this.items = [...fresh, ...this.items.filter((l) => !keys.has(key(l)))].slice(0, this.limit);
  }

  list(): Listing[] {
    return [...this.items];
  }
}
