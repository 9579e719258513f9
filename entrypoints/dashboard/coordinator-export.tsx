import { Button, Card, Input, Space } from 'antd';
import { useI18n } from '../../components/i18n';
import { saveFile, XLSX_TYPE } from '../../components/save-file';
import { flatCsvFileName, flatCsvText } from '../../lib/coordinator/flat-csv';
import type { MergeResult } from '../../lib/coordinator/merge';
import { type UnitReportMeta, unitReportFileName } from '../../lib/coordinator/unit-report';
import type { MessageKey } from '../../lib/i18n';
import type { InputsProps } from './coordinator-files';

/** The report's head and signature fields, as typed (unit and preparer start from the profile). */
const FIELDS: { key: 'unit' | 'preparer' | 'head' | 'reviewer' | 'phone'; label: MessageKey; width: number }[] = [
  { key: 'unit', label: 'coordinator.unit', width: 200 },
  { key: 'preparer', label: 'coordinator.preparer', width: 120 },
  { key: 'head', label: 'coordinator.sign.head', width: 120 },
  { key: 'reviewer', label: 'coordinator.sign.reviewer', width: 120 },
  { key: 'phone', label: 'coordinator.sign.phone', width: 140 },
];

/** Who reports and signs, and the report out: .xlsx, print, flat CSV; and the merge saved to go on later. */
export function ExportCard({
  inputs,
  set,
  merged,
  meta,
  onSave,
  savedAt,
}: InputsProps & { merged: MergeResult; meta: UnitReportMeta; onSave: () => void; savedAt?: string }) {
  const { t } = useI18n();
  const shown = { ...inputs, unit: meta.unit, preparer: meta.preparer };

  async function downloadXlsx() {
    // exceljs is large: loaded only when a report is exported.
    const { unitReportXlsxBytes } = await import('../../lib/coordinator/unit-report-xlsx');
    saveFile(await unitReportXlsxBytes(merged, meta), unitReportFileName(meta), XLSX_TYPE);
  }

  return (
    <Card className="no-print">
      <Space wrap>
        {FIELDS.map(({ key, label, width }) => (
          <Space key={key}>
            <label htmlFor={`report-${key}`}>{t(label)}</label>
            <Input
              id={`report-${key}`}
              value={shown[key]}
              onChange={(e) => set({ [key]: e.target.value })}
              style={{ width }}
            />
          </Space>
        ))}
      </Space>
      <Space wrap style={{ marginTop: 12 }}>
        <Button type="primary" data-testid="unit-report-download" onClick={() => void downloadXlsx()}>
          {t('coordinator.download')}
        </Button>
        <Button data-testid="unit-report-print" onClick={() => window.print()}>
          {t('coordinator.print')}
        </Button>
        <Button
          data-testid="unit-report-csv"
          onClick={() => saveFile(flatCsvText(merged, meta), flatCsvFileName(meta), 'text/csv;charset=utf-8')}
        >
          {t('coordinator.csv')}
        </Button>
        <Button data-testid="merge-save" onClick={onSave}>
          {t('coordinator.save')}
        </Button>
        {savedAt && (
          <span role="status" data-testid="merge-saved">
            {t('coordinator.saved')} {savedAt.slice(11, 16)}
          </span>
        )}
      </Space>
    </Card>
  );
}
