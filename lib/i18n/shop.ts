import { fillParams, type Language } from './language';

/**
 * The texts the content script shows on shop pages (badges, their panels, the
 * order bar), in the user's language. They live in the background, which sends
 * one language's texts with each page's first scan: the content script's
 * bundle budget (40 kB) cannot carry two tables. Same `{name}` parameters as lib/i18n.
 */
const zhCN = {
  'tier.certified': '认定帮扶产品',
  'tier.expired': '认定已过期',
  'tier.poverty-area': '脱贫地区产品',
  'tier.unsold': '本地滞销',
  sample: '示例',
  separator: '，',
  'badge.name': '{label}：{details}',
  'badge.nameSample': '{label}（示例目录，供应商为虚构）：{details}',
  'badge.supplier': '供应商 {supplier}',
  product: '产品',
  supplier: '供应商',
  county: '产地',
  batch: '批次',
  validUntil: '有效期至',
  source: '目录',
  certificateNo: '证书编号',
  sampleNote: '这是内置的示例目录，供应商为虚构，仅供体验。请在管理页导入单位下发的正式目录。',
  'counts.certified': '计入您的帮扶认购。',
  'counts.area': '不是认定产品，按您的设置计入帮扶认购（脱贫地区产品计入）。',
  'counts.poverty-area': '不是认定产品，不计入您的帮扶认购；只有目录中的认定产品计入。',
  'counts.expired': '认定已过期或已撤销，不计入您的帮扶认购。',
  'counts.unsold': '本地滞销登记的农产品，不是认定产品，不计入您的帮扶认购。',
  log: '记一笔',
  why: '为什么？',
  close: '关闭',
  'orders.region': '消费帮扶助手',
  'orders.found': '消费帮扶助手：发现 {count} 笔帮扶产品订单',
  'orders.review': '查看并导入',
  'orders.close': '关闭',
};
export type ShopKey = keyof typeof zhCN;

const en: Record<ShopKey, string> = {
  'tier.certified': 'Certified relief product',
  'tier.expired': 'Certification expired',
  'tier.poverty-area': 'Poverty-area product',
  'tier.unsold': 'Local unsold goods',
  sample: 'Sample',
  separator: ', ',
  'badge.name': '{label}: {details}',
  'badge.nameSample': '{label} (sample catalogue, invented suppliers): {details}',
  'badge.supplier': 'supplier {supplier}',
  product: 'Product',
  supplier: 'Supplier',
  county: 'County',
  batch: 'Batch',
  validUntil: 'Valid until',
  source: 'Catalogue',
  certificateNo: 'Certificate no.',
  sampleNote:
    'This is the bundled sample catalogue: its suppliers are invented. Import your unit’s official list on the dashboard.',
  'counts.certified': 'Counts toward your relief pledges.',
  'counts.area': 'Not certified; counts toward your pledges by your setting (poverty-area products count).',
  'counts.poverty-area': 'Not certified: does not count toward your pledges. Only certified products count.',
  'counts.expired': 'Certification expired or revoked: does not count toward your pledges.',
  'counts.unsold':
    'A farmer’s unsold goods from the local register, not certified: does not count toward your pledges.',
  log: 'Log purchase',
  why: 'Why?',
  close: 'Close',
  'orders.region': 'Relief Shopping Helper',
  'orders.found': 'Relief Shopping Helper: {count} orders with relief products',
  'orders.review': 'Review and import',
  'orders.close': 'Close',
};

const tables: Record<Language, Record<ShopKey, string>> = { 'zh-CN': zhCN, en };

export type ShopTexts = Record<ShopKey, string>;
export type ShopTranslate = (key: ShopKey, params?: Record<string, string | number>) => string;

/** The shop-page texts in one language: the background sends them to the content script. */
export function shopTexts(language: Language): ShopTexts {
  return tables[language];
}

/** A translator over texts received (a missing text shows its key, never nothing). */
export function shopTranslator(texts: Partial<Record<string, string>>): ShopTranslate {
  return (key, params) => fillParams(texts[key] ?? key, params);
}
