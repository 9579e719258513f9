/**
 * A deterministic national-scale catalogue for benchmarks: real county names
 * (the 832 list and the rest of the division table), realistic product and
 * supplier names, valid credit codes, some storefronts and item ids. The same
 * seed always gives the same rows.
 */
import { creditCodeCheckChar } from '../../lib/credit-code';
import { AREAS, areaOf, cityNameOf, POVERTY_COUNTIES, provinceOf } from '../../lib/regions';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PRODUCTS: ReadonlyArray<[string, string, string]> = [
  ['黄花菜', '蔬菜', '500g'],
  ['老腊肉', '肉类', '500g'],
  ['脐橙', '水果', '5kg'],
  ['银耳', '食用菌', '250g'],
  ['黑茶', '茶叶', '1kg'],
  ['蜜桔', '水果', '5kg'],
  ['富硒茶', '茶叶', '250g'],
  ['木耳', '食用菌', '500g'],
  ['小米', '粮油', '2.5kg'],
  ['酥梨', '水果', '5kg'],
  ['猕猴桃', '水果', '3kg'],
  ['柿饼', '干果', '1kg'],
  ['牦牛肉干', '肉类', '250g'],
  ['绞股蓝', '茶叶', '250g'],
  ['拐枣', '干果', '1kg'],
  ['草果', '调味品', '500g'],
  ['黄精', '干货', '500g'],
  ['糯米蕉', '水果', '5kg'],
  ['蜂蜜', '蜂产品', '500g'],
  ['黄鸡', '禽类', '只'],
  ['胡麻油', '粮油', '5L'],
  ['核桃', '干果', '1kg'],
  ['红枣', '干果', '1kg'],
  ['花椒', '调味品', '250g'],
  ['香菇', '食用菌', '500g'],
  ['土豆', '蔬菜', '5kg'],
  ['苹果', '水果', '5kg'],
  ['大米', '粮油', '5kg'],
  ['菜籽油', '粮油', '5L'],
  ['土鸡蛋', '禽蛋', '30枚'],
  ['腊肠', '肉类', '500g'],
  ['竹笋', '蔬菜', '500g'],
  ['葛根粉', '干货', '500g'],
  ['荞麦面', '粮油', '1kg'],
  ['燕麦', '粮油', '1kg'],
  ['枸杞', '干果', '500g'],
  ['山药', '蔬菜', '2.5kg'],
  ['魔芋', '蔬菜', '1kg'],
  ['辣椒酱', '调味品', '280g'],
  ['豆腐乳', '调味品', '300g'],
  ['红薯粉条', '干货', '1kg'],
  ['百合', '蔬菜', '500g'],
  ['莲子', '干货', '500g'],
  ['茶油', '粮油', '2L'],
  ['板栗', '干果', '1kg'],
  ['咖啡', '饮品', '500g'],
  ['石斛', '干货', '100g'],
  ['天麻', '干货', '250g'],
  ['牛肉', '肉类', '1kg'],
  ['羊肉', '肉类', '1kg'],
  ['黑猪肉', '肉类', '1kg'],
  ['火腿', '肉类', '1kg'],
  ['马铃薯', '蔬菜', '5kg'],
  ['芒果', '水果', '5kg'],
  ['百香果', '水果', '3kg'],
  ['沃柑', '水果', '5kg'],
  ['白茶', '茶叶', '250g'],
  ['红茶', '茶叶', '250g'],
  ['绿茶', '茶叶', '250g'],
  ['藜麦', '粮油', '1kg'],
];
const BRANDS = [
  '山里',
  '高原',
  '青山',
  '绿源',
  '田园',
  '秦岭',
  '大别山',
  '乌蒙',
  '武陵',
  '巴山',
  '太行',
  '吕梁',
  '六盘',
  '祁连',
  '凉山',
  '苗岭',
  '瑶山',
  '云岭',
  '黔山',
  '湘西',
  '赣南',
  '陇原',
  '天山',
  '雪域',
  '黄土',
  '汉江',
  '沂蒙',
  '燕山',
  '罗霄',
  '十八洞',
];
const SCOPES = ['农业开发', '生态农业', '农业科技', '食品', '农产品', '', '种植', '养殖', '贸易'];
const FORMS = ['有限公司', '有限责任公司', '农民专业合作社', '专业合作社', '股份有限公司', '家庭农场'];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export interface GeneratedRow {
  certificateNo: string;
  name: string;
  supplier: string;
  shopName: string;
  creditCode: string;
  province: string;
  city: string;
  county: string;
  countyCode: string;
  category: string;
  spec: string;
  certifiedOn: string;
  validUntil: string;
  status: string;
  batch: string;
  platform: string;
  itemId: string;
}

