import { SiteIdSchema } from '../match/listing';
import type { FoundOrder } from '../sites/types';
import { z } from '../zod';

/** Where a buyer's order lists are: opened there, the order bar proposes their orders for import. */
export const ORDER_LIST_URLS = {
  jd: 'https://order.jd.com/center/list.action',
  taobao: 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm',
} as const;

/** An order as a content script proposes it (parsed: it comes from a shop page's context). */
export const FoundOrderSchema = z.object({
  site: SiteIdSchema,
  orderNo: z.string().regex(/^[\w-]{4,40}$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  status: z.string().max(40),
  closed: z.boolean(),
  shopName: z.string().max(200).optional(),
  totalFen: z.number().int().nonnegative(),
  items: z
    .array(
      z.object({
        itemId: z.string().regex(/^\d{1,30}$/),
        title: z.string().min(1).max(500),
        quantity: z.number().positive().max(100_000),
        amountFen: z.number().int().nonnegative(),
        amountEstimated: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(100),
}) satisfies z.ZodType<FoundOrder>;

/** `dashboard.html#/orders?proposal=…` for the orders found on a page. */
export function orderReviewHash(orders: readonly FoundOrder[]): string {
  return `#/orders?proposal=${encodeURIComponent(JSON.stringify(orders))}`;
}

/** The proposed orders back from a hash; [] when absent or not valid. */
export function readOrderReview(hash: string): FoundOrder[] {
  const raw = new URLSearchParams(hash.split('?')[1] ?? '').get('proposal');
  if (!raw) return [];
  try {
    const parsed = z.array(FoundOrderSchema).max(200).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
