import { Card, Descriptions, Tag } from 'antd';
import { useI18n } from '../../components/i18n';
import { TIER_TONE } from '../../components/tone';
import type { MessageKey } from '../../lib/i18n';
import { displayYuan } from '../../lib/money';
import type { Prefill } from '../../lib/prefill';

/** What 「记一笔」 on a badge brought: the listing and its certification as it stands now. */
export function PrefillCard({ prefill }: { prefill: Prefill }) {
  const { t } = useI18n();
  const { listing, result } = prefill;
  return (
    <Card data-testid="purchase-prefill" title={t('purchases.prefill.title')} style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('purchases.field.product')}>{listing.title}</Descriptions.Item>
        <Descriptions.Item label={t('purchases.field.shop')}>{listing.shopName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('purchases.field.platform')}>
          {t(`site.${listing.site}` as MessageKey)}
        </Descriptions.Item>
        <Descriptions.Item label={t('purchases.field.unitPrice')}>
          {listing.priceFen !== undefined ? displayYuan(listing.priceFen) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('purchases.field.certification')}>
          {result.tier ? <Tag color={TIER_TONE[result.tier]}>{t(`tier.${result.tier}`)}</Tag> : '—'}
          {result.batch && <span>{result.batch}</span>}
        </Descriptions.Item>
        <Descriptions.Item label={t('purchases.field.supplier')}>{result.supplier ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('purchases.field.county')}>{result.county ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('purchases.field.link')}>
          {listing.url ? (
            <a href={listing.url} target="_blank" rel="noreferrer">
              {listing.url}
            </a>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
