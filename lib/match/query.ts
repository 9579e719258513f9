import { areaOf, cityNameOf, provinceOf } from '../regions/divisions';
import { detectPlaces, type LeadingPlace, originPlaces, placesAgree } from '../regions/places';
import { coresOf, isoOfDay, legalNameKey, type MatchIndex, storefrontKey } from './build-index';
import type { Listing, MatchResult } from './listing';
import { GENERIC_CORES, nameParts } from './normalize';
import { matchProduct, onlyProductName, type PreparedTitle, patternText, prepareTitle, productWords } from './product';
import { type Reason, reason } from './reasons';

export interface MatchOptions {
  /** YYYY-MM-DD: entries past their validity are `expired` from the day after. */
  today: string;
  /** Show the hint tiers (`poverty-area`, `unsold`); certification is always shown. */
  showHints?: boolean;
}

/** Index of the first key ≥ `key` in a sorted array. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function postings(keys: readonly string[], offsets: Uint32Array, list: Uint32Array, key: string): Uint32Array {
  const i = lowerBound(keys, key);
  if (keys[i] !== key) return new Uint32Array(0);
  return list.subarray(offsets[i], offsets[i + 1]);
}

const isLatinKey = (key: string) => /^[a-z0-9]+$/.test(key);
/** A key long enough to say who a seller is: two Han characters, three Latin letters. */
const usableKey = (key: string) => key.length >= (isLatinKey(key) ? 3 : 2);

/**
 * Supplier keys that agree with one of a shop's keys: equal, or one is the other plus a single trailing
 * character when the shorter has three or more (白沙溪 / 白沙溪茶). A reseller's name that merely starts
 * with a brand (雅诗兰黛翔合) agrees with nothing.
 */
function agreeingSupplierKeys(index: MatchIndex, shopKey: string): string[] {
  const keys = index.shopKeys;
  const found: string[] = [];
  const i = lowerBound(keys, shopKey);
  if (keys[i] === shopKey) found.push(shopKey);
  if (shopKey.length >= 3) {
    for (let k = i; k < keys.length && (keys[k] as string).startsWith(shopKey); k++) {
      if ((keys[k] as string).length === shopKey.length + 1) found.push(keys[k] as string);
    }
    const shorter = shopKey.slice(0, -1);
    if (shorter.length >= 3 && keys[lowerBound(keys, shorter)] === shorter) found.push(shorter);
  }
  return found;
}

const RELIEF_SHOP = /扶贫(?:馆|店|专馆|专卖店|专营店|馆旗舰店)|消费帮扶(?:馆|店|专馆|专区)/;

/** YYYY-MM-DD → YYYYMMDD as a number, the form validUntil is kept in. */
const dayOf = (iso: string) => Number(iso.replaceAll('-', ''));

/** An entry's validity on `today` (a day number): certified only while valid and not lapsed. */
function isCertified(index: MatchIndex, e: number, today: number): boolean {
  const day = index.validUntil[e] ?? 0;
  return index.status[e] === 0 && (day === 0 || day >= today);
}

/** How a candidate entry was found, and what was checked of it: the "why" view shows exactly this. */
export interface TraceCandidate {
  entryId: string;
  product: string;
  supplier: string;
  certificateNo?: string;
  sourceId: string;
  county?: string;
  via: Reason;
  checks: { ok: boolean; reason: Reason }[];
  accepted: boolean;
}

export interface MatchTrace {
  /** The title as compared: folded, without promotions, quantities or marketing words. */
  title: string;
  shop: Reason;
  /** What was decided before any candidate: a shop key too common, a shop named after a product. */
  notes: Reason[];
  candidates: TraceCandidate[];
}

export interface TracedResult {
  result: MatchResult;
  trace: MatchTrace;
}

/** A division code's name (province 2, prefecture 4, county 6 digits). */
const placeName = (code: string) =>
  (code.length === 2 ? provinceOf(code)?.name : code.length === 4 ? cityNameOf(`${code}00`) : areaOf(code)?.name) ??
  code;

const sourceOf = (entryId: string) => entryId.slice(0, Math.max(0, entryId.lastIndexOf('#')));

