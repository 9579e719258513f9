import { Button, Card, Form, Input, InputNumber, Progress, Radio, Select, Space, Switch, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useI18n } from '../../components/i18n';
import { TONE } from '../../components/tone';
import { useSetting } from '../../components/use-setting';
import { todayIso } from '../../lib/dates';
import { FUNDING_SOURCES, type Pledge, PledgeSchema } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import {
  PLEDGE_KINDS,
  type PledgeKind,
  type PledgeRules,
  PROVINCE_PLEDGE_RULES,
  rulesOfProvince,
} from '../../lib/ledger/pledge-kinds';
import { isActivePledge, pledgeProgress, pledgeRuleText, shareOfBase } from '../../lib/ledger/pledges';
import { displayYuan, parseYuanToFen } from '../../lib/money';
import { settings } from '../../lib/settings';
import { DEFAULT_SETTINGS } from '../../lib/settings-defaults';

const DEFAULT_RULES = DEFAULT_SETTINGS.pledgeRules;

interface PledgeFormValues {
  title: string;
  kind: PledgeKind;
  /** 工会: yearly cap per member, 元. */
  cap?: number | null;
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
      kind: '以购代捐',
      periodStart: `${today.slice(0, 4)}-01-01`,
      periodEnd: `${today.slice(0, 4)}-12-31`,
      mode: 'direct',
      ratio: 15,
      fundingSource: '',
    };
  }
  return {
    title: pledge.title,
    kind: pledge.kind,
    cap: pledge.capFen !== undefined ? pledge.capFen / 100 : null,
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

/** What choosing a kind fills in: the canteen and union kinds are a share of a base, at the province's figures. */
function kindDefaults(kind: PledgeKind, rules: PledgeRules): Partial<PledgeFormValues> {
  if (kind === '预留份额') return { mode: 'share', ratio: rules.reserveShare * 100, fundingSource: '' };
  if (kind === '工会') {
    return {
      mode: 'share',
      ratio: rules.unionShare * 100,
      cap: rules.unionCapFen !== undefined ? rules.unionCapFen / 100 : null,
      fundingSource: '',
    };
  }
  return { mode: 'direct' };
}

function PledgeForm({ editing, onDone }: { editing?: Pledge; onDone: () => void }) {
  const { t } = useI18n();
  const rules = useSetting('pledgeRules');
  const [form] = Form.useForm<PledgeFormValues>();
  const values = Form.useWatch([], form) as Partial<PledgeFormValues> | undefined;
  const mode = values?.mode ?? 'direct';
  const kind = values?.kind ?? '以购代捐';
  const countPovertyArea = useSetting('countPovertyArea') ?? false;
  const computed = values ? targetOf(values) : undefined;

  async function save(v: PledgeFormValues) {
    const targetFen = targetOf(v) ?? 0;
    // A share of a tiny total can round to 0 fen: say so rather than fail to save.
    if (targetFen < 1) {
      form.setFields([{ name: v.mode === 'share' ? 'base' : 'target', errors: [t('pledges.error.target')] }]);
      return;
    }
    const capFen = v.kind === '工会' && v.cap ? parseYuanToFen(v.cap) : undefined;
    const pledge = PledgeSchema.parse({
      id: editing?.id ?? crypto.randomUUID(),
      title: v.title.trim(),
      kind: v.kind,
      ...(capFen ? { capFen } : {}),
      periodStart: v.periodStart,
      periodEnd: v.periodEnd,
      targetFen,
      ...(v.fundingSource && v.kind === '以购代捐' ? { fundingSource: v.fundingSource } : {}),
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
      <Form.Item label={t('pledges.kind')} name="kind">
        <Radio.Group
          data-testid="pledge-kind"
          options={PLEDGE_KINDS.map((k) => ({ value: k, label: k }))}
          onChange={(e) => form.setFieldsValue(kindDefaults(e.target.value as PledgeKind, rules ?? DEFAULT_RULES))}
        />
      </Form.Item>
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
      {kind === '工会' && (
        <Form.Item label={t('pledges.cap')} name="cap">
          <InputNumber<number> min={0} precision={2} style={{ width: 200 }} data-testid="pledge-cap" />
        </Form.Item>
      )}
      {kind === '以购代捐' && (
        <Form.Item label={t('pledges.funding')} name="fundingSource">
          <Select
            style={{ width: 200 }}
            options={[
              { value: '', label: t('pledges.funding.any') },
              ...FUNDING_SOURCES.map((s) => ({ value: s, label: s })),
            ]}
          />
        </Form.Item>
      )}
      {values?.kind && (
        <p className="muted" data-testid="pledge-rule-preview">
          {pledgeRuleText(
            {
              id: '',
              title: '',
              kind,
              periodStart: '',
              periodEnd: '',
              targetFen: computed ?? 0,
              ...(mode === 'share' && values.base !== undefined && values.ratio !== undefined
                ? { baseFen: parseYuanToFen(values.base) ?? 0, ratio: values.ratio / 100 }
                : {}),
              ...(kind === '工会' && values.cap ? { capFen: parseYuanToFen(values.cap) } : {}),
            },
            { countPovertyArea },
          )}
        </p>
      )}
      <Space>
        <Button type="primary" htmlType="submit" data-testid="pledge-save">
          {t('pledges.save')}
        </Button>
        <Button onClick={onDone}>{t('pledges.cancel')}</Button>
      </Space>
    </Form>
  );
}

/** The province's figures every new pledge starts from (one settings object), editable. */
function RulesCard() {
  const { t } = useI18n();
  const rules = useSetting('pledgeRules') ?? DEFAULT_RULES;
  const save = (next: Partial<PledgeRules>) => void settings.pledgeRules.setValue({ ...rules, ...next });
  return (
    <Card title={t('pledges.rules')} size="small" data-testid="pledge-rules">
      <Space wrap>
        <span>{t('pledges.rules.province')}</span>
        <Select
          style={{ width: 120 }}
          value={rules.province}
          aria-label={t('pledges.rules.province')}
          options={Object.keys(PROVINCE_PLEDGE_RULES).map((p) => ({ value: p, label: p }))}
          onChange={(province) => void settings.pledgeRules.setValue(rulesOfProvince(province))}
        />
        <span>{t('pledges.rules.reserve')}</span>
        <InputNumber<number>
          aria-label={t('pledges.rules.reserve')}
          min={0}
          max={100}
          suffix="%"
          value={Math.round(rules.reserveShare * 10000) / 100}
          onChange={(v) => v !== null && save({ reserveShare: v / 100 })}
        />
        <span>{t('pledges.rules.union')}</span>
        <InputNumber<number>
          aria-label={t('pledges.rules.union')}
          min={0}
          max={100}
          suffix="%"
          value={Math.round(rules.unionShare * 10000) / 100}
          onChange={(v) => v !== null && save({ unionShare: v / 100 })}
        />
        <span>{t('pledges.rules.cap')}</span>
        <InputNumber<number>
          aria-label={t('pledges.rules.cap')}
          min={0}
          precision={2}
          value={rules.unionCapFen !== undefined ? rules.unionCapFen / 100 : null}
          onChange={(v) => save({ unionCapFen: v ? parseYuanToFen(v) : undefined })}
        />
      </Space>
    </Card>
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
