import { CERTIFICATION_LABELS } from '../ledger/member-columns';
import { neutraliseCell } from '../ledger/member-export';
import { shareOfBase } from '../ledger/pledges';
import { FLAG_LABELS, type MergeResult } from './merge';

/** Who reports, what the unit set itself, and who signs: the head, 预留份额 block and signature of the unit report. */
export interface UnitReportMeta {
  unit: string;
  preparer: string;
  /** YYYY-MM-DD */
  date: string;
  period?: { start?: string; end?: string };
  /** Each person's target (以购代捐), in fen, when the unit sets one. */
  personTargetFen?: number;
  /** 预留份额: whether the unit has a canteen, its yearly food purchases and the share. */
  canteen?: { has: boolean; baseFen?: number; ratio: number };
  sign?: { head?: string; reviewer?: string; phone?: string };
}

/** A cell of the report: text, an amount in 元 (`yuan`), a share (`percent`), or a count. */
export type ReportCell = string | { yuan: number } | { percent: number } | { count: number };
export interface ReportTable {
  title: string;
  headers: string[];
  rows: ReportCell[][];
  /** The last row is 合计. */
  total?: boolean;
}

export interface UnitReport {
  title: string;
  /** 填报单位 / 统计期间 / 填表人 / 日期. */
  head: string[];
  people: ReportTable;
  reserve: ReportTable;
  byChannel: ReportTable;
  byFunding: ReportTable;
  byCounty: ReportTable;
  excluded: ReportTable;
  detail: ReportTable;
  signature: [string, string][];
}

const yuan = (fen: number): ReportCell => ({ yuan: fen / 100 });
const rate = (done: number, target: number | undefined): ReportCell => (target ? { percent: done / target } : '—');
const text = (value: string) => neutraliseCell(value);

export const DETAIL_HEADERS = [
  '序号',
  '姓名',
  '日期',
  '产品',
  '供应商',
  '产地县',
  '渠道',
  '资金来源',
  '金额(元)',
  '申报认定',
  '核实认定',
  '订单号',
  '核对提示',
];

function totalsTable(title: string, label: string, list: [string, number][], totalFen: number): ReportTable {
  return {
    title,
    headers: [label, '金额(元)'],
    rows: [...list.map(([key, fen]) => [text(key), yuan(fen)]), ['合计', yuan(totalFen)]],
    total: true,
  };
}

/**
 * The unit report an office files (DESIGN §7), as tables of cells: the
 * .xlsx writer and the print view both render these, so they never differ.
 */
export function unitReport(merged: MergeResult, meta: UnitReportMeta): UnitReport {
  const period = meta.period?.start || meta.period?.end ? `${meta.period.start ?? ''} 至 ${meta.period.end ?? ''}` : '';
  const target = meta.personTargetFen;
  const people: ReportTable = {
    title: '一、个人完成情况（完成 = 经本单位目录核实的认定帮扶产品）',
    headers: ['序号', '姓名', '部门', '目标(元)', '完成(元)', '完成率'],
    rows: merged.people.map((p, i) => [
      { count: i + 1 },
      text(p.person),
      // 部门 as the member gave it; a hand-filled sheet without one names their 单位 there instead.
      text(p.department || p.org),
      target ? yuan(target) : '—',
      yuan(p.certifiedFen),
      rate(p.certifiedFen, target),
    ]),
    total: true,
  };
  const peopleTarget = target ? target * merged.people.length : undefined;
  people.rows.push([
    '合计',
    `${merged.people.length} 人`,
    '',
    peopleTarget ? yuan(peopleTarget) : '—',
    yuan(merged.certifiedFen),
    rate(merged.certifiedFen, peopleTarget),
  ]);

  const canteen = meta.canteen;
  const reserveFen = canteen?.has && canteen.baseFen ? shareOfBase(canteen.baseFen, canteen.ratio) : undefined;
  const reserve: ReportTable = {
    title: '二、832 平台预留份额',
    headers: ['有无食堂', '食堂食材采购总额(元)', '比例', '预留金额(元)', '已在 832 完成(元)', '完成率'],
    rows: [
      [
        canteen?.has ? '有' : '无食堂',
        canteen?.has && canteen.baseFen !== undefined ? yuan(canteen.baseFen) : '—',
        canteen?.has ? { percent: canteen.ratio } : '—',
        reserveFen !== undefined ? yuan(reserveFen) : '—',
        yuan(merged.reserve832Fen),
        rate(merged.reserve832Fen, reserveFen),
      ],
    ],
  };

  const detailRows = merged.rows.filter((r) => r.included);
  const detail: ReportTable = {
    title: '附：计入统计的明细',
    headers: DETAIL_HEADERS,
    rows: detailRows.map((row, i) => [
      { count: i + 1 },
      text(row.person),
      row.date,
      text(row.product),
      text(row.supplier),
      text(row.county),
      row.channelKind ?? text(row.channel),
      text(row.funding),
      yuan(row.amountFen),
      CERTIFICATION_LABELS[row.certification],
      CERTIFICATION_LABELS[row.verified],
      text(row.orderNo),
      [row.flags.map((f) => FLAG_LABELS[f]).join('、'), row.reviewNote ?? ''].filter(Boolean).join('；'),
    ]),
    total: true,
  };
  detail.rows.push(['合计', '', '', '', '', '', '', '', yuan(merged.totalFen), '', '', '', '']);

  return {
    title: `消费帮扶采购情况汇总表${period ? `（${period}）` : ''}`,
    head: [
      `填报单位：${text(meta.unit)}`,
      ...(period ? [`统计期间：${period}`] : []),
      `填表人：${text(meta.preparer)}`,
      `日期：${meta.date}`,
    ],
    people,
    reserve,
    byChannel: totalsTable('三、按渠道', '渠道', merged.byChannel, merged.totalFen),
    byFunding: totalsTable('四、按资金来源', '资金来源', merged.byFunding, merged.totalFen),
    byCounty: totalsTable('五、按产地县', '产地县', merged.byCounty, merged.totalFen),
    excluded: {
      title: `六、未计入统计的记录（${merged.excluded.length} 条）`,
      headers: ['序号', '姓名', '日期', '产品', '金额(元)', '原因'],
      rows: merged.excluded.map((row, i) => [
        { count: i + 1 },
        text(row.person),
        row.date,
        text(row.product),
        yuan(row.amountFen),
        row.reviewNote ?? '',
      ]),
    },
    detail,
    signature: [
      ['单位负责人', meta.sign?.head ?? ''],
      ['审核人', meta.sign?.reviewer ?? ''],
      ['填表人', meta.preparer],
      ['联系电话', meta.sign?.phone ?? ''],
      ['（单位盖章）', ''],
    ],
  };
}

/** A cell as text, as the print view and the flat CSV show it. */
export function cellText(cell: ReportCell): string {
  if (typeof cell === 'string') return cell;
  if ('yuan' in cell) return cell.yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if ('percent' in cell) return `${(cell.percent * 100).toFixed(1)}%`;
  return String(cell.count);
}

/** 消费帮扶汇总表_某某单位_2026-11-25.xlsx */
export function unitReportFileName(meta: Pick<UnitReportMeta, 'unit' | 'date'>): string {
  const unit = meta.unit.replace(/[\\/:*?"<>|\s]+/g, '') || '本单位';
  return `消费帮扶汇总表_${unit}_${meta.date}.xlsx`;
}
