import { Alert, Card, Table, Tag } from 'antd';
import { useI18n } from '../../components/i18n';
import { TONE } from '../../components/tone';
import type { MemberFileReport } from '../../lib/coordinator/read-member-file';
import { fileStatus } from '../../lib/coordinator/session';
import { say } from '../../lib/i18n';
import { displayYuan } from '../../lib/money';

/** What each member file gave: who, rows read and refused, its total, and what is wrong with it. */
export function FileReportCard({ reports }: { reports: MemberFileReport[] }) {
  const { t } = useI18n();
  const dash = (r: MemberFileReport, value: () => string | number) => (r.error ? '—' : value());
  return (
    <Card title={t('coordinator.report')} className="no-print">
      <Table<MemberFileReport>
        data-testid="merge-report"
        size="small"
        pagination={false}
        rowKey="fileName"
        dataSource={reports}
        onRow={(r) =>
          ({
            'data-testid': 'merge-file',
            'data-file': r.fileName,
            'data-read': r.rowsRead,
            'data-rejected': r.rejected.length,
            'data-status': fileStatus(r),
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('coordinator.col.file'), dataIndex: 'fileName' },
          {
            title: t('coordinator.col.person'),
            render: (_, r) => r.declared.person ?? r.rows[0]?.person ?? '—',
          },
          { title: t('coordinator.col.read'), align: 'right', render: (_, r) => dash(r, () => r.rowsRead) },
          {
            title: t('coordinator.col.rejected'),
            align: 'right',
            render: (_, r) => dash(r, () => r.rejected.length),
          },
          {
            title: t('coordinator.col.total'),
            align: 'right',
            render: (_, r) => dash(r, () => displayYuan(r.totalFen)),
          },
          { title: t('coordinator.col.problems'), render: (_, r) => <FileProblems report={r} /> },
        ]}
      />
    </Card>
  );
}

function FileProblems({ report: r }: { report: MemberFileReport }) {
  const { t } = useI18n();
  const status = fileStatus(r);
  if (status === 'error') return <Alert type="error" title={r.error && say(t, r.error)} />;
  if (status === 'ok') return <Tag color={TONE.green}>{t('coordinator.ok')}</Tag>;
  return (
    <ul className="problems">
      {r.problems.map((p) => (
        <li key={JSON.stringify(p)}>{say(t, p)}</li>
      ))}
      {r.rejected.map((x) => (
        <li key={`${x.rowNumber}-${x.column}`}>
          {t('coordinator.rejectedRow', { row: x.rowNumber, column: x.column, reason: x.reason })}
        </li>
      ))}
    </ul>
  );
}
