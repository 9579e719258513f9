import { Button, Card, Progress, Space, Switch, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useI18n } from '../../components/i18n';
import { TONE } from '../../components/tone';
import { useSetting } from '../../components/use-setting';
import { todayIso } from '../../lib/dates';
import type { Pledge } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import { isActivePledge, pledgeProgress, pledgeRuleText } from '../../lib/ledger/pledges';
import { displayYuan } from '../../lib/money';
import { settings } from '../../lib/settings';
import { PledgeForm } from './PledgeForm';
import { RulesCard } from './PledgeRules';

export function Pledges() {
  const { t } = useI18n();
  const today = todayIso();
  const countPovertyArea = useSetting('countPovertyArea') ?? false;
  const pledges = useLiveQuery(() => getDb().pledges.orderBy('periodStart').reverse().toArray(), []);
  const purchases = useLiveQuery(() => getDb().purchases.toArray(), []);
  const [editing, setEditing] = useState<Pledge | 'new'>();

  const statusOf = (p: Pledge) =>
    isActivePledge(p, today) ? 'active' : p.endedOn || p.periodEnd < today ? 'ended' : 'upcoming';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('nav.pledges')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')} data-testid="pledge-add">
            {t('pledges.add')}
          </Button>
        }
      >
        <Table<Pledge>
          data-testid="pledges-table"
          rowKey="id"
          size="small"
          loading={!pledges || !purchases}
          dataSource={pledges ?? []}
          pagination={false}
          locale={{ emptyText: t('pledges.empty') }}
          columns={[
            {
              title: t('pledges.title'),
              render: (_, p) => (
                <div>
                  <Tag>{p.kind}</Tag> {p.title}
                  <div className="muted pledge-rule" data-testid="pledge-rule" data-pledge-id={p.id}>
                    {pledgeRuleText(p, { countPovertyArea })}
                  </div>
                </div>
              ),
            },
            { title: t('pledges.start'), dataIndex: 'periodStart', width: 110 },
            { title: t('pledges.end'), dataIndex: 'periodEnd', width: 110 },
            { title: t('pledges.target'), align: 'right', render: (_, p) => displayYuan(p.targetFen) },
            {
              title: t('pledges.progress'),
              width: 260,
              render: (_, p) => {
                const progress = pledgeProgress(p, purchases ?? [], { countPovertyArea });
                return (
                  <div
                    data-testid="pledge-progress"
                    data-pledge-id={p.id}
                    data-done-fen={progress.doneFen}
                    data-target-fen={progress.targetFen}
                  >
                    {displayYuan(progress.doneFen)}
                    {progress.overCapFen !== undefined && (
                      <Tag color={TONE.orange} data-testid="pledge-over-cap">
                        {t('pledges.overCap', { spent: displayYuan(progress.overCapFen) })}
                      </Tag>
                    )}
                    <Progress
                      percent={Math.min(100, Math.round(progress.share * 1000) / 10)}
                      size="small"
                      aria-label={`${p.title} ${t('pledges.progress')}`}
                    />
                  </div>
                );
              },
            },
            {
              title: '',
              width: 180,
              render: (_, p) => (
                <Space>
                  <Tag color={{ active: TONE.green, ended: 'default', upcoming: TONE.blue }[statusOf(p)]}>
                    {t(`pledges.status.${statusOf(p)}`)}
                  </Tag>
                  <Button size="small" onClick={() => setEditing(p)}>
                    {t('pledges.edit')}
                  </Button>
                  {statusOf(p) === 'active' && (
                    <Button size="small" onClick={() => void getDb().pledges.update(p.id, { endedOn: today })}>
                      {t('pledges.endNow')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Switch
            checked={countPovertyArea}
            onChange={(checked) => void settings.countPovertyArea.setValue(checked)}
            aria-label={t('pledges.countPovertyArea')}
          />
          <span>{t('pledges.countPovertyArea')}</span>
        </Space>
        <p className="muted">{t('pledges.countRule')}</p>
      </Card>
      <RulesCard />
      {editing && (
        <Card title={editing === 'new' ? t('pledges.add') : t('pledges.edit')}>
          <PledgeForm
            key={editing === 'new' ? 'new' : editing.id}
            editing={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(undefined)}
          />
        </Card>
      )}
    </Space>
  );
}
