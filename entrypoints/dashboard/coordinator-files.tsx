import { Button, Card, InputNumber, Space, Switch } from 'antd';
import { DateRange } from '../../components/DateRange';
import { useI18n } from '../../components/i18n';
import { readInWorkers } from '../../lib/coordinator/pool';
import { type MemberFileReport, workerFailure } from '../../lib/coordinator/read-member-file';
import type { ReportInputs } from '../../lib/coordinator/report-inputs';
import { poolSize } from '../../lib/workers/client';
import MergeWorker from './merge-worker?worker';
import { MergeWorkerReplySchema } from './merge-worker-protocol';

/** Reads member files in a pool of workers (lib/workers/client poolSize: one per core, at most four), replies parsed. */
function readMemberFiles(files: File[]): Promise<MemberFileReport[]> {
  return readInWorkers(files, {
    size: poolSize(navigator.hardwareConcurrency, { max: 4, items: files.length }),
    start: () => new MergeWorker(),
    replySchema: MergeWorkerReplySchema,
    failed: workerFailure,
  });
}

export interface InputsProps {
  inputs: ReportInputs;
  set: (next: Partial<ReportInputs>) => void;
}

/** The period, each person's target and the canteen's 预留份额 base and share. */
function ReportTargets({ inputs, set, ratio }: InputsProps & { ratio: number }) {
  const { t } = useI18n();
  return (
    <>
      <Space wrap style={{ marginTop: 16 }}>
        <DateRange
          start={inputs.start}
          end={inputs.end}
          label={t('coordinator.period')}
          onChange={(range) => set({ start: range.start, end: range.end })}
        />
        <span>{t('coordinator.personTarget')}</span>
        <InputNumber<number>
          aria-label={t('coordinator.personTarget')}
          min={0}
          value={inputs.personTargetYuan}
          onChange={(v) => set({ personTargetYuan: v })}
          data-testid="merge-person-target"
          style={{ width: 140 }}
        />
      </Space>
      <Space wrap style={{ marginTop: 16 }}>
        <Switch
          checked={inputs.hasCanteen}
          onChange={(hasCanteen) => set({ hasCanteen })}
          aria-label={t('coordinator.canteen')}
        />
        <span>{t('coordinator.canteen')}</span>
        <InputNumber<number>
          aria-label={t('coordinator.target.base')}
          placeholder={t('coordinator.target.base')}
          min={0}
          disabled={!inputs.hasCanteen}
          value={inputs.canteenBaseYuan}
          onChange={(v) => set({ canteenBaseYuan: v })}
          data-testid="merge-base"
          style={{ width: 200 }}
        />
        <span>×</span>
        <InputNumber<number>
          aria-label={t('coordinator.target.ratio')}
          min={0}
          max={100}
          disabled={!inputs.hasCanteen}
          value={Math.round(ratio * 10000) / 100}
          onChange={(v) => set({ ratioPercent: v })}
          suffix="%"
          data-testid="merge-ratio"
          style={{ width: 110 }}
        />
      </Space>
    </>
  );
}

/** Member files in (picked or dropped; read in the page, never uploaded), and the report's targets. */
export function MemberFilesCard({
  hasFiles,
  onRead,
  onClear,
  ...targets
}: InputsProps & {
  ratio: number;
  hasFiles: boolean;
  onRead: (reports: MemberFileReport[]) => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  async function addFiles(files: FileList | File[] | null) {
    if (files) onRead(await readMemberFiles([...files]));
  }
  return (
    <Card title={t('coordinator.files')} className="no-print">
      <section
        className="drop-zone"
        aria-label={t('coordinator.drop')}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void addFiles([...e.dataTransfer.files]);
        }}
      >
        <p>{t('coordinator.drop')}</p>
        <Space>
          <label className="file-button">
            {t('coordinator.files')}
            <input
              type="file"
              multiple
              accept=".xlsx,.xls,.csv"
              data-testid="merge-files"
              onChange={(e) => {
                void addFiles(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
          <Button onClick={onClear} disabled={!hasFiles}>
            {t('coordinator.clear')}
          </Button>
        </Space>
      </section>
      <ReportTargets {...targets} />
    </Card>
  );
}
