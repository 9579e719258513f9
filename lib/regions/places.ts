import { AREAS, areaOf, CITIES, cityNameOf, PROVINCES, provinceOf } from './divisions';
import { countyCore, prefectureCore } from './names';
import { COUNTY_NAMES, isPovertyCounty } from './poverty';

/**
 * County cores that are also everyday words, brands or varieties, so that a
 * title holding them says nothing about where a product is from
 * (平安果 is a Christmas apple, 龙井 a tea from Hangzhou, 合作社 a cooperative).
 */
export const AMBIGUOUS_CORES: ReadonlySet<string> = new Set([
  '平安',
  '商城',
  '永和',
  '共和',
  '合作',
  '安定',
  '石门',
  '白水',
  '清水',
  '南部',
  '凤凰',
  '莲花',
  '同心',
  '富裕',
  '延长',
  '延寿',
  '资源',
  '独山',
  '龙井',
  '会同',
  '大方',
  '同仁',
  '中方',
  '威信',
  '库伦',
  '太湖',
  '天柱',
  '太白',
  '和顺',
  '万全',
  '万安',
  '大安',
  '民权',
  '乐业',
  '长顺',
  '新河',
  '大宁',
  '安仁',
  '永平',
  '太康',
  '大关',
  '兴国',
  '长武',
  '新田',
  '保康',
  '宁明',
  '仁布',
  '普安',
  '安多',
  '丹巴',
  '汉阴',
  '江口',
  '东兰',
  '万山',
  '大名',
  '青河',
  '龙江',
  '五台',
  '崇礼',
  '泰来',
  '红安',
  '罗田',
  '合水',
  '宁城',
  '乌兰',
]);

// A core followed by one of these names something else: 鄱阳湖, 井冈山路, 同仁堂, 和田玉.
// (山药, 山楂, 山核桃 … are products, not mountains.)
// Sticky: tested at the position right after the core, without slicing the text.
const NOT_AFTER_CORE =
  /(?:湖|山(?!药|楂|核桃|茶|鸡|羊|猪|珍|货|菌|野|泉|芋|笋|蜜|椒|竹|葵|地)|路|街|道|堂|玉|牌|集团|银行|大道|广场|小区|酒店)/y;

interface Term {
  text: string;
  codes: string[];
  /** A core (祁东) rather than a full name (祁东县): held to the stricter rules. */
  core: boolean;
}

export interface PlaceMention {
  code: string;
  /** Current county name. */
  county: string;
  province?: string;
  city?: string;
  /** The text as it stood in the title. */
  mention: string;
  index: number;
  poverty: boolean;
}

/** Terms by their first two characters (every county name and core has at least two), longest first. */
function buildTerms(): Map<number, Term[]> {
  const full = new Map<string, Set<string>>();
  const cores = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, text: string, code: string) => {
    const set = map.get(text) ?? new Set<string>();
    set.add(code);
    map.set(text, set);
  };
  for (const { code, names } of COUNTY_NAMES) {
    for (const name of names) {
      add(full, name, code);
      const core = countyCore(name);
      if (core) add(cores, core, code);
    }
  }
  // A core that is also a prefecture (大同, 承德, 吉安) or a province names the larger unit, not the county.
  const larger = new Set<string>();
  for (const c of CITIES) {
    const core = prefectureCore(c.name);
    if (core) larger.add(core);
    larger.add(c.name);
  }
  for (const p of PROVINCES) larger.add(p.name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, ''));

  const byPrefix = new Map<number, Term[]>();
  const push = (term: Term) => {
    const first = pairCode(term.text, 0);
    const list = byPrefix.get(first) ?? [];
    list.push(term);
    byPrefix.set(first, list);
  };
  for (const [text, codes] of full) {
    if (codes.size === 1) push({ text, codes: [...codes], core: false }); // 城关区 ×2, 朝阳区 ×2 … name no one place
  }
  for (const [text, codes] of cores) {
    if (codes.size !== 1 || larger.has(text) || AMBIGUOUS_CORES.has(text) || full.has(text)) continue;
    push({ text, codes: [...codes], core: true });
  }
  for (const list of byPrefix.values()) list.sort((a, b) => b.text.length - a.text.length);
  return byPrefix;
}

let terms: Map<number, Term[]> | undefined;

// Two UTF-16 units as one number key; NaN (never found) past the end.
const pairCode = (s: string, i: number) => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);

