import { Card, Col, Progress, Row, Space, Statistic, Table } from 'antd';
import { useI18n } from '../../components/i18n';
import type { MergeResult } from '../../lib/coordinator/merge';
import { reservePercent } from '../../lib/coordinator/report-inputs';
import { displayYuan } from '../../lib/money';

function TotalsTable({ title, rows, testId }: { title: string; rows: [string, number][]; testId: string }) {
  const { t } = useI18n();
  return (
    <Table<[string, number]>
      data-testid={testId}
      size="small"
      pagination={false}
      rowKey={(r) => r[0]}
      dataSource={rows}
      columns={[
        { title, render: (_, r) => r[0] },
        { title: t('coordinator.col.total'), align: 'right', render: (_, r) => displayYuan(r[1]) },
      ]}
    />
  );
}

/** The merge's totals (all, certified as verified, certified as declared), 预留份额 progress, and the breakdowns. */
export function TotalsCard({ merged, reserveFen }: { merged: MergeResult; reserveFen?: number }) {
  const { t } = useI18n();
  return (
    <Card title={t('coordinator.totals')} className="no-print">
      <Row gutter={24}>
        <Col>
          <div
            data-testid="merge-totals"
            data-total-fen={merged.totalFen}
            data-certified-fen={merged.certifiedFen}
            data-declared-certified-fen={merged.declaredCertifiedFen}
            data-excluded={merged.excluded.length}
            data-rows={merged.rows.length}
          >
            <Space size="large">
              <Statistic title={t('coordinator.total')} value={displayYuan(merged.totalFen)} />
              <Statistic title={t('coordinator.certified')} value={displayYuan(merged.certifiedFen)} />
              <Statistic title={t('coordinator.declaredCertified')} value={displayYuan(merged.declaredCertifiedFen)} />
            </Space>
            {merged.excluded.length > 0 && (
              <p className="muted">{t('coordinator.excludedCount', { count: merged.excluded.length })}</p>
            )}
          </div>
        </Col>
        {reserveFen ? (
          <Col flex="auto">
            <div data-testid="merge-progress" data-done-fen={merged.reserve832Fen} data-target-fen={reserveFen}>
              {t('coordinator.reserveProgress', {
                done: displayYuan(merged.reserve832Fen),
                target: displayYuan(reserveFen),
              })}
              <Progress
                percent={reservePercent(merged.reserve832Fen, reserveFen)}
                aria-label={t('coordinator.target')}
              />
            </div>
          </Col>
        ) : null}
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={6}>
          <TotalsTable title={t('coordinator.byPerson')} rows={merged.byPerson} testId="merge-by-person" />
        </Col>
        <Col xs={24} md={6}>
          <TotalsTable title={t('coordinator.byChannel')} rows={merged.byChannel} testId="merge-by-channel" />
        </Col>
        <Col xs={24} md={6}>
          <TotalsTable title={t('coordinator.byCounty')} rows={merged.byCounty} testId="merge-by-county" />
        </Col>
        <Col xs={24} md={6}>
          <TotalsTable title={t('coordinator.byFunding')} rows={merged.byFunding} testId="merge-by-funding" />
        </Col>
      </Row>
    </Card>
  );
}
