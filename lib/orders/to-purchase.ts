import type { Purchase } from '../db/entities';
import { channelFor } from '../ledger/channel';
import { certificationOf, orderItemKey } from '../ledger/purchase-draft';
import type { MatchResult } from '../match/listing';
import type { FoundOrder, OrderItem } from '../sites/types';

const ITEM_URLS: Partial<Record<FoundOrder['site'], (id: string) => string>> = {
  jd: (id) => `https://item.jd.com/${id}.html`,
  taobao: (id) => `https://item.taobao.com/item.htm?id=${id}`,
  tmall: (id) => `https://detail.tmall.com/item.htm?id=${id}`,
};

/**
 * The ledger's purchase for one item of an order, with the certification as
 * the matcher states it now (the day of import stands for the day of purchase).
 */
export function purchaseFromOrderItem(
  order: FoundOrder,
  item: OrderItem,
  result: MatchResult,
  choices: { fundingSource: Purchase['fundingSource']; pledgeId?: string },
  meta: { id: string; createdAt: string },
): Purchase {
  const certified = result.tier === 'certified' || result.tier === 'expired';
  const purchase: Purchase = {
    id: meta.id,
    purchasedOn: order.date,
    product: certified && result.product ? result.product : item.title,
    quantity: item.quantity,
    unit: '件',
    unitPriceFen: Math.round(item.amountFen / item.quantity),
    amountFen: item.amountFen,
    fundingSource: choices.fundingSource,
    type: '直接购买',
    platform: order.site,
    channel: channelFor({ platform: order.site, shop: order.shopName }),
    orderNo: order.orderNo,
    orderKey: orderItemKey(order.site, order.orderNo, item.itemId),
    certification: certificationOf(result),
    createdAt: meta.createdAt,
  };
  const optional: Partial<Purchase> = {
    supplier: result.supplier,
    shop: order.shopName,
    county: result.county,
    countyCode: result.countyCode,
    url: ITEM_URLS[order.site]?.(item.itemId),
    pledgeId: choices.pledgeId,
    catalogueEntryId: result.entryId,
    unsoldGoodId: result.unsoldId,
    note: item.amountEstimated ? `金额按件数分摊自订单合计 ${(order.totalFen / 100).toFixed(2)} 元` : undefined,
  };
  for (const [key, value] of Object.entries(optional)) if (value) (purchase as Record<string, unknown>)[key] = value;
  return purchase;
}
