/**
 * Product identity: whether a listing's title names a catalogue entry's product — that product, not
 * another model of it, an accessory for it, a product made from it or a mixed set — read the way real
 * titles are written (words interrupted by brands, specs and marketing words; model numbers beside
 * quantities). Pure functions over strings; the entry side is compiled once at import into a pattern
 * string stored with the entry (see `productPattern`), the title side once per listing (`prepareTitle`).
 */
import { areaOf, cityNameOf, provinceOf } from '../regions/divisions';
import { countyCore, prefectureCore } from '../regions/names';
import { placeAt, placesAgree } from '../regions/places';
import { nfkc, toSimplified } from './normalize';

// ── Title preparation ────────────────────────────────────────────────────────

const PROMO_BRACKETS = /【[^】]*】|\[[^\]]*\]|〖[^〗]*〗|「[^」]*」/g;
// Words shops put in titles that say nothing about the product.
const MARKETING =
  /包邮|顺丰|新鲜|现货|正宗|特产|特级|精选|优质|农家|自产|自家|直发|直供|产地直发|产地|批发|礼盒装|送礼|年货|整箱|官方|旗舰|热卖|爆款|促销|限时|秒杀|新货|当季|现摘|现挖|现采|纯天然|天然|散装|包装|袋装|罐装|盒装|一级|二级|家用|商用|买一送一|第二件半价|正品|大牌|新品|官方正品/g;
/**
 * Real quantities with units, on the title's own spacing: a number not glued to a letter before it, a
 * unit not glued to a letter after it. 128GB, X20LP, 2024款 and a phone's 5G are not quantities.
 */
const QUANTITY =
  /(?<![a-z0-9.])\d+(?:\.\d+)?\s*(?:kg|mg|g|ml|l|千克|公斤|克|斤|两|毫升|升|枚|个|只|袋|包|盒|箱|瓶|罐|件|份|条|根|片|粒|颗|支|提|桶|装|入)+(?![a-z0-9])(?:\s*[x×*]\s*\d+\s*(?:袋|包|盒|箱|瓶|罐|件|份|支|个)?)?/g;
/** 2G–5G are networks, never grams. */
const NETWORK = /^[2-5]\s*g$/;
/** One word for what titles write two ways (both sides are canonicalised). */
const SYNONYMS: readonly [RegExp, string][] = [[/口红/g, '唇膏']];

export interface TitleToken {
  text: string;
  han: boolean;
  /** Position in `compact`. */
  at: number;
  /** A '+' follows it (Pro+ is another model). */
  plus?: boolean;
  /** End in the cleaned text. */
  end: number;
}

export interface PreparedTitle {
  /** Folded, no promotions, quantities, marketing words or spaces; '|' where the title separates items. */
  compact: string;
  tokens: TitleToken[];
  /** The cleaned title with its spacing (what places are read from). */
  text: string;
  /** The title sells a set (礼盒, 套装, 2支装 …): a product's words must then stand together. */
  set: boolean;
}

/** A set of several items, whose parts may be different products. */
const SET_MARKERS = /礼盒|礼包|套装|套盒|套组|组合|合集|[2-9两二三四五六]\s*(?:支|件|瓶|盒)(?:装|套)|\d+\s*件套/;

const isHanCode = (c: number) => c >= 0x4e00 && c <= 0x9fff;

function canonical(text: string): string {
  let out = text;
  for (const [from, to] of SYNONYMS) out = out.replace(from, to);
  return out;
}

/** The folded text with spaces kept, promotions and real quantities removed (a word boundary left). */
function cleanText(text: string): string {
  const folded = toSimplified(nfkc(text.replace(PROMO_BRACKETS, ' ')).toLowerCase());
  return canonical(folded.replace(QUANTITY, (q) => (NETWORK.test(q) ? q : ' ')).replace(MARKETING, ' '));
}

