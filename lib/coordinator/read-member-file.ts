import { parseDate } from '../dates';
import { type Message, message, messageOfError } from '../i18n/message';
import {
  type CertificationLabel,
  certificationOfLabel,
  isMemberHeader,
  MEMBER_LABELS,
  type MemberField,
  type MemberReadField,
  mapMemberHeaders,
  README_KEYS,
  REQUIRED_MEMBER_FIELDS,
} from '../ledger/member-columns';
import { type MemberRow, unneutraliseCell } from '../ledger/member-export';
import { formatYuan, MAX_ROW_FEN, parseYuanToFen, sumFen } from '../money';
import { checkTableFileLimits, noteMessage, readTableFile, TableFileError } from '../tables/table';

/**
 * What a report says, as a message; a text in a merge session saved before
 * reports spoke in codes is that text, in Chinese.
 */
export type ReportText = Message | string;

/** An order number Excel has changed: written in scientific notation (2.50E+11), digits past the 15th lost. */
export const SCIENTIFIC_ORDER_NO = /^\d(?:\.\d+)?e\+?\d+$/i;

/** An order number by its digits, as orders are compared: 2.5E+11 → 250000000000, "1234-5678" → 12345678. */
export function orderDigits(orderNo: string): string {
  const text = orderNo.trim().normalize('NFKC');
  if (SCIENTIFIC_ORDER_NO.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n)) return BigInt(Math.round(n)).toString();
  }
  return text.replace(/\D/g, '') || text;
}

/** FNV-1a of the bytes, with their length: the same file picked twice (two folders, `ok (1).xlsx`). */
function contentHash(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193) >>> 0;
  return `${bytes.length}:${h.toString(16)}`;
}

export interface RejectedRow {
  rowNumber: number;
  column: string;
  reason: ReportText;
}

/** What one member file gave: its rows, what was refused and why, and how it checks against its 说明. */
export interface MemberFileReport {
  fileName: string;
  /** The file could not be read at all: the message says why; nothing of it is merged. */
  error?: ReportText;
  rows: MemberRow[];
  /** Rows read from 明细, valid or not (the 合计 row is not a purchase). */
  rowsRead: number;
  rejected: RejectedRow[];
  /** What the file says of itself (说明, or the 合计 row of 明细). */
  declared: {
    person?: string;
    org?: string;
    department?: string;
    rowCount?: number;
    totalFen?: number;
    format?: string;
  };
  /** Disagreements between the rows and what the file declares. */
  problems: ReportText[];
  totalFen: number;
  /** Rows (by index in `rows`) whose order number Excel may have changed: flagged, compared by digits. */
  orderNoAltered?: number[];
  /** The file's bytes, and the person's orders, as fingerprints: a repeated file is counted once. */
  contentHash?: string;
  ordersHash?: string;
}

/** Reads the 说明 sheet (key | value rows) into what it declares. */
function readReadme(grid: string[][] | undefined): MemberFileReport['declared'] {
  if (!grid) return {};
  const values = new Map(grid.map((row) => [String(row[0] ?? '').trim(), String(row[1] ?? '').trim()]));
  const count = values.get(README_KEYS.rowCount);
  const total = values.get(README_KEYS.total);
  return {
    format: values.get(README_KEYS.format) || undefined,
    person: values.get(README_KEYS.person) || undefined,
    org: values.get(README_KEYS.org) || undefined,
    department: values.get(README_KEYS.department) || undefined,
    rowCount: count && /^\d+$/.test(count) ? Number(count) : undefined,
    totalFen: total ? parseYuanToFen(total) : undefined,
  };
}

/** A person's name from the file name when the file names no one: 消费帮扶明细_张三_… → 张三. */
function personFromFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '');
  const parts = base.split(/[_\-—\s]+/).filter(Boolean);
  return (parts.length > 1 && parts[0]?.includes('明细') ? parts[1] : parts[0]) ?? base;
}

function emptyReport(fileName: string): MemberFileReport {
  return { fileName, rows: [], rowsRead: 0, rejected: [], declared: {}, problems: [], totalFen: 0 };
}

/** The report of a file that could not even be opened (the browser failed to read it). */
export function unreadableFile(fileName: string, error: unknown): MemberFileReport {
  return {
    ...emptyReport(fileName),
    error: message('table.error', {
      file: fileName,
      reason: message('table.unreadable', { message: messageOfError(error) }),
    }),
  };
}

/** A file whose worker died reading it: the file's error, never the page's. */
export function workerFailure(fileName: string, why: string): MemberFileReport {
  return {
    ...emptyReport(fileName),
    error: message('table.error', { file: fileName, reason: message('table.workerDied', { message: why }) }),
  };
}

/** `readMemberFile` after the zip limits are checked by inflating (in a worker: a bomb never reaches SheetJS). */
export async function readCheckedMemberFile(file: { name: string; bytes: Uint8Array }): Promise<MemberFileReport> {
  try {
    await checkTableFileLimits(file);
  } catch (error) {
    return { ...emptyReport(file.name), error: messageOfError(error) };
  }
  return readMemberFile(file);
}

/**
 * Reads one member file (ours or hand-filled with the same headers; XLSX or
 * CSV, UTF-8 or GBK). Never throws: a file that cannot be read comes back
 * with `error` set, so the merge of the other files goes on.
 */
