import { type Listing, ListingSchema, type MatchResult, MatchResultSchema } from './match/listing';
import { z } from './zod';

/** What the purchase form is prefilled with: a listing and what the matcher said of it. */
export const PrefillSchema = z.object({ listing: ListingSchema, result: MatchResultSchema });
export type Prefill = z.infer<typeof PrefillSchema>;

/** `dashboard.html#/purchases?prefill=…` for a listing. */
export function purchaseFormHash(listing: Listing, result: MatchResult): string {
  return `#/purchases?prefill=${encodeURIComponent(JSON.stringify({ listing, result }))}`;
}

/** A JSON value a dashboard hash carries in `name` (`#/route?name=…`); undefined when absent or not valid. */
export function readHashValue<T>(hash: string, name: string, schema: z.ZodType<T>): T | undefined {
  const query = hash.split('?')[1];
  const raw = query ? new URLSearchParams(query).get(name) : null;
  if (!raw) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the prefill back from a hash; undefined when absent or not valid. */
export const readPrefill = (hash: string): Prefill | undefined => readHashValue(hash, 'prefill', PrefillSchema);