const TOKEN = /[\u4e00-\u9fff]+|[a-z0-9]+(?:\.[0-9]+)*/g;
// Tokens and separators of a cleaned title, read on its own spacing (iPhone 13 stays two tokens).
const TITLE_PART = /[\u4e00-\u9fff]+|[a-z0-9]+(?:\.[0-9]+)*|[+、,;&|/]+/g;

export function prepareTitle(title: string): PreparedTitle {
  const text = cleanText(title);
  const set = SET_MARKERS.test(toSimplified(nfkc(title)));
  const tokens: TitleToken[] = [];
  let compact = '';
  TITLE_PART.lastIndex = 0;
  for (let m = TITLE_PART.exec(text); m; m = TITLE_PART.exec(text)) {
    const part = m[0];
    const c = part.charCodeAt(0);
    if (isHanCode(c) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      tokens.push({ text: part, han: isHanCode(c), at: compact.length, end: m.index + part.length });
      compact += part;
    } else {
      const prev = tokens[tokens.length - 1];
      if (prev && part.startsWith('+') && m.index === prev.end) prev.plus = true;
      if (compact && !compact.endsWith('|')) compact += '|';
    }
  }
  return { compact, tokens, text, set };
}

// ── Entry patterns ───────────────────────────────────────────────────────────

/**
 * An entry name compiled for matching. Alternatives (name, aliases) are '|'-joined; an alternative's
 * groups (what the name writes apart) are ' '-joined; a group's parts (written together) are '+'-joined;
 * a part of Latin letters and digits starts with '#' and keeps its tokens '_'-joined:
 * "iPhone 13 手机" → "#iphone_13 手机", "小米12 手机" → "小米+#12 手机", "HF数显式推拉力计" → "#hf+数显式推拉力计".
 */
export type ProductPattern = string;

/** Leading places of a Han part that are the entry's own (祁东黄花菜 of 祁东县 → 黄花菜), by the division table. */
/** The entry's county, prefecture and province names and cores, longest first. */
const ownNames = new Map<string, string[]>();
function ownPlaceNames(code: string): string[] {
  const known = ownNames.get(code);
  if (known) return known;
  const names = [areaOf(code)?.name, cityNameOf(code), provinceOf(code)?.name].filter((n): n is string => Boolean(n));
  const all = names.flatMap((n) => [n, countyCore(n) ?? '', prefectureCore(n) ?? '']).filter((n) => n.length >= 2);
  const sorted = [...new Set(all)].sort((a, b) => b.length - a.length);
  ownNames.set(code, sorted);
  return sorted;
}

function withoutOwnPlace(han: string, countyCode: string | undefined): string {
  if (!countyCode) return han;
  let s = han;
  const own = ownPlaceNames(countyCode);
  for (let guard = 0; guard < 3; guard++) {
    const place = placeAt(s);
    // The entry's own county by name or core, even one too common to be read as a place elsewhere (兴国).
    const length =
      place && placesAgree(place, countyCode) ? place.length : (own.find((n) => s.startsWith(n))?.length ?? 0);
    if (!length) break;
    let end = length;
    if (/[省市县区州旗]/.test(s[end] ?? '')) end++;
    if (s.length - end < 2) break;
    s = s.slice(end);
  }
  return s;
}

/** One name (or alias) as a pattern alternative; '' when nothing of it can be matched. */
export function compileName(name: string, countyCode?: string): ProductPattern {
  // Brackets in a catalogue name hold a variety or a note (秭归脐橙（伦晚）): not what a title must contain.
  const text = cleanText(name.replace(/[（(][^）)]*[）)]/g, ' '));
  const groups: string[] = [];
  let first = true;
  for (const word of text.split(/(?:(?<![0-9])\.|\.(?![0-9])|[^\p{L}\p{N}.])+/u)) {
    if (!word) continue;
    const parts: string[] = [];
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(word); m; m = TOKEN.exec(word)) {
      let part = m[0];
      if (isHanCode(part.charCodeAt(0))) {
        if (first) part = withoutOwnPlace(part, countyCode);
        parts.push(part);
      } else parts.push(`#${part}`);
      first = false;
    }
    if (parts.length) groups.push(parts.join('+'));
  }
  // Latin tokens written apart (iPhone 13, Redmi Note 11 5G) are one model: join neighbouring Latin-only groups.
  const merged: string[] = [];
  for (const g of groups) {
    const last = merged[merged.length - 1];
    if (last && /^#[^+]*$/.test(g) && /(^|\+)#[^+]*$/.test(last)) merged[merged.length - 1] = `${last}_${g.slice(1)}`;
    else merged.push(g);
  }
  // A lone Han part of one character (梨) would match far too much.
  if (merged.length === 1 && !merged[0]?.includes('#') && (merged[0]?.length ?? 0) < 2) return '';
  return merged.join(' ');
}

