import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useI18n } from '../../components/i18n';
import { useSetting } from '../../components/use-setting';
import { todayIso } from '../../lib/dates';
import { FUNDING_SOURCES, type Pledge, PledgeSchema } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import {
  type PledgeFormValues,
  pledgeFormTarget,
  pledgeFormValues,
  pledgeKindDefaults,
  pledgeOfForm,
  previewPledge,
} from '../../lib/ledger/pledge-form';
import { PLEDGE_KIND_FIELDS, PLEDGE_KINDS, type PledgeKind } from '../../lib/ledger/pledge-kinds';
import { pledgeRuleText } from '../../lib/ledger/pledges';
import { DEFAULT_SETTINGS } from '../../lib/settings-defaults';
import { PledgeTargetFields } from './PledgeTargetFields';

const DEFAULT_RULES = DEFAULT_SETTINGS.pledgeRules;

/**
 * A pledge's form (新建 / 编辑): its kind (DESIGN §1) fills in the province's
 * share, the target is typed or a share of a base, and the counting rule
 * shows in words as it is filled. Used by 认购任务 and the welcome page.
 */
export function PledgeForm({
  editing,
  onDone,
  onCancel,
  cancelLabel,
}: {
  editing?: Pledge;
  onDone: (saved?: Pledge) => void;
  /** What the second button does (cancel, or skip a welcome step); onDone without a pledge otherwise. */
  onCancel?: () => void;
  cancelLabel?: string;
}) {
  const { t } = useI18n();
  const rules = useSetting('pledgeRules');
  const [form] = Form.useForm<PledgeFormValues>();
  const values = Form.useWatch([], form) as Partial<PledgeFormValues> | undefined;
  const mode = values?.mode ?? 'direct';
  const kind = values?.kind ?? PLEDGE_KINDS[0];
  const countPovertyArea = useSetting('countPovertyArea') ?? false;
  const computed = values ? pledgeFormTarget(values) : undefined;

  async function save(v: PledgeFormValues) {
    const made = pledgeOfForm(v, { id: editing?.id ?? crypto.randomUUID(), editing });
    if ('error' in made) {
      form.setFields([{ name: made.error, errors: [t('pledges.error.target')] }]);
      return;
    }
    await getDb().pledges.put(PledgeSchema.parse(made.pledge));
    form.resetFields();
    onDone(made.pledge);
  }

  return (
    <Form<PledgeFormValues>
      form={form}
      layout="vertical"
      data-testid="pledge-form"
      initialValues={pledgeFormValues(editing, todayIso())}
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
          onChange={(e) =>
            form.setFieldsValue(pledgeKindDefaults(e.target.value as PledgeKind, rules ?? DEFAULT_RULES))
          }
        />
      </Form.Item>
      <PledgeTargetFields mode={mode} computed={computed} />
      {PLEDGE_KIND_FIELDS[kind].cap && (
        <Form.Item label={t('pledges.cap')} name="cap">
          <InputNumber<number> min={0} precision={2} style={{ width: 200 }} data-testid="pledge-cap" />
        </Form.Item>
      )}
      {PLEDGE_KIND_FIELDS[kind].fundingSource && (
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
          {pledgeRuleText(previewPledge(values), { countPovertyArea })}
        </p>
      )}
      <Space>
        <Button type="primary" htmlType="submit" data-testid="pledge-save">
          {t('pledges.save')}
        </Button>
        <Button onClick={onCancel ?? (() => onDone())} data-testid="pledge-cancel">
          {cancelLabel ?? t('pledges.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
