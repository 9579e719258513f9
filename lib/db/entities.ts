import { isRealIsoDate } from '../dates';
import { CHANNELS } from '../ledger/channel';
import { PLEDGE_KINDS } from '../ledger/pledge-kinds';
import { SiteIdSchema } from '../match/listing';
import { z } from '../zod';

/** ISO calendar date, the only date form stored. */
export const IsoDateSchema = z.string().refine(isRealIsoDate, { message: '日期应为真实的 YYYY-MM-DD' });
/** Money is always an integer number of fen. */
export const FenSchema = z.number().int();

export const CatalogueStatusSchema = z.enum(['valid', 'expired', 'revoked']);
export type CatalogueStatus = z.infer<typeof CatalogueStatusSchema>;

export const StorefrontSchema = z.object({
  platform: SiteIdSchema,
  shopName: z.string().optional(),
  itemIds: z.array(z.string()),
});
export type Storefront = z.infer<typeof StorefrontSchema>;

export const CatalogueSourceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  publisher: z.string().optional(),
  fileName: z.string().optional(),
  rowCount: z.number().int().nonnegative(),
  importedAt: z.string(),
  /** The bundled demonstration list: marked 示例 everywhere and removable. */
  sample: z.boolean().default(false),
  /**
   * The `sourceId` its chunks carry. Entries are written under a fresh set that
   * no source names yet (by several workers at once for a national list), and
   * become this source's in the one transaction that sets this field. Absent on
   * sources written before: their chunks carry the source's own id.
   */
  chunkSet: z.string().min(1).optional(),
});
export type CatalogueSource = z.infer<typeof CatalogueSourceSchema>;

