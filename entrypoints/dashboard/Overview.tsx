import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../components/i18n';
import { countEntries } from '../../lib/catalogue/store';
import { getDb } from '../../lib/db/instance';

export function Overview() {
  const { t } = useI18n();
  const counts = useLiveQuery(async () => {
    const db = getDb();
    const [entries, sources, purchases] = await Promise.all([
      countEntries(db),
      db.catalogueSources.count(),
      db.purchases.count(),
    ]);
    return { entries, sources, purchases };
  }, []);

  return (
    <>
      <Typography.Paragraph>{t('dashboard.intro')}</Typography.Paragraph>
      <Alert type="success" showIcon title={t('dashboard.privacy')} style={{ marginBottom: 16 }} />
      <Row gutter={16}>
        <Col span={8}>
          <Card>
            <Statistic title={t('dashboard.stats.catalogue')} value={counts?.entries ?? 0} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title={t('dashboard.stats.sources')} value={counts?.sources ?? 0} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title={t('dashboard.stats.purchases')} value={counts?.purchases ?? 0} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
