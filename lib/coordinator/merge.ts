import { zhCN } from '../i18n/zh-CN';
import { type Channel, channelOfLabel } from '../ledger/channel';
import type { CertificationLabel } from '../ledger/member-columns';
import { inPeriod, type MemberRow, type Period } from '../ledger/member-export';
import { kindCounts } from '../ledger/pledges';
import { totalsBy } from '../ledger/totals';
import { foldText } from '../match/normalize';
import { sumFen } from '../money';
import { type MemberFileReport, orderDigits } from './read-member-file';

/** Why a merged row deserves a second look. */
export type MergeFlag =
  | 'duplicate-order'
  | 'unverified'
  | 'uncertified'
  | 'expired'
  | 'price'
  | 'out-of-period'
  | 'sample'
  | 'order-no-altered'
  | 'repeated-file';
export const MERGE_FLAGS: readonly MergeFlag[] = [
  'repeated-file',
  'duplicate-order',
  'order-no-altered',
  'out-of-period',
  'unverified',
  'uncertified',
  'expired',
  'price',
  'sample',
];

export const FLAG_LABELS: Record<MergeFlag, string> = {
  'duplicate-order': '订单重复',
  unverified: '申报认定但目录中未找到',
  uncertified: '非认定产品',
  expired: '认定已过期',
  price: '价格异常',
  'out-of-period': '不在统计期内',
  sample: '示例数据',
  'order-no-altered': zhCN['flag.order-no-altered'],
  'repeated-file': zhCN['flag.repeated-file'],
};

export interface MergedRow extends MemberRow {
  /** Stable within a merge: the file and the row's place in it. */
  key: string;
  fileName: string;
  flags: MergeFlag[];
  /** What the coordinator's catalogue says (verifyRows); `none` when no catalogue checked it. */
  verified: CertificationLabel;
  /** The 渠道 cell read as a channel, when it names one. */
  channelKind?: Channel;
  /** Whether the row counts in the totals: by default, or as the coordinator decided. */
  included: boolean;
  /** The earlier file this row's file repeats (same bytes, or the same person's same orders). */
  repeatOf?: string;
  /** A later copy of an order item already merged (counted once, by default the first). */
  duplicateOf?: string;
  /** Why the row is left out, or the coordinator's note on confirming it. */
  reviewNote?: string;
}

export interface PersonTotal {
  person: string;
  org: string;
  /** The person's 部门 (the first of their rows that names one). */
  department: string;
  /** Every counted row. */
  totalFen: number;
  /** Of which verified certified: what the per-person table reports as 完成. */
  certifiedFen: number;
}

export interface MergeResult {
  rows: MergedRow[];
  /** Counted rows: the report's totals are theirs. */
  totalFen: number;
  /** Of the total, what the coordinator's catalogue verified as certified: the figure that counts toward relief targets. */
  certifiedFen: number;
  /** Of the total, what declared certified (for the side-by-side view). */
  declaredCertifiedFen: number;
  /** 预留份额: counted rows bought on 832 with canteen or unit funds. */
  reserve832Fen: number;
  byPerson: [string, number][];
  people: PersonTotal[];
  byCounty: [string, number][];
  byMonth: [string, number][];
  byFunding: [string, number][];
  byChannel: [string, number][];
  flagCounts: Record<MergeFlag, number>;
  /** Rows left out of the totals, with why. */
  excluded: MergedRow[];
  /** Files that could not be read at all. */
  failedFiles: number;
}

/** The coordinator's word on a flagged row: leave it out, or count it, with a note. */
export interface ReviewDecision {
  include: boolean;
  note: string;
}

export interface MergeOptions {
  period?: Period;
  /** A unit price this many times above or below the product's median is flagged. */
  priceFactor?: number;
  /** The coordinator's catalogue's word on each row (lib/coordinator/verify verifyRows), in row order. */
  verify?: (rows: readonly MemberRow[]) => CertificationLabel[];
  /** Row key → decision; rows without one follow the defaults (a duplicate counts once, an out-of-period row not at all). */
  decisions?: Readonly<Record<string, ReviewDecision>>;
}

/** foldText once per distinct text: 50,000 rows name a few hundred products and suppliers. */
function memoFold(): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let folded = known.get(text);
    if (folded === undefined) {
      folded = foldText(text);
      known.set(text, folded);
    }
    return folded;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Why a row is left out by default, or undefined when it counts. */
function defaultExclusion(row: MergedRow): string | undefined {
  if (row.repeatOf) return `${FLAG_LABELS['repeated-file']}（与「${row.repeatOf}」），已按一次计入`;
  if (row.flags.includes('out-of-period')) return FLAG_LABELS['out-of-period'];
  if (row.duplicateOf) return `${FLAG_LABELS['duplicate-order']}，已按一次计入`;
  return undefined;
}

/**
 * Merges member files: every readable row, checked again against the
 * coordinator's catalogue, flagged where it needs a second look, and counted
 * as reviewed: by default a duplicated order item once and an out-of-period
 * row not at all. Totals by person, county, month, funding source and channel
 * are of the counted rows. Files that failed to read add nothing and are counted.
 */