// Han text is already NFKC-normal: skip the costly normalisation for it.
const normalized = (text: string) => (/^[\u4e00-\u9fff]*$/.test(text) ? text : text.normalize('NFKC'));

/** The longest place name standing at position i of s, if it is a real mention there. */
function termAt(s: string, i: number): Term | undefined {
  terms ??= buildTerms();
  const candidates = terms.get(pairCode(s, i));
  if (!candidates) return undefined;
  for (const term of candidates) {
    if (!s.startsWith(term.text, i)) continue;
    if (term.core) {
      NOT_AFTER_CORE.lastIndex = i + term.text.length;
      if (NOT_AFTER_CORE.test(s)) continue;
    }
    return term;
  }
  return undefined;
}

function mentionOf(term: Term, index: number): PlaceMention {
  const code = term.codes[0] ?? '';
  return {
    code,
    county: areaOf(code)?.name ?? term.text,
    province: provinceOf(code)?.name,
    city: cityNameOf(code),
    mention: term.text,
    index,
    poverty: isPovertyCounty(code),
  };
}

/**
 * Finds the county-level places a text names (titles, shop names, locations),
 * by current or old name or by core, longest first, each place once.
 */
export function detectPlaces(text: string): PlaceMention[] {
  const found: PlaceMention[] = [];
  const seen = new Set<string>();
  const s = blankNotPlaces(normalized(text));
  for (let i = 0; i < s.length; i++) {
    const term = termAt(s, i);
    if (!term) continue;
    const mention = mentionOf(term, i);
    if (!seen.has(mention.code)) {
      seen.add(mention.code);
      found.push(mention);
    }
    i += term.text.length - 1;
  }
  return found;
}

/**
 * How long the county-level place a text starts with is (0 when none): the
 * first step of detectPlaces, without scanning the rest or describing the
 * place (a hot path of index building, where only the length is used).
 */
export function placeLengthAtStart(text: string): number {
  return termAt(normalized(text), 0)?.text.length ?? 0;
}

let namesIndex: Map<string, string[]> | undefined;

/** Every county name, old name and core → the codes it can mean. */
function countyNameIndex(): Map<string, string[]> {
  if (namesIndex) return namesIndex;
  namesIndex = new Map();
  const add = (key: string, code: string) => {
    const codes = namesIndex?.get(key) ?? [];
    if (!codes.includes(code)) codes.push(code);
    namesIndex?.set(key, codes);
  };
  for (const { code, names } of COUNTY_NAMES) {
    for (const name of names) {
      add(name, code);
      const core = countyCore(name);
      if (core) add(core, code);
    }
  }
  return namesIndex;
}

// name → "province|city" → code: two look-ups of short cell strings, no key built per call.
const resolved = new Map<string, Map<string, string | undefined>>();

/**
 * Resolves a county written in a file or form to its code: full current or
 * old name, or a core, narrowed by province and city names when given.
 * Memoised: a national catalogue names the same few thousand counties again and again.
 */
export function resolveCounty(name: string, hint: { province?: string; city?: string } = {}): string | undefined {
  let byHint = resolved.get(name);
  if (!byHint) {
    byHint = new Map();
    resolved.set(name, byHint);
  }
  const hintKey = hint.city ? `${hint.province ?? ''}|${hint.city}` : (hint.province ?? '');
  if (byHint.has(hintKey)) return byHint.get(hintKey);
  const result = resolveUncached(name, hint);
  byHint.set(hintKey, result);
  return result;
}

function resolveUncached(name: string, hint: { province?: string; city?: string }): string | undefined {
  const wanted = name.normalize('NFKC').replace(/\s+/g, '');
  if (!wanted) return undefined;
  if (/^\d{6}$/.test(wanted) && AREAS.some((a) => a.code === wanted)) return wanted;
  const index = countyNameIndex();
  const matches = [...new Set([...(index.get(wanted) ?? []), ...(index.get(countyCore(wanted) ?? '') ?? [])])];
  const narrowed = matches.filter((code) => {
    const province = provinceOf(code)?.name ?? '';
    const city = cityNameOf(code) ?? '';
    return (
      (!hint.province || province.startsWith(hint.province.replace(/省$/, ''))) &&
      (!hint.city || city.startsWith(hint.city.replace(/市$/, '')) || province.startsWith(hint.city))
    );
  });
  return narrowed.length === 1 ? narrowed[0] : undefined;
}

