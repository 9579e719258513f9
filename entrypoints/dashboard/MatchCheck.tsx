import { Alert, Button, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { listingLabel, readCheckListing, typedListing } from '../../lib/match/check-link';
import type { Listing, MatchResult, MatchTraceData } from '../../lib/match/listing';
import { formatReason, type Reason } from '../../lib/match/reasons';
import { messageSchemas } from '../../lib/messages';
import { messenger } from '../../lib/messenger';
import { MatchAnswer } from './MatchAnswer';

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
          options={recent.map((l, i) => ({ value: i, label: listingLabel(l) }))}
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
      {answer && <MatchAnswer {...answer} say={say} />}
    </Space>
  );
}
