import { Alert, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../components/i18n';
import { listSources } from '../../lib/catalogue/store';
import { getDb } from '../../lib/db/instance';
import { sourceName } from '../../lib/match/check-link';
import type { MatchResult, MatchTraceData } from '../../lib/match/listing';
import type { Reason } from '../../lib/match/reasons';

// Solid tags with white text, each at least 4.5:1 (antd's light presets are not).
const TIER_COLOURS: Record<string, string> = {
  certified: '#18703f',
  expired: '#595959',
  'poverty-area': '#8a4b00',
  unsold: '#1d4f91',
};
const NO_TIER = '#595959';

/** 匹配检查's answer: the tier and reasons, how the shop was read, and each candidate entry with its checks. */
export function MatchAnswer({
  result,
  trace,
  say,
}: {
  result: MatchResult;
  trace: MatchTraceData;
  say: (r: Reason) => string;
}) {
  const { t } = useI18n();
  const sources = useLiveQuery(() => listSources(getDb()), []);

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="check-answer" data-tier={result.tier ?? 'none'}>
      <Card title={t('check.answer')}>
        <Tag color={result.tier ? TIER_COLOURS[result.tier] : NO_TIER} data-testid="check-tier">
          {result.tier ? t(`tier.${result.tier}`) : t('check.none')}
        </Tag>
        <ul data-testid="check-reasons">
          {result.reasons.map((r) => (
            <li key={`${r.code}${JSON.stringify(r.params)}`}>{say(r)}</li>
          ))}
        </ul>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('check.shopRead')}>{say(trace.shop)}</Descriptions.Item>
          {trace.notes.map((n) => (
            <Descriptions.Item key={`${n.code}${JSON.stringify(n.params)}`} label="·">
              {say(n)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Typography.Title level={3}>{t('check.candidates', { count: trace.candidates.length })}</Typography.Title>
      {trace.candidates.length === 0 && <Alert type="info" message={t('check.noCandidates')} />}
      {trace.candidates.map((c) => (
        <Card
          key={c.entryId}
          size="small"
          title={`${c.product} · ${c.supplier}`}
          extra={
            <Tag color={c.accepted ? 'green' : 'default'}>{c.accepted ? t('check.accepted') : t('check.rejected')}</Tag>
          }
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('check.certificate')}>{c.certificateNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('check.source')}>{sourceName(sources, c.sourceId)}</Descriptions.Item>
            <Descriptions.Item label={t('check.via')}>{say(c.via)}</Descriptions.Item>
          </Descriptions>
          <List
            size="small"
            dataSource={c.checks}
            renderItem={(x) => (
              <List.Item>
                <span aria-hidden="true">{x.ok ? '✓ ' : '✗ '}</span>
                {say(x.reason)}
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}
