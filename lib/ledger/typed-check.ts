import { type Listing, type MatchResult, SiteIdSchema } from '../match/listing';
import type { Prefill } from '../prefill';
import type { PurchaseDraft } from './purchase-draft';

/**
 * The listings a typed (or pasted) purchase stands for, in the order the
 * coordinator's check reads a row: the product with its supplier, then the
 * product with its shop. The shop site is the draft's platform when it is one
 * (an 832 purchase is read as 832's); otherwise any shop site (the site only
 * matters for item ids, which a typed purchase has none of).
 */
export function typedListings(draft: Pick<PurchaseDraft, 'product' | 'supplier' | 'shop' | 'platform' | 'url'>) {
  const title = draft.product.trim().slice(0, 500);
  if (!title) return [];
  const site = SiteIdSchema.safeParse(draft.platform);
  const base: Listing = { site: site.success ? site.data : 'jd', title };
  if (draft.url.trim()) base.url = draft.url.trim().slice(0, 2000);
  const names = [draft.supplier.trim(), draft.shop.trim()].filter((name, i, all) => name && all.indexOf(name) === i);
  const listings: Listing[] = names.map((name) => ({ ...base, shopName: name.slice(0, 200) }));
  return listings.length ? listings : [base];
}

const rank = (r: MatchResult | undefined) =>
  r?.tier === 'certified' ? 4 : r?.tier === 'expired' ? 3 : r?.tier === 'poverty-area' ? 2 : r?.tier ? 1 : 0;

/**
 * What a typed purchase is saved as: the matcher's best answer over its
 * listings (certified before expired before a hint), as a prefill the draft
 * turns into a purchase; undefined when the matcher knows none of them.
 */
export function typedPrefill(listings: readonly Listing[], results: readonly MatchResult[]): Prefill | undefined {
  let best = -1;
  for (let i = 0; i < listings.length; i++) {
    if (rank(results[i]) > rank(results[best])) best = i;
  }
  const listing = listings[best];
  const result = results[best];
  return listing && result?.tier ? { listing, result } : undefined;
}

/**
 * Whether a save asks the matcher about what was typed: a new purchase that
 * is not 认购 of an unsold entry (its tier is 本地滞销), and whose listing, if
 * any, was not already certified on the shop page.
 */
export function needsTypedCheck(from: { prefill?: Prefill; unsold?: unknown; editing?: unknown }): boolean {
  if (from.editing || from.unsold) return false;
  const tier = from.prefill?.result.tier;
  return tier !== 'certified' && tier !== 'expired';
}

/**
 * The prefill a new purchase is saved from: the page's or paste's own, unless
 * the matcher, asked about what was typed (`ask`, the background's
 * matchListings), certifies it; the listing (its item id) is kept.
 */
export async function checkTyped(
  draft: Pick<PurchaseDraft, 'product' | 'supplier' | 'shop' | 'platform' | 'url'>,
  from: { prefill?: Prefill; unsold?: unknown; editing?: unknown },
  ask: (listings: Listing[]) => Promise<readonly MatchResult[] | undefined>,
): Promise<Prefill | undefined> {
  if (!needsTypedCheck(from)) return from.prefill;
  const listings = typedListings(draft);
  if (!listings.length) return from.prefill;
  const found = typedPrefill(listings, (await ask(listings).catch(() => undefined)) ?? []);
  if (!found || rank(found.result) <= rank(from.prefill?.result)) return from.prefill;
  return { listing: from.prefill?.listing ?? found.listing, result: found.result };
}

/** The draft with what the catalogue knows filled in where the user left a field empty (supplier, county). */
export function draftWithMatch<D extends Pick<PurchaseDraft, 'supplier' | 'county'>>(draft: D, result: MatchResult): D {
  return {
    ...draft,
    supplier: draft.supplier.trim() || (result.supplier ?? ''),
    county: draft.county.trim() || (result.county ?? ''),
  };
}
