import { detectPlaces } from '../regions';
import { coresOf, isoOfDay, type MatchIndex, partyKeys } from './build-index';
import type { Listing, MatchResult } from './listing';
import { normalizeTitle } from './normalize';

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

/**
 * Supplier and storefront keys that agree with a shop's core. Cores agree when
 * equal, when one begins the other and the shorter has three or more
 * characters (白沙溪 / 白沙溪茶), or when the shorter has four or more and
 * stands inside the longer. Two-character keys only agree when equal, and are
 * marked weak.
 */
function agreeingShopKeys(index: MatchIndex, shopCore: string): { key: string; weak: boolean }[] {
  const found = new Map<string, boolean>();
  const keys = index.shopKeys;
  const exact = (k: string) => {
    const i = lowerBound(keys, k);
    return keys[i] === k;
  };
  if (exact(shopCore)) found.set(shopCore, shopCore.length < 3);
  if (shopCore.length >= 3) {
    // Keys that begin with the shop's core.
    for (let i = lowerBound(keys, shopCore); i < keys.length && (keys[i] as string).startsWith(shopCore); i++) {
      found.set(keys[i] as string, false);
    }
    // Keys the shop's core contains (its prefixes from 3, its inner runs from 4).
    for (let start = 0; start < shopCore.length; start++) {
      for (let end = start + (start === 0 ? 3 : 4); end <= shopCore.length; end++) {
        const part = shopCore.slice(start, end);
        if (part !== shopCore && exact(part)) found.set(part, false);
      }
    }
  }
  return [...found].map(([key, weak]) => ({ key, weak }));
}

const RELIEF_SHOP = /扶贫(?:馆|店|专馆|专卖店|专营店|馆旗舰店)|消费帮扶(?:馆|店|专馆|专区)/;

/** YYYY-MM-DD → YYYYMMDD as a number, the form validUntil is kept in. */
const dayOf = (iso: string) => Number(iso.replaceAll('-', ''));

/** An entry's validity on `today` (a day number): certified only while valid and not lapsed. */
function isCertified(index: MatchIndex, e: number, today: number): boolean {
  const day = index.validUntil[e] ?? 0;
  return index.status[e] === 0 && (day === 0 || day >= today);
}

function entryResult(index: MatchIndex, e: number, today: number, reason: string, core: string): MatchResult {
  const status = index.status[e];
  const validUntil = isoOfDay(index.validUntil[e] ?? 0);
  const certified = isCertified(index, e, today);
  const county = index.county[e] || undefined;
  const all = [reason, `产品名称「${core}」`];
  if (county) all.push(`产地 ${county}`);
  if (status === 2) all.push('认定已撤销');
  else if (!certified) all.push(`认定已过期（有效期至 ${validUntil ?? '—'}）`);
  return {
    tier: certified ? 'certified' : 'expired',
    entryId: index.entryId[e],
    score: certified ? 1 : 0.9,
    reasons: all,
    product: index.name[e],
    supplier: index.supplier[e],
    county,
    countyCode: index.countyCode[e] ? String(index.countyCode[e]) : undefined,
    batch: index.batch[e] || undefined,
    validUntil,
  };
}

/** The entry's product core found in the title, if any (cores are '|'-joined; no split per candidate). */
function coreInTitle(index: MatchIndex, e: number, title: string): string | undefined {
  const cores = coresOf(index, e);
  let start = 0;
  while (start <= cores.length) {
    let end = cores.indexOf('|', start);
    if (end < 0) end = cores.length;
    if (end > start) {
      const core = cores.slice(start, end);
      if (title.includes(core)) return core;
    }
    start = end + 1;
  }
  return undefined;
}

/** The first certified candidate, else the first expired one: the entry a listing's answer is about. */
class BestEntry {
  entry = -1;
  core = '';
  reason = '';
  private certified = false;

  consider(index: MatchIndex, e: number, today: number, core: string, reason: string) {
    if (this.certified) return;
    const certified = isCertified(index, e, today);
    if (this.entry < 0 || certified) Object.assign(this, { entry: e, core, reason, certified });
  }
}

function matchOne(index: MatchIndex, listing: Listing, options: MatchOptions & { day: number }): MatchResult {
  const title = normalizeTitle(listing.title);
  const places = detectPlaces(`${listing.title} ${listing.shopName ?? ''} ${listing.location ?? ''}`);
  const best = new BestEntry();

  // 1. The item itself is a storefront item of a catalogue entry.
  if (listing.itemId) {
    const key = `${listing.site === 'tmall' ? 'taobao' : listing.site}:${listing.itemId}`;
    for (const e of postings(index.itemKeys, index.itemOffsets, index.itemPostings, key)) {
      const core = coreInTitle(index, e, title);
      if (core) best.consider(index, e, options.day, core, `商品编号 ${listing.itemId} 为目录登记的店铺商品`);
    }
  }

  // 2. The shop agrees with the supplier or a known storefront, and the title names the product.
  const shopKeys = listing.shopName ? partyKeys(listing.shopName).filter((k) => k.length >= 2) : [];
  if (best.entry < 0 && shopKeys.length) {
    const agreeing = new Map<string, boolean>();
    for (const shopKey of shopKeys) {
      for (const { key, weak } of agreeingShopKeys(index, shopKey))
        agreeing.set(key, (agreeing.get(key) ?? true) && weak);
    }
    for (const [key, weak] of agreeing) {
      for (const e of postings(index.shopKeys, index.shopOffsets, index.shopPostings, key)) {
        // A two-character key (果业, 茶业) is too common alone: the place must agree too.
        if (weak && !places.some((p) => Number(p.code) === index.countyCode[e])) continue;
        const core = coreInTitle(index, e, title);
        if (core) best.consider(index, e, options.day, core, `店铺「${listing.shopName}」与供应商一致`);
      }
    }
  }
  if (best.entry >= 0) return entryResult(index, best.entry, options.day, best.reason, best.core);
  if (options.showHints === false) return { score: 0, reasons: [] };

  // 3. Poverty-area hints: the 832 platform, a poverty county named, a relief shop.
  const poverty = places.find((p) => p.poverty);
  if (listing.site === 'fupin832' || poverty || RELIEF_SHOP.test(listing.shopName ?? '')) {
    const reasons: string[] = [];
    if (listing.site === 'fupin832') reasons.push('832 平台商品（供应商均在脱贫县）');
    if (poverty)
      reasons.push(`提到脱贫县 ${poverty.county}${poverty.mention !== poverty.county ? `（${poverty.mention}）` : ''}`);
    if (RELIEF_SHOP.test(listing.shopName ?? '')) reasons.push(`店铺「${listing.shopName}」为扶贫馆`);
    return {
      tier: 'poverty-area',
      score: 0.5,
      reasons,
      county: poverty?.county,
      countyCode: poverty?.code,
    };
  }

  // 4. An open entry of the user's unsold register.
  for (let u = 0; u < index.unsoldId.length; u++) {
    const core = index.unsoldCore[u] as string;
    if (core && title.includes(core)) {
      return {
        tier: 'unsold',
        unsoldId: index.unsoldId[u],
        score: 0.3,
        reasons: [
          `本地滞销登记：${index.unsoldProduct[u]}${index.unsoldCounty[u] ? `（${index.unsoldCounty[u]}）` : ''}`,
        ],
        product: index.unsoldProduct[u],
        county: index.unsoldCounty[u] || undefined,
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
