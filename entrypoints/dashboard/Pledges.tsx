import { Button, Card, Form, Input, InputNumber, Progress, Radio, Select, Space, Switch, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useI18n } from '../../components/i18n';
import { TONE } from '../../components/tone';
import { useSetting } from '../../components/use-setting';
import { todayIso } from '../../lib/dates';
import { FUNDING_SOURCES, type Pledge, PledgeSchema } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import { isActivePledge, pledgeProgress, shareOfBase } from '../../lib/ledger/pledges';
import { displayYuan, parseYuanToFen } from '../../lib/money';
import { settings } from '../../lib/settings';

interface PledgeFormValues {
  title: string;
  periodStart: string;
  periodEnd: string;
  mode: 'direct' | 'share';
  target?: number;
  base?: number;
  ratio?: number;
  fundingSource?: Pledge['fundingSource'] | '';
}

function valuesOf(pledge: Pledge | undefined, today: string): PledgeFormValues {
  if (!pledge) {
    return {
      title: '',
      periodStart: `${today.slice(0, 4)}-01-01`,
      periodEnd: `${today.slice(0, 4)}-12-31`,
      mode: 'direct',
      ratio: 15,
      fundingSource: '',
    };
  }
  return {
    title: pledge.title,
    periodStart: pledge.periodStart,
    periodEnd: pledge.periodEnd,
    mode: pledge.baseFen !== undefined && pledge.ratio !== undefined ? 'share' : 'direct',
    target: pledge.targetFen / 100,
    base: pledge.baseFen !== undefined ? pledge.baseFen / 100 : undefined,
    ratio: pledge.ratio !== undefined ? Math.round(pledge.ratio * 10000) / 100 : 15,
    fundingSource: pledge.fundingSource ?? '',
  };
}

/** The target a form describes, in fen: typed, or the canteen total × the share. */
function targetOf(values: Partial<PledgeFormValues>): number | undefined {
  if (values.mode === 'share') {
    const base = parseYuanToFen(values.base ?? null);
    return base !== undefined && values.ratio !== undefined ? shareOfBase(base, values.ratio / 100) : undefined;
  }
  return parseYuanToFen(values.target ?? null);
}

function PledgeForm({ editing, onDone }: { editing?: Pledge; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PledgeFormValues>();
  const values = Form.useWatch([], form) as Partial<PledgeFormValues> | undefined;
  const mode = values?.mode ?? 'direct';
  const computed = values ? targetOf(values) : undefined;

  async function save(v: PledgeFormValues) {
    const targetFen = targetOf(v) ?? 0;
    // A share of a tiny total can round to 0 fen: say so rather than fail to save.
    if (targetFen < 1) {
      form.setFields([{ name: v.mode === 'share' ? 'base' : 'target', errors: [t('pledges.error.target')] }]);
      return;
    }
    const pledge = PledgeSchema.parse({
      id: editing?.id ?? crypto.randomUUID(),
      title: v.title.trim(),
      periodStart: v.periodStart,
      periodEnd: v.periodEnd,
      targetFen,
      ...(v.fundingSource ? { fundingSource: v.fundingSource } : {}),
      ...(v.mode === 'share' ? { baseFen: parseYuanToFen(v.base ?? null), ratio: (v.ratio ?? 0) / 100 } : {}),
      ...(editing?.endedOn ? { endedOn: editing.endedOn } : {}),
    });
    await getDb().pledges.put(pledge);
    form.resetFields();
    onDone();
  }

  return (
    <Form<PledgeFormValues>
      form={form}
      layout="vertical"
      data-testid="pledge-form"
      initialValues={valuesOf(editing, todayIso())}
      onFinish={(v) => void save(v)}
      style={{ maxWidth: 560 }}
    >
      <Form.Item
        label={t('pledges.title')}
        name="title"
        rules={[{ required: true, whitespace: true, message: t('pledges.error.title') }]}
      >
        <Input data-testid="pledge-title" placeholder={t('pledges.title.placeholder')} maxLength={60} />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('pledges.start')} name="periodStart" rules={[{ required: true }]}>
          <Input type="date" data-testid="pledge-start" />
        </Form.Item>
        <Form.Item
          label={t('pledges.end')}
          name="periodEnd"
          dependencies={['periodStart']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, end: string) =>
                end && end < getFieldValue('periodStart')
                  ? Promise.reject(new Error(t('pledges.error.period')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input type="date" data-testid="pledge-end" />
        </Form.Item>
      </Space>
      <Form.Item label={t('pledges.mode')} name="mode">
        <Radio.Group
          options={[
            { value: 'direct', label: t('pledges.mode.direct') },
            { value: 'share', label: t('pledges.mode.share') },
          ]}
        />
      </Form.Item>
      {mode === 'direct' ? (
        <Form.Item
          label={t('pledges.target')}
          name="target"
          rules={[{ required: true, type: 'number', min: 0.01, message: t('pledges.error.target') }]}
        >
          <InputNumber<number> min={0} precision={2} style={{ width: 200 }} data-testid="pledge-target" />
        </Form.Item>
      ) : (
        <Space wrap align="start">
          <Form.Item
            label={t('pledges.base')}
            name="base"
            rules={[{ required: true, type: 'number', min: 0.01, message: t('pledges.error.target') }]}
          >
            <InputNumber<number> min={0} precision={2} style={{ width: 200 }} data-testid="pledge-base" />
          </Form.Item>
          <Form.Item
            label={t('pledges.ratio')}
            name="ratio"
            rules={[{ required: true, type: 'number', min: 0.01, max: 100, message: t('pledges.error.ratio') }]}
          >
            <InputNumber<number> min={0} max={100} precision={2} style={{ width: 120 }} data-testid="pledge-ratio" />
          </Form.Item>
        </Space>
      )}
      {computed ? (
        <p data-testid="pledge-computed">{t('pledges.computed', { target: displayYuan(computed) })}</p>
      ) : null}
      <Form.Item label={t('pledges.funding')} name="fundingSource">
        <Select
          style={{ width: 200 }}
          options={[
            { value: '', label: t('pledges.funding.any') },
            ...FUNDING_SOURCES.map((s) => ({ value: s, label: s })),
          ]}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="pledge-save">
          {t('pledges.save')}
        </Button>
        <Button onClick={onDone}>{t('pledges.cancel')}</Button>
      </Space>
    </Form>
  );
}

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
            { title: t('pledges.title'), dataIndex: 'title' },
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
