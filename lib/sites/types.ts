import type { Listing, SiteId } from '../match/listing';

export type PageKind = 'item' | 'search' | 'orders';

/** A listing found on a page, with the element its badge goes after. */
export interface FoundListing {
  /** The card (or page section) the listing came from: one badge per card. */
  card: Element;
  /** The title element: the badge is placed right after it. */
  anchor: Element;
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
}
