import * as XLSX from '@e965/xlsx';
import type { UnsoldGood } from '../db/entities';
import { neutraliseCell, unneutraliseCell } from '../ledger/member-export';
import { csvFileBytes } from '../tables/csv-file';
import { normalizeHeader } from '../tables/headers';
import { checkTableFileLimits, readTableFile, TableFileError } from '../tables/table';
import { draftOfUnsold, emptyUnsoldDraft, type UnsoldDraft, unsoldFromDraft, validateUnsoldDraft } from './entry';

/** The register's file columns, Chinese first, with the headers hand-made registers use. */
const COLUMNS: { field: keyof UnsoldDraft; headers: string[] }[] = [
  { field: 'product', headers: ['产品', '产品名称', '品名', '农产品'] },
  { field: 'variety', headers: ['品种'] },
  { field: 'quantity', headers: ['数量', '滞销数量', '总数量'] },
  { field: 'openQuantity', headers: ['剩余数量', '待售数量'] },
  { field: 'unit', headers: ['单位', '计量单位'] },
  { field: 'expectedPrice', headers: ['预期价格(元)', '预期价格', '价格', '单价'] },
  { field: 'harvestStart', headers: ['采收开始', '上市时间', '采收期开始'] },
  { field: 'harvestEnd', headers: ['采收结束', '采收期结束', '最晚销售时间'] },
  { field: 'perishable', headers: ['易腐', '是否易腐'] },
  { field: 'county', headers: ['县', '区县', '所在县', '县(市、区)'] },
  { field: 'township', headers: ['乡镇', '乡(镇)'] },
  { field: 'village', headers: ['村', '行政村'] },
  { field: 'producer', headers: ['生产者', '农户', '户主', '经营主体', '合作社'] },
  { field: 'householdType', headers: ['农户类型', '类型'] },
  { field: 'contact', headers: ['联系人'] },
  { field: 'phone', headers: ['电话', '联系电话', '手机'] },
  { field: 'cause', headers: ['滞销原因', '原因'] },
  { field: 'status', headers: ['状态'] },
];
const PHONE_HEADER = '电话';

const LOOKUP = new Map<string, keyof UnsoldDraft>();
for (const { field, headers } of COLUMNS) for (const h of headers) LOOKUP.set(normalizeHeader(h), field);
const isUnsoldHeader = (cell: string) => LOOKUP.has(normalizeHeader(cell));

function cellsOf(good: UnsoldGood, withPhone: boolean): string[] {
  const draft = draftOfUnsold(good);
  return COLUMNS.filter((c) => withPhone || c.field !== 'phone').map(({ field }) => {
    if (field === 'perishable') return draft.perishable ? '是' : '否';
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
  XLSX.utils.book_append_sheet(book, sheet, '滞销农产品登记');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }));
}

export function unsoldCsvBytes(goods: readonly UnsoldGood[], options: { withPhone: boolean }): Uint8Array {
  return csvFileBytes(grid(goods, options.withPhone));
}

export const hasPhoneColumn = (headers: readonly string[]) => headers.includes(PHONE_HEADER);

export interface UnsoldImport {
  goods: UnsoldGood[];
  rowsRead: number;
  rejected: { rowNumber: number; column: string; reason: string }[];
  error?: string;
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
    result.error = error instanceof TableFileError ? error.message : String(error);
    return result;
  }
  const fields = table.headers.map((h) => LOOKUP.get(normalizeHeader(h)));
  const missing = (['product', 'quantity', 'producer'] as const).filter((f) => !fields.includes(f));
  if (missing.length) {
    result.error = `「${file.name}」缺少必需的列：${missing.map((f) => LABELS[f]).join('、')}。`;
    return result;
  }
  for (const { rowNumber, cells } of table.rows) {
    result.rowsRead++;
    const draft: UnsoldDraft = { ...emptyUnsoldDraft(), unit: '' };
    fields.forEach((field, i) => {
      if (!field) return;
      const value = unneutraliseCell(String(cells[i] ?? '').trim());
      if (field === 'perishable') draft.perishable = /^(是|易腐|yes|true|1)$/i.test(value);
      else (draft as unknown as Record<string, string>)[field] = value;
    });
    if (!fields.includes('unit')) draft.unit = '斤';
    const errors = Object.entries(validateUnsoldDraft(draft));
    if (errors.length) {
      for (const [field, reason] of errors) {
        result.rejected.push({ rowNumber, column: LABELS[field as keyof UnsoldDraft], reason: reason as string });
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
    return { goods: [], rowsRead: 0, rejected: [], error: error instanceof Error ? error.message : String(error) };
  }
  return readUnsoldFile(file, options);
}
