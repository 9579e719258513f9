import { Alert, Button, Card, Cascader, Checkbox, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { saveFile } from '../../components/save-file';
import { useSetting } from '../../components/use-setting';
import { clearAllData, createBackup } from '../../lib/backup';
import { getDb } from '../../lib/db/instance';
import type { LanguagePreference, MessageKey } from '../../lib/i18n';
import { SITE_IDS, type SiteId } from '../../lib/match/listing';
import { areasOf, citiesOf, PROVINCES } from '../../lib/regions/divisions';
import { restoreBackupInWorker } from '../../lib/restore/in-worker';
import { readAllSettings, settings, writeAllSettings } from '../../lib/settings';

function DataCard() {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string }>();
  const [confirmText, setConfirmText] = useState('');

  async function backup() {
    const text = await createBackup(getDb(), await readAllSettings());
    saveFile(text, `消费帮扶助手备份-${new Date().toISOString().slice(0, 10)}.json`, 'application/json');
  }

  async function restore(file: File | undefined) {
    if (!file) return;
    try {
      const restored = await restoreBackupInWorker(file);
      await writeAllSettings(restored);
      setMessage({ type: 'success', text: t('settings.restore.done') });
    } catch (error) {
      setMessage({ type: 'error', text: `「${file.name}」${error instanceof Error ? error.message : String(error)}` });
    }
  }

  return (
    <Card title={t('settings.data')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('settings.backup.hint')}</Typography.Text>
        <Space wrap>
          <Button data-testid="backup-download" onClick={() => void backup()}>
            {t('settings.backup')}
          </Button>
          <label className="file-button">
            <span>{t('settings.restore')}</span>
            <input
              type="file"
              accept=".json,application/json"
              data-testid="backup-restore"
              onChange={(e) => void restore(e.target.files?.[0])}
            />
          </label>
        </Space>
        {message && <Alert data-testid="settings-message" type={message.type} showIcon title={message.text} />}
        <Typography.Text>{t('settings.clear.confirm')}</Typography.Text>
        <Space>
          <Input
            aria-label={t('settings.clear.confirm')}
            data-testid="clear-confirm-text"
            value={confirmText}
            onChange={(e) => setConfirmText(e.target.value)}
            style={{ width: 160 }}
          />
          <Button
            danger
            data-testid="clear-all"
            disabled={confirmText.trim() !== t('settings.clear.word')}
            onClick={async () => {
              await clearAllData(getDb());
              setConfirmText('');
              setMessage({ type: 'success', text: t('settings.clear.done') });
            }}
          >
            {t('settings.clear')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

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

/** Name, unit and employee number: what member exports are signed with. */
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
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
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
                { value: 'zh-CN', label: '中文' },
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