interface GeneratedSupplier {
  code: string;
  brand: string;
  name: string;
  /** Where its products start in PRODUCTS, and how many rows it has so far. */
  first: number;
  rows: number;
}

/**
 * `count` rows. By default each row has a supplier of its own; with
 * `suppliers`, the rows are shared among that many suppliers (the 832
 * platform: 400,000 products of some 31,000), each selling different products.
 */
export function generateCatalogue(count: number, seed = 832, options: { suppliers?: number } = {}): GeneratedRow[] {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  // Four rows in five come from the 832 counties, the rest from anywhere.
  const povertyCodes = POVERTY_COUNTIES.map((c) => c.code);
  const allCodes = AREAS.map((a) => a.code);
  const pickCode = () => (rand() < 0.8 ? pick(povertyCodes) : pick(allCodes));
  const pickBrand = () => pick(BRANDS) + (rand() < 0.5 ? pick(BRANDS).slice(0, 1) : '');
  const shared: GeneratedSupplier[] = Array.from({ length: options.suppliers ?? 0 }, () => {
    const code = pickCode();
    const brand = pickBrand();
    const first = Math.floor(rand() * PRODUCTS.length);
    const name = `${areaOf(code)?.name ?? ''}${brand}${(PRODUCTS[first] as [string, string, string])[0]}${pick(SCOPES)}${pick(FORMS)}`;
    return { code, brand, name, first, rows: 0 };
  });
  const rows: GeneratedRow[] = [];
  for (let i = 0; i < count; i++) {
    const own = shared.length ? pick(shared) : undefined;
    const code = own ? own.code : pickCode();
    const county = areaOf(code)?.name ?? '';
    // A shared supplier's rows are its products in turn (then its second grade of each): never one product twice.
    const [productName, category, spec] = own
      ? (PRODUCTS[(own.first + own.rows) % PRODUCTS.length] as [string, string, string])
      : pick(PRODUCTS);
    const grade =
      own && own.rows >= PRODUCTS.length
        ? ['', '精选', '特级', '礼盒'][Math.floor(own.rows / PRODUCTS.length) % 4]
        : '';
    if (own) own.rows++;
    const product = `${grade}${productName}`;
    const brand = own ? own.brand : pickBrand();
    const core = county.replace(/(县|市|区|旗)$/, '').slice(0, 3);
    const supplier = own ? own.name : `${county}${brand}${product}${pick(SCOPES)}${pick(FORMS)}`;
    let first17 = `9${rand() < 0.7 ? '1' : '3'}${code}`;
    while (first17.length < 17) first17 += CODE_CHARS[Math.floor(rand() * 31)];
    const year = 2019 + Math.floor(rand() * 6);
    const expired = rand() < 0.05;
    const platform = rand() < 0.25 ? pick(['京东', '淘宝', '天猫', '拼多多', '832']) : '';
    rows.push({
      certificateNo: `FP${year}${code}${String(i).padStart(6, '0')}`,
      name: `${core}${product}`,
      supplier,
      shopName: platform ? `${brand}${product}旗舰店` : '',
      creditCode: first17 + creditCodeCheckChar(first17),
      province: provinceOf(code)?.name ?? '',
      city: cityNameOf(code) ?? '',
      county,
      countyCode: code,
      category,
      spec,
      certifiedOn: `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      validUntil: expired ? `${year + 2}-12-31` : `${year + 5 + Math.floor(rand() * 3)}-12-31`,
      status: expired ? '过期' : '有效',
      batch: `第${1 + Math.floor(rand() * 7)}批`,
      platform,
      itemId: platform ? String(100000000000 + Math.floor(rand() * 900000000000)) : '',
    });
  }
  return rows;
}

const CSV_HEADERS: [keyof GeneratedRow, string][] = [
  ['certificateNo', '证书编号'],
  ['name', '产品名称'],
  ['supplier', '供应商'],
  ['creditCode', '统一社会信用代码'],
  ['province', '省份'],
  ['city', '地市'],
  ['county', '县(市、区)'],
  ['category', '产品类别'],
  ['spec', '规格'],
  ['certifiedOn', '认定日期'],
  ['validUntil', '有效期至'],
  ['status', '状态'],
  ['batch', '目录批次'],
  ['platform', '平台'],
  ['shopName', '店铺名称'],
  ['itemId', '商品编号'],
];

export function catalogueCsv(rows: GeneratedRow[]): string {
  const lines = [CSV_HEADERS.map(([, h]) => h).join(',')];
  for (const r of rows) lines.push(CSV_HEADERS.map(([k]) => r[k]).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