function entryResult(index: MatchIndex, e: number, today: number, via: Reason, words: string): MatchResult {
  const status = index.status[e];
  const validUntil = isoOfDay(index.validUntil[e] ?? 0);
  const certified = isCertified(index, e, today);
  const county = index.county[e] || undefined;
  const reasons: Reason[] = [via, reason('product-words', { words })];
  if (county) reasons.push(reason('origin', { county }));
  if (status === 2) reasons.push(reason('revoked'));
  else if (!certified) reasons.push(reason('expired', { validUntil: validUntil ?? '—' }));
  const entryId = index.entryId[e] as string;
  return {
    tier: certified ? 'certified' : 'expired',
    entryId,
    sourceId: sourceOf(entryId),
    certificateNo: index.certificate[e] || undefined,
    score: certified ? 1 : 0.9,
    reasons,
    product: index.name[e],
    supplier: index.supplier[e],
    county,
    countyCode: index.countyCode[e] ? String(index.countyCode[e]) : undefined,
    batch: index.batch[e] || undefined,
    validUntil,
  };
}

/** The first certified candidate, else the first expired one: the entry a listing's answer is about. */
class BestEntry {
  entry = -1;
  words = '';
  via: Reason = reason('no-candidate');
  private certified = false;

  consider(index: MatchIndex, e: number, today: number, words: string, via: Reason) {
    if (this.certified) return;
    const certified = isCertified(index, e, today);
    if (this.entry < 0 || certified) Object.assign(this, { entry: e, words, via, certified });
  }
}

interface Prepared {
  title: PreparedTitle;
  /** The places the title names as an origin. */
  origins: LeadingPlace[];
}

/**
 * Checks candidate e against the listing: the product (that product, not another model, a product made
 * from it, an accessory or a set), and the origin the title names. Returns the words found, or undefined.
 */
function checkCandidate(
  index: MatchIndex,
  e: number,
  prepared: Prepared,
  checks: TraceCandidate['checks'] | undefined,
): string | undefined {
  const product = matchProduct(coresOf(index, e), prepared.title);
  if (checks) {
    for (const g of product.groups) {
      checks.push({
        ok: g.ok,
        reason: reason(g.rule, { group: patternText(g.group), ...(g.found ? { found: g.found } : {}) }),
      });
    }
    if (product.accessory) checks.push({ ok: false, reason: reason('accessory', { found: product.accessory }) });
  }
  if (!product.ok) return undefined;
  const code = index.countyCode[e] ? String(index.countyCode[e]) : '';
  if (code && prepared.origins.length) {
    const county = index.county[e] ?? '';
    const agrees = prepared.origins.some((o) => placesAgree(o, code));
    checks?.push({
      ok: agrees,
      reason: agrees
        ? reason('county-agrees', { county })
        : reason('county-conflict', {
            county,
            places: prepared.origins.map((o) => o.codes.map(placeName).join('/')).join('、'),
          }),
    });
    if (!agrees) return undefined;
  }
  return product.groups.map((g) => g.found ?? '').join(' ');
}

