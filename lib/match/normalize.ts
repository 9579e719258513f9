/**
 * Text normalisation shared by the catalogue (at import) and the matcher (at
 * query time), so both sides of every comparison are made the same way.
 */
import { placeAt } from '../regions/places';

// Traditional → simplified for the characters that occur in product, shop and
// place names; titles on Taobao are sometimes written in traditional script.
const TRADITIONAL =
  '東东|縣县|區区|黃黄|蘋苹|棗枣|茶茶|葉叶|紅红|綠绿|雞鸡|鴨鸭|魚鱼|蝦虾|蟹蟹|肉肉|臘腊|醬酱|蔥葱|薑姜|麵面|餅饼|糧粮|產产|農农|業业|場场|廠厂|專专|營营|賣卖|買买|貨货|禮礼|盒盒|裝装|斤斤|枸枸|杞杞|蜜蜜|蜂蜂|乾干|濕湿|鮮鲜|新新|種种|純纯|野野|養养|殖殖|園园|莊庄|鄉乡|鎮镇|縣县|雲云|貴贵|廣广|遼辽|陝陕|寧宁|蘇苏|龍龙|灣湾|陽阳|鳳凤|興兴|華华|嶺岭|濟济|邊边|灘滩|橋桥|陳陈|張张|劉刘|趙赵|楊杨|吳吴|孫孙|鄭郑|謝谢|馬马|羅罗|閩闽|贛赣|湘湘|鄂鄂|豫豫|晉晋|冀冀|隴陇|甘甘|藏藏|絲丝|網网|開开|發发|長长|門门|馬马|麥麦|粵粤|齊齐|實实|會会|與与|優优|質质|體体|號号|區区|級级|約约|結结|維维|線线|組组|細细|經经|續续|總总|總总|萬万|億亿|飛飞|與与|億亿|筍笋|菇菇|蘑蘑|銀银|耳耳|醃腌|燻熏|釀酿|豬猪|牛牛|羊羊|奶奶|蛋蛋|鹽盐|油油|米米|粉粉|條条|顆颗|個个|兩两|來来|對对|學学|員员|車车|東东|廣广|歲岁|餘余|穀谷|燕燕|窩窝|參参|藥药|圓圆|團团|際际|國国|廳厅|鄰邻|舊旧|艦舰|寶宝|灣湾|鋪铺|館馆|莊庄|聯联|盟盟|臍脐|蘿萝|蔔卜|橘橘|菌菌|鵝鹅|鴿鸽|韭韭|穀谷';
const T2S = new Map<string, string>();
for (const pair of TRADITIONAL.split('|')) if (pair.length === 2) T2S.set(pair[0] as string, pair[1] as string);

// Char code → simplified char code (0: unchanged), for a fast scan.
const T2S_CODES = new Uint16Array(0x10000);
for (const [t, simple] of T2S) if (t !== simple) T2S_CODES[t.charCodeAt(0)] = simple.charCodeAt(0);

export function toSimplified(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (T2S_CODES[text.charCodeAt(i)]) {
      let out = '';
      for (let j = 0; j < text.length; j++) {
        const c = text.charCodeAt(j);
        out += String.fromCharCode(T2S_CODES[c] || c);
      }
      return out;
    }
  }
  return text;
}

/**
 * NFKC, skipped when the text cannot change under it: printable ASCII and CJK
 * unified ideographs are already normal, and normalising costs.
 */
export function nfkc(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x21 || c > 0x7e) && (c < 0x4e00 || c > 0x9fff)) return text.normalize('NFKC');
  }
  return text;
}

/** NFKC (full-width → half-width), lower case, simplified script, no white space. */
export function foldText(text: string): string {
  return toSimplified(nfkc(text).toLowerCase()).replace(/\s+/g, '');
}

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

// Words shops put in titles that say nothing about the product.
const MARKETING =
  /包邮|顺丰|新鲜|现货|正宗|特产|特级|精选|优质|农家|自产|自家|直发|直供|产地直发|产地|批发|礼盒装|礼盒|送礼|年货|整箱|官方|旗舰|热卖|爆款|促销|限时|秒杀|新货|当季|现摘|现挖|现采|纯天然|天然|散装|包装|袋装|罐装|盒装|一级|二级|家用|商用|买一送一|第二件半价/g;
// Weights, counts and packs: 5kg, 10斤装, 12枚, 2.5斤×2, 500g*2袋.
const QUANTITY =
  /\d+(?:\.\d+)?\s*(?:kg|g|ml|l|千克|公斤|克|斤|两|毫升|升|枚|个|只|袋|包|盒|箱|瓶|罐|件|份|条|根|片|粒|颗|支|提|桶|装)+(?:\s*[x×*]\s*\d+\s*(?:袋|包|盒|箱|瓶|罐|件|份)?)?/g;
const PROMO_BRACKETS = /【[^】]*】|\[[^\]]*\]|〖[^〗]*〗|「[^」]*」/g;

function isAllHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isHan(text.charCodeAt(i))) return false;
  return text.length > 0;
}

/** A title as the matcher compares it: no promotions, weights or marketing words. */
export function normalizeTitle(title: string): string {
  // Han characters only (most product names): nothing to fold but the script, no weights or brackets.
  if (isAllHan(title)) return toSimplified(title).replace(MARKETING, '');
  return foldText(title.replace(PROMO_BRACKETS, ' '))
    .replace(QUANTITY, ' ')
    .replace(MARKETING, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Words a name may end with: `at(s)` is the length of the longest one `s` ends with, 0 when none. */
interface SuffixWords {
  at(s: string): number;
}

/** A set looked up by the name's last characters: no regex scanning every position of every name. */
function suffixWords(words: readonly string[]): SuffixWords {
  const set = new Set(words);
  const lengths = [...new Set(words.map((w) => w.length))].sort((a, b) => b - a);
  return {
    at(s: string) {
      for (const n of lengths) if (n <= s.length && set.has(s.slice(s.length - n))) return n;
      return 0;
    },
  };
}

// Legal forms at the end of a legal name, and a branch's 分公司.
const LEGAL_FORMS = suffixWords([
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '股份合作社',
  '农民专业合作社联合社',
  '农民专业合作社',
  '专业合作社',
  '合作社',
  '联合社',
  '分公司',
  '集团',
  '公司',
  '家庭农场',
  '农场',
  '厂',
  '商行',
  '经营部',
  '门市部',
  '工作室',
  '股份',
]);
// What a storefront's name adds to the seller's: 旗舰店, 京东自营, 海外专营店 …
const SHOP_WORDS = suffixWords([
  '京东自营',
  '天猫自营',
  '海外自营',
  '苏宁自营',
  '自营',
  '官方旗舰店',
  '旗舰店',
  '专营店',
  '专卖店',
  '官方店',
  '企业店',
  '工厂店',
  '直营店',
  '直销店',
  '体验店',
  '店铺',
  '小店',
  '网店',
  '专区',
  '专柜',
  '专馆',
  '官方',
  '海外',
  '店',
]);
/**
 * Trade and category words between a seller's trade name and its legal form or shop word (行业 in the
 * naming rules: 字号 + 行业 + 组织形式): 春雨化妆品贸易 → 春雨, 一加手机 → 一加, 阿拉丁试剂 → 阿拉丁.
 */
const INDUSTRY_WORDS = suffixWords([
  '通讯技术',
  '通信技术',
  '移动通信',
  '移动终端',
  '终端',
  '通讯器材',
  '通讯设备',
  '通信设备',
  '电子科技',
  '网络科技',
  '信息技术',
  '信息科技',
  '生物科技',
  '生物技术',
  '生物工程',
  '实验玻璃仪器',
  '实验器材',
  '实验室用品',
  '实验室耗材',
  '实验耗材',
  '实验设备',
  '实验仪器',
  '仪器仪表',
  '化妆品',
  '日用品',
  '美妆',
  '彩妆',
  '护肤品',
  '护肤',
  '个护',
  '商贸',
  '贸易',
  '实业',
  '投资',
  '科技',
  '技术',
  '电子',
  '电脑',
  '数码',
  '手机',
  '通讯',
  '通信',
  '仪器',
  '仪表',
  '测控',
  '器材',
  '设备',
  '耗材',
  '试剂',
  '玻璃',
  '泵业',
  '机电',
  '机械',
  '电器',
  '电气',
  '食品',
  '粮油',
  '农业科技',
  '农业开发',
  '科技开发',
  '生态农业',
  '农业发展',
  '农业',
  '生态',
  '开发',
  '发展',
  '电子商务',
  '电商',
  '种植',
  '养殖',
  '农产品',
  '土特产',
  '特产',
  '茶业',
  '果业',
  '产业',
  '产品',
  '用品',
  '百货',
  '国际',
  '品牌',
  '医药',
  '药业',
  '健康',
]);
/** Legal names of holders that are not sellers: associations, GI holders, government bodies. */
const HOLDER = suffixWords([
  '协会',
  '联合会',
  '商会',
  '学会',
  '人民政府',
  '政府',
  '委员会',
  '管理局',
  '办公室',
  '办事处',
  '服务中心',
  '中心',
  '局',
  '研究所',
  '研究院',
  '站',
]);

/**
 * Trade names too common to tell one seller from another (a shop called 农家小店 is anyone's):
 * they agree with nothing but a storefront named in the catalogue.
 */
export const GENERIC_CORES: ReadonlySet<string> = new Set([
  '农家',
  '特产',
  '土特产',
  '山货',
  '生鲜',
  '优品',
  '精品',
  '良品',
  '水果',
  '果园',
  '田园',
  '乡村',
  '家乡',
  '老家',
  '乡味',
  '农夫',
  '农人',
  '助农',
  '扶贫',
  '帮扶',
  '名优',
  '美食',
  '零食',
  '百货',
  '超市',
  '商城',
  '中国',
  '京东',
  '天猫',
  '淘宝',
]);

const isLatin = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/** Strips trailing words of `pattern` as long as something of two characters is left. */
function stripTrailing(s: string, lists: readonly SuffixWords[]): string {
  for (let guard = 0; guard < 8; guard++) {
    let changed = false;
    for (const list of lists) {
      const n = list.at(s);
      if (n && s.length - n >= 2) {
        s = s.slice(0, s.length - n);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return s;
}

/**
 * The places a name starts with, by the division table: a province, a prefecture inside it, a county
 * inside that (广东省深圳市 → 6), each nested in the one before — so a brand that is a place of its own
 * (炎陵县武陵源 …: 武陵源 is not inside 炎陵) stays. Two characters at least are kept.
 */
function leadingPlacesLength(s: string): number {
  let pos = 0;
  let within = '';
  for (let guard = 0; guard < 3; guard++) {
    const place = placeAt(s, pos);
    if (!place) break;
    const inside = within ? place.codes.filter((c) => c.startsWith(within) && c.length > within.length) : place.codes;
    if (inside.length === 0) break;
    // A core found in the table may still carry its old suffix (海门市, now 海门区).
    const end = pos + place.length + (/[省市县区州旗盟]/.test(s[pos + place.length] ?? '') ? 1 : 0);
    if (s.length - end < 2) break;
    pos = end;
    within = inside[0] as string;
  }
  return pos;
}

/** A bracket's content that is only a place (（上海）, （马山）, （中国）): the seat, not the name. */
const isPlaceOnly = (text: string) => text === '中国' || placeAt(text)?.length === text.length;

export interface NameParts {
  /** The trade name: no place, industry, legal form or shop word. */
  core: string;
  /** Other keys it is known by: the core with its leading place kept, its Latin and Han halves, a bracketed name. */
  alternatives: string[];
  /** An association, a GI holder or a public body: not a seller. */
  holder: boolean;
  /**
   * A reseller by the platforms' own definitions: a 专营店 sells several brands of others, a 专卖店 one brand
   * under another's licence. Neither is the supplier, whatever its name: only a storefront the catalogue names.
   */
  reseller: boolean;
}

const RESELLER = /(?:专营店|专卖店)$/;

/**
 * A supplier's legal name or a shop's name taken apart, so that 祁东县湘祁黄花菜开发有限公司 and
 * 湘祁黄花菜旗舰店 meet at 湘祁黄花菜, 雅诗兰黛（上海）商贸有限公司 and 雅诗兰黛官方旗舰店 at 雅诗兰黛,
 * aladdin阿拉丁试剂京东自营旗舰店 and 阿拉丁试剂（上海）有限公司 at 阿拉丁.
 */
export function nameParts(name: string): NameParts {
  const alternatives: string[] = [];
  let s = foldText(name).replace(/[（(［[【]([^）)］\]】]*)[）)］\]】]/g, (_, inner: string) => {
    const clean = inner.replace(/[^\p{L}\p{N}]+/gu, '');
    if (clean && !isPlaceOnly(clean)) alternatives.push(clean);
    return '';
  });
  s = s.replace(/[^\p{L}\p{N}]+/gu, '');
  const holder = HOLDER.at(stripTrailing(s, [LEGAL_FORMS])) > 0;
  const reseller = RESELLER.test(s);
  s = stripTrailing(s, [LEGAL_FORMS, SHOP_WORDS, INDUSTRY_WORDS]);
  const place = leadingPlacesLength(s);
  const withPlace = s;
  s = s.slice(place);
  // Industry words can stand before the place was taken too (保定创锐泵业 → 创锐).
  s = stripTrailing(s, [INDUSTRY_WORDS, SHOP_WORDS]);
  // A place written bare (保定创锐, 凉山情) may be the brand itself: the name with it is a key too. One written
  // with its suffix (乐清市, 岳西县) is the seat, and never the brand.
  if (place > 0 && !/[省市县区州旗盟]/.test(withPlace[place - 1] ?? ''))
    alternatives.push(stripTrailing(withPlace, [INDUSTRY_WORDS]));
  // A name of Latin letters and Han characters (aladdin阿拉丁, ysl圣罗兰) is known by either half.
  let latin = '';
  let han = '';
  for (let i = 0; i < s.length; i++) {
    if (isLatin(s.charCodeAt(i))) latin += s[i];
    else han += s[i];
  }
  if (latin && han) {
    if (latin.length >= 3 && /[a-z]/.test(latin)) alternatives.push(latin);
    if (han.length >= 2) alternatives.push(stripTrailing(han, [INDUSTRY_WORDS]));
  }
  const unique = [...new Set(alternatives.filter((a) => a.length >= 2 && a !== s))];
  return { core: s, alternatives: unique, holder, reseller };
}

/** The distinctive core of a supplier's legal name or a shop's name (see nameParts). */
export const nameCore = (name: string): string => nameParts(name).core;

/** Key of the supplier index. */
export const supplierKey = nameCore;
