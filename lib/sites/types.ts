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
}
