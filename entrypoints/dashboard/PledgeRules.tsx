import { Card, InputNumber, Select, Space } from 'antd';
import { useI18n } from '../../components/i18n';
import { useSetting } from '../../components/use-setting';
import { type PledgeRules, PROVINCE_PLEDGE_RULES, rulesOfProvince } from '../../lib/ledger/pledge-kinds';
import { parseYuanToFen } from '../../lib/money';
import { settings } from '../../lib/settings';
import { DEFAULT_SETTINGS } from '../../lib/settings-defaults';

const DEFAULT_RULES = DEFAULT_SETTINGS.pledgeRules;

/** The province's figures every new pledge starts from (one settings object), editable. */
export function RulesCard() {
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
