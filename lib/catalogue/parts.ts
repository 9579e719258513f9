/**
 * A national list read in parts by several workers: each part is planned
 * alone, then the first part's duplicate finder judges the later parts' rows,
 * so the report and the entries are those of a whole reading. The workers move
 * these pieces between them; `importCatalogueInParts` runs the same code in one
 * thread (the tests compare it with a whole reading).
 */

import type { CatalogueSource } from '../db/entities';
import type { ReliefDb } from '../db/schema';
import { CsvPartMismatch, type CsvSplit, readCsvPart, splitCsvFile } from '../tables/csv-parts';
import { TableFileError, type TableHead } from '../tables/table';
import {
  type CatalogueFileReading,
  catalogueSourceOf,
  commitCatalogueImport,
  defaultSourceName,
  parseCatalogueFile,
  sourceIdFor,
} from './import';
import {
  type CatalogueImportPlan,
  type DuplicateFinder,
  type DuplicateKeys,
  isCatalogueHeader,
  MissingColumnsError,
  startCataloguePlan,
} from './rows';

import { chunkCount, discardChunkSet, newChunkSet, publishSource, stageChunks } from './store';

export { CsvPartMismatch } from '../tables/csv-parts';

export interface CataloguePartReading {
  encoding: string;
  plan: CatalogueImportPlan;
  /** The first part's finder, which judges the others. */
  duplicates?: DuplicateFinder;
  /** A later part's entries' keys, not yet judged. */
  deferred?: DuplicateKeys;
}

/** How to read a catalogue file in `parts` parts, or undefined to read it whole. */
export const splitCatalogueFile = (file: { name: string; bytes: Uint8Array }, parts: number, minPartBytes?: number) =>
  splitCsvFile(file, { isKnownHeader: isCatalogueHeader }, parts, minPartBytes);

/** Plans part `index` of a split file (`bytes` are that part's). Throws CsvPartMismatch. */
export function readCataloguePart(
  bytes: Uint8Array,
  split: CsvSplit,
  index: number,
  options: { sourceId: string; today: string },
): CataloguePartReading {
  let planner: ReturnType<typeof startCataloguePlan> | undefined;
  const head: TableHead = readCsvPart(bytes, split, index, (partHead) => {
    planner = startCataloguePlan(partHead, { ...options, deferDuplicates: index > 0 });
    return planner.addRow;
  });
  if (!planner) throw new Error('the part was read without its rows');
  const plan = planner.finish();
  return index === 0
    ? { encoding: head.encoding ?? '', plan, duplicates: planner.duplicates }
    : { encoding: head.encoding ?? '', plan, deferred: planner.deferred };
}

/** What a later part sends the first: its report and its entries' keys, not its entries. */
export type PartReport = Omit<CataloguePartReading, 'plan' | 'duplicates'> & {
  plan: Omit<CatalogueImportPlan, 'entries'>;
  entryCount: number;
};

export function partReport({ plan: { entries, ...plan }, encoding, deferred }: CataloguePartReading): PartReport {
  return { encoding, deferred, plan, entryCount: entries.length };
}

/**
 * The whole file's plan from its parts: the later parts' rows judged for
 * duplicates in file order, and the positions of the entries each must drop.
 * `entries` are the first part's; `entryCount` counts them all. Undefined when
 * the parts were decoded differently (a file that is not UTF-8 throughout):
 * the file is then read whole.
 */
