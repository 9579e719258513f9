import * as XLSX from '@e965/xlsx';
import type { UnsoldGood } from '../db/entities';
import { type Message, message, messageOfError } from '../i18n/message';
import { neutraliseCell, unneutraliseCell } from '../ledger/member-export';
import { csvFileBytes } from '../tables/csv-file';
import { normalizeHeader } from '../tables/headers';
import { checkTableFileLimits, readTableFile } from '../tables/table';
import { UNSOLD_COLUMNS as COLUMNS, PHONE_HEADER, REGISTER_SHEET, YES, YES_NO } from './columns';
import { draftOfUnsold, emptyUnsoldDraft, type UnsoldDraft, unsoldFromDraft, validateUnsoldDraft } from './entry';

const LOOKUP = new Map<string, keyof UnsoldDraft>();
for (const { field, headers } of COLUMNS) for (const h of headers) LOOKUP.set(normalizeHeader(h), field);
const isUnsoldHeader = (cell: string) => LOOKUP.has(normalizeHeader(cell));

function cellsOf(good: UnsoldGood, withPhone: boolean): string[] {
  const draft = draftOfUnsold(good);
  return COLUMNS.filter((c) => withPhone || c.field !== 'phone').map(({ field }) => {
    if (field === 'perishable') return draft.perishable ? YES_NO.yes : YES_NO.no;
    return neutraliseCell(String(draft[field] ?? ''));
  });
}

function grid(goods: readonly UnsoldGood[], withPhone: boolean): string[][] {
  const headers = COLUMNS.filter((c) => withPhone || c.field !== 'phone').map((c) => c.headers[0] as string);
  return [headers, ...goods.map((g) => cellsOf(g, withPhone))];
}

/**
 * The register as a file to hand on. Phone numbers are personal data: their
 * column is written only when the user ticks it.
 */
export function unsoldXlsxBytes(goods: readonly UnsoldGood[], options: { withPhone: boolean }): Uint8Array {
  const book = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet(grid(goods, options.withPhone));
  // Everything is text (phone numbers and dates must not turn into numbers).
  for (const key of Object.keys(sheet)) {
    const cell = sheet[key] as XLSX.CellObject;
    if (!key.startsWith('!') && cell) cell.z = '@';
  }
  XLSX.utils.book_append_sheet(book, sheet, REGISTER_SHEET);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }));
}

export function unsoldCsvBytes(goods: readonly UnsoldGood[], options: { withPhone: boolean }): Uint8Array {
  return csvFileBytes(grid(goods, options.withPhone));
}

export const hasPhoneColumn = (headers: readonly string[]) => headers.includes(PHONE_HEADER);

export interface UnsoldImport {
  goods: UnsoldGood[];
  rowsRead: number;
  rejected: { rowNumber: number; column: string; reason: Message }[];
  /** Why the file was not read: nothing of it was taken. */
  error?: Message;
}

const LABELS = Object.fromEntries(COLUMNS.map((c) => [c.field, c.headers[0]])) as Record<keyof UnsoldDraft, string>;

/** Reads a register file; every bad row is named with its column and reason, and nothing of it is taken. */
export function readUnsoldFile(
  file: { name: string; bytes: Uint8Array },
  options: { today: string; newId: () => string },
): UnsoldImport {
  const result: UnsoldImport = { goods: [], rowsRead: 0, rejected: [] };
  let table: ReturnType<typeof readTableFile>;
  try {
    table = readTableFile(file, {
      isKnownHeader: isUnsoldHeader,
      noHeaderMessage: 'table.noHeader.unsold',
    });
  } catch (error) {
    result.error = messageOfError(error);
    return result;
  }
  const fields = table.headers.map((h) => LOOKUP.get(normalizeHeader(h)));
  const missing = (['product', 'quantity', 'producer'] as const).filter((f) => !fields.includes(f));
  if (missing.length) {
    const columns = missing.map((f) => LABELS[f]).join('、');
    result.error = message('table.error', {
      file: file.name,
      reason: message('table.missingColumnsSentence', { columns }),
    });
    return result;
  }
  for (const { rowNumber, cells } of table.rows) {
    result.rowsRead++;
    const draft: UnsoldDraft = { ...emptyUnsoldDraft(), unit: '' };
    fields.forEach((field, i) => {
      if (!field) return;
      const value = unneutraliseCell(String(cells[i] ?? '').trim());
      if (field === 'perishable') draft.perishable = YES.test(value);
      else (draft as unknown as Record<string, string>)[field] = value;
    });
    if (!fields.includes('unit')) draft.unit = '斤';
    const errors = Object.entries(validateUnsoldDraft(draft));
    if (errors.length) {
      for (const [field, reason] of errors) {
        result.rejected.push({ rowNumber, column: LABELS[field as keyof UnsoldDraft], reason: reason as Message });
      }
      continue;
    }
    result.goods.push(unsoldFromDraft(draft, { id: options.newId(), today: options.today }));
  }
  return result;
}

/** `readUnsoldFile` after the zip limits are checked by inflating: a bomb never reaches SheetJS. */
export async function readCheckedUnsoldFile(
  file: { name: string; bytes: Uint8Array },
  options: { today: string; newId: () => string },
): Promise<UnsoldImport> {
  try {
    await checkTableFileLimits(file);
  } catch (error) {
    return { goods: [], rowsRead: 0, rejected: [], error: messageOfError(error) };
  }
  return readUnsoldFile(file, options);
}
