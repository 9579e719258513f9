import { parseDate } from '../dates';
import type { Listing } from '../match/listing';
import { cutText, LISTING_LIMITS as L } from '../message-limits';
import { parseYuanToFen } from '../money';
import type { BadgeSpot } from './types';

/** Visible text of an element with runs of white space folded; '' when absent. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The `title` attribute when present and not empty, else the text. */
export function titleOrText(el: Element | null | undefined): string {
  const title = el?.getAttribute('title')?.trim();
  return title ? title : textOf(el);
}

/** First price-looking number in an element's text, in fen. */
export function priceFenOf(el: Element | null | undefined): number | undefined {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(textOf(el).normalize('NFKC'));
  return m ? parseYuanToFen(m[0]) : undefined;
}

/** The first element among selectors, tried in order. */
export function firstOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

/** Drops undefined and empty-string fields so listings validate and compare cleanly. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}

/** Order states that mean the purchase did not happen (or was undone). */
export const CLOSED_ORDER = /取消|关闭|退款成功|已退款|交易失败|删除/;

/**
 * Splits an order's total over its items by quantity, to the fen (the last
 * item takes the remainder), for lists that show only the order's total.
 */
export function splitByQuantity(totalFen: number, quantities: readonly number[]): number[] {
  const count = quantities.reduce((a, b) => a + b, 0) || 1;
  let left = totalFen;
  return quantities.map((q, i) => {
    if (i === quantities.length - 1) return left;
    const share = Math.round((totalFen * q) / count);
    left -= share;
    return share;
  });
}

/** The date a list writes (2026-03-05 10:21:33, 2026/3/5, 2026年3月5日), as YYYY-MM-DD; undefined when not a real date. */
export function isoDateIn(text: string): string | undefined {
  return parseDate(/\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/.exec(text)?.[0]);
}

/** The badge spots a card has, from [selector, at] pairs, best first; missing ones left out. */
export function spotsIn(card: Element, wanted: readonly (readonly [string, BadgeSpot['at']])[]): BadgeSpot[] {
  const spots: BadgeSpot[] = [];
  for (const [selector, at] of wanted) {
    const el = card.querySelector(selector);
    if (el) spots.push({ el, at });
  }
  return spots;
}

/**
 * A listing as the messages take it: empty fields dropped, texts cut to the
 * message limits (a 600-character title is matched on its first 500), and an
 * item id or address too long to be real left out rather than cut wrong.
 */
export function fitListing(fields: Listing): Listing {
  const l = compact(fields);
  const out: Listing = { ...l, title: cutText(l.title, L.title) };
  if (l.shopName) out.shopName = cutText(l.shopName, L.shopName);
  if (l.location) out.location = cutText(l.location, L.location);
  if (l.itemId && l.itemId.length > L.itemId) delete out.itemId;
  if (l.url && l.url.length > L.url) delete out.url;
  return out;
}
