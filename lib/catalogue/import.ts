import type { CatalogueSource } from '../db/entities';
import type { ReliefDb } from '../db/schema';
import { checkTableFileLimits, noteMessage, streamTableFile, type Table, TableFileError } from '../tables/table';
import { type CatalogueImportPlan, isCatalogueHeader, MissingColumnsError, startCataloguePlan } from './rows';
import { writeSource } from './store';

export { deleteSource, listSources } from './store';

export { checkTableFileLimits, MissingColumnsError, TableFileError };

export interface CatalogueFileReading {
  fileName: string;
  sourceName: string;
  table: Pick<Table, 'format' | 'encoding' | 'sheet' | 'headers'>;
  plan: CatalogueImportPlan;
}

export const sourceIdFor = (name: string) => `src:${name.trim()}`;

/** The source's default name: the file's name without its extension. */
export const defaultSourceName = (fileName: string) =>
  fileName.replace(/\.(csv|xlsx?|json|txt)$/i, '').trim() || fileName;

/**
 * Reads and validates a catalogue file into a plan the user reviews before
 * anything is written. Throws TableFileError / MissingColumnsError, whose
 * messages name the file and what is wrong.
 */
export function parseCatalogueFile(
  file: { name: string; bytes: Uint8Array },
  options: { sourceName?: string; today: string },
): CatalogueFileReading {
  const sourceName = options.sourceName?.trim() || defaultSourceName(file.name);
  let planner: ReturnType<typeof startCataloguePlan> | undefined;
  try {
    // Row by row as the file is read: a national list's cells are never all held at once.
    const { format, encoding, sheet, headers, notes } = streamTableFile(
      file,
      { isKnownHeader: isCatalogueHeader, noHeaderMessage: 'table.noHeader.catalogue' },
      (head) => {
        planner = startCataloguePlan(head, { sourceId: sourceIdFor(sourceName), today: options.today });
        return planner.addRow;
      },
    );
    if (!planner) throw new Error('the table was read without its rows');
    const plan = planner.finish();
    // What the reader read past (a quote left open): in the report, with its row.
    for (const note of notes ?? []) plan.warnings.push({ rowNumber: note.rowNumber, message: noteMessage(note) });
    plan.warnings.sort((a, b) => a.rowNumber - b.rowNumber);
    return { fileName: file.name, sourceName, table: { format, encoding, sheet, headers }, plan };
  } catch (error) {
    if (error instanceof MissingColumnsError) throw new TableFileError(file.name, error.problem);
    throw error;
  }
}

/**
 * Writes a plan's valid rows in one transaction: the source's old entries are
 * replaced, or nothing changes at all.
 */
export async function commitCatalogueImport(
  db: ReliefDb,
  reading: CatalogueFileReading,
  meta: { publisher?: string; importedAt: string; sample?: boolean },
): Promise<CatalogueSource> {
  const source = catalogueSourceOf(reading, meta, reading.plan.entries.length);
  await writeSource(db, source, reading.plan.entries);
  return source;
}

/** The source record of a reading about to be written, with `rowCount` entries in all. */
export function catalogueSourceOf(
  reading: Pick<CatalogueFileReading, 'plan' | 'sourceName' | 'fileName'>,
  meta: { publisher?: string; importedAt: string; sample?: boolean },
  rowCount: number,
): CatalogueSource {
  return {
    id: reading.plan.sourceId,
    name: reading.sourceName,
    fileName: reading.fileName,
    rowCount,
    importedAt: meta.importedAt,
    sample: meta.sample ?? false,
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
  };
}
