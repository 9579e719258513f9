import { LISTING_LIMITS as L } from '../message-limits';
import { z } from '../zod';
import { ReasonSchema } from './reasons';

export const SITE_IDS = ['jd', 'taobao', 'tmall', 'pinduoduo', 'suning', 'fupin832'] as const;
export const SiteIdSchema = z.enum(SITE_IDS);
export type SiteId = z.infer<typeof SiteIdSchema>;

/** One product as a shop page shows it: what adapters read and the matcher takes. */
export const ListingSchema = z.object({
  site: SiteIdSchema,
  itemId: z.string().max(L.itemId).optional(),
  title: z.string().min(1).max(L.title),
  shopName: z.string().max(L.shopName).optional(),
  priceFen: z.number().int().nonnegative().optional(),
  location: z.string().max(L.location).optional(),
  url: z.string().max(L.url).optional(),
});
export type Listing = z.infer<typeof ListingSchema>;

export const TIERS = ['certified', 'expired', 'poverty-area', 'unsold'] as const;
export const TierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof TierSchema>;

/** What the matcher says of one listing; `tier` undefined means no badge. */
export const MatchResultSchema = z.object({
  tier: TierSchema.optional(),
  entryId: z.string().optional(),
  /** The catalogue source the entry came from, and its 证书编号. */
  sourceId: z.string().optional(),
  certificateNo: z.string().optional(),
  unsoldId: z.string().optional(),
  countyCode: z.string().optional(),
  score: z.number(),
  reasons: z.array(ReasonSchema).max(20),
  product: z.string().optional(),
  supplier: z.string().optional(),
  county: z.string().optional(),
  batch: z.string().optional(),
  validUntil: z.string().optional(),
});
export type MatchResult = z.infer<typeof MatchResultSchema>;

/** The decision trace of one listing (see explainListing), parsed at the message boundary. */
export const MatchTraceSchema = z.object({
  title: z.string().max(2000),
  shop: ReasonSchema,
  notes: z.array(ReasonSchema).max(50),
  candidates: z
    .array(
      z.object({
        entryId: z.string(),
        product: z.string(),
        supplier: z.string(),
        certificateNo: z.string().optional(),
        sourceId: z.string(),
        county: z.string().optional(),
        via: ReasonSchema,
        checks: z.array(z.object({ ok: z.boolean(), reason: ReasonSchema })).max(20),
        accepted: z.boolean(),
      }),
    )
    .max(200),
});
export type MatchTraceData = z.infer<typeof MatchTraceSchema>;
