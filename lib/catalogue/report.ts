import { type Message, message, zhText } from '../i18n/message';
import { zhCN } from '../i18n/zh-CN';
import { neutraliseCell } from '../ledger/member-export';
import { csvFileBytes } from '../tables/csv-file';
import type { CatalogueImportPlan, RowProblem } from './rows';

/**
 * How many problems of each kind the import report lists on screen. A national
 * list can have 25,000 warnings (entries past their validity): counted in
 * full, listed in part, and all of them in the report's CSV. Handing all of
 * them to the page cost a third of a second of the import.
 */
export const REPORT_ROWS = 500;

/** A plan as the report shows it: exact counts, the first problems of each kind, no entries. */
export interface PlanSummary extends Omit<CatalogueImportPlan, 'entries'> {
  validCount: number;
  counts: { rejected: number; duplicates: number; warnings: number };
}

/** `validCount`: the entries of every part, for a file read in parts (the plan holds the first part's). */
export function summarisePlan({ entries, ...plan }: CatalogueImportPlan, validCount = entries.length): PlanSummary {
  return {
    ...plan,
    validCount,
    counts: { rejected: plan.rejected.length, duplicates: plan.duplicates.length, warnings: plan.warnings.length },
    rejected: plan.rejected.slice(0, REPORT_ROWS),
    duplicates: plan.duplicates.slice(0, REPORT_ROWS),
    warnings: plan.warnings.slice(0, REPORT_ROWS),
  };
}

export type ProblemKind = 'rejected' | 'duplicate' | 'warning';

/** Every problem of a plan, by row: what the report lists (its kind, the column, the reason). */
export function problemsByRow(
  plan: Pick<CatalogueImportPlan, 'rejected' | 'duplicates' | 'warnings'>,
): (RowProblem & { kind: ProblemKind })[] {
  return [
    ...plan.rejected.map((p) => ({ ...p, kind: 'rejected' as const })),
    ...plan.duplicates.map((p) => ({
      rowNumber: p.rowNumber,
      message: message('catalogue.row.duplicateOf', { problem: p.message, row: p.firstRow }),
      kind: 'duplicate' as const,
    })),
    ...plan.warnings.map((p) => ({ ...p, kind: 'warning' as const })),
  ].sort((a, b) => a.rowNumber - b.rowNumber);
}

const textOf = (value: string | Message) => (typeof value === 'string' ? value : zhText(value));

const KIND_LABELS: Record<ProblemKind, string> = {
  rejected: zhCN['catalogue.report.rejected'],
  duplicate: zhCN['catalogue.report.duplicates'],
  warning: zhCN['catalogue.report.warnings'],
};

/** The whole report as a CSV file: 行号, 类型, 列, 原因 — every problem, not only those listed on screen. */
export function problemsCsv(plan: Pick<CatalogueImportPlan, 'rejected' | 'duplicates' | 'warnings'>) {
  const header = [
    zhCN['catalogue.report.row'],
    zhCN['catalogue.report.kind'],
    zhCN['catalogue.report.column'],
    zhCN['catalogue.report.reason'],
  ];
  return csvFileBytes([
    header,
    // A column or a message quotes the file's own cells (=HYPERLINK(…)): neutralised like every export.
    ...problemsByRow(plan).map((p) => [
      p.rowNumber,
      KIND_LABELS[p.kind],
      neutraliseCell(textOf(p.column ?? '')),
      neutraliseCell(zhText(p.message)),
    ]),
  ]);
}
