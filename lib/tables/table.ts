import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { decodeText } from './encoding';

/** A file read as a table: header cells and the data rows with their row numbers in the file. */
export interface Table {
  format: 'csv' | 'xlsx' | 'json';
  encoding?: string;
  sheet?: string;
  headers: string[];
  rows: { rowNumber: number; cells: string[] }[];
  /** Cells that held formulas: read as their values, never evaluated. */
  formulaCells: { rowNumber: number; column: string; formula: string }[];
  /** Other sheets of a workbook asked for by name (`alsoRead`), as grids of cell text. */
  otherSheets?: Record<string, string[][]>;
}

export interface ReadTableOptions {
  /** Whether a cell names a column we know: the header row is the row with the most. */
  isKnownHeader: (cell: string) => boolean;
  /** What to say when no header row is found, e.g. 找不到"产品名称""供应商"等表头. */
  noHeaderMessage: string;
  /** Sheets of a workbook to return besides the table (a 说明 sheet). */
  alsoRead?: readonly string[];
  /**
   * Sheets that hold the table in files we wrote (明细): when a workbook has
   * one, only it and `alsoRead` are parsed — parsing is most of the cost of
   * reading a workbook, and a coordinator reads hundreds.
   */
  preferSheets?: readonly string[];
  /** Whether to report cells that held formulas (a catalogue warns of them); reading them costs. */
  reportFormulas?: boolean;
}

/** A file we cannot read; `message` is for the user, in Chinese, naming the file. */
export class TableFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`「${fileName}」${reason}`);
    this.name = 'TableFileError';
  }
}

