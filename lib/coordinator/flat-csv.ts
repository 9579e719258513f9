import Papa from 'papaparse';
import { formatYuan } from '../money';
import type { MergeResult } from './merge';
import type { UnitReportMeta } from './unit-report';

/**
 * The report's counted rows as one flat, versioned table (DESIGN §7, README
 * "Upward"): UTF-8 without BOM, one header line, ISO dates, amounts in 元
 * with two decimals, so a city loads thousands of unit reports with one COPY.
 * Text cells are written as they are (no spreadsheet neutralising: engines
 * read them, not Excel).
 */
export const FLAT_FORMAT_VERSION = 1;
export const FLAT_COLUMNS = [
  'format_version',
  'unit',
  'period_start',
  'period_end',
  'person',
  'org',
  'purchased_on',
  'product',
  'supplier',
  'county',
  'channel',
  'funding_source',
  'purchase_type',
  'quantity',
  'amount_yuan',
  'declared_certification',
  'verified_certification',
  'order_no',
  'flags',
] as const;

export function flatCsvText(merged: MergeResult, meta: Pick<UnitReportMeta, 'unit' | 'period'>): string {
  const rows = merged.rows
    .filter((r) => r.included)
    .map((r) => [
      FLAT_FORMAT_VERSION,
      meta.unit,
      meta.period?.start ?? '',
      meta.period?.end ?? '',
      r.person,
      r.org,
      r.date,
      r.product,
      r.supplier,
      r.county,
      r.channelKind ?? r.channel,
      r.funding,
      r.type,
      r.quantity,
      formatYuan(r.amountFen),
      r.certification,
      r.verified,
      r.orderNo,
      r.flags.join(' '),
    ]);
  return `${Papa.unparse({ fields: [...FLAT_COLUMNS], data: rows }, { newline: '\n', quotes: false })}\n`;
}

/** 消费帮扶明细_某某单位_2026-11-25.csv */
export const flatCsvFileName = (meta: Pick<UnitReportMeta, 'unit' | 'date'>) =>
  `消费帮扶明细_${meta.unit.replace(/[\\/:*?"<>|\s]+/g, '') || '本单位'}_${meta.date}.csv`;
