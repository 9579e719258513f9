/**
 * The unit report as a styled workbook (bold headers, borders, `#,##0.00`,
 * widths, A4 landscape, header rows repeated). exceljs writes styles, which
 * @e965/xlsx does not; it is large, so pages load this module only when the
 * user exports (a dynamic import).
 */
import ExcelJS from 'exceljs';
import type { MergeResult } from './merge';
import { type ReportCell, type ReportTable, type UnitReportMeta, unitReport } from './unit-report';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
export const MONEY_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.0%';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

const A4_LANDSCAPE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};

function setCell(cell: ExcelJS.Cell, value: ReportCell) {
  if (typeof value === 'string') {
    cell.value = value;
    // Order numbers and codes stay text (never 2.86E+17).
    cell.numFmt = '@';
  } else if ('yuan' in value) {
    cell.value = value.yuan;
    cell.numFmt = MONEY_FORMAT;
    cell.alignment = { horizontal: 'right' };
  } else if ('percent' in value) {
    cell.value = value.percent;
    cell.numFmt = PERCENT_FORMAT;
    cell.alignment = { horizontal: 'right' };
  } else {
    cell.value = value.count;
  }
}

/** Writes a table from `row` on: a bold title line, a bold bordered header, bordered rows; returns the next free row. */
function writeTable(sheet: ExcelJS.Worksheet, row: number, table: ReportTable, span: number): number {
  sheet.getCell(row, 1).value = table.title;
  sheet.getCell(row, 1).font = { bold: true, size: 12 };
  sheet.mergeCells(row, 1, row, span);
  row++;
  table.headers.forEach((header, c) => {
    const cell = sheet.getCell(row, c + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.border = THIN;
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  row++;
  table.rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      const cell = sheet.getCell(row, c + 1);
      setCell(cell, value);
      cell.border = THIN;
      if (table.total && r === table.rows.length - 1) cell.font = { bold: true };
    });
    row++;
  });
  return row + 1;
}

/** The report's 汇总表 (what is signed) and 明细 (every counted row) as .xlsx bytes. */
export async function unitReportXlsxBytes(merged: MergeResult, meta: UnitReportMeta): Promise<Uint8Array> {
  const report = unitReport(merged, meta);
  const book = new ExcelJS.Workbook();
  book.creator = '消费帮扶助手';
  book.created = new Date(`${meta.date}T00:00:00Z`);

  const summary = book.addWorksheet('汇总表', { pageSetup: { ...A4_LANDSCAPE } });
  summary.columns = [{ width: 8 }, { width: 22 }, { width: 24 }, { width: 18 }, { width: 20 }, { width: 14 }];
  const span = 6;
  summary.getCell(1, 1).value = report.title;
  summary.getCell(1, 1).font = { bold: true, size: 16 };
  summary.getCell(1, 1).alignment = { horizontal: 'center' };
  summary.mergeCells(1, 1, 1, span);
  summary.getCell(2, 1).value = report.head.join('    ');
  summary.mergeCells(2, 1, 2, span);
  let row = 4;
  for (const table of [
    report.people,
    report.reserve,
    report.byChannel,
    report.byFunding,
    report.byCounty,
    report.excluded,
  ]) {
    row = writeTable(summary, row, table, span);
  }
  // The signature block: label, a line to sign on.
  for (const [label, value] of report.signature) {
    summary.getCell(row, 1).value = `${label}：`;
    summary.getCell(row, 1).font = { bold: true };
    summary.mergeCells(row, 1, row, 2);
    const line = summary.getCell(row, 3);
    line.value = value;
    line.border = { bottom: { style: 'thin' } };
    summary.mergeCells(row, 3, row, 4);
    summary.getRow(row).height = 24;
    row++;
  }

  const detail = book.addWorksheet('明细', {
    pageSetup: { ...A4_LANDSCAPE, printTitlesRow: '2:2' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  detail.columns = [6, 10, 12, 24, 26, 12, 14, 10, 12, 12, 12, 22, 24].map((width) => ({ width }));
  // Row 1 is the title, row 2 is the header, repeated on every printed page.
  writeTable(detail, 1, { ...report.detail, title: `${report.title} · 明细` }, report.detail.headers.length);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
