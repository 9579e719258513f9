import * as XLSX from '@e965/xlsx';
import { isSampleEntryId } from '../catalogue/sample-id';
import type { Purchase } from '../db/entities';
import { zhCN } from '../i18n/zh-CN';
import { formatYuan } from '../money';
import { csvFileBytes } from '../tables/csv-file';
import {
  CERTIFICATION_LABELS,
  type CertificationLabel,
  MEMBER_COLUMNS,
  MEMBER_FORMAT_NAME,
  MEMBER_HEADERS,
  README_KEYS,
} from './member-columns';
import { totalsBy } from './totals';

/** Who exports: the profile of the settings. */
export interface MemberProfile {
  name: string;
  unit: string;
  department?: string;
  employeeNo?: string;
}

/** Inclusive YYYY-MM-DD bounds; either may be open. */
export interface Period {
  start?: string;
  end?: string;
}

/** One line of 明细, in the values a file holds. */
export interface MemberRow {
  date: string;
  person: string;
  org: string;
  /** The person's 部门: from 说明 in our files, from a 部门 column in hand-filled ones. */
  department?: string;
  product: string;
  supplier: string;
  county: string;
  certification: CertificationLabel;
  batch: string;
  quantity: number;
  measure: string;
  unitPriceFen: number;
  amountFen: number;
  channel: string;
  funding: string;
  type: string;
  orderNo: string;
  note: string;
}

export const inPeriod = (date: string, period: Period) =>
  (!period.start || date >= period.start) && (!period.end || date <= period.end);

const siteName = (platform: string | undefined): string => {
  if (!platform) return '';
  const key = `site.${platform}` as keyof typeof zhCN;
  return key in zhCN ? String(zhCN[key]) : platform;
};

/** 渠道 as a file shows it: the channel, and the shop site beside it (电商平台（京东）), read back by channelOfLabel. */
export function channelCell(p: Pick<Purchase, 'channel' | 'platform'>): string {
  const site = p.channel === '832平台' || p.channel === '线下' || p.platform === 'offline' ? '' : siteName(p.platform);
  return site ? `${p.channel}（${site}）` : p.channel;
}

/** 备注 of a row certified by the bundled sample catalogue (invented suppliers): the coordinator's merge flags it. */
export const SAMPLE_MARK = zhCN['catalogue.sources.sample'];

/** The purchases of a period as 明细 rows, oldest first; rows of the sample catalogue say 示例 in 备注. */
export function memberRowsOf(purchases: readonly Purchase[], profile: MemberProfile, period: Period): MemberRow[] {
  return purchases
    .filter((p) => inPeriod(p.purchasedOn, period))
    .sort((a, b) => a.purchasedOn.localeCompare(b.purchasedOn) || a.createdAt.localeCompare(b.createdAt))
    .map((p) => ({
      date: p.purchasedOn,
      person: profile.name,
      org: profile.unit,
      department: profile.department ?? '',
      product: p.product,
      supplier: p.supplier ?? '',
      county: p.county ?? '',
      certification: p.certification.tier ?? 'none',
      batch: p.certification.batch ?? '',
      quantity: p.quantity,
      measure: p.unit,
      unitPriceFen: p.unitPriceFen,
      amountFen: p.amountFen,
      channel: channelCell(p),
      funding: p.fundingSource,
      type: p.type,
      orderNo: p.orderNo ?? '',
      note: isSampleEntryId(p.catalogueEntryId ?? p.certification.entryId)
        ? [SAMPLE_MARK, p.note].filter(Boolean).join(' ')
        : (p.note ?? ''),
    }));
}

export interface Totals {
  totalFen: number;
  byMonth: [string, number][];
  byCounty: [string, number][];
  byFunding: [string, number][];
}

export function memberTotals(rows: readonly MemberRow[]): Totals {
  const amount = (r: MemberRow) => r.amountFen;
  return {
    totalFen: rows.reduce((sum, r) => sum + r.amountFen, 0),
    byMonth: totalsBy(rows, (r) => r.date.slice(0, 7), amount, 'key'),
    byCounty: totalsBy(rows, (r) => r.county || '（未填）', amount),
    byFunding: totalsBy(rows, (r) => r.funding || '（未填）', amount),
  };
}

/**
 * Text a spreadsheet would run as a formula (= + - @, or a leading tab or
 * carriage return) gets a leading apostrophe: it shows as written and never
 * computes (CSV injection).
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The text as the member wrote it: our own apostrophe taken off again. */
export function unneutraliseCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

// null: no cell at all (an empty text cell still costs every reader a parse).
type Cell = string | number | null;

/** A row of 明细 as cells: text neutralised, amounts in 元 as numbers, order numbers as text. */
function cellsOf(row: MemberRow, seq: number): Cell[] {
  const text = (s: string) => (s ? neutraliseCell(s) : null);
  return [
    seq,
    row.date,
    text(row.person),
    text(row.org),
    text(row.product),
    text(row.supplier),
    text(row.county),
    CERTIFICATION_LABELS[row.certification],
    text(row.batch),
    row.quantity,
    text(row.measure),
    row.unitPriceFen / 100,
    row.amountFen / 100,
    text(row.channel),
    text(row.funding),
    text(row.type),
    text(row.orderNo),
    text(row.note),
  ];
}

