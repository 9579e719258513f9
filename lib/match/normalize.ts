/**
 * Text normalisation shared by the catalogue (at import) and the matcher (at
 * query time), so both sides of every comparison are made the same way.
 */

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

const LEGAL_FORMS =
  /(?:股份有限公司|有限责任公司|有限公司|股份合作社|农民专业合作社联合社|农民专业合作社|专业合作社|合作社|联合社|集团|公司|家庭农场|农场|厂|商行|经营部|门市部)$/;
const SHOP_WORDS =
  /(?:官方旗舰店|旗舰店|专营店|专卖店|官方店|自营店|京东自营|自营|企业店|工厂店|直营店|直销店|店铺|小店|店)$/;

/**
 * Drops a leading 省 / 市 (州, 地区, 盟) / 县 (区, 旗, 市), each the shortest run of
 * Han characters before its suffix, as people write an address before a name.
 * (A hand-written scan: the equivalent Unicode-property regex is the slowest step
 * of a national import.)
 */
function stripPlacePrefix(s: string): string {
  let pos = 0;
  const take = (min: number, max: number, ends: readonly string[]) => {
    for (let len = min; len <= max && pos + len < s.length; len++) {
      if (!isHan(s.charCodeAt(pos + len - 1))) return;
      for (const end of ends) {
        if (s.startsWith(end, pos + len)) {
          pos += len + end.length;
          return;
        }
      }
    }
  };
  take(2, 3, ['省', '自治区']);
  take(2, 7, ['市', '自治州', '州', '地区', '盟']);
  take(1, 8, ['县', '区', '旗', '市']);
  return s.slice(pos);
}

/**
 * The distinctive core of a supplier's legal name or a shop's name, so that
 * 祁东县湘祁黄花菜开发有限公司 and 湘祁黄花菜旗舰店 meet at 湘祁黄花菜.
 */
export function nameCore(name: string): string {
  let s = foldText(name).replace(/[()（）[\]【】·•\-_.]/g, '');
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(LEGAL_FORMS, '').replace(SHOP_WORDS, '');
    if (s === before) break;
  }
  // Business-scope words between the core and the legal form: 湘祁黄花菜开发 → 湘祁黄花菜.
  s = s.replace(
    /(?:农业科技|农业开发|科技开发|生态农业|农业发展|食品|农业|生态|科技|开发|发展|贸易|实业|商贸|电子商务|电商|种植|养殖|农产品|特产)+$/,
    '',
  );
  const withoutPlace = stripPlacePrefix(s);
  return withoutPlace.length >= 2 ? withoutPlace : s;
}

/** Key of the supplier index. */
export const supplierKey = nameCore;
