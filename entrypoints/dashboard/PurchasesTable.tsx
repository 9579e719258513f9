import { Button, Card, Popconfirm, Space, Table } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { PurchaseForm } from '../../components/PurchaseForm';
import type { Purchase } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import { filterPurchases, type PurchaseFilter, sumFen } from '../../lib/ledger/purchase-filter';
import { displayYuan } from '../../lib/money';
import { usePurchaseColumns } from './PurchaseColumns';
import { PurchaseFilters } from './PurchaseFilters';

/**
 * Every purchase, filtered, searched and sorted, with edit, delete and bulk
 * delete (confirmed, undoable) and the totals of what is shown. Paged, so
 * 10,000 rows cost what 50 do. The card and the totals say data-loaded="true"
 * once the live query has answered (the loading state would also read 0).
 */
export function PurchasesTable() {
  const { t } = useI18n();
  const purchases = useLiveQuery(() => getDb().purchases.orderBy('purchasedOn').reverse().toArray(), []);
  const [filter, setFilter] = useState<PurchaseFilter>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<Purchase>();
  const [deleted, setDeleted] = useState<Purchase[]>();
  const shown = useMemo(() => filterPurchases(purchases ?? [], filter), [purchases, filter]);
  const totalFen = sumFen(shown);
  const certifiedFen = sumFen(shown, (p) => p.certification.tier === 'certified');
  const loaded = purchases ? 'true' : undefined;

  async function remove(ids: string[]) {
    const db = getDb();
    const gone = (await db.purchases.bulkGet(ids)).filter((p): p is Purchase => Boolean(p));
    await db.purchases.bulkDelete(ids);
    setSelected([]);
    setDeleted(gone);
  }
  const columns = usePurchaseColumns(setEditing, (ids) => void remove(ids));

  return (
    <Card title={t('purchases.all')} style={{ marginTop: 16 }} data-testid="purchases-list" data-loaded={loaded}>
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
      <PurchaseFilters filter={filter} onChange={setFilter} />
      <Space wrap style={{ marginBottom: 12 }}>
        <span
          data-testid="purchases-totals"
          data-loaded={loaded}
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
        columns={columns}
      />
    </Card>
  );
}
