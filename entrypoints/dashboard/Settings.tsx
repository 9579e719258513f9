import { Button, Card, Checkbox, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../components/i18n';
import { useSetting } from '../../components/use-setting';
import type { LanguagePreference, MessageKey } from '../../lib/i18n';
import { SITE_IDS, type SiteId } from '../../lib/match/listing';
import { settings } from '../../lib/settings';
import { HomeRegion } from './HomeRegion';
import { DataCard } from './SettingsData';

/** Name, unit, department and employee number: what member exports are signed with. */
function ProfileCard() {
  const { t } = useI18n();
  const profile = useSetting('profile');
  const [saved, setSaved] = useState(false);
  if (!profile) return null;
  return (
    <Card title={t('settings.profile')}>
      <Form
        key={JSON.stringify(profile)}
        layout="vertical"
        initialValues={profile}
        onValuesChange={() => setSaved(false)}
        onFinish={async (values: typeof profile) => {
          await settings.profile.setValue({
            name: values.name.trim(),
            unit: values.unit.trim(),
            department: values.department.trim(),
            employeeNo: values.employeeNo.trim(),
          });
          setSaved(true);
        }}
      >
        <Form.Item label={t('settings.profile.name')} name="name">
          <Input data-testid="profile-name" maxLength={40} />
        </Form.Item>
        <Form.Item label={t('settings.profile.unit')} name="unit">
          <Input data-testid="profile-unit" maxLength={80} />
        </Form.Item>
        <Form.Item label={t('settings.profile.department')} name="department">
          <Input data-testid="profile-department" maxLength={80} />
        </Form.Item>
        <Form.Item label={t('settings.profile.employeeNo')} name="employeeNo">
          <Input data-testid="profile-employee-no" maxLength={40} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="profile-save">
            {t('settings.profile.save')}
          </Button>
          {saved && <Typography.Text type="success">{t('settings.profile.saved')}</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}

export function Settings() {
  const { t, preference, setPreference } = useI18n();
  const switches = useSetting('siteSwitches');
  const showHints = useSetting('showHints');
  // Loaded once the settings it shows have been read (a switch clicked before would start from nothing).
  const loaded = switches !== undefined && showHints !== undefined;
  return (
    <Space
      orientation="vertical"
      size="large"
      style={{ width: '100%', maxWidth: 720 }}
      data-testid="settings-page"
      data-loaded={loaded}
    >
      <Card>
        <Form layout="vertical">
          <Form.Item label={t('settings.language')} htmlFor="settings-language">
            <Select<LanguagePreference>
              id="settings-language"
              data-testid="settings-language"
              value={preference}
              onChange={(v) => void setPreference(v)}
              options={[
                { value: 'auto', label: t('settings.language.auto') },
                { value: 'zh-CN', label: t('settings.language.zh') },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('settings.sites')}>
            <Space wrap>
              {SITE_IDS.map((site: SiteId) => (
                <Checkbox
                  key={site}
                  data-testid={`site-switch-${site}`}
                  checked={switches?.[site] !== false}
                  onChange={(e) =>
                    void settings.siteSwitches.setValue({ ...(switches ?? {}), [site]: e.target.checked })
                  }
                >
                  {t(`site.${site}` as MessageKey)}
                </Checkbox>
              ))}
            </Space>
          </Form.Item>
          <HomeRegion />
          <Form.Item label={t('settings.showHints')}>
            <Switch
              aria-label={t('settings.showHints')}
              checked={showHints !== false}
              onChange={(checked) => void settings.showHints.setValue(checked)}
            />
          </Form.Item>
        </Form>
      </Card>
      <ProfileCard />
      <DataCard />
    </Space>
  );
}
