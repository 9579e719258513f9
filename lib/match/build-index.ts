import { foldText, GENERIC_CORES, nameParts, normalizeTitle } from './normalize';
import { onlyProductName, productPattern, productWords } from './product';
import { sortOrder } from './sort-strings';

/** What the index needs of a catalogue entry (a subset of the stored entry). */
export interface IndexableEntry {
  id: string;
  name: string;
  certificateNo?: string;
  aliases?: string[];
  supplier: string;
  /** nameCore(supplier), as the import stored it. */
  supplierKey?: string;
  county?: string;
  countyCode?: string;
  batch?: string;
  validUntil?: string;
  status: 'valid' | 'expired' | 'revoked';
  storefronts?: { platform: string; shopName?: string; itemIds: string[] }[];
  itemKeys?: string[];
  /** What the import derived for matching; used when made by the current rules. */
  matchKeys?: EntryMatchKeys;
}

/**
 * An entry's keys as the matcher derives them: the product cores a title must
 * contain ('|'-joined) and the supplier and shop keys. Derived once at import
 * and stored with the entry, because deriving them is most of an index build
 * (over half a second for a national list); `rules` says which rules made them.
 */
export interface EntryMatchKeys {
  rules: number;
  cores: string;
  parties: string[];
}

/**
 * The version of the rules that derive match keys (productPattern, nameParts,
 * place names). Raise it when they change: the next build derives
 * keys of an older version again, and the background then stores them.
 */
export const MATCH_KEY_RULES = 2;

/** Entry e's product cores, '|'-joined. */
export const coresOf = (index: MatchIndex, e: number): string =>
  index.coresText.slice(index.coresOffsets[e], index.coresOffsets[e + 1]);

/** What the index needs of an unsold-register entry. */
export interface IndexableUnsold {
  id: string;
  product: string;
  variety?: string;
  county?: string;
  countyCode?: string;
}

export const STATUS_CODES = { valid: 0, expired: 1, revoked: 2 } as const;
export const STATUS_NAMES = ['valid', 'expired', 'revoked'] as const;

/**
 * The match index: per-entry columns, and two sorted key tables with posting
 * lists (CSR: keys[i] → postings[offsets[i] .. offsets[i+1]]): normalised
 * supplier and storefront names, and `site:itemId` keys. Everything is
 * strings and typed arrays, so it serialises into one blob.
 */
export interface MatchIndex {
  version: string;
  entryId: string[];
  name: string[];
  /** 证书编号, '' when the entry has none. */
  certificate: string[];
  /**
   * Product cores of each entry's name and aliases ('|'-joined: what a title
   * must contain), packed into one string: entry e's are
   * coresText[coresOffsets[e] .. coresOffsets[e + 1]]. One string to decode
   * when the service worker wakes, not 150,000; see coresOf.
   */
  coresText: string;
  coresOffsets: Uint32Array;
  supplier: string[];
  county: string[];
  /** Division code as a number, 0 when unknown. */
  countyCode: Uint32Array;
  batch: string[];
  /** YYYYMMDD as a number, 0 when the entry has no end date. */
  validUntil: Uint32Array;
  status: Uint8Array;
  shopKeys: string[];
  shopOffsets: Uint32Array;
  shopPostings: Uint32Array;
  itemKeys: string[];
  itemOffsets: Uint32Array;
  itemPostings: Uint32Array;
  unsoldId: string[];
  unsoldCore: string[];
  unsoldProduct: string[];
  unsoldCounty: string[];
}

/** The unsold register's product as a title must contain it (no weights, brackets or marketing words). */
function unsoldCore(name: string): string {
  const core = normalizeTitle(name.replace(/[（(][^）)]*[）)]/g, ''));
  return core.length >= 2 ? core : '';
}

/**
 * Collects key → entry postings as pairs, then packs them (CSR, keys sorted)
 * by sorting the pairs by key: no map from key to list. A national catalogue
 * has some 250,000 pairs, and a string-keyed map that size misses the
 * processor's caches on nearly every look-up (it was a third of the build).
 */
class PostingsBuilder {
  private readonly pairKey: string[] = [];
  private readonly pairEntry: number[] = [];

  add(key: string, entry: number) {
    this.pairKey.push(key);
    this.pairEntry.push(entry);
  }

  pack(): { keys: string[]; offsets: Uint32Array; postings: Uint32Array } {
    // Stable: pairs came in entry order, so each key's postings stay sorted.
    const order = sortOrder(this.pairKey);
    const keys: string[] = [];
    const offsets: number[] = [0];
    const postings = new Uint32Array(order.length);
    let count = 0;
    for (let i = 0; i < order.length; i++) {
      const pair = order[i] as number;
      const key = this.pairKey[pair] as string;
      const entry = this.pairEntry[pair] as number;
      if (keys.length === 0 || key !== keys[keys.length - 1]) {
        if (keys.length) offsets.push(count);
        keys.push(key);
      } else if (postings[count - 1] === entry) continue; // the same key twice for one entry
      postings[count++] = entry;
    }
    if (keys.length) offsets.push(count);
    return { keys, offsets: Uint32Array.from(offsets), postings: postings.slice(0, count) };
  }
}

/**
 * Derives entries' match keys. Nothing is cached: deriving a key from a short
 * name costs less than looking it up in a map of 65,000 names (a string-keyed
 * map that size misses the processor's caches on nearly every look-up).
 */
