import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../components/i18n';
import { saveFile } from '../../components/save-file';
import { clearAllData, createBackup } from '../../lib/backup';
import { getDb } from '../../lib/db/instance';
import { messageOfError } from '../../lib/i18n';
import { restoreBackupInWorker } from '../../lib/restore/in-worker';
import { readAllSettings, writeAllSettings } from '../../lib/settings';

/** Backup, restore and clear-all: the whole of the browser's data at once. */
export function DataCard() {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string }>();
  const [confirmText, setConfirmText] = useState('');

  async function backup() {
    const text = await createBackup(getDb(), await readAllSettings());
    saveFile(text, t('settings.backup.fileName', { date: new Date().toISOString().slice(0, 10) }), 'application/json');
  }

  async function restore(file: File | undefined) {
    if (!file) return;
    try {
      const restored = await restoreBackupInWorker(file);
      await writeAllSettings(restored);
      setMessage({ type: 'success', text: t('settings.restore.done') });
    } catch (error) {
      setMessage({
        type: 'error',
        text: t('settings.restore.failed', {
          file: file.name,
          message: messageOfError(error),
        }),
      });
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
