import { Alert, Button, Card, Select, Space } from 'antd';
import { useI18n } from '../../components/i18n';
import { todayIso } from '../../lib/dates';
import { FUNDING_SOURCES, type Pledge, type Purchase } from '../../lib/db/entities';
import { isActivePledge } from '../../lib/ledger/pledges';

/** What the ticked items are imported as (funding source, pledge), the import button and its outcome. */
export function OrdersImportBar({
  fundingSource,
  onFundingSource,
  pledgeId,
  onPledgeId,
  pledges,
  ready,
  selectable,
  onImport,
  failed,
  done,
}: {
  fundingSource: Purchase['fundingSource'];
  onFundingSource: (f: Purchase['fundingSource']) => void;
  pledgeId: string;
  onPledgeId: (id: string) => void;
  pledges: readonly Pledge[];
  /** Whether matching is done (the import waits for it). */
  ready: boolean;
  selectable: number;
  onImport: () => void;
  failed?: string;
  done?: number;
}) {
  const { t } = useI18n();
  const today = todayIso();
  return (
    <Card>
      <Space wrap>
        <span>{t('orders.funding')}</span>
        <Select
          aria-label={t('orders.funding')}
          style={{ width: 120 }}
          value={fundingSource}
          onChange={onFundingSource}
          options={FUNDING_SOURCES.map((f) => ({ value: f, label: f }))}
        />
        <span>{t('orders.pledge')}</span>
        <Select
          aria-label={t('orders.pledge')}
          style={{ width: 220 }}
          value={pledgeId}
          onChange={onPledgeId}
          options={[
            { value: '', label: t('purchases.field.pledge.none') },
            ...pledges.filter((p) => isActivePledge(p, today)).map((p) => ({ value: p.id, label: p.title })),
          ]}
        />
        <Button type="primary" disabled={!ready} onClick={onImport} data-testid="orders-import">
          {t('orders.import', { count: selectable })}
        </Button>
      </Space>
      {failed && <Alert style={{ marginTop: 12 }} type="error" showIcon title={failed} data-testid="orders-failed" />}
      {done !== undefined && (
        <Alert
          style={{ marginTop: 12 }}
          data-testid="orders-done"
          data-added={done}
          type={done ? 'success' : 'info'}
          showIcon
          title={done ? t('orders.done', { count: done }) : t('orders.nothing')}
        />
      )}
    </Card>
  );
}
