import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { type Message, type MessageParam, message, zhText } from '../i18n/message';
import type { MessageKey } from '../i18n/zh-CN';
import { decodeText, utf16Of } from './encoding';
import {
  declaredZipBreach,
  type LimitBreach,
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  MAX_ROWS,
  MAX_TEXT_BYTES,
  MAX_XLSX_BYTES,
  zipBreach,
} from './limits';

/** A column without a header, named by its place (第 3 列), for messages. */
const columnByNumber = (index: number) => message('table.columnNumber', { number: index + 1 });

/** What a table file says before its rows: format, header cells, formulas and other sheets. */
export interface TableHead {
  format: 'csv' | 'xlsx' | 'json';
  encoding?: string;
  sheet?: string;
  headers: string[];
  /** Cells that held formulas: read as their values, never evaluated. Complete once the rows are read. */
  formulaCells: { rowNumber: number; column: string | Message; formula: string }[];
  /** Other sheets of a workbook asked for by name (`alsoRead`), as grids of cell text. */
  otherSheets?: Record<string, string[][]>;
  /** The header row's number in the file. */
  headerRow?: number;
  /** What the reader noticed and went on past: quote errors, duplicate headers. Each a message code. */
  notes?: TableNote[];
  /** Cells that were number cells in a workbook, of the columns asked for (`numberCellColumns`): `row:column index`. */
  numberCells?: Set<string>;
}

/** A problem the reader noticed but read past, as a message code with its parameters. */
export interface TableNote {
  rowNumber: number;
  column?: string;
  key: MessageKey;
  params: Record<string, MessageParam>;
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
  noHeaderMessage: MessageKey;
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
  /** Headers of columns whose number cells are noted (`numberCells`): an order number Excel made a number. */
  numberCellColumns?: (header: string) => boolean;
}

/**
 * A file we cannot read: `problem` names the file and the reason, for the UI
 * to translate; `message` is the same in Chinese. A `limit` is a bound the
 * file broke, which no other sheet of it can mend.
 */
export class TableFileError extends Error {
  readonly problem: Message;
  constructor(
    readonly fileName: string,
    readonly reason: Message,
    readonly limit = false,
  ) {
    const problem = message('table.error', { file: fileName, reason });
    super(zhText(problem));
    this.problem = problem;
    this.name = 'TableFileError';
  }

  static of(fileName: string, key: MessageKey, params?: Record<string, MessageParam>): TableFileError {
    return new TableFileError(fileName, message(key, params));
  }

  /** A bound the file broke (size, rows, columns, a zip bomb). */
  static limit(fileName: string, key: MessageKey, params?: Record<string, MessageParam>): TableFileError {
    return new TableFileError(fileName, message(key, params), true);
  }
}

/** A note as a message, as reports list it. */
export const noteMessage = (note: Pick<TableNote, 'key' | 'params'>): Message => message(note.key, note.params);

/** A limit breach of a zip as the error that names it. */
export function zipBreachError(fileName: string, breach: LimitBreach): TableFileError {
  return breach.limit === 'inflatedEntry'
    ? TableFileError.limit(fileName, 'table.zipBombEntry', { mb: breach.mb, entry: breach.entry ?? '' })
    : TableFileError.limit(fileName, 'table.zipBomb', { mb: breach.mb });
}

/**
 * Checks what a table file would inflate to, every zip entry inflated and
 * counted (the directory may lie): call before reading a workbook where the
 * caller can wait (a worker). Throws the error that names the breach.
 */
export async function checkTableFileLimits(file: { name: string; bytes: Uint8Array }): Promise<void> {
  if (tableFileKind(file) !== 'xlsx' || file.bytes.length > MAX_XLSX_BYTES) return;
  const breach = await zipBreach(file.bytes);
  if (breach) throw zipBreachError(file.name, breach);
}