export function mergeCatalogueParts(
  first: CataloguePartReading,
  later: PartReport[],
): { plan: CatalogueImportPlan; entryCount: number; drops: number[][]; kept: number[] } | undefined {
  if (later.some((part) => part.encoding !== first.encoding) || !first.duplicates) return undefined;
  const plan: CatalogueImportPlan = {
    ...first.plan,
    rejected: [...first.plan.rejected],
    duplicates: [...first.plan.duplicates],
    warnings: [...first.plan.warnings],
  };
  let entryCount = first.plan.entries.length;
  const drops: number[][] = [];
  const kept: number[] = [];
  for (const part of later) {
    const { duplicates, drop } = first.duplicates.settle(
      part.deferred ?? { rowNumbers: [], certificates: [], supplierProducts: [] },
    );
    plan.rowsRead += part.plan.rowsRead;
    plan.rejected.push(...part.plan.rejected);
    plan.duplicates.push(...duplicates);
    plan.warnings.push(...part.plan.warnings);
    const partKept = part.entryCount - drop.length;
    entryCount += partKept;
    drops.push(drop);
    kept.push(partKept);
  }
  return { plan, entryCount, drops, kept };
}

/** A later part's entries without those the merge judged duplicates. */
export function dropEntries<T>(entries: T[], drop: readonly number[]): T[] {
  if (!drop.length) return entries;
  const gone = new Set(drop);
  return entries.filter((_, i) => !gone.has(i));
}

/** A file read in parts: the plan holds the first part's entries, `entryCount` counts every part's. */
export interface PartedReading {
  reading: CatalogueFileReading;
  entryCount: number;
  /** For each later part, the positions of its entries that are duplicates, and how many it keeps. */
  drops: number[][];
  kept: number[];
}

/** Reads a later part where it is kept (a helper worker): its report, or undefined if it could not be read alike. */
export type LaterPartReader = (
  index: number,
  bytes: Uint8Array,
  split: CsvSplit,
  options: { sourceId: string; today: string },
) => Promise<PartReport | undefined>;

/**
 * A part that may not read as the whole file: a quote error, a missing column,
 * or a row past the limits (lib/tables/limits). The whole reading then says
 * what is wrong, from the first such row in file order, in its own words.
 */
const isPartMismatch = (error: unknown) =>
  error instanceof CsvPartMismatch || error instanceof MissingColumnsError || error instanceof TableFileError;

/**
 * Reads a split file: the later parts by `readLater` (started first, so they
 * run while this thread reads the first part), then merged. Undefined when the
 * parts may not read as the whole file: the caller reads it whole, which is
 * the reference (and says what is wrong with a file that lacks a column).
 */
export async function readSplitCatalogue(
  file: { name: string; bytes: Uint8Array },
  options: { sourceName?: string; today: string },
  split: CsvSplit,
  readLater: LaterPartReader,
): Promise<PartedReading | undefined> {
  const sourceName = options.sourceName?.trim() || defaultSourceName(file.name);
  const planOptions = { sourceId: sourceIdFor(sourceName), today: options.today };
  const later = split.parts
    .slice(1)
    .map((part, i) => readLater(i + 1, file.bytes.subarray(part.start, part.end), split, planOptions));
  let first: CataloguePartReading;
  try {
    first = readCataloguePart(file.bytes.subarray(0, split.parts[0]?.end), split, 0, planOptions);
  } catch (error) {
    await Promise.allSettled(later);
    if (isPartMismatch(error)) return undefined;
    throw error;
  }
  const reports = await Promise.all(later);
  if (reports.some((r) => !r)) return undefined;
  const merged = mergeCatalogueParts(first, reports as PartReport[]);
  if (!merged) return undefined;
  const { format, headers } = split.head;
  return {
    reading: {
      fileName: file.name,
      sourceName,
      table: { format, encoding: first.encoding, headers },
      plan: merged.plan,
    },
    entryCount: merged.entryCount,
    drops: merged.drops,
    kept: merged.kept,
  };
}

/** A later part read in this thread, as a helper worker reads it; undefined when it may not read as the whole. */
export function readLaterPart(
  bytes: Uint8Array,
  split: CsvSplit,
  index: number,
  options: { sourceId: string; today: string },
): CataloguePartReading | undefined {
  try {
    return readCataloguePart(bytes, split, index, options);
  } catch (error) {
    if (isPartMismatch(error)) return undefined;
    throw error;
  }
}

