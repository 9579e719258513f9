import * as XLSX from '@e965/xlsx';
import { CERTIFICATION_LABELS } from '../ledger/member-columns';
import { neutraliseCell } from '../ledger/member-export';
import { FLAG_LABELS, type MergeResult } from './merge';

/** Who reports: the head lines of the unit report. */
export interface UnitReportMeta {
  unit: string;
  preparer: string;
  /** YYYY-MM-DD */
  date: string;
  period?: { start?: string; end?: string };
  /** The unit's target in fen, when one is set (e.g. canteen total × 15%). */
  targetFen?: number;
}

export const UNIT_REPORT_HEADERS = [
  '序号',
  '姓名',
  '日期',
  '产品',
  '供应商',
  '产地县',
  '认定状态',
  '数量',
  '计量单位',
  '金额(元)',
  '资金来源',
  '订单号',
  '核对提示',
] as const;

const AMOUNT_COLUMN = UNIT_REPORT_HEADERS.indexOf('金额(元)');
const ORDER_COLUMN = UNIT_REPORT_HEADERS.indexOf('订单号');

/** The report as rows of cells: title, 填报单位 / 填表人 / 日期, the table, 合计. Shared by the workbook and the print view. */
export function unitReportGrid(merged: MergeResult, meta: UnitReportMeta): (string | number)[][] {
  const period =
    meta.period?.start || meta.period?.end ? `（${meta.period.start ?? ''} 至 ${meta.period.end ?? ''}）` : '';
  const rows = [...merged.rows].sort(
    (a, b) => a.person.localeCompare(b.person, 'zh-CN') || a.date.localeCompare(b.date),
  );
  const grid: (string | number)[][] = [
    [`消费帮扶采购情况汇总表${period}`],
    [
      `填报单位：${neutraliseCell(meta.unit)}`,
      '',
      '',
      `填表人：${neutraliseCell(meta.preparer)}`,
      '',
      '',
      `日期：${meta.date}`,
    ],
    [...UNIT_REPORT_HEADERS],
  ];
  rows.forEach((row, i) => {
    grid.push([
      i + 1,
      neutraliseCell(row.person),
      row.date,
      neutraliseCell(row.product),
      neutraliseCell(row.supplier),
      neutraliseCell(row.county),
      CERTIFICATION_LABELS[row.certification],
      row.quantity,
      neutraliseCell(row.measure),
      row.amountFen / 100,
      neutraliseCell(row.funding),
      neutraliseCell(row.orderNo),
      row.flags.map((f) => FLAG_LABELS[f]).join('、'),
    ]);
  });
  const total: (string | number)[] = UNIT_REPORT_HEADERS.map(() => '');
  total[0] = '合计';
  total[AMOUNT_COLUMN] = merged.totalFen / 100;
  grid.push(total);
  grid.push(['其中认定帮扶产品', '', '', '', '', '', '', '', '', merged.certifiedFen / 100]);
  if (meta.targetFen) {
    grid.push(['目标金额', '', '', '', '', '', '', '', '', meta.targetFen / 100]);
    grid.push([
      '完成比例',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      `${((merged.certifiedFen / meta.targetFen) * 100).toFixed(1)}%`,
    ]);
  }
  return grid;
}

export function unitReportXlsxBytes(merged: MergeResult, meta: UnitReportMeta): Uint8Array {
  const grid = unitReportGrid(merged, meta);
  const sheet = XLSX.utils.aoa_to_sheet(grid);
  const headerRow = 2;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const amount = sheet[XLSX.utils.encode_cell({ r, c: AMOUNT_COLUMN })] as XLSX.CellObject | undefined;
    if (amount?.t === 'n') amount.z = '0.00';
    const order = sheet[XLSX.utils.encode_cell({ r, c: ORDER_COLUMN })] as XLSX.CellObject | undefined;
    if (order) {
      order.t = 's';
      order.z = '@';
    }
  }
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: UNIT_REPORT_HEADERS.length - 1 } }];
  sheet['!cols'] = UNIT_REPORT_HEADERS.map((h) => ({
    wch: h === '产品' || h === '供应商' ? 24 : h === '订单号' ? 22 : 10,
  }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '汇总表');
  const byGroup: (string | number)[][] = [['分类', '项目', '金额(元)']];
  for (const [label, list] of [
    ['姓名', merged.byPerson],
    ['产地县', merged.byCounty],
    ['月份', merged.byMonth],
    ['资金来源', merged.byFunding],
  ] as const) {
    for (const [key, fen] of list) byGroup.push([label, neutraliseCell(key), fen / 100]);
  }
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(byGroup), '分类合计');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }));
}

/** 消费帮扶汇总表_某某单位_2026-11-25.xlsx */
export function unitReportFileName(meta: UnitReportMeta): string {
  const unit = meta.unit.replace(/[\\/:*?"<>|\s]+/g, '') || '本单位';
  return `消费帮扶汇总表_${unit}_${meta.date}.xlsx`;
}
