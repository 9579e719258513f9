import { normalizeHeader } from '../tables/headers';

/** Catalogue fields and the headers that name them, Chinese first (DESIGN §3). */
export const CATALOGUE_COLUMNS = {
  certificateNo: ['证书编号', '认定编号', '编号', 'certificateNo', 'certificate'],
  name: ['产品名称', '商品名称', '扶贫产品名称', '品名', 'name', 'product'],
  supplier: ['供应商', '供应商名称', '生产企业', '企业名称', '申报主体', 'supplier'],
  creditCode: ['统一社会信用代码', '信用代码', 'creditCode'],
  province: ['省', '省份', '所属省份', 'province'],
  city: ['市', '地市', '所属城市', '所属地市', 'city'],
  county: ['县', '区县', '县(市、区)', '县（市、区）', '所在县', '产地', '所属县', 'county'],
  category: ['类别', '产品类别', '品类', 'category'],
  brand: ['商标', '品牌', 'brand'],
  spec: ['规格', '计量单位', '规格型号', 'spec'],
  certifiedOn: ['认定日期', '认定时间', 'certifiedOn'],
  validUntil: ['有效期至', '有效期', '截止日期', 'validUntil'],
  status: ['状态', 'status'],
  batch: ['目录批次', '批次', 'batch'],
  platform: ['平台', '销售平台', 'platform'],
  shopName: ['店铺名称', '店铺', 'shopName', 'shop'],
  itemId: ['商品编号', '商品ID', '商品id', 'SKU', 'itemId'],
  aliases: ['别名', '产品别名', 'aliases'],
} as const;

export type CatalogueField = keyof typeof CATALOGUE_COLUMNS;

export const REQUIRED_FIELDS: readonly CatalogueField[] = ['name', 'supplier'];

/** Chinese label of a field, for messages. */
export const FIELD_LABELS: Record<CatalogueField, string> = Object.fromEntries(
  Object.entries(CATALOGUE_COLUMNS).map(([field, aliases]) => [field, aliases[0]]),
) as Record<CatalogueField, string>;

const LOOKUP = new Map<string, CatalogueField>();
for (const [field, aliases] of Object.entries(CATALOGUE_COLUMNS) as [CatalogueField, readonly string[]][]) {
  for (const alias of aliases) LOOKUP.set(normalizeHeader(alias), field);
}

/** The field a header names, or undefined. */
export const headerField = (header: string): CatalogueField | undefined => LOOKUP.get(normalizeHeader(header));

/** Maps each header to its field; headers we do not know map to undefined (kept in `extra`). */
export function mapHeaders(headers: readonly string[]): (CatalogueField | undefined)[] {
  const taken = new Set<CatalogueField>();
  return headers.map((h) => {
    const field = LOOKUP.get(normalizeHeader(h));
    if (!field || taken.has(field)) return undefined;
    taken.add(field);
    return field;
  });
}
