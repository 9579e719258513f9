import { ListingSchema, MatchResultSchema, MatchTraceSchema, SiteIdSchema } from './match/listing';
import { MATCH_BATCH_MAX, REQUEST_REJECTED } from './message-limits';
import { messenger } from './messenger';
import { FoundOrderSchema } from './orders/review';
import { z } from './zod';

export { LISTING_LIMITS, MATCH_BATCH_MAX, REQUEST_REJECTED, TAB_OPENS } from './message-limits';

/**
 * Every message between content scripts, extension pages and the background,
 * declared once as a request and response schema. Handlers parse what they
 * receive before use: content scripts run beside hostile pages, and other
 * extensions can send messages too.
 */
export const messageSchemas = {
  getStatus: {
    request: z.object({}).strict(),
    response: z.object({
      version: z.string(),
      catalogueEntries: z.number().int().nonnegative(),
      indexReady: z.boolean(),
    }),
  },
  matchListings: {
    request: z.object({ listings: z.array(ListingSchema).max(MATCH_BATCH_MAX) }).strict(),
    response: z.object({ results: z.array(MatchResultSchema) }),
  },
  /** 匹配检查: one listing's answer and the trace of how it was decided, by the same code as the badges. */
  explainListing: {
    request: z.object({ listing: ListingSchema }).strict(),
    response: z.object({ result: MatchResultSchema, trace: MatchTraceSchema }),
  },
  /** 匹配检查: the listings pages asked about lately (newest first), to pick one. */
  recentListings: {
    request: z.object({}).strict(),
    response: z.object({ listings: z.array(ListingSchema).max(100) }),
  },
  /** 「为什么？」 on a badge's panel: the background opens 匹配检查 on this listing. Nothing is written. */
  openMatchCheck: {
    request: z.object({ listing: ListingSchema }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
  /**
   * Each scan of a shop page: the sites the user switched off, the badges' texts
   * in the user's language, and whether poverty-area products count toward pledges.
   */
  getBadgeContext: {
    request: z.object({}).strict(),
    response: z.object({
      siteSwitches: z.partialRecord(SiteIdSchema, z.boolean()),
      texts: z.record(z.string(), z.string()),
      countPovertyArea: z.boolean(),
    }),
  },
  /** A badge's panel, when opened: the catalogue its entry comes from, and its 证书编号. */
  getEntryDetails: {
    request: z.object({ entryId: z.string().min(1).max(300) }).strict(),
    response: z.object({ source: z.string(), sample: z.boolean(), certificateNo: z.string().optional() }).nullable(),
  },
  /** 「记一笔」 on a badge: the background opens the purchase form, prefilled. Nothing is written. */
  openPurchaseForm: {
    request: z.object({ listing: ListingSchema, result: MatchResultSchema }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
  /**
   * 「查看并导入」 on an order list: the background opens the review page with
   * the orders the content script read. Nothing is written until the user confirms there.
   */
  openOrderReview: {
    request: z.object({ orders: z.array(FoundOrderSchema).min(1).max(200) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
  /** Popup → the active tab's content script: the item it shows, and what the matcher said. */
  getPageListing: {
    request: z.object({}).strict(),
    response: z.object({ listing: ListingSchema, result: MatchResultSchema }).nullable(),
  },
} as const;

type Schemas = typeof messageSchemas;
export type MessageName = keyof Schemas;
export type MessageRequest<K extends MessageName> = z.input<Schemas[K]['request']>;
export type MessageResponse<K extends MessageName> = z.infer<Schemas[K]['response']>;

export type ProtocolMap = {
  [K in MessageName]: (data: MessageRequest<K>) => MessageResponse<K>;
};

/** Parses a request at the boundary; throws a ZodError naming the bad field. */
export function parseRequest<K extends MessageName>(name: K, data: unknown): z.infer<Schemas[K]['request']> {
  return messageSchemas[name].request.parse(data) as z.infer<Schemas[K]['request']>;
}

/** Who sent a message: a shop tab's content script has a tab, an extension page may not. */
export interface MessageSender {
  tab?: { id?: number };
}

/**
 * Registers a handler that only ever sees a request that passed its schema.
 * A request that does not pass is refused with an error named REQUEST_REJECTED
 * (the sender can tell it from a background that is away, and retry without
 * the bad part).
 */
export function handleMessage<K extends MessageName>(
  name: K,
  handler: (
    request: z.infer<Schemas[K]['request']>,
    sender: MessageSender,
  ) => Promise<MessageResponse<K>> | MessageResponse<K>,
): () => void {
  return messenger.onMessage(name, async (message) => {
    const parsed = messageSchemas[name].request.safeParse(message.data);
    if (!parsed.success) {
      const error = new Error(`${name}: ${parsed.error.message}`);
      error.name = REQUEST_REJECTED;
      throw error;
    }
    const request = parsed.data as z.infer<Schemas[K]['request']>;
    const sender = (message as { sender?: MessageSender }).sender ?? {};
    // biome-ignore lint/suspicious/noExplicitAny: the generic response type is checked at the call site
    return (await handler(request, sender)) as any;
  });
}
