import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { type ChartOption, EChart } from '../../components/EChart';
import { useI18n } from '../../components/i18n';
import { useSetting } from '../../components/use-setting';
import { countEntries } from '../../lib/catalogue/store';
import { todayIso } from '../../lib/dates';
import { getDb } from '../../lib/db/instance';
import type { Language, Translate } from '../../lib/i18n';
import { type OverviewSeries, overviewSeries } from '../../lib/ledger/overview';
import { UnfinishedSteps } from './UnfinishedSteps';

const GREEN = '#18703f';
const PALETTE = [
  GREEN,
  '#b45309',
  '#1d4ed8',
  '#7e22ce',
  '#0f766e',
  '#be123c',
  '#4d7c0f',
  '#a16207',
  '#334155',
  '#0369a1',
];
const yuan = (fen: number) => Math.round(fen) / 100;

/** `month`: how many months of the year have begun (1 … 12). */
function chartOptions(
  s: OverviewSeries,
  t: Translate,
  month: number,
  language: Language,
): Record<'monthly' | 'county' | 'funding' | 'share', ChartOption> {
  const pie = (data: [string, number][]): ChartOption => ({
    color: PALETTE,
    tooltip: { trigger: 'item', valueFormatter: (v: number) => `¥${v.toFixed(2)}` },
    series: [
      {
        type: 'pie',
        radius: ['25%', '45%'],
        label: { formatter: '{b}\n{d}%', overflow: 'none' },
        data: data.map(([name, fen]) => ({ name, value: yuan(fen) })),
      },
    ],
  });
  return {
    monthly: {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `¥${v.toFixed(2)}` },
      legend: { top: 0 },
      grid: { left: 60, right: 110, top: 36, bottom: 30 },
      xAxis: {
        type: 'category',
        data: s.months.map((m) =>
          new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString(language, {
            month: 'short',
            timeZone: 'UTC',
          }),
        ),
      },
      // Up to the target, so its line shows even when the purchases are far below it.
      yAxis: {
        type: 'value',
        max: (extent: { max: number }) => Math.max(extent.max, s.targetFen ? yuan(s.targetFen) : 0),
      },
      series: [
        {
          name: t('overview.monthly.amount'),
          type: 'bar',
          data: s.monthFen.map(yuan),
          itemStyle: { color: '#7fb08f' },
        },
        {
          name: t('overview.monthly.counted'),
          type: 'line',
          // Months still to come have no running total yet.
          data: s.cumulativeCountedFen.map((fen, i) => (i < month ? yuan(fen) : null)),
          itemStyle: { color: GREEN },
          markLine: s.targetFen
            ? {
                symbol: 'none',
                data: [{ name: t('overview.monthly.target'), yAxis: yuan(s.targetFen) }],
                lineStyle: { color: '#b45309', type: 'dashed' },
                label: { formatter: `${t('overview.monthly.target')} ¥{c}` },
              }
            : undefined,
        },
      ],
    },
    county: pie(s.byCounty.slice(0, 10)),
    funding: pie(s.byFunding),
    share: pie([
      [t('overview.counted'), s.countedFen],
      [t('overview.notCounted'), s.totalFen - s.countedFen],
    ]),
  };
}

export function Overview() {
  const { t, language } = useI18n();
  const countPovertyArea = useSetting('countPovertyArea') ?? false;
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [entries, sources, purchases, pledges] = await Promise.all([
      countEntries(db),
      db.catalogueSources.count(),
      db.purchases.toArray(),
      db.pledges.toArray(),
    ]);
    return { entries, sources, purchases, pledges };
  }, []);
  const series = useMemo(
    () => data && overviewSeries(data.purchases, data.pledges, todayIso(), { countPovertyArea }),
    [data, countPovertyArea],
  );
  const options = useMemo(
    () =>
      series &&
      chartOptions(series, t, series.year < todayIso().slice(0, 4) ? 12 : Number(todayIso().slice(5, 7)), language),
    [series, t, language],
  );

  return (
    <>
      <Typography.Paragraph>{t('dashboard.intro')}</Typography.Paragraph>
      <Alert type="success" showIcon title={t('dashboard.privacy')} style={{ marginBottom: 16 }} />
      <UnfinishedSteps />
      <Row gutter={16}>
        <Col span={8}>
          <Card>
            <Statistic title={t('dashboard.stats.catalogue')} value={data?.entries ?? 0} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title={t('dashboard.stats.sources')} value={data?.sources ?? 0} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title={t('dashboard.stats.purchases')} value={data?.purchases.length ?? 0} />
          </Card>
        </Col>
      </Row>
      {series && options && series.totalFen === 0 && (
        <Alert
          type="info"
          showIcon
          title={
            <>
              {t('overview.noData')} <a href="#/purchases">{t('nav.purchases')}</a>
            </>
          }
          style={{ marginTop: 16 }}
        />
      )}
      {series && options && series.totalFen > 0 && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }} data-testid="overview-charts">
          <Col xs={24}>
            <Card title={t('overview.monthly', { year: series.year })}>
              <EChart
                option={options.monthly}
                label={t('overview.monthly', { year: series.year })}
                testId="chart-monthly"
              />
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card title={t('overview.byCounty')}>
              <EChart option={options.county} label={t('overview.byCounty')} testId="chart-county" />
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card title={t('overview.byFunding')}>
              <EChart option={options.funding} label={t('overview.byFunding')} testId="chart-funding" />
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card title={t('overview.share')}>
              <EChart option={options.share} label={t('overview.share')} testId="chart-share" />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
