import { useState } from 'react';
import { exportMemberFile } from '../../components/export-member-file';
import { useI18n } from '../../components/i18n';
import { useSetting } from '../../components/use-setting';

/** 打开管理页 and 导出本年明细, with the export's outcome said (a warning when the profile has no name). */
export function PopupActions({ year }: { year: string }) {
  const { t } = useI18n();
  const profile = useSetting('profile');
  const [exported, setExported] = useState<{ text: string; warn: boolean }>();

  /** The year's member file; the coordinator needs the member's name, so its absence is a warning. */
  async function exportYear() {
    try {
      await exportMemberFile('xlsx', { start: `${year}-01-01`, end: `${year}-12-31` });
      setExported(
        profile?.name.trim()
          ? { text: t('popup.exported'), warn: false }
          : { text: t('popup.exported.noName'), warn: true },
      );
    } catch (error) {
      setExported({ text: t('popup.exportFailed', { message: String(error) }), warn: true });
    }
  }

  return (
    <>
      <div className="popup-actions">
        <a className="button" href="/dashboard.html" target="_blank" rel="noreferrer">
          {t('popup.openDashboard')}
        </a>
        <button type="button" onClick={() => void exportYear()} data-testid="popup-export">
          {t('popup.export')}
        </button>
      </div>
      {exported && (
        <p role="status" className={exported.warn ? 'popup-warn' : 'muted'} data-testid="popup-export-status">
          {exported.text}
        </p>
      )}
    </>
  );
}
