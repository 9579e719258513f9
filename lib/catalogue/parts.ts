/**
 * A national list read in parts by several workers: each part is planned
 * alone, then the first part's duplicate finder judges the later parts' rows,
 * so the report and the entries are those of a whole reading. The workers move
 * these pieces between them; `readCatalogueInParts` runs them in one thread
 * (the tests compare it with a whole reading).
 */
import { CsvPartMismatch, type CsvSplit, readCsvPart, splitCsvFile } from '../tables/csv-parts';
import type { TableHead } from '../tables/table';
import { type CatalogueFileReading, defaultSourceName, parseCatalogueFile, sourceIdFor } from './import';
import {
  type CatalogueImportPlan,
  type DuplicateFinder,
  type DuplicateKeys,
  isCatalogueHeader,
  MissingColumnsError,
  startCataloguePlan,
} from './rows';

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
): { plan: CatalogueImportPlan; entryCount: number; drops: number[][] } | undefined {
  if (later.some((part) => part.encoding !== first.encoding) || !first.duplicates) return undefined;
  const plan: CatalogueImportPlan = {
    ...first.plan,
    rejected: [...first.plan.rejected],
    duplicates: [...first.plan.duplicates],
    warnings: [...first.plan.warnings],
  };
  let entryCount = first.plan.entries.length;
  const drops: number[][] = [];
  for (const part of later) {
    const { duplicates, drop } = first.duplicates.settle(
      part.deferred ?? { rowNumbers: [], certificates: [], supplierProducts: [] },
    );
    plan.rowsRead += part.plan.rowsRead;
    plan.rejected.push(...part.plan.rejected);
    plan.duplicates.push(...duplicates);
    plan.warnings.push(...part.plan.warnings);
    entryCount += part.entryCount - drop.length;
    drops.push(drop);
  }
  return { plan, entryCount, drops };
}

/** A later part's entries without those the merge judged duplicates. */
export function dropEntries<T>(entries: T[], drop: readonly number[]): T[] {
  if (!drop.length) return entries;
  const gone = new Set(drop);
  return entries.filter((_, i) => !gone.has(i));
}

/**
 * A catalogue file read in parts in this thread, as the workers read it:
 * equal to `parseCatalogueFile`, which it falls back to when the file is not
 * worth splitting or its parts may not read as the whole.
 */
export function readCatalogueInParts(
  file: { name: string; bytes: Uint8Array },
  options: { sourceName?: string; today: string },
  parts: number,
  minPartBytes?: number,
): CatalogueFileReading {
  const split = splitCatalogueFile(file, parts, minPartBytes);
  if (!split) return parseCatalogueFile(file, options);
  const sourceName = options.sourceName?.trim() || defaultSourceName(file.name);
  const planOptions = { sourceId: sourceIdFor(sourceName), today: options.today };
  try {
    const readings = split.parts.map((part, i) =>
      readCataloguePart(file.bytes.subarray(part.start, part.end), split, i, planOptions),
    );
    const [first, ...rest] = readings as [CataloguePartReading, ...CataloguePartReading[]];
    const merged = mergeCatalogueParts(first, rest.map(partReport));
    if (!merged) return parseCatalogueFile(file, options);
    merged.plan.entries = [
      ...first.plan.entries,
      ...rest.flatMap((part, i) => dropEntries(part.plan.entries, merged.drops[i] ?? [])),
    ];
    const { format, headers } = split.head;
    return { fileName: file.name, sourceName, table: { format, encoding: first.encoding, headers }, plan: merged.plan };
  } catch (error) {
    // The whole reading is the reference: it also says what is wrong with a file that lacks a column.
    if (error instanceof CsvPartMismatch || error instanceof MissingColumnsError) {
      return parseCatalogueFile(file, options);
    }
    throw error;
  }
}
