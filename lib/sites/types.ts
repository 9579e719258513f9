import type { Listing, SiteId } from '../match/listing';

export type PageKind = 'item' | 'search' | 'orders';

/**
 * One place a badge may go: appended inside `el` (on its line, beside the price
 * or the shop's name) or right after it (its own line, after a title block).
 */
export interface BadgeSpot {
  el: Element;
  at: 'append' | 'after';
}

/** A listing found on a page, with the places its badge may go. */
export interface FoundListing {
  /** The card (or page section) the listing came from: one badge per card. */
  card: Element;
  /** The title element: the last resort, the badge right after it. */
  anchor: Element;
  /**
   * Where the badge may go, best first (DESIGN §5, badge contract). Checked at
   * mount time: a spot inside a clipping ancestor of the card is skipped. After
   * them all, the anchor.
   */
  spots?: BadgeSpot[];
  listing: Listing;
}

/** One item of an order, as an order list shows it. */
export interface OrderItem {
  itemId: string;
  title: string;
  quantity: number;
  /** What the item cost in this order, in fen. */
  amountFen: number;
  /** The list shows only the order's total: the item's share was estimated by quantity. */
  amountEstimated?: boolean;
}

/** One order of an order list (JD 我的订单, Taobao 已买到的宝贝). */
export interface FoundOrder {
  site: SiteId;
  orderNo: string;
  /** YYYY-MM-DD */
  date: string;
  status: string;
  /** Cancelled, closed or refunded: never proposed for import. */
  closed: boolean;
  shopName?: string;
  totalFen: number;
  items: OrderItem[];
}

/**
 * One shop = one adapter: data plus pure functions over a DOM and a URL.
 * Adapters never touch `browser`, never fetch, never throw on odd markup.
 */
export interface SiteAdapter {
  id: SiteId;
  name: string;
  /** Hosts this adapter owns. */
  hosts: readonly RegExp[];
  examples: Partial<Record<PageKind, readonly string[]>>;
  pageKind: (url: URL) => PageKind | undefined;
  listings: (root: ParentNode, url: URL) => FoundListing[];
  /** The orders of an order-list page (`pageKind` 'orders'). */
  orders?: (root: ParentNode, url: URL) => FoundOrder[];
  /** Where an order list's bar goes (before the first of these found), one selector per layout era. */
  orderListAnchors?: readonly string[];
}
