import { Checkbox, Table, Tag } from 'antd';
import { useI18n } from '../../components/i18n';
import { TIER_TONE } from '../../components/tone';
import type { DuplicateVerdict } from '../../lib/ledger/duplicates';
import type { MatchResult } from '../../lib/match/listing';
import { displayYuan } from '../../lib/money';
import type { ReviewRow } from '../../lib/orders/review-rows';

/** Why a row is not imported, or may be a purchase logged before (the same words as the purchase form's). */
function DuplicateNote({ verdict }: { verdict: DuplicateVerdict | undefined }) {
  const { t } = useI18n();
  if (!verdict || verdict.kind === 'new') return null;
  const { existing } = verdict;
  return (
    <div className="muted" data-testid="order-duplicate" data-kind={verdict.kind}>
      {t(`purchases.duplicate.${verdict.reason}`, {
        date: existing.purchasedOn,
        product: existing.product,
        orderNo: existing.orderNo ?? '',
      })}
    </div>
  );
}

/** The proposed order items: a tick each (or 已导入), the order, the item, its certification and amount. */
export function OrdersTable({
  rows,
  results,
  verdicts,
  imported,
  ticked,
  onTick,
}: {
  rows: ReviewRow[];
  results: readonly (MatchResult | undefined)[] | undefined;
  verdicts: ReadonlyMap<string, DuplicateVerdict> | undefined;
  imported: ReadonlySet<string>;
  ticked: ReadonlySet<string>;
  onTick: (key: string, on: boolean) => void;
}) {
  const { t } = useI18n();
  const tierOf = (r: ReviewRow) => results?.[rows.indexOf(r)]?.tier;
  return (
    <Table<ReviewRow>
      data-testid="orders-table"
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      onRow={(r) =>
        ({
          'data-testid': 'order-item',
          'data-key': r.key,
          'data-tier': tierOf(r) ?? '',
          'data-imported': imported.has(r.key) ? 'true' : 'false',
          'data-duplicate': verdicts?.get(r.key)?.kind ?? '',
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('orders.col.import'),
          width: 90,
          render: (_, r) =>
            imported.has(r.key) ? (
              <Tag>{t('orders.imported')}</Tag>
            ) : (
              <Checkbox
                aria-label={`${t('orders.col.import')} ${r.item.title}`}
                checked={ticked.has(r.key)}
                onChange={(e) => onTick(r.key, e.target.checked)}
              />
            ),
        },
        {
          title: t('orders.col.order'),
          render: (_, r) => `${r.order.date} · ${r.order.orderNo} · ${r.order.shopName ?? ''}`,
        },
        {
          title: t('orders.col.item'),
          render: (_, r) => (
            <>
              {`${r.item.title} ×${r.item.quantity}`}
              <DuplicateNote verdict={verdicts?.get(r.key)} />
            </>
          ),
        },
        {
          title: t('orders.col.tier'),
          render: (_, r) => {
            const tier = tierOf(r);
            return tier ? <Tag color={TIER_TONE[tier]}>{t(`tier.${tier}`)}</Tag> : '—';
          },
        },
        {
          title: t('orders.col.amount'),
          align: 'right',
          render: (_, r) => `${displayYuan(r.item.amountFen)}${r.item.amountEstimated ? t('orders.estimated') : ''}`,
        },
      ]}
    />
  );
}
