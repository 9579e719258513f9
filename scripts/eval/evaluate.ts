/**
 * The matching evaluation. Two sets, never mixed:
 * - the REAL set: real listings labelled by reading, in ../shared/data/listings-real (kept outside the
 *   repository: data taken from public repositories), plus our labels of the real page captures in
 *   ../shared/fixtures/pages (labels in tests/fixtures/real-pages, pages in shared/). Accuracy is quoted
 *   only from it.
 * - the generated REGRESSION set of tests/fixtures/regression: listings made from the matcher's own word
 *   lists; it guards against regressions and measures nothing.
 * Both are imported through the real import path. Shared by `npm run eval` (prints) and the unit tests (bars).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseCatalogueFile } from '../../lib/catalogue/import';
import type { CatalogueEntry } from '../../lib/db/entities';
import { buildMatchIndex, type IndexableUnsold } from '../../lib/match/build-index';
import type { Listing, MatchResult } from '../../lib/match/listing';
import { SiteIdSchema } from '../../lib/match/listing';

export const REGRESSION_DIR = join(process.cwd(), 'tests/fixtures/regression');
export const SHARED_DIR = join(process.cwd(), '../shared');
export const REAL_DIR = join(SHARED_DIR, 'data/listings-real');
export const REAL_PAGES_DIR = join(SHARED_DIR, 'fixtures/pages');
export const REAL_PAGE_LABELS = join(process.cwd(), 'tests/fixtures/real-pages/labels.csv');
/** The day the regression set was made for. */
export const EVAL_TODAY = '2026-11-25';
/** The day the real set's labels were decided on (its README: "today is 2026-12-01 for validity"). */
export const REAL_TODAY = '2026-12-01';
export const TIER_NAMES = ['certified', 'expired', 'poverty-area', 'unsold'] as const;
export type Expected = (typeof TIER_NAMES)[number] | 'none';

export interface LabelledListing extends Listing {
  /** The group a listing is reported in: the regression case, or the real listing's source. */
  case: string;
  expected: Expected;
  entryId?: string;
  /** The labeller's reason (real set). */
  why?: string;
}

export interface EvalData {
  name: string;
  today: string;
  entries: CatalogueEntry[];
  unsold: IndexableUnsold[];
  listings: LabelledListing[];
}

function readCatalogue(path: string, today: string): CatalogueEntry[] {
  const bytes = new Uint8Array(readFileSync(path));
  const reading = parseCatalogueFile({ name: 'catalogue.csv', bytes }, { today });
  if (reading.plan.rejected.length) throw new Error(`${path}: rejected rows: ${JSON.stringify(reading.plan.rejected)}`);
  return reading.plan.entries;
}

/** The generated regression set (tests/fixtures/regression). */
export function loadRegressionData(): EvalData {
  const entries = readCatalogue(join(REGRESSION_DIR, 'catalogue.csv'), EVAL_TODAY);
  const unsold = JSON.parse(readFileSync(join(REGRESSION_DIR, 'unsold.json'), 'utf8')) as IndexableUnsold[];
  const listings = (JSON.parse(readFileSync(join(REGRESSION_DIR, 'listings.json'), 'utf8')) as LabelledListing[]).map(
    (l) => ({ ...l, site: l.site as Listing['site'] }),
  );
  return { name: 'regression (generated)', today: EVAL_TODAY, entries, unsold, listings };
}

const readCsv = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

/** Entry ids of the import (`src#row`) by 证书编号, the ids labels use. */
const byCertificate = (entries: readonly CatalogueEntry[]) =>
  new Map(entries.flatMap((e) => (e.certificateNo ? [[e.certificateNo, e.id] as const] : [])));

function expectedOf(label: string, where: string): Expected {
  const t = label.trim();
  if (t === 'none' || (TIER_NAMES as readonly string[]).includes(t)) return t as Expected;
  throw new Error(`${where}: unknown label「${label}」`);
}

/** Whether the real set is here (CI has ../shared beside the clone; elsewhere it may be absent). */
export const realSetPresent = () => existsSync(join(REAL_DIR, 'listings.csv'));