export function mergeMemberFiles(reports: readonly MemberFileReport[], options: MergeOptions = {}): MergeResult {
  const factor = options.priceFactor ?? 3;
  const fold = memoFold();
  // The same product across files: folded name, so 黄花菜 and 黃花菜 meet.
  const productKey = (row: MemberRow) => `${fold(row.product)}|${fold(row.supplier)}`;
  const rows: MergedRow[] = [];
  // A file that repeats an earlier one (picked twice, or `ok (1).xlsx`): its rows are shown, flagged, and counted once.
  const seen = new Map<string, string>();
  for (const report of reports) {
    const hashes = [report.contentHash && `c${report.contentHash}`, report.ordersHash && `o${report.ordersHash}`];
    const repeatOf = hashes.map((h) => (h ? seen.get(h) : undefined)).find(Boolean);
    for (const h of hashes) if (h && !seen.has(h)) seen.set(h, report.fileName);
    const altered = new Set(report.orderNoAltered ?? []);
    report.rows.forEach((row, i) => {
      const flags: MergeFlag[] = [];
      if (repeatOf) flags.push('repeated-file');
      if (altered.has(i)) flags.push('order-no-altered');
      rows.push({
        ...row,
        key: `${report.fileName}#${i + 1}`,
        fileName: report.fileName,
        flags,
        verified: 'none',
        included: true,
        ...(repeatOf ? { repeatOf } : {}),
      });
    });
  }
  const verified = options.verify?.(rows);
  rows.forEach((row, i) => {
    row.verified = verified?.[i] ?? 'none';
    const channel = channelOfLabel(row.channel);
    if (channel) row.channelKind = channel;
  });

  // The same item of the same order, wherever it comes from (two people, or one file twice): counted once.
  const firstOfOrderItem = new Map<string, MergedRow>();
  for (const row of rows) {
    if (!row.orderNo || row.repeatOf) continue;
    // By digits: 2.5E+11 and 250000000000 are one order, as are 1234-5678 and 12345678.
    const key = `${orderDigits(row.orderNo)}|${fold(row.product)}`;
    const first = firstOfOrderItem.get(key);
    if (first) {
      row.duplicateOf = first.key;
      row.flags.push('duplicate-order');
      if (!first.flags.includes('duplicate-order')) first.flags.push('duplicate-order');
    } else {
      firstOfOrderItem.set(key, row);
    }
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
    if (options.period && !inPeriod(row.date, options.period)) row.flags.push('out-of-period');
    if (row.verified === 'expired') row.flags.push('expired');
    else if (row.verified !== 'certified') {
      row.flags.push(row.certification === 'certified' ? 'unverified' : 'uncertified');
    }
    const typical = usual.get(productKey(row));
    if (
      typical &&
      row.unitPriceFen > 0 &&
      (row.unitPriceFen > typical * factor || row.unitPriceFen * factor < typical)
    ) {
      row.flags.push('price');
    }
    if (/示例/.test(`${row.product} ${row.note} ${row.supplier}`)) row.flags.push('sample');
    const decision = options.decisions?.[row.key];
    const exclusion = defaultExclusion(row);
    row.included = decision ? decision.include : !exclusion;
    const note = decision?.note.trim() || (row.included ? undefined : (exclusion ?? '复核时排除'));
    if (note) row.reviewNote = note;
  }

  const counted = rows.filter((r) => r.included);
  const amount = (r: MergedRow) => r.amountFen;
  const flagCounts = Object.fromEntries(MERGE_FLAGS.map((f) => [f, 0])) as Record<MergeFlag, number>;
  for (const row of rows) for (const flag of row.flags) flagCounts[flag]++;
  // Exact integer sums: each file's total is within 2^53, and so is any real unit's.
  const sum = (list: MergedRow[], keep: (r: MergedRow) => boolean) =>
    sumFen(list.filter(keep).map((r) => r.amountFen)) ?? Number.NaN;
  const people = new Map<string, PersonTotal>();
  for (const row of counted) {
    const person = row.person || '（未署名）';
    const entry = people.get(person) ?? { person, org: row.org, department: '', totalFen: 0, certifiedFen: 0 };
    if (!entry.department && row.department) entry.department = row.department;
    entry.totalFen += row.amountFen;
    if (row.verified === 'certified') entry.certifiedFen += row.amountFen;
    people.set(person, entry);
  }
  return {
    rows,
    totalFen: sum(counted, () => true),
    certifiedFen: sum(counted, (r) => r.verified === 'certified'),
    declaredCertifiedFen: sum(counted, (r) => r.certification === 'certified'),
    reserve832Fen: sum(counted, (r) =>
      kindCounts('预留份额', { channel: r.channelKind, fundingSource: r.funding }, { countPovertyArea: false }),
    ),
    byPerson: totalsBy(counted, (r) => r.person || '（未署名）', amount),
    people: [...people.values()].sort((a, b) => a.person.localeCompare(b.person, 'zh-CN')),
    byCounty: totalsBy(counted, (r) => r.county || '（未填）', amount),
    byMonth: totalsBy(counted, (r) => r.date.slice(0, 7), amount, 'key'),
    byFunding: totalsBy(counted, (r) => r.funding || '（未填）', amount),
    byChannel: totalsBy(counted, (r) => r.channelKind ?? (r.channel || '（未填）'), amount),
    flagCounts,
    excluded: rows.filter((r) => !r.included),
    failedFiles: reports.filter((r) => r.error).length,
  };
}
