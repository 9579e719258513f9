import { parseDate } from '../dates';
import type { FUNDING_SOURCES, PURCHASE_TYPES, Purchase, UnsoldGood } from '../db/entities';
import type { MatchResult } from '../match/listing';
import { formatYuan, parseYuanToFen } from '../money';
import type { Prefill } from '../prefill';
import { type Channel, channelFor } from './channel';

/** The purchase form's fields, as typed (text), before validation. */
export interface PurchaseDraft {
  purchasedOn: string;
  product: string;
  shop: string;
  supplier: string;
  county: string;
  platform: string;
  /** Where it was bought; follows platform and shop until the user picks one. */
  channel: Channel;
  channelEdited: boolean;
  url: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  amount: string;
  /** Whether the amount was typed by hand (otherwise it follows quantity × price). */
  amountEdited: boolean;
  fundingSource: (typeof FUNDING_SOURCES)[number];
  type: (typeof PURCHASE_TYPES)[number];
  orderNo: string;
  pledgeId: string;
  note: string;
}

export type DraftErrors = Partial<Record<keyof PurchaseDraft, string>>;

const yuan = (fen: number | undefined) => (fen === undefined ? '' : formatYuan(fen));

export function emptyDraft(today: string): PurchaseDraft {
  return {
    purchasedOn: today,
    product: '',
    shop: '',
    supplier: '',
    county: '',
    platform: '',
    channel: '线下',
    channelEdited: false,
    url: '',
    quantity: '1',
    unit: '件',
    unitPrice: '',
    amount: '',
    amountEdited: false,
    fundingSource: '个人',
    type: '直接购买',
    orderNo: '',
    pledgeId: '',
    note: '',
  };
}

/** A draft prefilled from a listing and the certification as it stands now. */
export function draftFromPrefill(prefill: Prefill, today: string): PurchaseDraft {
  const { listing, result } = prefill;
  const draft = emptyDraft(today);
  return {
    ...draft,
    product:
      result.tier === 'certified' || result.tier === 'expired' ? (result.product ?? listing.title) : listing.title,
    shop: listing.shopName ?? '',
    supplier: result.supplier ?? '',
    county: result.county ?? '',
    platform: listing.site,
    channel: channelFor({ platform: listing.site, shop: listing.shopName }),
    url: listing.url ?? '',
    unitPrice: yuan(listing.priceFen),
    amount: yuan(listing.priceFen),
  };
}

/** A draft of a stored purchase, to edit it. */
export function draftFromPurchase(p: Purchase): PurchaseDraft {
  return {
    purchasedOn: p.purchasedOn,
    product: p.product,
    shop: p.shop ?? '',
    supplier: p.supplier ?? '',
    county: p.county ?? '',
    platform: p.platform ?? '',
    channel: p.channel,
    channelEdited: p.channel !== channelFor(p),
    url: p.url ?? '',
    quantity: String(p.quantity),
    unit: p.unit,
    unitPrice: yuan(p.unitPriceFen),
    amount: yuan(p.amountFen),
    amountEdited: p.amountFen !== Math.round(p.quantity * p.unitPriceFen),
    fundingSource: p.fundingSource,
    type: p.type,
    orderNo: p.orderNo ?? '',
    pledgeId: p.pledgeId ?? '',
    note: p.note ?? '',
  };
}

/** 认购 from the unsold register: the good, its place and expected price, bought directly from the farmer. */
export function draftFromUnsold(good: UnsoldGood, today: string): PurchaseDraft {
  const draft = emptyDraft(today);
  return {
    ...draft,
    product: good.variety ? `${good.product}（${good.variety}）` : good.product,
    supplier: good.producer,
    county: good.county ?? '',
    platform: 'offline',
    channel: '线下',
    unit: good.unit,
    unitPrice: yuan(good.expectedPriceFen),
    amount: yuan(good.expectedPriceFen),
  };
}

/**
 * A draft with one field changed, and what follows it: the amount follows quantity × price
 * until typed, the channel follows platform and shop until picked.
 */
export function withDraftField<K extends keyof PurchaseDraft>(
  draft: PurchaseDraft,
  key: K,
  value: PurchaseDraft[K],
): PurchaseDraft {
  const next = { ...draft, [key]: value };
  if ((key === 'quantity' || key === 'unitPrice') && !next.amountEdited) {
    const fen = computedAmountFen(next);
    next.amount = fen === undefined ? next.amount : formatYuan(fen);
  }
  if (key === 'amount') next.amountEdited = true;
  if ((key === 'platform' || key === 'shop') && !next.channelEdited) next.channel = channelFor(next);
  if (key === 'channel') next.channelEdited = true;
  return next;
}

