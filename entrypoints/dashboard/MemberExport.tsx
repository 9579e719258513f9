import { Alert, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { DateRange } from '../../components/DateRange';
import { useI18n } from '../../components/i18n';
import { saveFile, XLSX_TYPE } from '../../components/save-file';
import { todayIso } from '../../lib/dates';
import { getDb } from '../../lib/db/instance';
import {
  memberCsvBytes,
  memberFileName,
  memberRowsOf,
  memberTotals,
  memberXlsxBytes,
} from '../../lib/ledger/member-export';
import { displayYuan } from '../../lib/money';
import { settings } from '../../lib/settings';

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
    const period = { start: start || undefined, end: end || undefined };
    const [purchases, profile] = await Promise.all([getDb().purchases.toArray(), settings.profile.getValue()]);
    const rows = memberRowsOf(purchases, profile, period);
    if (kind === 'xlsx') {
      const meta = { profile, period, exportedAt: new Date().toISOString() };
      saveFile(memberXlsxBytes(rows, meta), memberFileName(profile, period, 'xlsx'), XLSX_TYPE);
    } else {
      saveFile(memberCsvBytes(rows), memberFileName(profile, period, 'csv'), 'text/csv;charset=utf-8');
    }
    const done = t('export.done', { count: rows.length, total: displayYuan(memberTotals(rows).totalFen) });
    setMessage(
      profile.name ? { type: 'success', text: done } : { type: 'warning', text: `${done} ${t('export.noProfile')}` },
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
