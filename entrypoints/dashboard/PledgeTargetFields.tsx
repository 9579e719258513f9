import { Form, InputNumber, Radio, Space } from 'antd';
import { useI18n } from '../../components/i18n';
import type { PledgeFormValues } from '../../lib/ledger/pledge-form';
import { displayYuan } from '../../lib/money';

/** A pledge's target: typed in yuan, or a share of a base (食堂食材采购总额, union spending), with the result. */
export function PledgeTargetFields({ mode, computed }: { mode: PledgeFormValues['mode']; computed?: number }) {
  const { t } = useI18n();
  return (
    <>
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
    </>
  );
}
