import { pinyin } from 'pinyin-pro';
import { parseDate } from '../dates';
import { UNSOLD_STATUSES, type UnsoldGood, UnsoldGoodSchema } from '../db/entities';
import { type Message, message } from '../i18n/message';
import { parseYuanToFen } from '../money';
import { areaOf, cityNameOf, provinceOf } from '../regions/divisions';
import { resolveCounty } from '../regions/places';

/** 待售 → 已对接 → 售罄 */
export const STATUS_LABELS: Record<UnsoldGood['status'], string> = { open: '待售', matched: '已对接', soldOut: '售罄' };
export const NEXT_STATUS: Partial<Record<UnsoldGood['status'], UnsoldGood['status']>> = {
  open: 'matched',
  matched: 'soldOut',
};
export const HOUSEHOLD_TYPES = ['脱贫户', '监测户', '一般农户', '合作社', '其他'] as const;

/** The register's form (and a file's row), as typed. */
export interface UnsoldDraft {
  product: string;
  variety: string;
  quantity: string;
  openQuantity?: string;
  unit: string;
  expectedPrice: string;
  harvestStart: string;
  harvestEnd: string;
  perishable: boolean;
  county: string;
  township: string;
  village: string;
  producer: string;
  householdType: string;
  contact: string;
  phone: string;
  cause: string;
  status?: string;
}

export type UnsoldErrors = Partial<Record<keyof UnsoldDraft, Message>>;

const MOBILE = /^1[3-9]\d{9}$/;
// Area code (3–4 digits from 0), number (7–8 digits), optional extension.
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;

/** A mainland mobile or landline number, spaces and +86 allowed; normalised, or undefined. */
export function normalizePhone(text: string): string | undefined {
  const t = text
    .normalize('NFKC')
    .replace(/[\s()（）]/g, '')
    .replace(/^(?:\+?86)(?=1\d{10}$)/, '');
  return MOBILE.test(t) || LANDLINE.test(t) ? t : undefined;
}

const numberOf = (text: string) => Number(text.normalize('NFKC').trim());

export function emptyUnsoldDraft(): UnsoldDraft {
  return {
    product: '',
    variety: '',
    quantity: '',
    unit: '斤',
    expectedPrice: '',
    harvestStart: '',
    harvestEnd: '',
    perishable: false,
    county: '',
    township: '',
    village: '',
    producer: '',
    householdType: '',
    contact: '',
    phone: '',
    cause: '',
  };
}

/** Checks a draft (DESIGN §1); each message names what to fix. */
export function validateUnsoldDraft(draft: UnsoldDraft): UnsoldErrors {
  const errors: UnsoldErrors = {};
  if (!draft.product.trim()) errors.product = message('unsold.error.product');
  const quantity = numberOf(draft.quantity);
  if (!draft.quantity.trim() || !Number.isFinite(quantity) || quantity <= 0)
    errors.quantity = message('unsold.error.quantity');
  if (draft.openQuantity?.trim()) {
    const open = numberOf(draft.openQuantity);
    if (!Number.isFinite(open) || open < 0) errors.openQuantity = message('unsold.error.openNegative');
    else if (Number.isFinite(quantity) && open > quantity) errors.openQuantity = message('unsold.error.openOver');
  }
  if (!draft.unit.trim()) errors.unit = message('unsold.error.unit');
  if (draft.expectedPrice.trim()) {
    const fen = parseYuanToFen(draft.expectedPrice);
    if (fen === undefined || fen < 0) errors.expectedPrice = message('unsold.error.price');
  }
  const start = draft.harvestStart.trim() ? parseDate(draft.harvestStart) : undefined;
  const end = draft.harvestEnd.trim() ? parseDate(draft.harvestEnd) : undefined;
  if (draft.harvestStart.trim() && !start) errors.harvestStart = message('unsold.error.date');
  if (draft.harvestEnd.trim() && !end) errors.harvestEnd = message('unsold.error.date');
  if (start && end && end < start) errors.harvestEnd = message('unsold.error.harvestOrder');
  if (!draft.producer.trim()) errors.producer = message('unsold.error.producer');
  if (draft.phone.trim() && !normalizePhone(draft.phone)) errors.phone = message('unsold.error.phone');
  if (draft.county.trim() && !resolveCounty(draft.county.trim())) errors.county = message('unsold.error.county');
  if (draft.householdType && !(HOUSEHOLD_TYPES as readonly string[]).includes(draft.householdType)) {
    errors.householdType = message('unsold.error.householdType', { types: HOUSEHOLD_TYPES.join('、') });
  }
  if (
    draft.status &&
    !Object.values(STATUS_LABELS).includes(draft.status) &&
    !(UNSOLD_STATUSES as readonly string[]).includes(draft.status)
  ) {
    errors.status = message('unsold.error.status');
  }
  return errors;
}