/** The real set: listings.csv + labels.csv (same row order) against catalogue.csv. */
export function loadRealData(): EvalData {
  const entries = readCatalogue(join(REAL_DIR, 'catalogue.csv'), REAL_TODAY);
  const ids = byCertificate(entries);
  const rows = readCsv(join(REAL_DIR, 'listings.csv'));
  const labels = readCsv(join(REAL_DIR, 'labels.csv'));
  if (rows.length !== labels.length)
    throw new Error(`listings.csv has ${rows.length} rows, labels.csv ${labels.length}`);
  const listings = rows.map((r, i): LabelledListing => {
    const label = labels[i] as Record<string, string>;
    const where = `labels.csv row ${i + 2}`;
    const entryId = label.entry_id ? ids.get(label.entry_id) : undefined;
    if (label.entry_id && !entryId) throw new Error(`${where}: no catalogue entry ${label.entry_id}`);
    const price = Number(r.price_cny);
    return {
      case: r.source ?? '',
      site: SiteIdSchema.parse(r.site),
      itemId: r.item_id || undefined,
      title: r.title ?? '',
      shopName: r.shop || undefined,
      location: r.location || undefined,
      url: r.url || undefined,
      priceFen: Number.isFinite(price) && r.price_cny ? Math.round(price * 100) : undefined,
      expected: expectedOf(label.label ?? '', where),
      entryId,
      why: label.why,
    };
  });
  return { name: 'real listings (labelled by reading)', today: REAL_TODAY, entries, unsold: [], listings };
}

export const buildEvalIndex = (data: EvalData) => buildMatchIndex(data.entries, data.unsold, 'eval');

export interface TierScore {
  tier: string;
  expected: number;
  predicted: number;
  correct: number;
  /** Predicted as this tier but labelled otherwise (or another entry). */
  falsePositives: number;
  precision: number;
  recall: number;
}

export interface Mistake {
  listing: LabelledListing;
  got: MatchResult;
}

const isRight = (l: LabelledListing, got: MatchResult) =>
  (got.tier ?? 'none') === l.expected && (!l.entryId || l.entryId === (got.entryId ?? got.unsoldId));

/** Precision and recall per tier; for entry-bearing tiers a hit must name the right entry. */
export function scoreResults(
  listings: readonly LabelledListing[],
  results: readonly MatchResult[],
): { tiers: TierScore[]; mistakes: Mistake[] } {
  const tiers = TIER_NAMES.map((tier) => {
    let expected = 0;
    let predicted = 0;
    let correct = 0;
    listings.forEach((l, i) => {
      const got = results[i] as MatchResult;
      if (l.expected === tier) expected++;
      if ((got.tier ?? 'none') === tier) {
        predicted++;
        if (isRight(l, got)) correct++;
      }
    });
    return {
      tier,
      expected,
      predicted,
      correct,
      falsePositives: predicted - correct,
      precision: predicted ? correct / predicted : 1,
      recall: expected ? correct / expected : 1,
    };
  });
  const mistakes = listings.flatMap((l, i) => {
    const got = results[i] as MatchResult;
    return isRight(l, got) ? [] : [{ listing: l, got }];
  });
  return { tiers, mistakes };
}

export function formatScores(label: string, tiers: readonly TierScore[]): string {
  const rows = tiers
    .filter((t) => t.expected || t.predicted || t.tier !== 'unsold')
    .map(
      (t) =>
        `  ${t.tier.padEnd(13)} precision ${t.precision.toFixed(3)}  recall ${t.recall.toFixed(3)}  (expected ${t.expected}, predicted ${t.predicted}, correct ${t.correct}, false ${t.falsePositives})`,
    );
  return [label, ...(rows.length ? rows : ['  (no tiered listings)'])].join('\n');
}

/** Listings grouped by their `case` (the real set: by source), in first-seen order. */
export function byCase<T extends { case: string }>(items: readonly T[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = groups.get(item.case) ?? [];
    list.push(i);
    groups.set(item.case, list);
  });
  return groups;
}
