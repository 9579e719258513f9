import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { problemsCsv, REPORT_ROWS, summarisePlan } from '../../lib/catalogue/report';
import type { CatalogueImportPlan } from '../../lib/catalogue/rows';
import type { CatalogueEntry } from '../../lib/db/entities';
import { message } from '../../lib/i18n/message';

/** A national list's report: a few rejected rows and duplicates, and more warnings than the screen lists. */
const plan: CatalogueImportPlan = {
  sourceId: 'src:全国',
  rowsRead: 2000,
  entries: Array.from({ length: 1990 }, (_, i) => ({ id: `src:全国#${i + 2}` }) as CatalogueEntry),
  rejected: [
    { rowNumber: 7, column: '产品名称', message: message('catalogue.row.noName') },
    { rowNumber: 1500, column: '有效期至', message: message('catalogue.row.date', { value: '明年' }) },
  ],
  duplicates: [
    { rowNumber: 900, firstRow: 3, message: message('catalogue.row.duplicateCertificate', { certificate: 'FP1' }) },
  ],
  warnings: Array.from({ length: REPORT_ROWS + 120 }, (_, i) => ({
    rowNumber: 2 + 3 * i,
    column: '有效期至',
    message: message('catalogue.row.expired', { date: '2020-01-01' }),
  })),
  extraColumns: ['备注'],
};

describe('the import report', () => {
  it('counts every problem and lists the first of each kind, without the entries', () => {
    const summary = summarisePlan(plan);
    expect(summary).not.toHaveProperty('entries');
    expect(summary.validCount).toBe(1990);
    expect(summary.counts).toEqual({ rejected: 2, duplicates: 1, warnings: REPORT_ROWS + 120 });
    expect(summary.warnings).toHaveLength(REPORT_ROWS);
    expect(summary.warnings[0]).toEqual(plan.warnings[0]);
    expect(summary.rejected).toEqual(plan.rejected);
    expect(summary.extraColumns).toEqual(['备注']);
  });

  it('writes every problem to the CSV, by row, with its kind, column and reason', () => {
    const bytes = problemsCsv(plan);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes).trim()).data;
    expect(rows[0]).toEqual(['行号', '类型', '列', '原因']);
    expect(rows).toHaveLength(1 + 2 + 1 + REPORT_ROWS + 120);
    expect(rows[1]).toEqual(['2', '提醒', '有效期至', '已过有效期（2020-01-01），按"过期"导入']);
    expect(rows).toContainEqual(['7', '拒绝', '产品名称', '缺少产品名称']);
    expect(rows).toContainEqual(['900', '重复', '', '证书编号 FP1 重复（与第 3 行）']);
    const numbers = rows.slice(1).map((r) => Number(r[0]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });
});
