import { Alert, Button, Card, Descriptions, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { listSources } from '../../lib/catalogue/store';
import { getDb } from '../../lib/db/instance';
import { readCheckListing, typedListing } from '../../lib/match/check-link';
import type { Listing, MatchResult, MatchTraceData } from '../../lib/match/listing';
import { formatReason, type Reason } from '../../lib/match/reasons';
import { messageSchemas } from '../../lib/messages';
import { messenger } from '../../lib/messenger';

// Solid tags with white text, each at least 4.5:1 (antd's light presets are not).
const TIER_COLOURS: Record<string, string> = {
  certified: '#18703f',
  expired: '#595959',
  'poverty-area': '#8a4b00',
  unsold: '#1d4f91',
};
const NO_TIER = '#595959';

/** 匹配检查: why a listing has its badge, or none — the trace of the code that badges pages. */
export function MatchCheck() {
  const { t, language } = useI18n();
  const say = (r: Reason) => formatReason(r, language);
  const [form] = Form.useForm<{ title: string; shop?: string; link?: string }>();
  const [recent, setRecent] = useState<Listing[]>([]);
  const [answer, setAnswer] = useState<{ listing: Listing; result: MatchResult; trace: MatchTraceData }>();
  const [error, setError] = useState<string>();

  const check = async (listing: Listing) => {
    setError(undefined);
    try {
      // The reply is parsed at the boundary like every message.
      const reply = messageSchemas.explainListing.response.parse(
        await messenger.sendMessage('explainListing', { listing }),
      );
      setAnswer({ listing, ...reply });
    } catch (e) {
      setError(t('check.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  useEffect(() => {
    void messenger
      .sendMessage('recentListings', {})
      .then((r) => setRecent(messageSchemas.recentListings.response.parse(r).listings))
      .catch(() => setRecent([]));
    const fromLink = readCheckListing(location.hash);
    if (fromLink) {
      form.setFieldsValue({ title: fromLink.title, shop: fromLink.shopName, link: fromLink.url });
      void check(fromLink);
    }
  }, []);

  const pick = (i: number) => {
    const listing = recent[i];
    if (!listing) return;
    form.setFieldsValue({ title: listing.title, shop: listing.shopName, link: listing.url });
    void check(listing);
  };

  const submit = (values: { title: string; shop?: string; link?: string }) => {
    const listing = typedListing(values);
    if (listing) void check(listing);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }} data-testid="match-check">
      <Typography.Paragraph>{t('check.intro')}</Typography.Paragraph>
      {recent.length > 0 && (
        <Select
          aria-label={t('check.recent')}
          placeholder={t('check.recent')}
          style={{ width: '100%' }}
          onChange={pick}
          options={recent.map((l, i) => ({ value: i, label: `${l.title}${l.shopName ? ` · ${l.shopName}` : ''}` }))}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={t('check.title')} rules={[{ required: true, message: t('check.missingTitle') }]}>
          <Input.TextArea autoSize maxLength={500} data-testid="check-title" />
        </Form.Item>
        <Form.Item name="shop" label={t('check.shop')}>
          <Input maxLength={200} data-testid="check-shop" />
        </Form.Item>
        <Form.Item name="link" label={t('check.link')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="check-run">
          {t('check.run')}
        </Button>
      </Form>
      {error && <Alert type="error" message={error} />}
      {answer && <Answer {...answer} say={say} />}
    </Space>
  );
}

function Answer({ result, trace, say }: { result: MatchResult; trace: MatchTraceData; say: (r: Reason) => string }) {
  const { t } = useI18n();
  const sources = useLiveQuery(() => listSources(getDb()), []);
  const sourceName = (id: string) => sources?.find((s) => s.id === id)?.name ?? id.replace(/^src:/, '');
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
            <Descriptions.Item label={t('check.source')}>{sourceName(c.sourceId)}</Descriptions.Item>
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
