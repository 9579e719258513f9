import { Alert, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { DateRange } from '../../components/DateRange';
import { exportMemberFile } from '../../components/export-member-file';
import { useI18n } from '../../components/i18n';
import { todayIso } from '../../lib/dates';
import { displayYuan } from '../../lib/money';

/** Exports the user's purchases of a period as the member file a coordinator merges (DESIGN §7). */
export function MemberExport() {
  const { t } = useI18n();
  const today = todayIso();
  const [start, setStart] = useState(`${today.slice(0, 4)}-01-01`);
  const [end, setEnd] = useState(today);
  const [message, setMessage] = useState<{ type: 'success' | 'warning' | 'error'; text: string }>();

  async function run(kind: 'xlsx' | 'csv') {
    if (start && end && start > end) {
      setMessage({ type: 'error', text: t('export.badPeriod') });
      return;
    }
    const result = await exportMemberFile(kind, { start: start || undefined, end: end || undefined });
    const done = t('export.done', { count: result.count, total: displayYuan(result.totalFen) });
    setMessage(
      result.signed ? { type: 'success', text: done } : { type: 'warning', text: `${done} ${t('export.noProfile')}` },
    );
  }

  return (
    <Card title={t('export.title')} style={{ marginTop: 16 }} data-testid="member-export">
      <Space wrap>
        <DateRange
          start={start}
          end={end}
          testId="export"
          onChange={(range) => {
            setStart(range.start);
            setEnd(range.end);
          }}
        />
        <Button type="primary" onClick={() => void run('xlsx')} data-testid="export-xlsx">
          {t('export.xlsx')}
        </Button>
        <Button onClick={() => void run('csv')} data-testid="export-csv">
          {t('export.csv')}
        </Button>
      </Space>
      {message && (
        <Alert
          style={{ marginTop: 12 }}
          type={message.type}
          showIcon
          title={message.text}
          data-testid="export-message"
        />
      )}
    </Card>
  );
}