/** Throws the named error of a row past the column or cell limits. */
function checkRowLimits(fileName: string, rowNumber: number, cells: readonly string[], headers: readonly string[]) {
  if (cells.length > MAX_COLUMNS) {
    throw TableFileError.limit(fileName, 'table.tooManyColumns', {
      row: rowNumber,
      count: cells.length,
      max: MAX_COLUMNS,
    });
  }
  for (let i = 0; i < cells.length; i++) {
    const length = cells[i]?.length ?? 0; // a workbook row can have holes
    if (length > MAX_CELL_CHARS) {
      const column = headers[i] || columnByNumber(i);
      throw TableFileError.limit(fileName, 'table.cellTooLong', {
        row: rowNumber,
        column,
        length,
        max: MAX_CELL_CHARS,
      });
    }
  }
}

/** Headers that name one column twice (by `same`): a note naming both, for each later one. */
export function duplicateHeaderNotes(
  headers: readonly string[],
  same: (header: string) => string | undefined,
  rowNumber: number,
): TableNote[] {
  const first = new Map<string, number>();
  const notes: TableNote[] = [];
  headers.forEach((header, i) => {
    const key = header ? same(header) : undefined;
    if (key === undefined) return;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else {
      notes.push({
        rowNumber,
        column: header,
        key: 'table.duplicateHeader',
        params: { first: headers[earlier] ?? '', firstIndex: earlier + 1, second: header, secondIndex: i + 1 },
      });
    }
  });
  return notes;
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
    head.headerRow = headerIndex + 1;
    checkRowLimits(fileName, headerIndex + 1, head.headers, head.headers);
    sink = open(head);
    for (let r = headerIndex + 1; r < firstRows.length; r++) feed(r, firstRows[r] as string[]);
  };
  const feed = (index: number, cells: string[]) => {
    if (!hasText(cells)) return;
    checkRowLimits(fileName, index + 1, cells, head.headers);
    onDataRow?.(index + 1, cells);
    sink?.(index + 1, cells);
  };
  return {
    push(cells: string[]) {
      const index = next++;
      if (index >= MAX_ROWS) throw TableFileError.limit(fileName, 'table.tooManyRows', { max: MAX_ROWS });
      if (!sink && cells.length > MAX_COLUMNS) checkRowLimits(fileName, index + 1, cells, []);
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
      if (!anyText && !firstRows.some(hasText)) throw TableFileError.of(fileName, 'table.empty');
      throw TableFileError.of(fileName, 'table.noHeader', { what: message(options.noHeaderMessage) });
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
        head.formulaCells.push({ rowNumber, column: head.headers[i] ?? columnByNumber(i), formula: cell });
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
  onQuoteError?: () => void,
): Papa.ParseError[] {
  let failure: unknown;
  const quoteErrors: Papa.ParseError[] = [];
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimiter: layout.delimiter,
    ...(layout.newline ? { newline: layout.newline } : {}),
    step: (result, parser) => {
      for (const error of result.errors) {
        if (error.type !== 'Quotes') continue;
        quoteErrors.push(error);
        onQuoteError?.();
      }
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
  let record = 0;
  const quoteRows: number[] = [];
  const quoteErrors = parseCsvRecords(
    text,
    { delimiter: guessDelimiter(text) },
    (cells) => {
      record++;
      reader.push(cells);
    },
    () => quoteRows.push(record + 1),
  );
  reader.end();
  if (quoteErrors.length) {
    head.notes = [
      ...(head.notes ?? []),
      ...quoteRows.map((row) => ({ rowNumber: row, key: 'table.quoteError' as const, params: { row } })),
    ];
  }
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
      throw TableFileError.of(fileName, 'table.xlsxBroken');
    }
  };
  const prefer = options.preferSheets ?? [];
  let workbook = read(prefer.length ? [...prefer, ...(options.alsoRead ?? [])] : undefined);
  const preferred = prefer.filter((name) => workbook.SheetNames.includes(name));
  if (prefer.length && !preferred.length) workbook = read();
  const numbers = options.numberCellColumns ? new Set<string>() : undefined;
  const gridOf = (sheetName: string, formulas?: Map<number, { c: number; f: string }[]>) => {
    const sheet = workbook.Sheets[sheetName] as XLSX.DenseWorkSheet | undefined;
    numbers?.clear();
    return (sheet?.['!data'] ?? []).map((row, r) =>
      (row ?? []).map((cell, c) => {
        if (numbers && cell?.t === 'n') numbers.add(`${r + 1}:${c}`);
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
        head.formulaCells.push({ rowNumber, column: head.headers[c] ?? columnByNumber(c), formula: `=${f}` });
      }
    };
    try {
      const read = streamGrid(fileName, grid, options, head, open, noteFormulas);
      const wantedColumn = options.numberCellColumns;
      if (numbers && wantedColumn) {
        read.numberCells = new Set(
          [...numbers].filter((at) => wantedColumn(read.headers[Number(at.split(':')[1])] ?? '')),
        );
      }
      return read;
    } catch (error) {
      if (error instanceof TableFileError && error.limit) throw error; // no other sheet makes it a table
      if (error instanceof TableFileError) firstError ??= error;
      else throw error;
    }
  }
  throw firstError ?? TableFileError.of(fileName, 'table.noSheets');
}

function streamJson(fileName: string, bytes: Uint8Array, open: (head: TableHead) => RowSink): TableHead {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes).text);
  } catch {
    throw TableFileError.of(fileName, 'table.notJson');
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object'
      ? ((data as Record<string, unknown>).entries ?? (data as Record<string, unknown>).rows)
      : undefined;
  if (!Array.isArray(list)) throw TableFileError.of(fileName, 'table.jsonNotList');
  if (list.length === 0) throw TableFileError.of(fileName, 'table.empty');
  const headers: string[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const key of Object.keys(item)) if (!headers.includes(key)) headers.push(key);
  }
  if (headers.length === 0) throw TableFileError.of(fileName, 'table.jsonNoObjects');
  if (list.length > MAX_ROWS) throw TableFileError.limit(fileName, 'table.tooManyRows', { max: MAX_ROWS });
  const head: TableHead = { format: 'json', headers, formulaCells: [] };
  const rowOf = (item: unknown) =>
    headers.map((h) => {
      const v = item && typeof item === 'object' ? (item as Record<string, unknown>)[h] : undefined;
      if (v === undefined || v === null) return '';
      return Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
  // Every row within the limits before the sink is opened: nothing of a refused file is taken.
  checkRowLimits(fileName, 0, headers, headers);
  for (let i = 0; i < list.length; i++) checkRowLimits(fileName, i + 1, rowOf(list[i]), headers);
  const sink = open(head);
  for (let i = 0; i < list.length; i++) sink(i + 1, rowOf(list[i]));
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
  if (bytes.length === 0) throw TableFileError.of(name, 'table.zeroBytes');
  const kind = tableFileKind(file);
  if (kind === 'xlsx') {
    if (bytes.length > MAX_XLSX_BYTES) {
      throw TableFileError.limit(name, 'table.xlsxTooBig', { size: mb(bytes.length), max: mb(MAX_XLSX_BYTES) });
    }
    const breach = declaredZipBreach(bytes);
    if (breach) throw zipBreachError(name, breach);
    return streamXlsx(name, bytes, options, open);
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    throw TableFileError.limit(name, 'table.textTooBig', { size: mb(bytes.length), max: mb(MAX_TEXT_BYTES) });
  }
  const text = utf16Of(bytes) ? decodeText(bytes).text : undefined;
  if (text === undefined ? looksBinary(bytes) : text.includes('\u0000')) {
    throw TableFileError.of(name, 'table.notTable');
  }
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

/**
 * The row, column and cell limits a whole reading applies, for a reader of
 * part of a file (lib/tables/csv-parts): `rowNumber` counts records from 1 in
 * the whole file, so a part breaks a limit with the whole reading's error.
 * A header or title row (`data` false) is held to the column count only, as
 * the whole reading holds the rows above its header.
 */
export function checkRecordLimits(
  fileName: string,
  rowNumber: number,
  cells: readonly string[],
  headers: readonly string[],
  data = true,
): void {
  if (rowNumber > MAX_ROWS) throw TableFileError.of(fileName, 'table.tooManyRows', { max: MAX_ROWS });
  if (data || cells.length > MAX_COLUMNS) checkRowLimits(fileName, rowNumber, cells, data ? headers : []);
}
