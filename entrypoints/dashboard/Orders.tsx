import { Alert, Button, Card, Checkbox, Select, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { TIER_TONE } from '../../components/tone';
import { todayIso } from '../../lib/dates';
import { FUNDING_SOURCES, type Purchase } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import type { MessageKey } from '../../lib/i18n';
import { type DuplicateVerdict, judgeDuplicate, purchasesNear } from '../../lib/ledger/duplicates';
import { isActivePledge } from '../../lib/ledger/pledges';
import { orderItemKey } from '../../lib/ledger/purchase-draft';
import type { MatchResult } from '../../lib/match/listing';
import { messenger } from '../../lib/messenger';
import { displayYuan } from '../../lib/money';
import { importOrderItems } from '../../lib/orders/import';
import { readOrderReview } from '../../lib/orders/review';
import { purchaseFromOrderItem } from '../../lib/orders/to-purchase';
import type { FoundOrder, OrderItem } from '../../lib/sites/types';

/** Where a buyer's order lists are: opened there, the order bar proposes them for import. */
const ORDER_LISTS = {
  jd: 'https://order.jd.com/center/list.action',
  taobao: 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm',
};

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

interface Row {
  key: string;
  order: FoundOrder;
  item: OrderItem;
  result?: MatchResult;
}

function useProposal(): FoundOrder[] {
  const [orders, setOrders] = useState(() => readOrderReview(location.hash));
  useEffect(() => {
    const onHash = () => setOrders(readOrderReview(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return orders;
}

/**
 * Review of the orders an order list proposed (DESIGN §5): the user ticks what
 * to import — certified items ticked, poverty-area ones shown unticked,
 * cancelled and closed orders left out — and nothing is written before
 * 「导入」. An order item already in the ledger shows as imported, and
 * importing again adds nothing.
 */
export function Orders() {
  const { t } = useI18n();
  const orders = useProposal();
  const today = todayIso();
  const [results, setResults] = useState<MatchResult[]>();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [fundingSource, setFundingSource] = useState<Purchase['fundingSource']>('个人');
  const [pledgeId, setPledgeId] = useState('');
  const [done, setDone] = useState<number>();
  const [failed, setFailed] = useState<string>();
  const pledges = useLiveQuery(() => getDb().pledges.toArray(), [], []);

  const rows: Row[] = useMemo(
    () =>
      orders
        .filter((o) => !o.closed)
        .flatMap((order) =>
          order.items.map((item) => ({ key: orderItemKey(order.site, order.orderNo, item.itemId), order, item })),
        ),
    [orders],
  );
  const closed = orders.filter((o) => o.closed);
  const keys = rows.map((r) => r.key);
  // Each row's verdict against the ledger (lib/ledger/duplicates, as every save path): an item logged
  // before, by import or by hand, is not imported again; a possible duplicate waits for the user's tick.
  const verdicts = useLiveQuery(async () => {
    const candidates = rows.map((r, i) => candidateOf(r, results?.[i]));
    const near = await purchasesNear(getDb(), candidates);
    return new Map(rows.map((r, i) => [r.key, judgeDuplicate(candidates[i] as Purchase, near)]));
  }, [keys.join('|'), results]);
  const imported = new Set([...(verdicts ?? [])].filter(([, v]) => v.kind === 'same').map(([k]) => k));

  // The page matches the items itself: the shop page's word is only a proposal.
  useEffect(() => {
    if (!rows.length) return;
    const listings = rows.map((r) => ({
      site: r.order.site,
      itemId: r.item.itemId,
      title: r.item.title,
      shopName: r.order.shopName,
    }));
    void messenger.sendMessage('matchListings', { listings }).then(({ results: found }) => {
      setResults(found);
      setTicked(new Set(rows.filter((_, i) => found[i]?.tier === 'certified').map((r) => r.key)));
    });
  }, [rows]);
  // A possible duplicate starts unticked: the user says whether it is another purchase.
  useEffect(() => {
    if (!verdicts) return;
    setTicked((before) => {
      const next = new Set([...before].filter((k) => verdicts.get(k)?.kind === 'new'));
      return next.size === before.size ? before : next;
    });
  }, [verdicts]);

  async function importTicked() {
    setFailed(undefined);
    try {
      setDone(await writeTicked());
    } catch (error) {
      setFailed(t('orders.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** Writes the ticked items not yet in the ledger, all or nothing; how many were added. */
  function writeTicked(): Promise<number> {
    const chosen = rows
      .map((r, i) => ({ ...r, result: results?.[i] }))
      .filter((r) => ticked.has(r.key) && !imported.has(r.key));
    return importOrderItems(
      getDb(),
      chosen,
      { fundingSource, pledgeId: pledgeId || undefined },
      { createdAt: new Date().toISOString(), newId: () => crypto.randomUUID() },
    );
  }

  /** What a row would be stored as, for judging it against the ledger. */
  function candidateOf(r: Row, result: MatchResult | undefined): Purchase {
    return purchaseFromOrderItem(
      r.order,
      r.item,
      result ?? { score: 0, reasons: [] },
      { fundingSource },
      {
        id: r.key,
        createdAt: '',
      },
    );
  }

  if (!orders.length)
    return (
      <Alert
        type="info"
        showIcon
        data-testid="orders-empty"
        title={t('orders.intro')}
        description={
          <Space wrap>
            <a href={ORDER_LISTS.jd} target="_blank" rel="noreferrer">
              {t('empty.orders.jd')}
            </a>
            <a href={ORDER_LISTS.taobao} target="_blank" rel="noreferrer">
              {t('empty.orders.taobao')}
            </a>
          </Space>
        }
      />
    );
  const selectable = rows.filter((r) => ticked.has(r.key) && !imported.has(r.key)).length;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('orders.found', { site: t(`site.${orders[0]?.site}` as MessageKey), count: orders.length })}>
        {!results && <p>{t('orders.matching')}</p>}
        <Table<Row>
          data-testid="orders-table"
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          onRow={(r) =>
            ({
              'data-testid': 'order-item',
              'data-key': r.key,
              'data-tier': results?.[rows.indexOf(r)]?.tier ?? '',
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
                    onChange={(e) =>
                      setTicked((before) => {
                        const next = new Set(before);
                        if (e.target.checked) next.add(r.key);
                        else next.delete(r.key);
                        return next;
                      })
                    }
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
                const tier = results?.[rows.indexOf(r)]?.tier;
                return tier ? <Tag color={TIER_TONE[tier]}>{t(`tier.${tier}`)}</Tag> : '—';
              },
            },
            {
              title: t('orders.col.amount'),
              align: 'right',
              render: (_, r) =>
                `${displayYuan(r.item.amountFen)}${r.item.amountEstimated ? t('orders.estimated') : ''}`,
            },
          ]}
        />
        {closed.length > 0 && (
          <p className="muted" data-testid="orders-closed">
            {closed.map((o) => `${o.orderNo}（${o.status}）`).join('、')}：{t('orders.closed')}
          </p>
        )}
      </Card>
      <Card>
        <Space wrap>
          <span>{t('orders.funding')}</span>
          <Select
            aria-label={t('orders.funding')}
            style={{ width: 120 }}
            value={fundingSource}
            onChange={setFundingSource}
            options={FUNDING_SOURCES.map((f) => ({ value: f, label: f }))}
          />
          <span>{t('orders.pledge')}</span>
          <Select
            aria-label={t('orders.pledge')}
            style={{ width: 220 }}
            value={pledgeId}
            onChange={setPledgeId}
            options={[
              { value: '', label: t('purchases.field.pledge.none') },
              ...pledges.filter((p) => isActivePledge(p, today)).map((p) => ({ value: p.id, label: p.title })),
            ]}
          />
          <Button type="primary" disabled={!results} onClick={() => void importTicked()} data-testid="orders-import">
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
    </Space>
  );
}