/** The pattern of an entry: its name and aliases. */
export function productPattern(names: readonly string[], countyCode?: string): ProductPattern {
  const alternatives: string[] = [];
  for (const name of names) {
    const p = compileName(name, countyCode);
    if (p && !alternatives.includes(p)) alternatives.push(p);
  }
  return alternatives.join('|');
}

/** The product's words (the groups of names without a model): a shop named only after them is no seller. */
export function productWords(pattern: ProductPattern): string[] {
  // Beside a model (华为 Mate 60 手机) the Han words are a brand and a category, not the product's name.
  return pattern
    .split('|')
    .filter((alternative) => !alternative.includes('#'))
    .flatMap((alternative) => alternative.split(' ').filter(Boolean));
}

/** A shop key that is only a product's name, or a place and the name (阳澄湖大闸蟹, 祁东黄花菜). */
export function onlyProductName(key: string, word: string): boolean {
  if (!key.endsWith(word)) return false;
  const rest = key.slice(0, key.length - word.length);
  return rest === '' || placeAt(rest)?.length === rest.length;
}

// ── Matching ─────────────────────────────────────────────────────────────────

/**
 * What follows a product's name when the listing is something made from it, or for it. (Not 茶: herbs are
 * sold as tea under their own name — 绞股蓝茶 is 绞股蓝.)
 */
const DERIVED =
  /^(?:醋|油|汁|酒|酱|脯|粉|糕|饼|酥|糖|膏|露|饮|丸|糊|羹|味|面膜|皂|乳|霜|壳|套|膜|贴|钢化|充电|数据线|支架)/;
/** Titles of accessories for a product: they name the product they fit. */
const ACCESSORY = /手机壳|保护壳|保护套|手机套|钢化膜|手机膜|贴膜|镜头膜|充电器|充电头|数据线|适用于|适用|适配|兼容/;
/** What kind of thing a model is: beside a model, the product's identity is the model. */
const CATEGORY_WORDS = /^(?:智能)?(?:手机|平板电脑|平板|笔记本电脑|笔记本|电脑|手表|耳机)$/;
/** Another model of the same line, right after the model's name. */
const VARIANT_TOKENS = new Set([
  'pro',
  'max',
  'plus',
  'ultra',
  'mini',
  'lite',
  'se',
  'promax',
  'fe',
  'neo',
  'turbo',
  'rs',
  'air',
]);
/** A line's name with one of these right before it is another line (细黑管 is not 黑管). */
const VARIANT_BEFORE = /(?:细|迷你|mini)$/;
const VARIANT_WORDS = /^(?:活力版|青春版|至尊版|畅享版|轻享版|探索版|典藏版|纪念版|尊享版|增强版|竞速版|冠军版)/;

/** Why a group did or did not match: the rule and the words compared (for the "why" view). */
export interface GroupCheck {
  group: string;
  ok: boolean;
  /** Message code of the rule that decided. */
  rule:
    | 'words-found'
    | 'words-missing'
    | 'words-too-far'
    | 'words-across-items'
    | 'made-from'
    | 'other-model'
    | 'model-missing';
  /** The title's words the group was found as, or what stood in the way. */
  found?: string;
}