export function deriveMatchKeys(e: IndexableEntry): EntryMatchKeys {
  const cores = productPattern([e.name, ...(e.aliases ?? [])], e.countyCode);
  // An association, a GI holder or a public body sells nothing: only its named storefronts count.
  const supplier = nameParts(e.supplier);
  const words = productWords(cores);
  // A supplier named brand + product (巴山红板栗) is also known by the brand alone (巴山红旗舰店).
  const brands = [supplier.core, ...supplier.alternatives].flatMap((k) =>
    words.filter((w) => k.endsWith(w) && k.length - w.length >= 2).map((w) => k.slice(0, k.length - w.length)),
  );
  const parties = supplier.holder ? [] : longKeys([supplier.core, ...supplier.alternatives, ...brands]);
  // The legal name itself (832's shops are named so) where its core cannot agree: a core that is only the
  // product's name (旬阳县拐枣产业有限公司), or too common. Elsewhere the core already meets it.
  if (!supplier.holder && (GENERIC_CORES.has(supplier.core) || words.some((w) => onlyProductName(supplier.core, w))))
    parties.push(legalNameKey(e.supplier));
  for (const s of e.storefronts ?? []) {
    if (!s.shopName) continue;
    const key = storefrontKey(nameParts(s.shopName));
    if (key.length > 2 && !parties.includes(key)) parties.push(key);
  }
  return { rules: MATCH_KEY_RULES, cores, parties };
}

/** The entry's stored keys when the current rules made them, else derived now. */
const keysOf = (e: IndexableEntry): EntryMatchKeys =>
  e.matchKeys?.rules === MATCH_KEY_RULES ? e.matchKeys : deriveMatchKeys(e);

// A one-character key (a shop called 鲜店 loses 店) would meet far too many names.
const longKeys = (keys: string[]) => [...new Set(keys.filter((key) => key.length >= 2))];

/** Storefront keys are the storefront's core behind this mark, so they never meet a supplier's. */
export const STOREFRONT_MARK = '@';
/** A storefront's key: its core, and whether it is a reseller's (a 专营店 meets only a 专营店 of that name). */
export const storefrontKey = (shop: { core: string; reseller: boolean }) =>
  `${STOREFRONT_MARK}${shop.core}${shop.reseller ? '!' : ''}`;
/** A supplier's whole legal name, folded, behind this mark. */
export const legalNameKey = (name: string) => `=${foldText(name).replace(/[^\p{L}\p{N}]+/gu, '')}`;

function unsoldColumns(unsold: readonly IndexableUnsold[]) {
  return {
    unsoldId: unsold.map((u) => u.id),
    unsoldCore: unsold.map((u) => unsoldCore(u.variety ? `${u.variety}${u.product}` : u.product)),
    unsoldProduct: unsold.map((u) => u.product),
    unsoldCounty: unsold.map((u) => u.county ?? ''),
  };
}

/**
 * The same index with the unsold register's columns replaced: what a change
 * of the register needs, without rebuilding the catalogue's part. Changes
 * `index` in place (a loaded index decodes some columns lazily) and returns it.
 */
export function withUnsold(index: MatchIndex, unsold: readonly IndexableUnsold[], version: string): MatchIndex {
  Object.assign(index, unsoldColumns(unsold), { version });
  return index;
}

export function buildMatchIndex(
  entries: readonly IndexableEntry[],
  unsold: readonly IndexableUnsold[],
  version: string,
): MatchIndex {
  const n = entries.length;
  const index: MatchIndex = {
    version,
    entryId: new Array(n),
    name: new Array(n),
    certificate: new Array(n),
    coresText: '',
    coresOffsets: new Uint32Array(n + 1),
    supplier: new Array(n),
    county: new Array(n),
    countyCode: new Uint32Array(n),
    batch: new Array(n),
    validUntil: new Uint32Array(n),
    status: new Uint8Array(n),
    shopKeys: [],
    shopOffsets: new Uint32Array(1),
    shopPostings: new Uint32Array(0),
    itemKeys: [],
    itemOffsets: new Uint32Array(1),
    itemPostings: new Uint32Array(0),
    ...unsoldColumns(unsold),
  };
  const shops = new PostingsBuilder();
  const items = new PostingsBuilder();
  const cores = new Array<string>(n);
  let coresLength = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i] as IndexableEntry;
    const keys = keysOf(e);
    index.entryId[i] = e.id;
    index.name[i] = e.name;
    index.certificate[i] = e.certificateNo ?? '';
    cores[i] = keys.cores;
    coresLength += keys.cores.length;
    index.coresOffsets[i + 1] = coresLength;
    index.supplier[i] = e.supplier;
    index.county[i] = e.county ?? '';
    index.countyCode[i] = Number(e.countyCode ?? 0) || 0;
    index.batch[i] = e.batch ?? '';
    index.validUntil[i] = e.validUntil ? dayNumber(e.validUntil) : 0;
    index.status[i] = STATUS_CODES[e.status];
    for (const key of keys.parties) shops.add(key, i);
    for (const key of e.itemKeys ?? []) items.add(key, i);
  }
  index.coresText = cores.join('');
  const packedShops = shops.pack();
  index.shopKeys = packedShops.keys;
  index.shopOffsets = packedShops.offsets;
  index.shopPostings = packedShops.postings;
  const packedItems = items.pack();
  index.itemKeys = packedItems.keys;
  index.itemOffsets = packedItems.offsets;
  index.itemPostings = packedItems.postings;
  return index;
}

/** "2024-06-30" → 20240630, by char codes: three slices per entry add up over 150,000 entries. */
function dayNumber(iso: string): number {
  let day = 0;
  for (let i = 0; i < 10; i++) {
    const c = iso.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) day = day * 10 + c;
  }
  return day;
}

/** 20240630 → "2024-06-30"; 0 → undefined. */
export function isoOfDay(day: number): string | undefined {
  if (!day) return undefined;
  const t = String(day);
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
}
