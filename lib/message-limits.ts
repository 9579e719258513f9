/**
 * The size limits of what a shop page's content script sends, in one place:
 * the message schemas (lib/messages.ts, lib/match/listing.ts) reject past them,
 * and the site adapters cut what they read to them, so one long title never
 * costs a page its badges. Kept apart from the schemas: the content script
 * imports these numbers without carrying zod in its bundle.
 */
export const LISTING_LIMITS = {
  /** Characters (UTF-16 code units, as zod counts them). */
  title: 500,
  shopName: 200,
  itemId: 64,
  location: 100,
  url: 2000,
} as const;

/** Listings in one matchListings request; the scanner sends bigger pages in batches of this size. */
export const MATCH_BATCH_MAX = 1000;

/** Opens of an extension tab (记一笔, 为什么？, 查看并导入) a shop tab may make at once, and how fast it earns one back. */
export const TAB_OPENS = { burst: 2, refillMs: 2000 } as const;

/** Cuts `text` to `max` code units without leaving half of a surrogate pair at the end. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** The name of the error the background answers a request with when the request fails its schema. */
export const REQUEST_REJECTED = 'RequestRejected';
