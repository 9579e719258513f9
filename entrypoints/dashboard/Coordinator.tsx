import { Alert, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { useSetting } from '../../components/use-setting';
import { type MergedRow, mergeMemberFiles, type ReviewDecision } from '../../lib/coordinator/merge';
import type { MemberFileReport } from '../../lib/coordinator/read-member-file';
import { defaultReportInputs, periodOf, type ReportInputs, reportHead } from '../../lib/coordinator/report-inputs';
import { type Decisions, sessionOf, stateOf, withDecision, withFilesRead } from '../../lib/coordinator/session';
import { unitReport } from '../../lib/coordinator/unit-report';
import { verifyRows } from '../../lib/coordinator/verify';
import { todayIso } from '../../lib/dates';
import type { MergeSession } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import { ExportCard } from './coordinator-export';
import { FileReportCard } from './coordinator-file-report';
import { MemberFilesCard } from './coordinator-files';
import { MergedRowsCard } from './coordinator-rows';
import { SessionList } from './coordinator-sessions';
import { TotalsCard } from './coordinator-totals';
import { UnitReportView } from './UnitReportView';
import { useCatalogueIndex } from './use-catalogue-index';

/**
 * The coordinator's page (DESIGN §7): member files in, each row checked again
 * against the coordinator's own catalogue, flagged rows reviewed, the unit
 * report out (.xlsx, print, flat CSV). Files are read here, in the page;
 * nothing is uploaded; a merge is stored only when the coordinator saves it.
 */
export function Coordinator() {
  const { t } = useI18n();
  const profile = useSetting('profile');
  const rules = useSetting('pledgeRules');
  const today = todayIso();
  const catalogue = useCatalogueIndex();
  const [reports, setReports] = useState<MemberFileReport[]>([]);
  const [decisions, setDecisions] = useState<Decisions>({});
  const [inputs, setInputs] = useState<ReportInputs>(() => defaultReportInputs(today));
  const [saved, setSaved] = useState<{ id: string; savedAt: string }>();
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const set = (next: Partial<ReportInputs>) => setInputs((before) => ({ ...before, ...next }));

  // The merge is the page's heavy work: redone only when its inputs change, not on every keystroke of the head.
  const period = useMemo(() => periodOf(inputs.start, inputs.end), [inputs.start, inputs.end]);
  const index = catalogue.index;
  const merged = useMemo(
    () =>
      mergeMemberFiles(reports, { period, decisions, verify: index ? (rows) => verifyRows(index, rows) : undefined }),
    [reports, period, decisions, index],
  );
  const { meta, ratio, reserveFen } = reportHead(inputs, { today, profile, reserveShare: rules?.reserveShare });
  const report = reports.length && index ? unitReport(merged, meta) : undefined;

  async function saveSession() {
    const session = sessionOf(
      { reports, decisions, inputs },
      {
        id: saved?.id ?? crypto.randomUUID(),
        title: t('coordinator.session.title', {
          unit: meta.unit || t('coordinator.session.thisUnit'),
          start: inputs.start,
          end: inputs.end,
        }),
        savedAt: new Date().toISOString(),
      },
    );
    await getDb().mergeSessions.put(session);
    setSaved({ id: session.id, savedAt: session.savedAt });
  }

  function openSession(session: MergeSession) {
    const state = stateOf(session, defaultReportInputs(today));
    setReports(state.reports);
    setDecisions(state.decisions);
    setInputs(state.inputs);
    setUnreadable(state.unreadable);
    setSaved({ id: session.id, savedAt: session.savedAt });
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} className="coordinator">
      <MemberFilesCard
        inputs={inputs}
        set={set}
        ratio={ratio}
        hasFiles={reports.length > 0}
        onRead={(read) => setReports((before) => withFilesRead(before, read))}
        onClear={() => {
          setReports([]);
          setDecisions({});
          setUnreadable([]);
          setSaved(undefined);
        }}
      />

      <SessionList onOpen={openSession} />

      {unreadable.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="merge-session-unreadable"
          title={t('coordinator.session.unreadable', {
            count: unreadable.length,
            files: unreadable.join(t('list.separator')),
          })}
        />
      )}
      {!reports.length && <Alert type="info" showIcon title={t('coordinator.empty')} />}
      {reports.length > 0 && index && (
        <Alert
          className="no-print"
          type={catalogue.entries ? 'info' : 'warning'}
          showIcon
          data-testid="merge-catalogue"
          title={
            catalogue.entries ? t('coordinator.catalogue', { count: catalogue.entries }) : t('coordinator.noCatalogue')
          }
        />
      )}

      {reports.length > 0 && <FileReportCard reports={reports} />}
      {reports.length > 0 && index && <TotalsCard merged={merged} reserveFen={reserveFen} />}
      {reports.length > 0 && index && (
        <MergedRowsCard
          merged={merged}
          decisions={decisions}
          onDecide={(row: MergedRow, next: Partial<ReviewDecision>) =>
            setDecisions((before) => withDecision(before, row, next))
          }
        />
      )}
      {report && (
        <ExportCard
          inputs={inputs}
          set={set}
          merged={merged}
          meta={meta}
          onSave={() => void saveSession()}
          savedAt={saved?.savedAt}
        />
      )}
      {report && <UnitReportView report={report} />}
    </Space>
  );
}
