import { cellText, type ReportCell, type ReportTable, type UnitReport } from '../../lib/coordinator/unit-report';

/** Right-aligned numbers; long Chinese text may wrap between characters; everything else stays on one line. */
const cellClass = (cell: ReportCell) =>
  typeof cell !== 'string' ? 'num' : cell.length > 8 && /[\u4e00-\u9fff]/.test(cell) ? 'wrap' : undefined;

function PrintTable({ table, testId }: { table: ReportTable; testId: string }) {
  return (
    <table className="report-table" data-testid={testId}>
      <caption>{table.title}</caption>
      {/* A <thead> repeats at the top of every printed page the table runs onto. */}
      <thead>
        <tr>
          {table.headers.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r} className={table.total && r === table.rows.length - 1 ? 'total' : undefined}>
            {row.map((cell, c) => (
              <td key={c} className={cellClass(cell)}>
                {cellText(cell)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The unit report on paper (A4 landscape, see style.css): the same tables as
 * the .xlsx, the summary and signature on the first page, the detail after.
 */
export function UnitReportView({ report }: { report: UnitReport }) {
  return (
    <div className="print-report" data-testid="print-report">
      <h1>{report.title}</h1>
      <p className="report-head">
        {report.head.map((h) => (
          <span key={h}>{h}</span>
        ))}
      </p>
      <div className="report-summary">
        <PrintTable table={report.people} testId="report-people" />
        <PrintTable table={report.reserve} testId="report-reserve" />
        <div className="report-totals">
          <PrintTable table={report.byChannel} testId="report-by-channel" />
          <PrintTable table={report.byFunding} testId="report-by-funding" />
          <PrintTable table={report.byCounty} testId="report-by-county" />
        </div>
        {report.excluded.rows.length > 0 && <PrintTable table={report.excluded} testId="report-excluded" />}
        <dl className="report-signature" data-testid="report-signature">
          {report.signature.map(([label, value]) => (
            <div key={label}>
              <dt>{label}：</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <PrintTable table={report.detail} testId="report-detail" />
    </div>
  );
}
