import { Form, Select } from 'antd';
import { useI18n } from '../../components/i18n';
import type { LanguagePreference } from '../../lib/i18n';

export function Settings() {
  const { t, preference, setPreference } = useI18n();
  return (
    <Form layout="vertical" style={{ maxWidth: 480 }}>
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
    </Form>
  );
}