/** quantity × unit price, in fen, when both are readable. */
export function computedAmountFen(draft: Pick<PurchaseDraft, 'quantity' | 'unitPrice'>): number | undefined {
  const quantity = Number(draft.quantity.normalize('NFKC'));
  const price = parseYuanToFen(draft.unitPrice);
  if (!Number.isFinite(quantity) || quantity <= 0 || price === undefined) return undefined;
  return Math.round(quantity * price);
}

/** Checks a draft; every message is in Chinese and names what to fix. */
export function validateDraft(draft: PurchaseDraft, today: string): DraftErrors {
  const errors: DraftErrors = {};
  const date = parseDate(draft.purchasedOn);
  if (!date) errors.purchasedOn = '请填写有效日期，如 2026-11-25';
  else if (date > today) errors.purchasedOn = '购买日期不能晚于今天';
  if (!draft.product.trim()) errors.product = '请填写产品名称';
  const quantity = Number(draft.quantity.normalize('NFKC'));
  if (!Number.isFinite(quantity) || quantity <= 0) errors.quantity = '数量应大于 0';
  if (!draft.unit.trim()) errors.unit = '请填写单位';
  const price = draft.unitPrice.trim() ? parseYuanToFen(draft.unitPrice) : undefined;
  if (draft.unitPrice.trim() && (price === undefined || price < 0)) errors.unitPrice = '单价应为金额，如 12.50';
  const amount = parseYuanToFen(draft.amount);
  if (amount === undefined || amount <= 0) errors.amount = '金额应大于 0，如 88.00';
  if (draft.orderNo && !/^[\w-]{4,40}$/.test(draft.orderNo.trim())) errors.orderNo = '订单号只含字母、数字和连字符';
  return errors;
}

/**
 * The ledger's `orderKey` of an order's item (`platform:orderNo:itemId`):
 * the same item of the same order is never logged twice.
 */
export const orderItemKey = (platform: string, orderNo: string, itemId: string) => `${platform}:${orderNo}:${itemId}`;

/** The certification a match result states, as a purchase keeps it (no empty fields). */
export function certificationOf(result: MatchResult): Purchase['certification'] {
  const certification: Purchase['certification'] = {};
  if (result.tier) certification.tier = result.tier;
  if (result.tier === 'certified') certification.status = 'valid';
  else if (result.tier === 'expired') certification.status = 'expired';
  if (result.batch) certification.batch = result.batch;
  if (result.entryId) certification.entryId = result.entryId;
  return certification;
}

/**
 * The stored purchase for a valid draft. `from` says where its certification
 * comes from: a listing matched now, an unsold-register entry, or (editing)
 * the purchase as stored, whose certification stays as it stood when bought.
 */
export function purchaseFromDraft(
  draft: PurchaseDraft,
  from: { prefill?: Prefill; unsold?: UnsoldGood; stored?: Purchase },
  meta: { id: string; createdAt: string },
): Purchase {
  const { prefill, unsold, stored } = from;
  const amountFen = parseYuanToFen(draft.amount) ?? 0;
  const quantity = Number(draft.quantity.normalize('NFKC'));
  const unitPriceFen = parseYuanToFen(draft.unitPrice) ?? Math.round(amountFen / quantity);
  const orderNo = draft.orderNo.trim() || undefined;
  const itemId = prefill?.listing.itemId ?? stored?.orderKey?.split(':')[2];
  const purchase: Purchase = {
    id: meta.id,
    purchasedOn: parseDate(draft.purchasedOn) as string,
    product: draft.product.trim(),
    quantity,
    unit: draft.unit.trim(),
    unitPriceFen,
    amountFen,
    fundingSource: draft.fundingSource,
    type: draft.type,
    channel: draft.channel,
    certification: stored
      ? { ...stored.certification }
      : unsold
        ? { tier: 'unsold' }
        : prefill
          ? certificationOf(prefill.result)
          : {},
    createdAt: meta.createdAt,
  };
  const optional = {
    supplier: draft.supplier.trim(),
    shop: draft.shop.trim(),
    county: draft.county.trim(),
    countyCode: stored ? stored.countyCode : (prefill?.result.countyCode ?? unsold?.countyCode),
    platform: draft.platform,
    url: draft.url.trim(),
    orderNo,
    orderKey: orderNo ? orderItemKey(draft.platform || 'other', orderNo, itemId ?? '') : undefined,
    pledgeId: draft.pledgeId || undefined,
    catalogueEntryId: stored ? stored.catalogueEntryId : prefill?.result.entryId,
    unsoldGoodId: stored ? stored.unsoldGoodId : (unsold?.id ?? prefill?.result.unsoldId),
    note: draft.note.trim(),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value) (purchase as Record<string, unknown>)[key] = value;
  }
  return purchase;
}