export const CatalogueEntrySchema = z.object({
  id: z.string().min(1),
  sourceId: z.string().min(1),
  certificateNo: z.string().optional(),
  name: z.string().min(1),
  // Empty lists are not stored (each costs a structured clone per entry, 150,000 times).
  aliases: z.array(z.string()).optional(),
  category: z.string().optional(),
  brand: z.string().optional(),
  spec: z.string().optional(),
  supplier: z.string().min(1),
  /** Normalised supplier core, for the supplier index. */
  supplierKey: z.string(),
  creditCode: z.string().optional(),
  province: z.string().optional(),
  city: z.string().optional(),
  county: z.string().optional(),
  countyCode: z.string().optional(),
  certifiedOn: IsoDateSchema.optional(),
  validUntil: IsoDateSchema.optional(),
  status: CatalogueStatusSchema,
  batch: z.string().optional(),
  storefronts: z.array(StorefrontSchema).optional(),
  /** `site:itemId` keys (Taobao and Tmall share one id space, stored as `taobao:`). */
  itemKeys: z.array(z.string()).optional(),
  /** Columns of the imported file that we do not know, kept as they were. */
  extra: z.record(z.string(), z.string()).optional(),
  /** Keys the matcher derived at import (see EntryMatchKeys in lib/match); derived again if missing or older. */
  matchKeys: z
    .object({ rules: z.number().int().positive(), cores: z.string(), parties: z.array(z.string()) })
    .optional(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

/**
 * Catalogue entries are stored in chunks of up to CATALOGUE_CHUNK_SIZE, in
 * file order. IndexedDB pays per record: 148,000 single-entry puts take about
 * 20 s in Chromium here, 148 chunk puts about 2 s. Nothing queries single
 * entries by index: the background's match index answers lookups.
 */
export const CATALOGUE_CHUNK_SIZE = 1000;
export const CatalogueChunkSchema = z.object({
  id: z.string().min(1),
  sourceId: z.string().min(1),
  index: z.number().int().nonnegative(),
  entries: z.array(CatalogueEntrySchema),
});
export type CatalogueChunk = z.infer<typeof CatalogueChunkSchema>;

export const UNSOLD_STATUSES = ['open', 'matched', 'soldOut'] as const;
export const UnsoldGoodSchema = z.object({
  id: z.string().min(1),
  product: z.string().min(1),
  variety: z.string().optional(),
  quantity: z.number().positive(),
  openQuantity: z.number().nonnegative(),
  unit: z.string().min(1),
  expectedPriceFen: FenSchema.nonnegative().optional(),
  harvestStart: IsoDateSchema.optional(),
  harvestEnd: IsoDateSchema.optional(),
  perishable: z.boolean().default(false),
  province: z.string().optional(),
  city: z.string().optional(),
  county: z.string().optional(),
  countyCode: z.string().optional(),
  township: z.string().optional(),
  village: z.string().optional(),
  producer: z.string().min(1),
  householdType: z.enum(['脱贫户', '监测户', '一般农户', '合作社', '其他']).optional(),
  contact: z.string().optional(),
  phone: z.string().optional(),
  cause: z.string().optional(),
  status: z.enum(UNSOLD_STATUSES),
  updatedOn: IsoDateSchema,
});
export type UnsoldGood = z.infer<typeof UnsoldGoodSchema>;

export const FUNDING_SOURCES = ['个人', '工会', '食堂', '单位'] as const;
export const PURCHASE_TYPES = ['直接购买', '帮助销售'] as const;

export const CertificationSnapshotSchema = z.object({
  tier: z.enum(['certified', 'expired', 'poverty-area', 'unsold']).optional(),
  status: CatalogueStatusSchema.optional(),
  batch: z.string().optional(),
  entryId: z.string().optional(),
});

export const PurchaseSchema = z.object({
  id: z.string().min(1),
  purchasedOn: IsoDateSchema,
  product: z.string().min(1),
  supplier: z.string().optional(),
  shop: z.string().optional(),
  county: z.string().optional(),
  countyCode: z.string().optional(),
  platform: z.string().optional(),
  /** Where it was bought (version 2): derived from platform and shop when logged, editable. */
  channel: z.enum(CHANNELS),
  orderNo: z.string().optional(),
  /** `platform:orderNo:itemId`, so that re-importing an order never duplicates it. */
  orderKey: z.string().optional(),
  url: z.string().optional(),
  quantity: z.number().positive(),
  unit: z.string().default('件'),
  unitPriceFen: FenSchema.nonnegative(),
  amountFen: FenSchema.nonnegative(),
  fundingSource: z.enum(FUNDING_SOURCES),
  type: z.enum(PURCHASE_TYPES),
  pledgeId: z.string().optional(),
  catalogueEntryId: z.string().optional(),
  certification: CertificationSnapshotSchema.default({}),
  unsoldGoodId: z.string().optional(),
  note: z.string().optional(),
  createdAt: z.string(),
});
export type Purchase = z.infer<typeof PurchaseSchema>;

export const PledgeSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** What the pledge counts (version 2); see lib/ledger/pledges countsFor. */
  kind: z.enum(PLEDGE_KINDS),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  targetFen: FenSchema.positive(),
  fundingSource: z.enum(FUNDING_SOURCES).optional(),
  unit: z.string().optional(),
  person: z.string().optional(),
  /**
   * target = base × ratio: 预留份额 of the canteen's yearly food purchases (食堂食材采购总额),
   * 工会 of the union's spending on gifts and benefits.
   */
  baseFen: FenSchema.nonnegative().optional(),
  ratio: z.number().min(0).max(1).optional(),
  /** 工会: yearly amount per member past which a warning shows. */
  capFen: FenSchema.positive().optional(),
  endedOn: IsoDateSchema.optional(),
});
export type Pledge = z.infer<typeof PledgeSchema>;

/** A coordinator's merge, saved to reopen (version 2): the files as read, the review and the report's settings. */
export const MergeSessionSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  savedAt: z.string(),
  /** MemberFileReport[] as read (lib/coordinator/read-member-file). */
  reports: z.array(z.unknown()),
  /** Row key → the coordinator's decision and note. */
  decisions: z.record(z.string(), z.object({ include: z.boolean(), note: z.string().default('') })).default({}),
  /** The report's head and 预留份额 inputs (lib/coordinator/unit-report UnitReportMeta). */
  meta: z.record(z.string(), z.unknown()).default({}),
});
export type MergeSession = z.infer<typeof MergeSessionSchema>;

export const MatchIndexRecordSchema = z.object({
  id: z.string(),
  catalogueVersion: z.string(),
  builtAt: z.string(),
  blob: z.instanceof(Uint8Array),
  /** How the last build went, for the catalogue page and the bench: entries, reading them, building. */
  entryCount: z.number().int().nonnegative().optional(),
  readMs: z.number().nonnegative().optional(),
  buildMs: z.number().nonnegative().optional(),
});
export type MatchIndexRecord = z.infer<typeof MatchIndexRecordSchema>;