function matchOne(
  index: MatchIndex,
  listing: Listing,
  options: MatchOptions & { day: number },
  trace?: MatchTrace,
): MatchResult {
  const title = prepareTitle(listing.title);
  const prepared: Prepared = { title, origins: originPlaces(title.text) };
  const best = new BestEntry();
  const seen = new Set<number>();
  const candidate = (e: number, via: Reason) => {
    if (seen.has(e)) return;
    seen.add(e);
    const entryId = index.entryId[e] as string;
    const t: TraceCandidate | undefined = trace && {
      entryId,
      product: index.name[e] as string,
      supplier: index.supplier[e] as string,
      certificateNo: index.certificate[e] || undefined,
      sourceId: sourceOf(entryId),
      county: index.county[e] || undefined,
      via,
      checks: [],
      accepted: false,
    };
    const words = checkCandidate(index, e, prepared, t?.checks);
    if (words !== undefined) {
      best.consider(index, e, options.day, words, via);
      if (t) t.accepted = true;
    }
    if (t) trace?.candidates.push(t);
  };

  // 1. The item itself is a storefront item of a catalogue entry.
  if (listing.itemId) {
    const key = `${listing.site === 'tmall' ? 'taobao' : listing.site}:${listing.itemId}`;
    for (const e of postings(index.itemKeys, index.itemOffsets, index.itemPostings, key)) {
      candidate(e, reason('item-registered', { itemId: listing.itemId }));
    }
  }

  // 2. The shop is a storefront the catalogue names, or agrees with the supplier; the title names the product.
  const shopName = listing.shopName?.trim();
  if (shopName) {
    const shop = nameParts(shopName);
    if (trace)
      trace.shop = reason('shop-read', {
        core: shop.core,
        alternatives: shop.alternatives.length ? `（${shop.alternatives.join('、')}）` : '',
      });
    if (usableKey(shop.core)) {
      for (const e of postings(index.shopKeys, index.shopOffsets, index.shopPostings, storefrontKey(shop))) {
        candidate(e, reason('shop-is-storefront', { shop: shopName }));
      }
    }
    for (const e of postings(index.shopKeys, index.shopOffsets, index.shopPostings, legalNameKey(shopName))) {
      candidate(
        e,
        reason('shop-agrees-supplier', { shop: shopName, supplier: index.supplier[e] as string, key: shopName }),
      );
    }
    if (shop.reseller) trace?.notes.push(reason('shop-reseller', { shop: shopName }));
    for (const shopKey of shop.reseller ? [] : [shop.core, ...shop.alternatives]) {
      if (!usableKey(shopKey)) continue;
      if (GENERIC_CORES.has(shopKey)) {
        trace?.notes.push(reason('shop-generic', { key: shopKey }));
        continue;
      }
      for (const key of agreeingSupplierKeys(index, shopKey)) {
        for (const e of postings(index.shopKeys, index.shopOffsets, index.shopPostings, key)) {
          // A shop named only after the entry's product (阳澄湖大闸蟹旗舰店) is anyone's: storefronts only.
          const word = productWords(coresOf(index, e)).find((w) => onlyProductName(shopKey, w));
          if (word) {
            trace?.notes.push(reason('shop-product-name', { key: shopKey }));
            continue;
          }
          candidate(e, reason('shop-agrees-supplier', { shop: shopName, supplier: index.supplier[e] as string, key }));
        }
      }
    }
  } else if (trace) trace.shop = reason('shop-missing');
  if (best.entry >= 0) return entryResult(index, best.entry, options.day, best.via, best.words);
  if (options.showHints === false) return { score: 0, reasons: [] };

  // 3. Poverty-area hints: the 832 platform, a poverty county named, a relief shop.
  const places = detectPlaces(`${listing.title} ${listing.shopName ?? ''} ${listing.location ?? ''}`);
  const poverty = places.find((p) => p.poverty);
  const reliefShop = RELIEF_SHOP.test(listing.shopName ?? '');
  if (listing.site === 'fupin832' || poverty || reliefShop) {
    const reasons: Reason[] = [];
    if (listing.site === 'fupin832') reasons.push(reason('platform-832'));
    if (poverty)
      reasons.push(
        reason('poverty-county', {
          county: poverty.county,
          mention: poverty.mention !== poverty.county ? `（${poverty.mention}）` : '',
        }),
      );
    if (reliefShop) reasons.push(reason('relief-shop', { shop: listing.shopName ?? '' }));
    return { tier: 'poverty-area', score: 0.5, reasons, county: poverty?.county, countyCode: poverty?.code };
  }

  // 4. An open entry of the user's unsold register.
  const compact = prepared.title.compact;
  for (let u = 0; u < index.unsoldId.length; u++) {
    const core = index.unsoldCore[u] as string;
    if (core && compact.includes(core)) {
      const county = index.unsoldCounty[u] ?? '';
      return {
        tier: 'unsold',
        unsoldId: index.unsoldId[u],
        score: 0.3,
        reasons: [
          reason('unsold', { product: index.unsoldProduct[u] as string, county: county ? `（${county}）` : '' }),
        ],
        product: index.unsoldProduct[u],
        county: county || undefined,
      };
    }
  }
  return { score: 0, reasons: [] };
}

/** Answers for a page of listings, in order. Pure: no browser, no storage. */
export function matchListings(index: MatchIndex, listings: readonly Listing[], options: MatchOptions): MatchResult[] {
  const withDay = { ...options, day: dayOf(options.today) };
  return listings.map((listing) => matchOne(index, listing, withDay));
}

/**
 * One listing's answer and its decision trace: the candidates the index proposed and every check made of
 * them. The same code path as `matchListings` (the trace is only collected), so it cannot disagree.
 */
export function explainListing(index: MatchIndex, listing: Listing, options: MatchOptions): TracedResult {
  const trace: MatchTrace = {
    title: prepareTitle(listing.title).compact,
    shop: reason('shop-missing'),
    notes: [],
    candidates: [],
  };
  const result = matchOne(index, listing, { ...options, day: dayOf(options.today) }, trace);
  return { result, trace };
}