/** At most this many pieces a product's words may be found in (经典 蜂蜜 补水 面膜). */
const MAX_PIECES = 4;

/** Piece covers of `text`: splits into 1–4 contiguous pieces of two or more characters, fewest first. */
function covers(text: string): string[][] {
  const out: string[][] = [];
  const split = (rest: string, pieces: string[], k: number) => {
    if (k === 1) {
      if (rest.length >= 2) out.push([...pieces, rest]);
      return;
    }
    for (let a = 2; a <= rest.length - 2; a++) split(rest.slice(a), [...pieces, rest.slice(0, a)], k - 1);
  };
  for (let k = 1; k <= MAX_PIECES; k++) split(text, [], k);
  return out;
}

function occurrences(compact: string, piece: string): number[] {
  const out: number[] = [];
  for (let i = compact.indexOf(piece); i >= 0 && out.length < 4; i = compact.indexOf(piece, i + 1)) out.push(i);
  return out;
}

/** How far a Han group's pieces may spread beyond the group's own length (a brand, a shade between). */
const SLACK = 8;

/** A Han group: found whole, or as 2–3 pieces close together, within one item of the title. */
function matchHanGroup(group: string, title: PreparedTitle): GroupCheck {
  const { compact } = title;
  // Every cover's first piece begins with the group's first two characters, its last ends with the last two.
  if (!compact.includes(group.slice(0, 2)) || !compact.includes(group.slice(-2)))
    return { group, ok: false, rule: 'words-missing' };
  let best: { start: number; end: number; lastEnd: number; firstAt: number } | undefined;
  let sawAll = false;
  let sawAcross = false;
  let bestPieces = 0;
  for (const pieces of covers(group)) {
    if (best && pieces.length > bestPieces) break;
    // In a set, words found apart may belong to different items (小黑条 … 小金条).
    if (title.set && pieces.length > 1) break;
    const occ = pieces.map((p) => occurrences(compact, p));
    if (occ.some((o) => o.length === 0)) continue;
    sawAll = true;
    // Every combination of occurrences (at most 8 each): the tightest non-overlapping one.
    const pick = (i: number, chosen: number[]) => {
      if (i === pieces.length) {
        const spans = chosen.map((at, k) => [at, at + (pieces[k] as string).length] as const);
        const sorted = [...spans].sort((x, y) => x[0] - y[0]);
        for (let k = 1; k < sorted.length; k++)
          if ((sorted[k] as [number, number])[0] < (sorted[k - 1] as [number, number])[1]) return;
        const start = (sorted[0] as [number, number])[0];
        const end = Math.max(...spans.map((s) => s[1]));
        if (end - start > group.length + SLACK) return;
        if (compact.slice(start, end).includes('|')) {
          sawAcross = true;
          return;
        }
        const lastEnd = (spans[spans.length - 1] as [number, number])[1];
        if (!best || end - start < best.end - best.start) {
          best = { start, end, lastEnd, firstAt: chosen[0] as number };
          bestPieces = pieces.length;
        }
        return;
      }
      for (const at of occ[i] as number[]) pick(i + 1, [...chosen, at]);
    };
    pick(0, []);
  }
  if (!best) {
    return { group, ok: false, rule: sawAcross ? 'words-across-items' : sawAll ? 'words-too-far' : 'words-missing' };
  }
  const found = compact.slice(best.start, best.end);
  const variant = VARIANT_BEFORE.exec(compact.slice(Math.max(0, best.firstAt - 4), best.firstAt));
  if (variant && !group.startsWith(variant[0]))
    return { group, ok: false, rule: 'other-model', found: `${variant[0]}${group.slice(0, 2)}` };
  const after = compact.slice(best.lastEnd, best.lastEnd + 3);
  const derived = DERIVED.exec(after);
  if (derived && !group.endsWith(derived[0]))
    return { group, ok: false, rule: 'made-from', found: `${found}${derived[0]}` };
  return { group, ok: true, rule: 'words-found', found };
}

