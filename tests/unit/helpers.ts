import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Purchase, type UnsoldGood, UnsoldGoodSchema } from '../../lib/db/entities';
import { type Message, zhText } from '../../lib/i18n/message';
import type { FoundOrder } from '../../lib/sites/types';

// Tests run from the project root (npm scripts); happy-dom replaces URL, so no import.meta.url here.
export const FIXTURES = join(process.cwd(), 'tests/fixtures/');
/** The real page captures: in ../shared, never copied here (data taken from public repositories). */
export const SHARED_PAGES = join(process.cwd(), '../shared/fixtures/pages/');
/** Whether ../shared holds the real captures (CI has it beside the clone); tests that read them skip otherwise. */
export const sharedPagesPresent = existsSync(SHARED_PAGES);
if (!sharedPagesPresent) console.warn(`${SHARED_PAGES} is not here: the tests of the real page captures are skipped`);

/** A fixture page's path: `shared:` names a real capture in ../shared/fixtures/pages. */
export const pagePath = (file: string) =>
  file.startsWith('shared:') ? `${SHARED_PAGES}${file.slice(7)}` : `${FIXTURES}pages/${file}`;

export function readFixture(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, 'utf8');
}

/** Parses a saved page into a detached document, as the content script would see it. */
export function loadPage(path: string): Document {
  const text = path.startsWith('shared:') ? readFileSync(pagePath(path), 'utf8') : readFixture(path);
  return new DOMParser().parseFromString(text, 'text/html');
}

/** A purchase as the ledger stores it: a certified 祁东黄花菜 from JD unless told otherwise. */
export function purchase(over: Partial<Purchase> & Pick<Purchase, 'purchasedOn' | 'amountFen'>): Purchase {
  return {
    id: `p-${over.purchasedOn}-${over.amountFen}-${over.product ?? ''}`,
    product: '祁东黄花菜',
    supplier: '祁东县湘祁黄花菜开发有限公司',
    county: '祁东县',
    platform: 'jd',
    channel: over.platform === 'fupin832' ? '832平台' : '电商平台',
    quantity: 1,
    unit: '袋',
    unitPriceFen: over.amountFen,
    fundingSource: '个人',
    type: '直接购买',
    certification: { tier: 'certified', status: 'valid', batch: '第3批' },
    createdAt: `${over.purchasedOn}T08:00:00.000Z`,
    ...over,
  };
}

/** A finished JD order of two tea items, as an order list proposes it. */
export const JD_TEA_ORDER: FoundOrder = {
  site: 'jd',
  orderNo: '285519843212',
  date: '2026-04-02',
  status: '已完成',
  closed: false,
  shopName: '汉江茶业旗舰店',
  totalFen: 29600,
  items: [
    { itemId: '100045678901', title: '紫阳富硒茶 250g', quantity: 1, amountFen: 14800 },
    { itemId: '100045678902', title: '紫阳富硒茶 礼盒装', quantity: 2, amountFen: 14800 },
  ],
};

/** An unsold-register entry with 3 of 10 斤 left to sell. */
export const UNSOLD_LAROU: UnsoldGood = UnsoldGoodSchema.parse({
  id: 'u1',
  product: '城口老腊肉',
  quantity: 10,
  openQuantity: 3,
  unit: '斤',
  producer: '李大姐',
  status: 'open',
  updatedOn: '2026-11-01',
});
/** A message (or a text saved before messages were codes) as the zh-CN interface shows it. */
export const zhOf = (m: Message | string | undefined) => (m === undefined || typeof m === 'string' ? m : zhText(m));

/** Rejected rows with their reasons as the zh-CN interface shows them. */
export const rejectedInChinese = <T extends { reason: Message | string }>(rows: T[]) =>
  rows.map((r) => ({ ...r, reason: zhOf(r.reason) }));
