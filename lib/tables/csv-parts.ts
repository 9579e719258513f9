/**
 * A large CSV read in parts, one per worker: the file is cut at record
 * boundaries, and each part is read alone into the rows a whole reading gives.
 * On a 2-core machine a national list reads in about two thirds of the time,
 * and faster with more cores.
 *
 * A part reads as the whole would only if the cut is where Papa ends a record.
 * The cut is found by scanning the bytes as Papa reads fields (a quote opens a
 * field only at its start; "" inside quotes is a quote), which agrees with
 * Papa on every well-formed file. Where a file is not well formed, Papa reports
 * a quote error in some part, and the caller reads the file whole instead.
 */
import Papa from 'papaparse';
import { decodeUtf8OrGb18030 } from './encoding';
import { MAX_TEXT_BYTES, MIN_PART_BYTES } from './limits';
import {
  checkRecordLimits,
  csvFormulaNoter,
  findHeaderRow,
  guessDelimiter,
  hasText,
  looksBinary,
  parseCsvRecords,
  type ReadTableOptions,
  type RowSink,
  type TableHead,
  tableFileKind,
} from './table';

// Papa guesses line breaks from the first million characters: 4 MB of bytes hold at least that many.
const PREFIX_BYTES = 4 * 1024 * 1024;

type Newline = '\n' | '\r\n' | '\r';

/** How a CSV file is cut into parts, and what every part needs to read its rows alone. */
export interface CsvSplit {
  /** The file's name, for the errors of a part that breaks a limit. */
  fileName: string;
  /** The header row (headers, format); each part notes its own formulas. */
  head: TableHead;
  /** Records before the header row's end: titles and the header, not data. */
  headerRecords: number;
  delimiter: string;
  newline: Newline;
  /** UTF-8 with a BOM: every part is UTF-8, read leniently, as the whole file would be. */
  bom: boolean;
  /** Byte ranges, each starting at a record, with the index of that record in the file. */
  parts: { start: number; end: number; firstRecord: number }[];
}