/**
 * A group with a model (Latin letters and digits) and the Han words written against it (小米12,
 * HF数显式推拉力计, 9.7英寸iPad): its parts on consecutive tokens of the title — a Latin part as tokens that
 * concatenate to it exactly (iPhone 13 = iphone13, never iphone13pro), the first Han part ending a token,
 * the last beginning one, a middle one a whole token — and then no variant (Pro, Max, 活力版, Pro+).
 */
function matchModelGroup(group: string, title: PreparedTitle): GroupCheck {
  const parts = group.split('+');
  const { tokens } = title;
  let otherModel: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    let j = i;
    let ok = true;
    for (let k = 0; k < parts.length && ok; k++) {
      const part = parts[k] as string;
      if (part.startsWith('#')) {
        const model = part.slice(1).replaceAll('_', '');
        let text = '';
        while (j < tokens.length && !(tokens[j] as TitleToken).han && text.length < model.length) {
          text += (tokens[j] as TitleToken).text;
          j++;
        }
        ok = text === model;
      } else {
        const t = tokens[j];
        const only = parts.length === 1;
        ok = Boolean(
          t?.han &&
            (k === 0 && !only
              ? t.text.endsWith(part)
              : k === parts.length - 1 && !only
                ? t.text.startsWith(part)
                : t.text === part),
        );
        j++;
      }
    }
    if (!ok) continue;
    const lastPart = parts[parts.length - 1] as string;
    const last = tokens[j - 1] as TitleToken;
    const next = tokens[j];
    if (lastPart.startsWith('#')) {
      const variant = last.plus
        ? '+'
        : next &&
          ((!next.han && VARIANT_TOKENS.has(next.text) && next.text) ||
            (next.han && VARIANT_WORDS.exec(next.text)?.[0]));
      if (variant) {
        otherModel = `${patternText(group)} ${variant}`;
        continue;
      }
    }
    const first = tokens[i] as TitleToken;
    const firstPart = parts[0] as string;
    const start =
      firstPart.startsWith('#') || parts.length === 1 ? first.at : first.at + first.text.length - firstPart.length;
    const end = lastPart.startsWith('#') || parts.length === 1 ? last.at + last.text.length : last.at + lastPart.length;
    return { group, ok: true, rule: 'words-found', found: title.compact.slice(start, end) };
  }
  return otherModel
    ? { group, ok: false, rule: 'other-model', found: otherModel }
    : { group, ok: false, rule: 'model-missing' };
}

export interface ProductCheck {
  ok: boolean;
  /** The alternative (name or alias) that matched, or the last one tried. */
  alternative: string;
  groups: GroupCheck[];
  /** An accessory word of the title the entry's name does not have. */
  accessory?: string;
}

/** Whether the title names the pattern's product (any alternative), with the checks made. */
export function matchProduct(pattern: ProductPattern, title: PreparedTitle): ProductCheck {
  let last: ProductCheck = { ok: false, alternative: '', groups: [] };
  for (const alternative of pattern.split('|')) {
    if (!alternative) continue;
    const groups: GroupCheck[] = [];
    let ok = true;
    const hasModel = alternative.includes('#');
    for (const group of alternative.split(' ')) {
      // Beside a model, a category word (手机, 平板电脑) is what titles often leave out: it is not required.
      if (hasModel && CATEGORY_WORDS.test(group)) continue;
      const check = group.includes('#') ? matchModelGroup(group, title) : matchHanGroup(group, title);
      groups.push(check);
      if (!check.ok) {
        ok = false;
        break;
      }
    }
    const accessory = ACCESSORY.exec(title.compact)?.[0];
    if (ok && accessory && !alternative.includes(accessory)) return { ok: false, alternative, groups, accessory };
    if (ok) return { ok, alternative, groups };
    last = { ok, alternative, groups };
  }
  return last;
}

/** A readable form of a pattern alternative ("iphone 13 手机"). */
export const patternText = (alternative: string) =>
  alternative.replaceAll('+', '').replaceAll('#', '').replaceAll('_', ' ');
