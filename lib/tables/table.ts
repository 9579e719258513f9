import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { decodeText } from './encoding';
import { MAX_TEXT_BYTES, MAX_XLSX_BYTES } from './limits';

/** What a table file says before its rows: format, header cells, formulas and other sheets. */
export interface TableHead {
  format: 'csv' | 'xlsx' | 'json';
  encoding?: string;
  sheet?: string;
  headers: string[];
  /** Cells that held formulas: read as their values, never evaluated. Complete once the rows are read. */
  formulaCells: { rowNumber: number; column: string; formula: string }[];
  /** Other sheets of a workbook asked for by name (`alsoRead`), as grids of cell text. */
  otherSheets?: Record<string, string[][]>;
}

/** A file read as a table: header cells and the data rows with their row numbers in the file. */
export interface Table extends TableHead {
  rows: { rowNumber: number; cells: string[] }[];
}

/** Takes a table's data rows one by one, in file order (blank rows left out). */
export type RowSink = (rowNumber: number, cells: string[]) => void;

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

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function isZip(bytes: Uint8Array) {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}
function isOle(bytes: Uint8Array) {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Finds the header row: government lists often start with a title row
 * (全国扶贫产品目录（第七批）) above it. The header is the row among the
 * first ten that names the most known columns.
 */
export function findHeaderRow(grid: string[][], isKnownHeader: (cell: string) => boolean): number {
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
export function hasText(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return true;
  return false;
}

/**
 * Reads rows one by one: the first ten are held until the header row is known,
 * then every data row goes to the sink as it comes, so a 150,000-row CSV is
 * never held whole (its cells die young instead of filling the heap).
 * The sink is opened only once the table is known to be readable: every error
 * of the file as a table is thrown before it.
 */
function rowReader(
  fileName: string,
  options: ReadTableOptions,
  head: TableHead,
  open: (head: TableHead) => RowSink,
  onDataRow?: (rowNumber: number, cells: string[]) => void,
) {
  const firstRows: string[][] = [];
  let sink: RowSink | undefined;
  let next = 0; // index in the file of the next row
  let anyText = false;
  const start = () => {
    const headerIndex = findHeaderRow(firstRows, options.isKnownHeader);
    if (headerIndex < 0) return;
    head.headers = (firstRows[headerIndex] ?? []).map((h) => h.trim());
    sink = open(head);
    for (let r = headerIndex + 1; r < firstRows.length; r++) feed(r, firstRows[r] as string[]);
  };
  const feed = (index: number, cells: string[]) => {
    if (!hasText(cells)) return;
    onDataRow?.(index + 1, cells);
    sink?.(index + 1, cells);
  };
  return {
    push(cells: string[]) {
      const index = next++;
      if (sink) return feed(index, cells);
      if (firstRows.length < 10) {
        firstRows.push(cells);
        if (firstRows.length === 10) start();
      } else {
        anyText ||= hasText(cells); // no header in the first ten: only whether the file is empty is left to learn
      }
    },
    end() {
      if (!sink && firstRows.length < 10) start();
      if (sink) return;
      if (!anyText && !firstRows.some(hasText)) throw new TableFileError(fileName, '是空的：没有任何数据行。');
      throw new TableFileError(fileName, `不是可识别的表格：前 10 行中${options.noHeaderMessage}`);
    },
  };
}

function streamGrid(
  fileName: string,
  grid: string[][],
  options: ReadTableOptions,
  head: TableHead,
  open: (head: TableHead) => RowSink,
  onDataRow?: (rowNumber: number, cells: string[]) => void,
): TableHead {
  const reader = rowReader(fileName, options, head, open, onDataRow);
  for (const cells of grid) reader.push(cells ?? []);
  reader.end();
  return head;
}

/**
 * Comma, tab or semicolon, by the first lines: cheaper than Papa's guess,
 * which parses a sample once per candidate (a measurable cost at 150,000 rows).
 */
export function guessDelimiter(text: string): string {
  const head = text.slice(0, 4096);
  const counts = [',', '\t', ';'].map((d) => [d, head.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** In a CSV a formula is only text: it is kept as text, and each is noted on the head so the reader is told. */
export function csvFormulaNoter(head: TableHead) {
  return (rowNumber: number, cells: string[]) => {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as string;
      const first = cell.charCodeAt(0);
      if (first === 0x3d /* = */ || (first === 0x20 && cell.trimStart().startsWith('='))) {
        head.formulaCells.push({ rowNumber, column: head.headers[i] ?? `第${i + 1}列`, formula: cell });
      }
    }
  };
}

/**
 * Hands CSV records to `push` one by one as Papa parses them (strings already,
 * never gathered into a grid). A throw from `push` stops the parse and is
 * rethrown. Returns Papa's quote errors (a quote left open or misplaced).
 */
export function parseCsvRecords(
  text: string,
  layout: { delimiter: string; newline?: '\n' | '\r\n' | '\r' },
  push: (cells: string[]) => void,
): Papa.ParseError[] {
  let failure: unknown;
  const quoteErrors: Papa.ParseError[] = [];
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimiter: layout.delimiter,
    ...(layout.newline ? { newline: layout.newline } : {}),
    step: (result, parser) => {
      for (const error of result.errors) if (error.type === 'Quotes') quoteErrors.push(error);
      try {
        push(result.data);
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  return quoteErrors;
}

function streamCsv(
  fileName: string,
  bytes: Uint8Array,
  options: ReadTableOptions,
  open: (head: TableHead) => RowSink,
): TableHead {
  const { text, encoding } = decodeText(bytes);
  const head: TableHead = { format: 'csv', encoding, headers: [], formulaCells: [] };
  const reader = rowReader(fileName, options, head, open, csvFormulaNoter(head));
  parseCsvRecords(text, { delimiter: guessDelimiter(text) }, (cells) => reader.push(cells));
  reader.end();
  return head;
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n') return String(cell.v); // dates stay serial numbers; parseDate reads them
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return '';
  return String(cell.v);
}

function streamXlsx(
  fileName: string,
  bytes: Uint8Array,
  options: ReadTableOptions,
  open: (head: TableHead) => RowSink,
): TableHead {
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
  const gridOf = (sheetName: string, formulas?: Map<number, { c: number; f: string }[]>) => {
    const sheet = workbook.Sheets[sheetName] as XLSX.DenseWorkSheet | undefined;
    return (sheet?.['!data'] ?? []).map((row, r) =>
      (row ?? []).map((cell, c) => {
        if (cell?.f && formulas) {
          const inRow = formulas.get(r + 1) ?? [];
          inRow.push({ c, f: cell.f });
          formulas.set(r + 1, inRow);
        }
        return cellText(cell);
      }),
    );
  };
  const wanted = (options.alsoRead ?? []).filter((name) => workbook.SheetNames.includes(name));
  const otherSheets = wanted.length ? Object.fromEntries(wanted.map((name) => [name, gridOf(name)])) : undefined;
  let firstError: TableFileError | undefined;
  for (const sheetName of preferred.length ? preferred : workbook.SheetNames) {
    if (wanted.includes(sheetName)) continue;
    const formulas = new Map<number, { c: number; f: string }[]>();
    const grid = gridOf(sheetName, formulas);
    const head: TableHead = { format: 'xlsx', sheet: sheetName, headers: [], formulaCells: [], otherSheets };
    const noteFormulas = (rowNumber: number) => {
      for (const { c, f } of formulas.get(rowNumber) ?? []) {
        head.formulaCells.push({ rowNumber, column: head.headers[c] ?? `第${c + 1}列`, formula: `=${f}` });
      }
    };
    try {
      return streamGrid(fileName, grid, options, head, open, noteFormulas);
    } catch (error) {
      if (error instanceof TableFileError) firstError ??= error;
      else throw error;
    }
  }
  throw firstError ?? new TableFileError(fileName, '没有工作表。');
}

function streamJson(fileName: string, bytes: Uint8Array, open: (head: TableHead) => RowSink): TableHead {
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
  const head: TableHead = { format: 'json', headers, formulaCells: [] };
  const sink = open(head);
  list.forEach((item, i) => {
    sink(
      i + 1,
      headers.map((h) => {
        const v = item && typeof item === 'object' ? (item as Record<string, unknown>)[h] : undefined;
        if (v === undefined || v === null) return '';
        return Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);
      }),
    );
  });
  return head;
}

/**
 * Reads a CSV, XLSX (or XLS) or JSON file as a table, handing its data rows to
 * the sink that `open` returns once the header is known. Throws a
 * TableFileError with a message for the user when the file cannot be read
 * (always before `open` is called).
 */
export function streamTableFile(
  file: { name: string; bytes: Uint8Array },
  options: ReadTableOptions,
  open: (head: TableHead) => RowSink,
): TableHead {
  const { name, bytes } = file;
  if (bytes.length === 0) throw new TableFileError(name, '是空的（0 字节）。');
  const kind = tableFileKind(file);
  if (kind === 'xlsx') {
    if (bytes.length > MAX_XLSX_BYTES) {
      throw new TableFileError(
        name,
        `太大（${mb(bytes.length)}）：Excel 文件最多 ${mb(MAX_XLSX_BYTES)}。请另存为 CSV，或拆分成几个文件。`,
      );
    }
    return streamXlsx(name, bytes, options, open);
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new TableFileError(
      name,
      `太大（${mb(bytes.length)}）：最多 ${mb(MAX_TEXT_BYTES)}。请拆分成几个文件后分别导入。`,
    );
  }
  if (looksBinary(bytes)) throw new TableFileError(name, '不是表格文件：请选择 CSV、XLSX 或 JSON 文件。');
  if (kind === 'json') return streamJson(name, bytes, open);
  return streamCsv(name, bytes, options, open);
}

/** How a file is read: a workbook (by its bytes or name), JSON (by name or its first character), else CSV. */
export function tableFileKind({ name, bytes }: { name: string; bytes: Uint8Array }): TableHead['format'] {
  const lower = name.toLowerCase();
  if (isZip(bytes) || isOle(bytes) || /\.xlsx?$/.test(lower)) return 'xlsx';
  const firstChar = decodeText(bytes.subarray(0, 64)).text.trimStart()[0];
  return lower.endsWith('.json') || firstChar === '[' || firstChar === '{' ? 'json' : 'csv';
}

/** Reads a CSV, XLSX (or XLS) or JSON file into a table, its rows gathered. Throws as `streamTableFile`. */
export function readTableFile(file: { name: string; bytes: Uint8Array }, options: ReadTableOptions): Table {
  const rows: Table['rows'] = [];
  const head = streamTableFile(file, options, () => (rowNumber, cells) => {
    rows.push({ rowNumber, cells });
  });
  return { ...head, rows };
}
