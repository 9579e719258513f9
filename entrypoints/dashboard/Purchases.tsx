import { Alert, Card, Descriptions, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { PurchaseForm } from '../../components/PurchaseForm';
import { TONE } from '../../components/tone';
import type { Purchase } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import type { MessageKey } from '../../lib/i18n';
import { displayYuan } from '../../lib/money';
import { type Prefill, readPrefill } from '../../lib/prefill';
import { MemberExport } from './MemberExport';

const TIER_COLOR = {
  certified: TONE.green,
  expired: 'default',
  'poverty-area': TONE.orange,
  unsold: TONE.blue,
} as const;

/** What 「记一笔」 on a badge brought: the listing and its certification as it stands now. */
function PrefillCard({ prefill }: { prefill: Prefill }) {
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
          {result.tier ? <Tag color={TIER_COLOR[result.tier]}>{t(`tier.${result.tier}`)}</Tag> : '—'}
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

function RecentPurchases() {
  const { t } = useI18n();
  const purchases = useLiveQuery(() => getDb().purchases.orderBy('purchasedOn').reverse().limit(50).toArray(), []);
  return (
    <Card title={t('purchases.recent')} style={{ marginTop: 16 }}>
      <Table<Purchase>
        data-testid="purchases-table"
        size="small"
        rowKey="id"
        loading={!purchases}
        dataSource={purchases ?? []}
        locale={{ emptyText: t('purchases.empty') }}
        pagination={false}
        columns={[
          { title: t('purchases.field.date'), dataIndex: 'purchasedOn', width: 110 },
          { title: t('purchases.field.product'), dataIndex: 'product' },
          { title: t('purchases.field.supplier'), dataIndex: 'supplier' },
          {
            title: t('purchases.field.certification'),
            key: 'tier',
            render: (_, p) =>
              p.certification.tier ? (
                <Tag color={TIER_COLOR[p.certification.tier]}>{t(`tier.${p.certification.tier}`)}</Tag>
              ) : (
                '—'
              ),
          },
          { title: t('purchases.field.fundingSource'), dataIndex: 'fundingSource', width: 90 },
          {
            title: t('purchases.field.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (fen: number) => displayYuan(fen),
          },
        ]}
      />
    </Card>
  );
}

export function Purchases() {
  const { t } = useI18n();
  const [prefill, setPrefill] = useState<Prefill | undefined>(() => readPrefill(location.hash));
  useEffect(() => {
    const onHash = () => setPrefill(readPrefill(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <>
      {prefill && <PrefillCard prefill={prefill} />}
      <Card title={t('purchases.prefill.form')}>
        <PurchaseForm key={location.hash} prefill={prefill} />
      </Card>
      <RecentPurchases />
      <MemberExport />
      <Alert type="info" showIcon title={t('purchases.coming')} style={{ marginTop: 16 }} />
    </>
  );
}