/** The stored entry for a valid draft; `stored` keeps an edited entry's id and how much is left. */
export function unsoldFromDraft(
  draft: UnsoldDraft,
  meta: { id: string; today: string; stored?: UnsoldGood },
): UnsoldGood {
  const quantity = numberOf(draft.quantity);
  const countyCode = draft.county.trim() ? resolveCounty(draft.county.trim()) : undefined;
  const sold = meta.stored ? meta.stored.quantity - meta.stored.openQuantity : 0;
  const openQuantity = draft.openQuantity?.trim() ? numberOf(draft.openQuantity) : Math.max(0, quantity - sold);
  const statusText = draft.status?.trim();
  const status =
    (Object.entries(STATUS_LABELS).find(([, label]) => label === statusText)?.[0] as
      | UnsoldGood['status']
      | undefined) ??
    ((UNSOLD_STATUSES as readonly string[]).includes(statusText ?? '')
      ? (statusText as UnsoldGood['status'])
      : undefined) ??
    meta.stored?.status ??
    'open';
  const optional: Record<string, unknown> = {
    variety: draft.variety.trim(),
    expectedPriceFen: draft.expectedPrice.trim() ? parseYuanToFen(draft.expectedPrice) : undefined,
    harvestStart: draft.harvestStart.trim() ? parseDate(draft.harvestStart) : undefined,
    harvestEnd: draft.harvestEnd.trim() ? parseDate(draft.harvestEnd) : undefined,
    countyCode,
    county: countyCode ? areaOf(countyCode)?.name : undefined,
    city: countyCode ? cityNameOf(countyCode) : undefined,
    province: countyCode ? provinceOf(countyCode)?.name : undefined,
    township: draft.township.trim(),
    village: draft.village.trim(),
    householdType: draft.householdType || undefined,
    contact: draft.contact.trim(),
    phone: draft.phone.trim() ? normalizePhone(draft.phone) : undefined,
    cause: draft.cause.trim(),
  };
  const good: Record<string, unknown> = {
    id: meta.id,
    product: draft.product.trim(),
    quantity,
    openQuantity,
    unit: draft.unit.trim(),
    perishable: draft.perishable,
    producer: draft.producer.trim(),
    status: openQuantity === 0 ? 'soldOut' : status,
    updatedOn: meta.today,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined && value !== '') good[key] = value;
  return UnsoldGoodSchema.parse(good);
}

export function draftOfUnsold(good: UnsoldGood): UnsoldDraft {
  return {
    product: good.product,
    variety: good.variety ?? '',
    quantity: String(good.quantity),
    openQuantity: String(good.openQuantity),
    unit: good.unit,
    expectedPrice: good.expectedPriceFen !== undefined ? (good.expectedPriceFen / 100).toFixed(2) : '',
    harvestStart: good.harvestStart ?? '',
    harvestEnd: good.harvestEnd ?? '',
    perishable: good.perishable,
    county: good.county ?? '',
    township: good.township ?? '',
    village: good.village ?? '',
    producer: good.producer,
    householdType: good.householdType ?? '',
    contact: good.contact ?? '',
    phone: good.phone ?? '',
    cause: good.cause ?? '',
    status: STATUS_LABELS[good.status],
  };
}

const searchKeyCache = new WeakMap<UnsoldGood, string[]>();

/** What a search compares with: the Chinese text, its pinyin (no tones) and its initials, each without spaces. */
export function searchKeysOf(good: UnsoldGood): string[] {
  let keys = searchKeyCache.get(good);
  if (!keys) {
    const text = [good.product, good.variety, good.county, good.township, good.village, good.producer, good.contact]
      .filter(Boolean)
      .join('');
    const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
    const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
    keys = [text, full, initials].map((k) => k.toLowerCase().replace(/\s+/g, ''));
    searchKeyCache.set(good, keys);
  }
  return keys;
}

/** Search by Chinese, full pinyin (huanghuacai) or initials (hhc). */
export function matchesSearch(good: UnsoldGood, query: string): boolean {
  const q = query.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  return !q || searchKeysOf(good).some((key) => key.includes(q));
}