const AMOUNT_COLUMNS = [
  MEMBER_HEADERS.indexOf(MEMBER_COLUMNS.unitPrice[0]),
  MEMBER_HEADERS.indexOf(MEMBER_COLUMNS.amount[0]),
];
const TEXT_COLUMNS = [MEMBER_HEADERS.indexOf(MEMBER_COLUMNS.orderNo[0])];

export interface MemberFileMeta {
  profile: MemberProfile;
  period: Period;
  /** ISO time of the export. */
  exportedAt: string;
}

function periodText(period: Period): string {
  return `${period.start ?? '不限'} 至 ${period.end ?? '不限'}`;
}

/** The 说明 sheet: what a coordinator's import checks the file against. */
export function readmeRows(rows: readonly MemberRow[], meta: MemberFileMeta): [string, string][] {
  return [
    [README_KEYS.format, MEMBER_FORMAT_NAME],
    [README_KEYS.person, meta.profile.name],
    [README_KEYS.org, meta.profile.unit],
    [README_KEYS.department, meta.profile.department ?? ''],
    [README_KEYS.employeeNo, meta.profile.employeeNo ?? ''],
    [README_KEYS.exportedAt, meta.exportedAt.slice(0, 19).replace('T', ' ')],
    [README_KEYS.period, periodText(meta.period)],
    [README_KEYS.rowCount, String(rows.length)],
    [README_KEYS.total, formatYuan(memberTotals(rows).totalFen)],
  ];
}

/** Sets number formats: amounts with two decimals, order numbers as text (never 1.2E+17). */
function formatColumns(sheet: XLSX.WorkSheet, firstRow: number, lastRow: number) {
  for (let r = firstRow; r <= lastRow; r++) {
    for (const c of AMOUNT_COLUMNS) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (cell?.t === 'n') cell.z = '0.00';
    }
    for (const c of TEXT_COLUMNS) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (cell) {
        cell.t = 's';
        cell.z = '@';
      }
    }
  }
}

const TOTAL_LABEL = '合计';

function detailGrid(rows: readonly MemberRow[]): Cell[][] {
  const totalFen = rows.reduce((sum, r) => sum + r.amountFen, 0);
  const total: Cell[] = MEMBER_HEADERS.map(() => null);
  total[0] = TOTAL_LABEL;
  total[AMOUNT_COLUMNS[1] as number] = totalFen / 100;
  return [MEMBER_HEADERS, ...rows.map((row, i) => cellsOf(row, i + 1)), total];
}

export function memberWorkbook(rows: readonly MemberRow[], meta: MemberFileMeta): XLSX.WorkBook {
  const book = XLSX.utils.book_new();
  const detail = XLSX.utils.aoa_to_sheet(detailGrid(rows));
  formatColumns(detail, 1, rows.length + 1);
  detail['!cols'] = MEMBER_HEADERS.map((h) => ({ wch: Math.max(8, h.length * 2 + 2) }));
  XLSX.utils.book_append_sheet(book, detail, '明细');

  const totals = memberTotals(rows);
  const summary: Cell[][] = [['分类', '项目', '金额(元)']];
  for (const [month, fen] of totals.byMonth) summary.push(['月份', month, fen / 100]);
  for (const [county, fen] of totals.byCounty) summary.push(['产地县', neutraliseCell(county), fen / 100]);
  for (const [funding, fen] of totals.byFunding) summary.push(['资金来源', neutraliseCell(funding), fen / 100]);
  summary.push([TOTAL_LABEL, '', totals.totalFen / 100]);
  const summarySheet = XLSX.utils.aoa_to_sheet(summary);
  for (let r = 1; r < summary.length; r++) {
    const cell = summarySheet[XLSX.utils.encode_cell({ r, c: 2 })] as XLSX.CellObject | undefined;
    if (cell) cell.z = '0.00';
  }
  XLSX.utils.book_append_sheet(book, summarySheet, '汇总');

  const readme = XLSX.utils.aoa_to_sheet(readmeRows(rows, meta).map(([k, v]) => [k, neutraliseCell(v)]));
  XLSX.utils.book_append_sheet(book, readme, '说明');
  return book;
}

export function memberXlsxBytes(rows: readonly MemberRow[], meta: MemberFileMeta): Uint8Array {
  return new Uint8Array(
    XLSX.write(memberWorkbook(rows, meta), { type: 'array', bookType: 'xlsx', compression: true, bookSST: true }),
  );
}

/**
 * 明细 as CSV, UTF-8 with a BOM (so Excel on Chinese Windows reads it), amounts
 * with two decimals. Order numbers get a leading tab, which Excel takes as
 * text rather than a number in scientific notation.
 */
export function memberCsvBytes(rows: readonly MemberRow[]): Uint8Array {
  const grid = detailGrid(rows).map((cells, r) =>
    cells.map((cell, c) => {
      if (r > 0 && AMOUNT_COLUMNS.includes(c) && typeof cell === 'number') return formatYuan(Math.round(cell * 100));
      if (r > 0 && TEXT_COLUMNS.includes(c) && /^\d{12,}$/.test(String(cell))) return `\t${cell}`;
      return cell === null ? '' : String(cell);
    }),
  );
  return csvFileBytes(grid);
}

/** 消费帮扶明细_张三_2026-01-01至2026-12-31.xlsx */
export function memberFileName(profile: MemberProfile, period: Period, ext: 'xlsx' | 'csv'): string {
  const who = profile.name.replace(/[\\/:*?"<>|\s]+/g, '') || '未署名';
  return `消费帮扶明细_${who}_${period.start ?? '最早'}至${period.end ?? '最新'}.${ext}`;
}