/**
 * Words that contain a county's name or core but name no place: product lines, varieties, brands and
 * everyday words (小金条 is a lipstick line, not 小金县; 三通道 a three-channel timer, not 通道县).
 * A mention inside one of these is no mention. Data, tested word by word.
 */
export const NOT_PLACE_WORDS: readonly string[] = [
  '小金条',
  '小金管',
  '小金瓶',
  '小金砖',
  '小金人',
  '小金库',
  '小金盒',
  '小金罐',
  '小金豆',
  '三通道',
  '双通道',
  '单通道',
  '多通道',
  '四通道',
  '八通道',
  '通道式',
  '绿色通道',
  // Loquat and tea varieties named after a county, grown far beyond it.
  '软条白沙',
  '白沙枇杷',
  '宁海白',
  '洛阳青',
  '福鼎大白',
  '安吉白茶苗',
  // Brands.
  '红塔山',
  '天山雪莲',
];

/** The text with every NOT_PLACE_WORDS occurrence blanked (same length), so positions stay. */
export function blankNotPlaces(text: string): string {
  let out = text;
  for (const word of NOT_PLACE_WORDS) {
    if (out.includes(word)) out = out.replaceAll(word, '□'.repeat(word.length));
  }
  return out;
}

/** A place a name starts with: its length and division code (province 2, prefecture 4, county 6 digits). */
export interface LeadingPlace {
  length: number;
  /** Every unit the text can name (台江: 台江县 of Guizhou and 台江区 of Fuzhou). */
  codes: string[];
}

interface PrefixTerm {
  text: string;
  codes: string[];
}

let prefixTerms: Map<number, PrefixTerm[]> | undefined;

/** Province, prefecture and county names, full and core, by their first two characters, longest first. */
function buildPrefixTerms(): Map<number, PrefixTerm[]> {
  const byText = new Map<string, Set<string>>();
  const add = (text: string | undefined, code: string) => {
    if (!text || text.length < 2) return;
    const set = byText.get(text) ?? new Set<string>();
    set.add(code);
    byText.set(text, set);
  };
  for (const p of PROVINCES) {
    add(p.name, p.code);
    add(p.name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, ''), p.code);
  }
  for (const c of CITIES) {
    add(c.name, c.code);
    add(prefectureCore(c.name), c.code);
  }
  for (const { code, names } of COUNTY_NAMES) {
    for (const name of names) {
      add(name, code);
      const core = countyCore(name);
      if (core && !AMBIGUOUS_CORES.has(core)) add(core, code);
    }
  }
  const map = new Map<number, PrefixTerm[]>();
  for (const [text, codes] of byText) {
    // A name shared by several units (朝阳区 ×2) still names a place: one of them.
    const key = pairCode(text, 0);
    const list = map.get(key) ?? [];
    list.push({ text, codes: [...codes] });
    map.set(key, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.text.length - a.text.length);
  return map;
}

/**
 * The province, prefecture or county name (full, old, or core) standing at position `at` of `text`, by the
 * division table — never guessed from a trailing 州 / 市 / 县 character.
 */
export function placeAt(text: string, at = 0): LeadingPlace | undefined {
  prefixTerms ??= buildPrefixTerms();
  const list = prefixTerms.get(pairCode(text, at));
  if (!list) return undefined;
  for (const term of list) if (text.startsWith(term.text, at)) return { length: term.text.length, codes: term.codes };
  return undefined;
}

/** Whether two division codes name nested units (a county inside the province 44 agrees with 44). */
export const codesNest = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** Whether a place named (any of the units it can be) agrees with a division code. */
export const placesAgree = (place: LeadingPlace, code: string) => place.codes.some((c) => codesNest(c, code));

/**
 * Places a title names as a product's origin — provinces, prefectures and counties by the division table —
 * leaving out mentions inside NOT_PLACE_WORDS and ambiguous cores. For the county-conflict rule.
 */
export function originPlaces(text: string): LeadingPlace[] {
  const s = blankNotPlaces(normalized(text));
  const found: LeadingPlace[] = [];
  for (let i = 0; i < s.length - 1; i++) {
    const place = placeAt(s, i);
    if (!place) continue;
    // A core followed by 湖, 山, 路 … names a lake, a mountain, a street — not the place.
    NOT_AFTER_CORE.lastIndex = i + place.length;
    if (!NOT_AFTER_CORE.test(s)) found.push(place);
    i += place.length - 1;
  }
  return found;
}
