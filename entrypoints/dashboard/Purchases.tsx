import { Button, Card, Descriptions, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { DateRange } from '../../components/DateRange';
import { useI18n } from '../../components/i18n';
import { PurchaseForm } from '../../components/PurchaseForm';
import { TIER_TONE } from '../../components/tone';
import { FUNDING_SOURCES, type Purchase } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import type { MessageKey } from '../../lib/i18n';
import { filterPurchases, type PurchaseFilter, sumFen, type TierFilter } from '../../lib/ledger/purchase-filter';
import { SITE_IDS } from '../../lib/match/listing';
import { displayYuan } from '../../lib/money';
import { type Prefill, readPrefill } from '../../lib/prefill';
import { MemberExport } from './MemberExport';

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

const TIERS = ['certified', 'expired', 'poverty-area', 'unsold', 'none'] as const;
const PLATFORMS = [...SITE_IDS, 'offline'] as const;

/**
 * Every purchase, filtered, searched and sorted, with edit, delete and bulk
 * delete (confirmed, undoable) and the totals of what is shown. Paged, so
 * 10,000 rows cost what 50 do.
 */
function PurchasesTable() {
  const { t } = useI18n();
  const purchases = useLiveQuery(() => getDb().purchases.orderBy('purchasedOn').reverse().toArray(), []);
  const [filter, setFilter] = useState<PurchaseFilter>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<Purchase>();
  const [deleted, setDeleted] = useState<Purchase[]>();
  const shown = useMemo(() => filterPurchases(purchases ?? [], filter), [purchases, filter]);
  const totalFen = sumFen(shown);
  const certifiedFen = sumFen(shown, (p) => p.certification.tier === 'certified');
  const set = (change: Partial<PurchaseFilter>) => setFilter((f) => ({ ...f, ...change }));

  async function remove(ids: string[]) {
    const db = getDb();
    const gone = (await db.purchases.bulkGet(ids)).filter((p): p is Purchase => Boolean(p));
    await db.purchases.bulkDelete(ids);
    setSelected([]);
    setDeleted(gone);
  }

  return (
    <Card title={t('purchases.all')} style={{ marginTop: 16 }}>
      {editing && (
        <Card type="inner" title={t('purchases.editing')} style={{ marginBottom: 16 }} data-testid="purchase-edit">
          <PurchaseForm
            key={editing.id}
            editing={editing}
            onSaved={() => setEditing(undefined)}
            onCancel={() => setEditing(undefined)}
          />
        </Card>
      )}
      <Space wrap style={{ marginBottom: 12 }} data-testid="purchases-filters">
        <DateRange
          start={filter.start ?? ''}
          end={filter.end ?? ''}
          label={t('purchases.filter.start')}
          testId="purchases-filter"
          onChange={(range) => set({ start: range.start || undefined, end: range.end || undefined })}
        />
        <Select
          aria-label={t('purchases.filter.platform')}
          style={{ width: 130 }}
          value={filter.platform ?? ''}
          onChange={(v) => set({ platform: v || undefined })}
          options={[
            { value: '', label: t('purchases.filter.anyOf', { name: t('purchases.filter.platform') }) },
            ...PLATFORMS.map((p) => ({ value: p, label: t(`site.${p}` as MessageKey) })),
          ]}
        />
        <Select
          aria-label={t('purchases.filter.funding')}
          style={{ width: 150 }}
          value={filter.fundingSource ?? ''}
          onChange={(v) => set({ fundingSource: (v || undefined) as PurchaseFilter['fundingSource'] })}
          options={[
            { value: '', label: t('purchases.filter.anyOf', { name: t('purchases.filter.funding') }) },
            ...FUNDING_SOURCES.map((f) => ({ value: f, label: f })),
          ]}
        />
        <Select
          aria-label={t('purchases.filter.tier')}
          style={{ width: 170 }}
          value={filter.tier ?? ''}
          onChange={(v) => set({ tier: (v || undefined) as TierFilter | undefined })}
          data-testid="purchases-filter-tier"
          options={[
            { value: '', label: t('purchases.filter.anyOf', { name: t('purchases.filter.tier') }) },
            ...TIERS.map((tier) => ({
              value: tier,
              label: tier === 'none' ? t('purchases.tier.none') : t(`tier.${tier}`),
            })),
          ]}
        />
        <Input.Search
          allowClear
          aria-label={t('purchases.filter.search')}
          placeholder={t('purchases.filter.search')}
          style={{ width: 300 }}
          value={filter.search ?? ''}
          onChange={(e) => set({ search: e.target.value || undefined })}
        />
        <Button onClick={() => setFilter({})}>{t('purchases.filter.reset')}</Button>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <span
          data-testid="purchases-totals"
          data-count={shown.length}
          data-total-fen={totalFen}
          data-certified-fen={certifiedFen}
        >
          {t('purchases.totals', {
            count: shown.length,
            total: displayYuan(totalFen),
            certified: displayYuan(certifiedFen),
          })}
        </span>
        {selected.length > 0 && (
          <Popconfirm
            title={t('purchases.bulkDeleteConfirm', { count: selected.length })}
            onConfirm={() => void remove(selected)}
          >
            <Button danger data-testid="purchases-bulk-delete">
              {t('purchases.bulkDelete', { count: selected.length })}
            </Button>
          </Popconfirm>
        )}
        {deleted && (
          <span role="status" data-testid="purchases-deleted">
            {t('purchases.deleted', { count: deleted.length })}{' '}
            <Button
              size="small"
              onClick={() =>
                void getDb()
                  .purchases.bulkPut(deleted)
                  .then(() => setDeleted(undefined))
              }
            >
              {t('purchases.undo')}
            </Button>
          </span>
        )}
      </Space>
      <Table<Purchase>
        data-testid="purchases-table"
        size="small"
        rowKey="id"
        loading={!purchases}
        dataSource={shown}
        locale={{ emptyText: t('purchases.empty') }}
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => `${n}` }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        onRow={(p) => ({ 'data-id': p.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('purchases.field.date'),
            dataIndex: 'purchasedOn',
            width: 110,
            sorter: (a, b) => a.purchasedOn.localeCompare(b.purchasedOn),
            defaultSortOrder: 'descend',
          },
          { title: t('purchases.field.product'), dataIndex: 'product' },
          { title: t('purchases.field.supplier'), dataIndex: 'supplier', responsive: ['lg'] },
          {
            title: t('purchases.field.platform'),
            width: 90,
            render: (_, p) => (p.platform ? t(`site.${p.platform}` as MessageKey) : '—'),
          },
          {
            title: t('purchases.field.certification'),
            key: 'tier',
            render: (_, p) =>
              p.certification.tier ? (
                <Tag color={TIER_TONE[p.certification.tier]}>{t(`tier.${p.certification.tier}`)}</Tag>
              ) : (
                '—'
              ),
          },
          { title: t('purchases.field.fundingSource'), dataIndex: 'fundingSource', width: 90 },
          {
            title: t('purchases.field.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            sorter: (a, b) => a.amountFen - b.amountFen,
            render: (fen: number) => displayYuan(fen),
          },
          {
            title: '',
            width: 130,
            render: (_, p) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(p)} aria-label={`${t('purchases.edit')} ${p.product}`}>
                  {t('purchases.edit')}
                </Button>
                <Popconfirm title={t('purchases.deleteConfirm')} onConfirm={() => void remove([p.id])}>
                  <Button size="small" danger aria-label={`${t('purchases.delete')} ${p.product}`}>
                    {t('purchases.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
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
      <PurchasesTable />
      <MemberExport />
    </>
  );
}
