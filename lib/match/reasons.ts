/**
 * Match reasons and trace lines as message codes with parameters: the matcher says what it found, the
 * UI says it in the user's language (`formatReason`). Templates for both languages live here, beside
 * the codes, so the content script needs no other table.
 */
import { z } from '../zod';

export const REASON_CODES = [
  // Why a listing has its tier.
  'item-registered',
  'shop-is-storefront',
  'shop-agrees-supplier',
  'product-words',
  'origin',
  'revoked',
  'expired',
  'platform-832',
  'poverty-county',
  'relief-shop',
  'unsold',
  // Trace: how a candidate was checked.
  'shop-read',
  'shop-missing',
  'shop-generic',
  'shop-reseller',
  'shop-product-name',
  'supplier-holder',
  'words-found',
  'words-missing',
  'words-too-far',
  'words-across-items',
  'made-from',
  'other-model',
  'model-missing',
  'accessory',
  'county-conflict',
  'county-agrees',
  'no-candidate',
] as const;
export const ReasonCodeSchema = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof ReasonCodeSchema>;

export const ReasonSchema = z.object({
  code: ReasonCodeSchema,
  params: z.record(z.string(), z.string().max(500)).optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;

export const reason = (code: ReasonCode, params?: Record<string, string>): Reason =>
  params ? { code, params } : { code };

const ZH: Record<ReasonCode, string> = {
  'item-registered': '商品编号 {itemId} 为目录登记的店铺商品',
  'shop-is-storefront': '店铺「{shop}」是目录登记的店铺',
  'shop-agrees-supplier': '店铺「{shop}」与供应商「{supplier}」一致（字号「{key}」）',
  'product-words': '标题写明产品「{words}」',
  origin: '产地 {county}',
  revoked: '认定已撤销',
  expired: '认定已过期（有效期至 {validUntil}）',
  'platform-832': '832 平台商品（供应商均在脱贫县）',
  'poverty-county': '提到脱贫县 {county}{mention}',
  'relief-shop': '店铺「{shop}」为扶贫馆',
  unsold: '本地滞销登记：{product}{county}',
  'shop-read': '店铺字号「{core}」{alternatives}',
  'shop-missing': '读不到店铺：只凭产品名称不能认定',
  'shop-generic': '店铺字号「{key}」太常见，只认目录登记的店铺',
  'shop-reseller': '「{shop}」是专营店或专卖店（经销他人品牌），不是供应商本身，只认目录登记的店铺',
  'shop-product-name': '店铺名只是产品名「{key}」，只认目录登记的店铺',
  'supplier-holder': '供应商「{supplier}」是协会或机关，不是卖家',
  'words-found': '产品词「{group}」在标题中：「{found}」',
  'words-missing': '标题中没有产品词「{group}」',
  'words-too-far': '产品词「{group}」在标题中相隔太远',
  'words-across-items': '产品词「{group}」分属标题中的不同商品（组合装）',
  'made-from': '标题是用它做的另一产品：「{found}」',
  'other-model': '标题是另一型号：「{found}」',
  'model-missing': '标题中没有型号「{group}」',
  accessory: '标题是配件（「{found}」）',
  'county-conflict': '标题写明的产地（{places}）与条目产地 {county} 不符',
  'county-agrees': '标题写明的产地与条目产地 {county} 一致',
  'no-candidate': '目录中没有与店铺或商品编号相符的条目',
};

const EN: Record<ReasonCode, string> = {
  'item-registered': 'Item {itemId} is a storefront item registered in the catalogue',
  'shop-is-storefront': 'Shop “{shop}” is a storefront registered in the catalogue',
  'shop-agrees-supplier': 'Shop “{shop}” agrees with supplier “{supplier}” (trade name “{key}”)',
  'product-words': 'The title names the product “{words}”',
  origin: 'Origin: {county}',
  revoked: 'Certification revoked',
  expired: 'Certification expired (valid until {validUntil})',
  'platform-832': 'A product of the 832 platform (every supplier is in a poverty-relief county)',
  'poverty-county': 'Names the poverty-relief county {county}{mention}',
  'relief-shop': 'Shop “{shop}” is a poverty-relief shop',
  unsold: 'Local unsold produce: {product}{county}',
  'shop-read': 'Shop trade name “{core}”{alternatives}',
  'shop-missing': 'No shop could be read: a product name alone never certifies',
  'shop-generic': 'The shop name “{key}” is too common: only a registered storefront counts',
  'shop-reseller':
    '“{shop}” is a 专营店 or 专卖店 (a reseller of others’ brands), not the supplier: only a registered storefront counts',
  'shop-product-name': 'The shop is named only after the product “{key}”: only a registered storefront counts',
  'supplier-holder': 'Supplier “{supplier}” is an association or public body, not a seller',
  'words-found': 'Product words “{group}” found in the title as “{found}”',
  'words-missing': 'The title does not have the product words “{group}”',
  'words-too-far': 'The product words “{group}” stand too far apart in the title',
  'words-across-items': 'The product words “{group}” belong to different items of a set',
  'made-from': 'The title is another product made from it: “{found}”',
  'other-model': 'The title is another model: “{found}”',
  'model-missing': 'The title does not have the model “{group}”',
  accessory: 'The title is an accessory (“{found}”)',
  'county-conflict': 'The title names another origin ({places}) than the entry’s county {county}',
  'county-agrees': 'The origin the title names agrees with the entry’s county {county}',
  'no-candidate': 'No catalogue entry agrees with the shop or the item number',
};

export type ReasonLanguage = 'zh-CN' | 'en';

/** One reason in the user's language. */
export function formatReason(r: Reason, language: ReasonLanguage = 'zh-CN'): string {
  const template = (language === 'en' ? EN : ZH)[r.code] ?? r.code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => r.params?.[name] ?? '');
}

/** Reasons joined for one line (the eval's output, logs). */
export const formatReasons = (reasons: readonly Reason[], language: ReasonLanguage = 'zh-CN') =>
  reasons.map((r) => formatReason(r, language)).join('；');

/**
 * The templates of one language keyed `reason.<code>`, for the content script: the background sends them
 * with the badge texts, so the shop pages' bundle carries no table (see lib/i18n/shop.ts).
 */
export function reasonTemplates(language: ReasonLanguage): Record<string, string> {
  const table = language === 'en' ? EN : ZH;
  return Object.fromEntries(Object.entries(table).map(([code, text]) => [`reason.${code}`, text]));
}