export const MAX_TEXT_BYTES = 40 * 1024 * 1024;
export const MAX_XLSX_BYTES = 25 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function isZip(bytes: Uint8Array) {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}
function isOle(bytes: Uint8Array) {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Finds the header row: government lists often start with a title row
 * (全国扶贫产品目录（第七批）) above it. The header is the row among the
 * first ten that names the most known columns.
 */
function findHeaderRow(grid: string[][], isKnownHeader: (cell: string) => boolean): number {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(grid.length, 10); r++) {
    const score = (grid[r] ?? []).filter(isKnownHeader).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** A row with any cell that is not blank. */
function hasText(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return true;
  return false;
}

function fromGrid(
  fileName: string,
  grid: string[][],
  options: ReadTableOptions,
  base: Omit<Table, 'headers' | 'rows'>,
): Table {
  if (!grid.some(hasText)) throw new TableFileError(fileName, '是空的：没有任何数据行。');
  const headerIndex = findHeaderRow(grid, options.isKnownHeader);
  if (headerIndex < 0) throw new TableFileError(fileName, `不是可识别的表格：前 10 行中${options.noHeaderMessage}`);
  const headers = (grid[headerIndex] ?? []).map((h) => h.trim());
  const rows: Table['rows'] = [];
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    if (hasText(cells)) rows.push({ rowNumber: r + 1, cells });
  }
  return { ...base, headers, rows };
}

/**
 * Comma, tab or semicolon, by the first lines: cheaper than Papa's guess,
 * which parses a sample once per candidate (a measurable cost at 150,000 rows).
 */
function guessDelimiter(text: string): string {
  const head = text.slice(0, 4096);
  const counts = [',', '\t', ';'].map((d) => [d, head.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function readCsv(fileName: string, bytes: Uint8Array, options: ReadTableOptions): Table {
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: guessDelimiter(text) });
  // Papa gives strings already (no dynamic typing): the grid is its rows, not a copy of 150,000 arrays.
  const grid = parsed.data;
  if (grid.length && grid[grid.length - 1]?.every((c) => c === '')) grid.pop();
  const table = fromGrid(fileName, grid, options, { format: 'csv', encoding, formulaCells: [] });
  // In a CSV a formula is only text; we keep it as text and say so.
  for (const { rowNumber, cells } of table.rows) {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as string;
      const first = cell.charCodeAt(0);
      if (first === 0x3d /* = */ || (first === 0x20 && cell.trimStart().startsWith('='))) {
        table.formulaCells.push({ rowNumber, column: table.headers[i] ?? `第${i + 1}列`, formula: cell });
      }
    }
  }
  return table;
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n') return String(cell.v); // dates stay serial numbers; parseDate reads them
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return '';
  return String(cell.v);
}

function readXlsx(fileName: string, bytes: Uint8Array, options: ReadTableOptions): Table {
  const read = (sheets?: string[]) => {
    try {
      // Cell values only: no formatted text, HTML or dates (parseDate reads serial numbers).
      return XLSX.read(bytes, {
        type: 'array',
        cellFormula: options.reportFormulas !== false,
        cellDates: false,
        cellHTML: false,
        cellText: false,
        dense: true,
        sheets,
      });
    } catch {
      throw new TableFileError(fileName, '已损坏或不完整，无法作为 Excel 文件读取。请重新导出或另存为 CSV。');
    }
  };
  const prefer = options.preferSheets ?? [];
  let workbook = read(prefer.length ? [...prefer, ...(options.alsoRead ?? [])] : undefined);
  const preferred = prefer.filter((name) => workbook.SheetNames.includes(name));
  if (prefer.length && !preferred.length) workbook = read();
  const gridOf = (sheetName: string, formulas?: { r: number; c: number; f: string }[]) => {
    const sheet = workbook.Sheets[sheetName] as XLSX.DenseWorkSheet | undefined;
    return (sheet?.['!data'] ?? []).map((row, r) =>
      (row ?? []).map((cell, c) => {
        if (cell?.f) formulas?.push({ r, c, f: cell.f });
        return cellText(cell);
      }),
    );
  };
  const wanted = (options.alsoRead ?? []).filter((name) => workbook.SheetNames.includes(name));
  const otherSheets = wanted.length ? Object.fromEntries(wanted.map((name) => [name, gridOf(name)])) : undefined;
  let firstError: TableFileError | undefined;
  for (const sheetName of preferred.length ? preferred : workbook.SheetNames) {
    if (wanted.includes(sheetName)) continue;
    const formulas: { r: number; c: number; f: string }[] = [];
    const grid = gridOf(sheetName, formulas);
    try {
      const table = fromGrid(fileName, grid, options, {
        format: 'xlsx',
        sheet: sheetName,
        formulaCells: [],
        otherSheets,
      });
      const dataRows = new Set(table.rows.map((row) => row.rowNumber));
      for (const { r, c, f } of formulas) {
        if (dataRows.has(r + 1)) {
          table.formulaCells.push({ rowNumber: r + 1, column: table.headers[c] ?? `第${c + 1}列`, formula: `=${f}` });
        }
      }
      return table;
    } catch (error) {
      if (error instanceof TableFileError) firstError ??= error;
      else throw error;
    }
  }
  throw firstError ?? new TableFileError(fileName, '没有工作表。');
}

function readJson(fileName: string, bytes: Uint8Array): Table {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes).text);
  } catch {
    throw new TableFileError(fileName, '不是有效的 JSON 文件。');
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object'
      ? ((data as Record<string, unknown>).entries ?? (data as Record<string, unknown>).rows)
      : undefined;
  if (!Array.isArray(list))
    throw new TableFileError(fileName, '不是表格：JSON 应为对象数组，或带 entries 数组的对象。');
  if (list.length === 0) throw new TableFileError(fileName, '是空的：没有任何数据行。');
  const headers: string[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const key of Object.keys(item)) if (!headers.includes(key)) headers.push(key);
  }
  if (headers.length === 0) throw new TableFileError(fileName, '不是表格：JSON 数组中没有对象。');
  const rows = list.map((item, i) => ({
    rowNumber: i + 1,
    cells: headers.map((h) => {
      const v = item && typeof item === 'object' ? (item as Record<string, unknown>)[h] : undefined;
      if (v === undefined || v === null) return '';
      return Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }),
  }));
  return { format: 'json', headers, rows, formulaCells: [] };
}

/**
 * Reads a CSV, XLSX (or XLS) or JSON file into a table. Throws a
 * TableFileError with a message for the user when the file cannot be read.
 */
export function readTableFile(file: { name: string; bytes: Uint8Array }, options: ReadTableOptions): Table {
  const { name, bytes } = file;
  if (bytes.length === 0) throw new TableFileError(name, '是空的（0 字节）。');
  const lower = name.toLowerCase();
  if (isZip(bytes) || isOle(bytes) || /\.xlsx?$/.test(lower)) {
    if (bytes.length > MAX_XLSX_BYTES) {
      throw new TableFileError(
        name,
        `太大（${mb(bytes.length)}）：Excel 文件最多 ${mb(MAX_XLSX_BYTES)}。请另存为 CSV，或拆分成几个文件。`,
      );
    }
    return readXlsx(name, bytes, options);
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new TableFileError(
      name,
      `太大（${mb(bytes.length)}）：最多 ${mb(MAX_TEXT_BYTES)}。请拆分成几个文件后分别导入。`,
    );
  }
  if (looksBinary(bytes)) throw new TableFileError(name, '不是表格文件：请选择 CSV、XLSX 或 JSON 文件。');
  const firstChar = decodeText(bytes.subarray(0, 64)).text.trimStart()[0];
  if (lower.endsWith('.json') || firstChar === '[' || firstChar === '{') return readJson(name, bytes);
  return readCsv(name, bytes, options);
}