/**
 * What a helper does when the reading is confirmed: writes its part's entries,
 * without those the merge judged duplicates, under the chunk set from chunk
 * `firstIndex` on. The worker's helpers and the in-thread reading both call it.
 */
export async function stageLaterPart(
  db: ReliefDb,
  part: Pick<CataloguePartReading, 'plan'>,
  request: { chunkSet: string; firstIndex: number; drop: readonly number[] },
): Promise<void> {
  await stageChunks(db, request.chunkSet, dropEntries(part.plan.entries, request.drop), request.firstIndex);
}

/** Writes later part `index` (1 on) under the chunk set, from chunk `firstIndex` on, where that part is kept. */
export type LaterPartStager = (index: number, chunkSet: string, firstIndex: number) => Promise<void>;

/**
 * Writes a file read in parts: this thread's entries and, at the same time,
 * the later parts (by `stageLater`) under one new chunk set, each part's chunks
 * numbered after the parts before it; then publishes the set in one
 * transaction. On any failure the set is discarded and nothing has changed.
 */
export async function commitPartedReading(
  db: ReliefDb,
  parted: Pick<PartedReading, 'reading' | 'entryCount' | 'kept'>,
  meta: { importedAt: string },
  stageLater: LaterPartStager,
): Promise<CatalogueSource> {
  const { reading, entryCount, kept } = parted;
  const source = catalogueSourceOf(reading, meta, entryCount);
  const chunkSet = newChunkSet(source.id);
  const own = reading.plan.entries;
  let firstIndex = chunkCount(own.length);
  const later = kept.map((count, i) => {
    const staged = stageLater(i + 1, chunkSet, firstIndex);
    firstIndex += chunkCount(count);
    return staged;
  });
  const laterStaged = Promise.all(later);
  laterStaged.catch(() => undefined); // a failure is met below, once this thread's own part is written
  try {
    await stageChunks(db, chunkSet, own);
    await laterStaged;
    await publishSource(db, { ...source, chunkSet }, firstIndex);
    return source;
  } catch (error) {
    await Promise.allSettled(later);
    await discardChunkSet(db, chunkSet);
    throw error;
  }
}

/**
 * A catalogue file imported in parts in this thread, by the code the workers
 * run: read split (readSplitCatalogue, the later parts by readLaterPart), then
 * written by commitPartedReading with each later part staged by
 * stageLaterPart. Falls back to the whole reading (parseCatalogueFile and
 * commitCatalogueImport) when the worker would. Returns the reading's report
 * (its `plan.entries` are this thread's part only when it was split).
 */
export async function importCatalogueInParts(
  db: ReliefDb,
  file: { name: string; bytes: Uint8Array },
  options: { sourceName?: string; today: string; importedAt: string },
  parts: number,
  minPartBytes?: number,
): Promise<{ reading: CatalogueFileReading; source: CatalogueSource; split: boolean }> {
  const split = splitCatalogueFile(file, parts, minPartBytes);
  const held: CataloguePartReading[] = [];
  const parted =
    split &&
    (await readSplitCatalogue(file, options, split, async (index, bytes, partSplit, planOptions) => {
      const part = readLaterPart(bytes, partSplit, index, planOptions);
      if (part) held[index - 1] = part;
      return part && partReport(part);
    }));
  if (!parted) {
    const reading = parseCatalogueFile(file, options);
    return { reading, source: await commitCatalogueImport(db, reading, options), split: false };
  }
  const source = await commitPartedReading(db, parted, options, async (index, chunkSet, firstIndex) => {
    const part = held[index - 1];
    if (!part) throw new Error(`no part ${index}`);
    await stageLaterPart(db, part, { chunkSet, firstIndex, drop: parted.drops[index - 1] ?? [] });
  });
  return { reading: parted.reading, source, split: true };
}