export function readMemberFile(file: { name: string; bytes: Uint8Array }): MemberFileReport {
  const report = emptyReport(file.name);
  let table: ReturnType<typeof readTableFile>;
  try {
    table = readTableFile(file, {
      isKnownHeader: isMemberHeader,
      noHeaderMessage: 'table.noHeader.member',
      preferSheets: ['明细'],
      // Formulas a member typed (金额 = 单价 × 数量) are read as the values they show.
      reportFormulas: false,
      alsoRead: ['说明'],
      numberCellColumns: (header) => mapMemberHeaders([header])[0] === 'orderNo',
    });
  } catch (error) {
    report.error = error instanceof TableFileError ? error.problem : unreadableFile(file.name, error).error;
    return report;
  }
  const fields = mapMemberHeaders(table.headers);
  const missing = REQUIRED_MEMBER_FIELDS.filter((f) => !fields.includes(f));
  if (missing.length) {
    const columns = missing.map((f) => MEMBER_LABELS[f]).join('、');
    report.error = message('table.error', {
      file: file.name,
      reason: message('table.missingColumnsSentence', { columns }),
    });
    return report;
  }
  report.contentHash = contentHash(file.bytes);
  for (const note of table.notes ?? []) report.problems.push(noteMessage(note));
  const orderColumn = fields.indexOf('orderNo');
  report.declared = readReadme(table.otherSheets?.说明);
  const fallbackPerson = report.declared.person ?? personFromFileName(file.name);
  let declaredByTotalRow: number | undefined;

  for (const { rowNumber, cells } of table.rows) {
    const get = (field: MemberReadField) => {
      const i = fields.indexOf(field);
      return i < 0 ? '' : unneutraliseCell(String(cells[i] ?? '').trim());
    };
    if (/^(合计|总计|小计)$/.test(get('seq')) || (/^(合计|总计)$/.test(get('date')) && !get('product'))) {
      declaredByTotalRow = parseYuanToFen(get('amount'));
      continue;
    }
    report.rowsRead++;
    const reject = (field: MemberField, reason: Message) => {
      report.rejected.push({ rowNumber, column: MEMBER_LABELS[field], reason });
    };
    const date = parseDate(get('date'));
    if (!get('date')) {
      reject('date', message('member.row.noDate'));
      continue;
    }
    if (!date) {
      reject('date', message('member.row.notDate', { value: get('date') }));
      continue;
    }
    const product = get('product');
    if (!product) {
      reject('product', message('member.row.noProduct'));
      continue;
    }
    const amountText = get('amount');
    const amountFen = parseYuanToFen(amountText);
    if (amountFen === undefined || amountFen < 0) {
      reject(
        'amount',
        amountText ? message('member.row.notAmount', { value: amountText }) : message('member.row.noAmount'),
      );
      continue;
    }
    if (amountFen > MAX_ROW_FEN) {
      reject(
        'amount',
        message('coordinator.amountTooLarge', { amount: formatYuan(amountFen), max: formatYuan(MAX_ROW_FEN) }),
      );
      continue;
    }
    const quantityText = get('quantity');
    const quantity = quantityText ? Number(quantityText.normalize('NFKC')) : 1;
    if (!Number.isFinite(quantity) || quantity <= 0) {
      reject('quantity', message('member.row.notPositive', { value: quantityText }));
      continue;
    }
    const priceText = get('unitPrice');
    const unitPriceFen = priceText ? parseYuanToFen(priceText) : Math.round(amountFen / quantity);
    if (unitPriceFen === undefined || unitPriceFen < 0 || unitPriceFen > MAX_ROW_FEN) {
      reject('unitPrice', message('member.row.notAmount', { value: priceText }));
      continue;
    }
    const orderNo = get('orderNo');
    if (orderNo && (SCIENTIFIC_ORDER_NO.test(orderNo) || table.numberCells?.has(`${rowNumber}:${orderColumn}`))) {
      report.orderNoAltered = [...(report.orderNoAltered ?? []), report.rows.length];
      report.problems.push(message('coordinator.orderNoAltered', { row: rowNumber, orderNo }));
    }
    const certification: CertificationLabel = certificationOfLabel(get('certification'));
    report.rows.push({
      date,
      person: get('person') || fallbackPerson,
      org: get('org') || report.declared.org || '',
      department: get('department') || report.declared.department || '',
      product,
      supplier: get('supplier'),
      county: get('county'),
      certification,
      batch: get('batch'),
      quantity,
      measure: get('measure'),
      unitPriceFen,
      amountFen,
      channel: get('channel'),
      funding: get('funding'),
      type: get('type'),
      // Our CSV writes long order numbers after a tab, so Excel keeps them as text.
      orderNo: get('orderNo'),
      note: get('note'),
    });
  }
  const total = sumFen(report.rows.map((r) => r.amountFen));
  if (total === undefined) {
    return {
      ...emptyReport(file.name),
      error: message('table.error', {
        file: file.name,
        reason: message('coordinator.totalTooLarge', { max: formatYuan(Number.MAX_SAFE_INTEGER) }),
      }),
    };
  }
  report.totalFen = total;
  if (report.rows.length) {
    const orders = report.rows
      .map((r) => `${r.person}|${r.date}|${orderDigits(r.orderNo)}|${r.product}|${r.amountFen}`)
      .sort()
      .join('\n');
    report.ordersHash = contentHash(new TextEncoder().encode(orders));
  }

  const { rowCount, totalFen } = report.declared;
  if (rowCount !== undefined && rowCount !== report.rowsRead) {
    report.problems.push(message('member.readmeCount', { declared: rowCount, read: report.rowsRead }));
  }
  const declaredTotal = totalFen ?? declaredByTotalRow;
  if (declaredTotal !== undefined && declaredTotal !== report.totalFen) {
    const said = { declared: formatYuan(declaredTotal), read: formatYuan(report.totalFen) };
    report.problems.push(message(totalFen !== undefined ? 'member.readmeTotal' : 'member.totalRow', said));
  }
  return report;
}
