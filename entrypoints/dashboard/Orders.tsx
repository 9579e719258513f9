import { Card, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { useHashValue } from '../../components/use-hash';
import { FUNDING_SOURCES, type Purchase } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import type { MessageKey } from '../../lib/i18n';
import type { MatchResult } from '../../lib/match/listing';
import { messenger } from '../../lib/messenger';
import { importOrderItems } from '../../lib/orders/import';
import { readOrderReview } from '../../lib/orders/review';
import {
  certifiedKeys,
  importedKeys,
  judgeReviewRows,
  reviewRows,
  rowsToImport,
  ticksOfNewRows,
} from '../../lib/orders/review-rows';
import { OrdersEmpty } from './OrdersEmpty';
import { OrdersImportBar } from './OrdersImportBar';
import { OrdersTable } from './OrdersTable';

/**
 * Review of the orders an order list proposed (DESIGN §5): the user ticks what
 * to import — certified items ticked, poverty-area ones shown unticked,
 * cancelled and closed orders left out — and nothing is written before
 * 「导入」. An order item already in the ledger shows as imported, and
 * importing again adds nothing. The review says data-loaded="true" once the
 * ledger has answered for every row.
 */
export function Orders() {
  const { t } = useI18n();
  const orders = useHashValue(readOrderReview);
  const [results, setResults] = useState<MatchResult[]>();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [fundingSource, setFundingSource] = useState<Purchase['fundingSource']>(FUNDING_SOURCES[0]);
  const [pledgeId, setPledgeId] = useState('');
  const [done, setDone] = useState<number>();
  const [failed, setFailed] = useState<string>();
  const pledges = useLiveQuery(() => getDb().pledges.toArray(), []);

  const rows = useMemo(() => reviewRows(orders), [orders]);
  const closed = orders.filter((o) => o.closed);
  const keys = rows.map((r) => r.key);
  const verdicts = useLiveQuery(
    () => judgeReviewRows(getDb(), rows, results, fundingSource),
    [keys.join('|'), results],
  );
  const imported = importedKeys(verdicts);

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
      setTicked(certifiedKeys(rows, found));
    });
  }, [rows]);
  // A possible duplicate starts unticked: the user says whether it is another purchase.
  useEffect(() => {
    if (verdicts) setTicked((before) => ticksOfNewRows(before, verdicts));
  }, [verdicts]);

  async function importTicked() {
    setFailed(undefined);
    try {
      setDone(
        await importOrderItems(
          getDb(),
          rowsToImport(rows, results, ticked, imported),
          { fundingSource, pledgeId: pledgeId || undefined },
          { createdAt: new Date().toISOString(), newId: () => crypto.randomUUID() },
        ),
      );
    } catch (error) {
      setFailed(t('orders.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  const tick = (key: string, on: boolean) =>
    setTicked((before) => {
      const next = new Set(before);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  if (!orders.length) return <OrdersEmpty />;
  return (
    <Space
      orientation="vertical"
      size="large"
      style={{ width: '100%' }}
      data-testid="orders-review"
      data-loaded={verdicts && pledges ? 'true' : undefined}
    >
      <Card title={t('orders.found', { site: t(`site.${orders[0]?.site}` as MessageKey), count: orders.length })}>
        {!results && <p>{t('orders.matching')}</p>}
        <OrdersTable
          rows={rows}
          results={results}
          verdicts={verdicts}
          imported={imported}
          ticked={ticked}
          onTick={tick}
        />
        {closed.length > 0 && (
          <p className="muted" data-testid="orders-closed">
            {t('orders.closedLine', {
              orders: closed
                .map((o) => t('orders.closedOrder', { orderNo: o.orderNo, status: o.status }))
                .join(t('orders.closedJoin')),
            })}
          </p>
        )}
      </Card>
      <OrdersImportBar
        fundingSource={fundingSource}
        onFundingSource={setFundingSource}
        pledgeId={pledgeId}
        onPledgeId={setPledgeId}
        pledges={pledges ?? []}
        ready={Boolean(results)}
        selectable={rowsToImport(rows, undefined, ticked, imported).length}
        onImport={() => void importTicked()}
        failed={failed}
        done={done}
      />
    </Space>
  );
}