/** A part whose reading may differ from the whole file's: read the file whole. */
export class CsvPartMismatch extends Error {
  name = 'CsvPartMismatch';
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Record boundaries near each `1/parts` of the file, and how many records come
 * before each. Only ASCII bytes are looked at: in UTF-8 and GB18030 no byte of
 * a multi-byte character is a quote, a delimiter or a line break.
 */
export function findRecordCuts(
  bytes: Uint8Array,
  layout: { delimiter: string; newline: Newline },
  parts: number,
): { start: number; firstRecord: number }[] {
  const delimiter = layout.delimiter.charCodeAt(0);
  const cuts: { start: number; firstRecord: number }[] = [];
  let target = Math.ceil(bytes.length / parts);
  let records = 0;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < bytes.length && cuts.length < parts - 1; i++) {
    const b = bytes[i] as number;
    if (inQuotes) {
      if (b === QUOTE) {
        if (bytes[i + 1] === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (fieldStart && b === QUOTE) {
      inQuotes = true;
      fieldStart = false;
      continue;
    }
    let end = -1; // where the next record starts, if a line break ends one here
    if (layout.newline === '\r\n') {
      if (b === CR && bytes[i + 1] === LF) end = ++i + 1;
    } else if (b === (layout.newline === '\n' ? LF : CR)) {
      end = i + 1;
    }
    if (end < 0) {
      fieldStart = b === delimiter;
      continue;
    }
    records++;
    fieldStart = true;
    if (end >= target && end < bytes.length) {
      cuts.push({ start: end, firstRecord: records });
      target = end + Math.ceil((bytes.length - end) / (parts - cuts.length));
    }
  }
  return cuts;
}

/** A part's text as `decodeText` reads the whole file: a file with a BOM is UTF-8 throughout, read leniently. */
function decodePart(bytes: Uint8Array, bom: boolean): { text: string; encoding: string } {
  if (!bom) return decodeUtf8OrGb18030(bytes);
  return { text: new TextDecoder('utf-8').decode(bytes[0] === 0xef ? bytes.subarray(3) : bytes), encoding: 'utf-8' };
}

/**
 * How to read a CSV file in `parts` parts, or undefined when it should be read
 * whole: small, not a CSV (or UTF-16), no header row near the top, or too
 * few records to cut. Reads only the first few MB.
 */
export function splitCsvFile(
  file: { name: string; bytes: Uint8Array },
  options: Pick<ReadTableOptions, 'isKnownHeader'>,
  parts: number,
  minPartBytes = MIN_PART_BYTES,
): CsvSplit | undefined {
  const { bytes } = file;
  if (parts < 2 || bytes.length < 2 * minPartBytes || bytes.length > MAX_TEXT_BYTES) return undefined;
  if (tableFileKind(file) !== 'csv' || looksBinary(bytes)) return undefined;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const prefix = decodeUtf8OrGb18030(bytes.subarray(bom ? 3 : 0, PREFIX_BYTES), { stream: true }).text;
  const delimiter = guessDelimiter(prefix);
  const { data, meta } = Papa.parse<string[]>(prefix, { delimiter, preview: 10, skipEmptyLines: false });
  const newline = meta.linebreak as Newline;
  const headerIndex = findHeaderRow(data, options.isKnownHeader);
  if (headerIndex < 0) return undefined;
  const headers = (data[headerIndex] ?? []).map((h) => h.trim());
  const cuts = findRecordCuts(bytes, { delimiter, newline }, Math.min(parts, Math.floor(bytes.length / minPartBytes)));
  if (!cuts.length || (cuts[0]?.firstRecord ?? 0) <= headerIndex + 1) return undefined;
  const starts = [{ start: 0, firstRecord: 0 }, ...cuts];
  return {
    fileName: file.name,
    head: { format: 'csv', headers, formulaCells: [] },
    headerRecords: headerIndex + 1,
    delimiter,
    newline,
    bom,
    parts: starts.map((s, i) => ({ ...s, end: starts[i + 1]?.start ?? bytes.length })),
  };
}

/**
 * Reads part `index` of a split file (`bytes` are that part's) and hands its
 * data rows to the sink with their row numbers in the whole file. The returned
 * head has the part's encoding and formulas. Throws CsvPartMismatch when Papa
 * finds a quote error: the cut may then not be where Papa ends a record; and
 * the whole reading's TableFileError when a record breaks the row, column or
 * cell limits (lib/tables/limits), naming the file, the row and the column.
 */
export function readCsvPart(
  bytes: Uint8Array,
  split: CsvSplit,
  index: number,
  open: (head: TableHead) => RowSink,
): TableHead {
  const part = split.parts[index];
  if (!part) throw new RangeError(`no part ${index}`);
  const { text, encoding } = decodePart(bytes, split.bom);
  const head: TableHead = { ...split.head, encoding, formulaCells: [] };
  const sink = open(head);
  const noteFormulas = csvFormulaNoter(head);
  let record = part.firstRecord;
  const { fileName } = split;
  const { headers } = split.head;
  const quoteErrors = parseCsvRecords(text, split, (cells) => {
    const rowNumber = ++record;
    if (rowNumber < split.headerRecords) return checkRecordLimits(fileName, rowNumber, cells, headers, false);
    // The header row, trimmed as the whole reading trims it before checking it.
    if (rowNumber === split.headerRecords) return checkRecordLimits(fileName, rowNumber, headers, headers);
    // A blank row counts towards the rows and nothing else.
    if (!hasText(cells)) return checkRecordLimits(fileName, rowNumber, [], headers, false);
    checkRecordLimits(fileName, rowNumber, cells, headers);
    noteFormulas(rowNumber, cells);
    sink(rowNumber, cells);
  });
  if (quoteErrors.length) throw new CsvPartMismatch(`quote error at record ${record} of part ${index}`);
  return head;
}
