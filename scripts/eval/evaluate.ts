/**
 * The matching evaluation: the labelled listings of tests/fixtures/eval
 * against their catalogue, imported through the real import path. Shared by
 * `npm run eval` (prints the table) and a unit test (holds the bar).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogueFile } from '../../lib/catalogue/import';
import type { CatalogueEntry } from '../../lib/db/entities';
import { buildMatchIndex, type IndexableUnsold } from '../../lib/match/build-index';
import type { Listing, MatchResult } from '../../lib/match/listing';

export const EVAL_DIR = join(process.cwd(), 'tests/fixtures/eval');
export const EVAL_TODAY = '2026-11-25';
export const TIER_NAMES = ['certified', 'expired', 'poverty-area', 'unsold'] as const;

export interface LabelledListing extends Listing {
  case: string;
  expected: (typeof TIER_NAMES)[number] | 'none';
  entryId?: string;
}

export interface EvalData {
  entries: CatalogueEntry[];
  unsold: IndexableUnsold[];
  listings: LabelledListing[];
}

export function loadEvalData(): EvalData {
  const bytes = new Uint8Array(readFileSync(join(EVAL_DIR, 'catalogue.csv')));
  const reading = parseCatalogueFile({ name: 'catalogue.csv', bytes }, { today: EVAL_TODAY });
  if (reading.plan.rejected.length)
    throw new Error(`eval catalogue has rejected rows: ${JSON.stringify(reading.plan.rejected)}`);
  const unsold = JSON.parse(readFileSync(join(EVAL_DIR, 'unsold.json'), 'utf8')) as IndexableUnsold[];
  const listings = (JSON.parse(readFileSync(join(EVAL_DIR, 'listings.json'), 'utf8')) as LabelledListing[]).map(
    (l) => ({ ...l, site: l.site as Listing['site'] }),
  );
  return { entries: reading.plan.entries, unsold, listings };
}

export const buildEvalIndex = (data: EvalData) => buildMatchIndex(data.entries, data.unsold, 'eval');

export interface TierScore {
  tier: string;
  expected: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

/** Precision and recall per tier; for entry-bearing tiers a hit must name the right entry. */
export function scoreResults(
  listings: readonly LabelledListing[],
  results: readonly MatchResult[],
): {
  tiers: TierScore[];
  mistakes: { listing: LabelledListing; got: MatchResult }[];
} {
  const mistakes: { listing: LabelledListing; got: MatchResult }[] = [];
  const tiers = TIER_NAMES.map((tier) => {
    let expected = 0;
    let predicted = 0;
    let correct = 0;
    listings.forEach((l, i) => {
      const got = results[i] as MatchResult;
      const gotTier = got.tier ?? 'none';
      if (l.expected === tier) expected++;
      if (gotTier === tier) predicted++;
      const sameEntry = !l.entryId || l.entryId === (got.entryId ?? got.unsoldId);
      if (l.expected === tier && gotTier === tier && sameEntry) correct++;
    });
    return {
      tier,
      expected,
      predicted,
      correct,
      precision: predicted ? correct / predicted : 1,
      recall: expected ? correct / expected : 1,
    };
  });
  listings.forEach((l, i) => {
    const got = results[i] as MatchResult;
    if ((got.tier ?? 'none') !== l.expected || (l.entryId && l.entryId !== (got.entryId ?? got.unsoldId))) {
      mistakes.push({ listing: l, got });
    }
  });
  return { tiers, mistakes };
}

export function formatScores(label: string, tiers: readonly TierScore[]): string {
  const rows = tiers.map(
    (t) =>
      `  ${t.tier.padEnd(13)} precision ${t.precision.toFixed(3)}  recall ${t.recall.toFixed(3)}  (expected ${t.expected}, predicted ${t.predicted}, correct ${t.correct})`,
  );
  return [`${label}`, ...rows].join('\n');
}
