import { Cascader, Form } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../components/i18n';
import { useSetting } from '../../components/use-setting';
import { areasOf, citiesOf, PROVINCES } from '../../lib/regions/divisions';
import { settings } from '../../lib/settings';

interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

/** Province → city → county, from the division table. */
function regionOptions(): RegionOption[] {
  return PROVINCES.map((p) => ({
    value: p.code,
    label: p.name,
    children: citiesOf(p.code).map((c) => ({
      value: c.code,
      label: c.name,
      children: areasOf(c.code).map((a) => ({ value: a.code, label: a.name })),
    })),
  }));
}

/** Where the user is at home: the popup suggests unsold produce from there. */
export function HomeRegion() {
  const { t } = useI18n();
  const home = useSetting('homeRegion');
  const options = useMemo(regionOptions, []);
  const value = [home?.provinceCode, home?.cityCode, home?.countyCode].filter((v): v is string => Boolean(v));
  return (
    <Form.Item label={t('settings.home')} htmlFor="settings-home">
      <Cascader<RegionOption>
        id="settings-home"
        data-testid="settings-home"
        style={{ width: 360 }}
        options={options}
        value={value}
        changeOnSelect
        showSearch
        placeholder={t('settings.home.placeholder')}
        onChange={(codes) => {
          const [provinceCode, cityCode, countyCode] = (codes ?? []) as string[];
          void settings.homeRegion.setValue({ provinceCode, cityCode, countyCode });
        }}
      />
    </Form.Item>
  );
}
