import { inPeriod, type MemberRow, type Period } from '../ledger/member-export';
import { totalsBy } from '../ledger/totals';
import { foldText } from '../match/normalize';
import type { MemberFileReport } from './read-member-file';

/** Why a merged row deserves a second look. */
export type MergeFlag = 'duplicate-order' | 'uncertified' | 'expired' | 'price' | 'out-of-period';

export const FLAG_LABELS: Record<MergeFlag, string> = {
  'duplicate-order': '订单号重复',
  uncertified: '非认定产品',
  expired: '认定已过期',
  price: '价格异常',
  'out-of-period': '不在统计期内',
};

export interface MergedRow extends MemberRow {
  fileName: string;
  flags: MergeFlag[];
}

export interface MergeResult {
  rows: MergedRow[];
  totalFen: number;
  /** Of the total, what was certified when bought: the figure that counts toward relief targets. */
  certifiedFen: number;
  byPerson: [string, number][];
  byCounty: [string, number][];
  byMonth: [string, number][];
  byFunding: [string, number][];
  flagCounts: Record<MergeFlag, number>;
  /** Files that could not be read at all. */
  failedFiles: number;
}

export interface MergeOptions {
  period?: Period;
  /** A unit price this many times above or below the product's median is flagged. */
  priceFactor?: number;
}

/** The same product across files: folded name, so 黄花菜 and 黃花菜 meet. */
const productKey = (row: MemberRow) => `${foldText(row.product)}|${foldText(row.supplier)}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Merges member files: every readable row, flagged where it needs a second
 * look, with totals by person, county, month and funding source. Files that
 * failed to read add nothing and are counted; rows a file rejected are in its report.
 */
export function mergeMemberFiles(reports: readonly MemberFileReport[], options: MergeOptions = {}): MergeResult {
  const factor = options.priceFactor ?? 3;
  const rows: MergedRow[] = [];
  for (const report of reports) {
    for (const row of report.rows) rows.push({ ...row, fileName: report.fileName, flags: [] });
  }

  // The same order number from two different people (one order logged twice).
  const peopleByOrder = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.orderNo) continue;
    const people = peopleByOrder.get(row.orderNo) ?? new Set<string>();
    people.add(row.person);
    peopleByOrder.set(row.orderNo, people);
  }
  // Usual unit price of each product, where at least three purchases say what usual is.
  const prices = new Map<string, number[]>();
  for (const row of rows) {
    if (row.unitPriceFen <= 0) continue;
    const list = prices.get(productKey(row)) ?? [];
    list.push(row.unitPriceFen);
    prices.set(productKey(row), list);
  }
  const usual = new Map<string, number>();
  for (const [key, list] of prices) if (list.length >= 3) usual.set(key, median(list));

  for (const row of rows) {
    if (row.orderNo && (peopleByOrder.get(row.orderNo)?.size ?? 0) > 1) row.flags.push('duplicate-order');
    if (row.certification === 'expired') row.flags.push('expired');
    else if (row.certification !== 'certified') row.flags.push('uncertified');
    const typical = usual.get(productKey(row));
    if (
      typical &&
      row.unitPriceFen > 0 &&
      (row.unitPriceFen > typical * factor || row.unitPriceFen * factor < typical)
    ) {
      row.flags.push('price');
    }
    if (options.period && !inPeriod(row.date, options.period)) row.flags.push('out-of-period');
  }

  const amount = (r: MergedRow) => r.amountFen;
  const flagCounts = { 'duplicate-order': 0, uncertified: 0, expired: 0, price: 0, 'out-of-period': 0 };
  for (const row of rows) for (const flag of row.flags) flagCounts[flag]++;
  return {
    rows,
    totalFen: rows.reduce((sum, r) => sum + r.amountFen, 0),
    certifiedFen: rows.reduce((sum, r) => sum + (r.certification === 'certified' ? r.amountFen : 0), 0),
    byPerson: totalsBy(rows, (r) => r.person || '（未署名）', amount),
    byCounty: totalsBy(rows, (r) => r.county || '（未填）', amount),
    byMonth: totalsBy(rows, (r) => r.date.slice(0, 7), amount, 'key'),
    byFunding: totalsBy(rows, (r) => r.funding || '（未填）', amount),
    flagCounts,
    failedFiles: reports.filter((r) => r.error).length,
  };
}
