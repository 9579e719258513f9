import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Input,
  InputNumber,
  Progress,
  Row,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { DateRange } from '../../components/DateRange';
import { useI18n } from '../../components/i18n';
import { saveFile, XLSX_TYPE } from '../../components/save-file';
import { TONE } from '../../components/tone';
import { useSetting } from '../../components/use-setting';
import { flatCsvFileName, flatCsvText } from '../../lib/coordinator/flat-csv';
import { type MergedRow, type MergeFlag, mergeMemberFiles, type ReviewDecision } from '../../lib/coordinator/merge';
import { readInWorkers } from '../../lib/coordinator/pool';
import { type MemberFileReport, workerFailure } from '../../lib/coordinator/read-member-file';
import { type UnitReportMeta, unitReport, unitReportFileName } from '../../lib/coordinator/unit-report';
import { verifyRows } from '../../lib/coordinator/verify';
import { todayIso } from '../../lib/dates';
import { type MergeSession, MergeSessionSchema } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import { type MessageKey, say } from '../../lib/i18n';
import { CERTIFICATION_LABELS } from '../../lib/ledger/member-columns';
import { shareOfBase } from '../../lib/ledger/pledges';
import { displayYuan, parseYuanToFen } from '../../lib/money';
import { poolSize } from '../../lib/workers/client';
import MergeWorker from './merge-worker?worker';
import { MergeWorkerReplySchema } from './merge-worker-protocol';
import { UnitReportView } from './UnitReportView';
import { useCatalogueIndex } from './use-catalogue-index';

const FLAG_COLOR: Record<MergeFlag, string> = {
  'duplicate-order': TONE.red,
  uncertified: TONE.orange,
  expired: 'default',
  price: TONE.purple,
  'out-of-period': TONE.blue,
  unverified: TONE.red,
  sample: TONE.orange,
  'order-no-altered': TONE.orange,
  'repeated-file': TONE.red,
};

function TotalsTable({ title, rows, testId }: { title: string; rows: [string, number][]; testId: string }) {
  const { t } = useI18n();
  return (
    <Table<[string, number]>
      data-testid={testId}
      size="small"
      pagination={false}
      rowKey={(r) => r[0]}
      dataSource={rows}
      columns={[
        { title, render: (_, r) => r[0] },
        { title: t('coordinator.col.total'), align: 'right', render: (_, r) => displayYuan(r[1]) },
      ]}
    />
  );
}

/** Reads member files in a pool of workers (lib/workers/client poolSize: one per core, at most four), replies parsed. */
function readMemberFiles(files: File[]): Promise<MemberFileReport[]> {
  return readInWorkers(files, {
    size: poolSize(navigator.hardwareConcurrency, { max: 4, items: files.length }),
    start: () => new MergeWorker(),
    replySchema: MergeWorkerReplySchema,
    failed: workerFailure,
  });
}

/** The report's inputs as the coordinator types them (元 and %), saved with a merge session. */
interface ReportInputs {
  unit?: string;
  preparer?: string;
  start: string;
  end: string;
  personTargetYuan: number | null;
  hasCanteen: boolean;
  canteenBaseYuan: number | null;
  ratioPercent: number | null;
  head: string;
  reviewer: string;
  phone: string;
}

function SessionList({ onOpen }: { onOpen: (session: MergeSession) => void }) {
  const { t } = useI18n();
  const sessions = useLiveQuery(() => getDb().mergeSessions.orderBy('savedAt').reverse().toArray(), [], []);
  if (!sessions.length) return null;
  return (
    <Card title={t('coordinator.sessions')} size="small" className="no-print" data-testid="merge-sessions">
      <Space orientation="vertical">
        {sessions.map((s) => (
          <Space key={s.id} data-testid="merge-session">
            <span>
              {s.title} · {s.savedAt.slice(0, 16).replace('T', ' ')}
            </span>
            <Button size="small" onClick={() => onOpen(MergeSessionSchema.parse(s))}>
              {t('coordinator.open')}
            </Button>
            <Button size="small" danger onClick={() => void getDb().mergeSessions.delete(s.id)}>
              {t('coordinator.delete')}
            </Button>
          </Space>
        ))}
      </Space>
    </Card>
  );
}

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
  const [decisions, setDecisions] = useState<Record<string, ReviewDecision>>({});
  const [inputs, setInputs] = useState<ReportInputs>({
    start: `${today.slice(0, 4)}-01-01`,
    end: `${today.slice(0, 4)}-12-31`,
    personTargetYuan: null,
    hasCanteen: true,
    canteenBaseYuan: null,
    ratioPercent: null,
    head: '',
    reviewer: '',
    phone: '',
  });
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [sessionId, setSessionId] = useState<string>();
  const [savedAt, setSavedAt] = useState<string>();
  const set = (next: Partial<ReportInputs>) => setInputs((before) => ({ ...before, ...next }));

  const period = useMemo(
    () => ({ start: inputs.start || undefined, end: inputs.end || undefined }),
    [inputs.start, inputs.end],
  );
  const index = catalogue.index;
  const merged = useMemo(
    () =>
      mergeMemberFiles(reports, {
        period,
        decisions,
        verify: index ? (rows) => verifyRows(index, rows) : undefined,
      }),
    [reports, period, decisions, index],
  );
  const ratio = (inputs.ratioPercent ?? (rules?.reserveShare ?? 0.1) * 100) / 100;
  const canteenBaseFen = inputs.canteenBaseYuan !== null ? parseYuanToFen(inputs.canteenBaseYuan) : undefined;
  const reserveFen = inputs.hasCanteen && canteenBaseFen ? shareOfBase(canteenBaseFen, ratio) : undefined;
  const meta: UnitReportMeta = {
    unit: inputs.unit ?? profile?.unit ?? '',
    preparer: inputs.preparer ?? profile?.name ?? '',
    date: today,
    period,
    personTargetFen: inputs.personTargetYuan ? parseYuanToFen(inputs.personTargetYuan) : undefined,
    canteen: { has: inputs.hasCanteen, baseFen: canteenBaseFen, ratio },
    sign: { head: inputs.head, reviewer: inputs.reviewer, phone: inputs.phone },
  };
  const report = reports.length && index ? unitReport(merged, meta) : undefined;

  async function addFiles(files: FileList | File[] | null) {
    if (!files) return;
    const read = await readMemberFiles([...files]);
    // A file picked again replaces its earlier reading.
    setReports((before) => [...before.filter((r) => !read.some((n) => n.fileName === r.fileName)), ...read]);
  }

  function decide(row: MergedRow, next: Partial<ReviewDecision>) {
    setDecisions((before) => ({
      ...before,
      [row.key]: { include: before[row.key]?.include ?? row.included, note: before[row.key]?.note ?? '', ...next },
    }));
  }

  async function downloadXlsx() {
    // exceljs is large: loaded only when a report is exported.
    const { unitReportXlsxBytes } = await import('../../lib/coordinator/unit-report-xlsx');
    saveFile(await unitReportXlsxBytes(merged, meta), unitReportFileName(meta), XLSX_TYPE);
  }

  async function saveSession() {
    const session: MergeSession = MergeSessionSchema.parse({
      id: sessionId ?? crypto.randomUUID(),
      title: `${meta.unit || '本单位'} ${inputs.start} 至 ${inputs.end}`,
      savedAt: new Date().toISOString(),
      reports,
      decisions,
      meta: inputs,
    });
    await getDb().mergeSessions.put(session);
    setSessionId(session.id);
    setSavedAt(session.savedAt);
  }

  function openSession(session: MergeSession) {
    setReports(session.reports as MemberFileReport[]);
    setDecisions(session.decisions);
    setInputs((before) => ({ ...before, ...(session.meta as Partial<ReportInputs>) }));
    setSessionId(session.id);
    setSavedAt(session.savedAt);
  }

  const shownRows = onlyFlagged ? merged.rows.filter((r) => r.flags.length) : merged.rows;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} className="coordinator">
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
            <Button
              onClick={() => {
                setReports([]);
                setDecisions({});
                setSessionId(undefined);
              }}
              disabled={!reports.length}
            >
              {t('coordinator.clear')}
            </Button>
          </Space>
        </section>
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
      </Card>

      <SessionList onOpen={openSession} />

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

      {reports.length > 0 && (
        <Card title={t('coordinator.report')} className="no-print">
          <Table<MemberFileReport>
            data-testid="merge-report"
            size="small"
            pagination={false}
            rowKey="fileName"
            dataSource={reports}
            onRow={(r) =>
              ({
                'data-testid': 'merge-file',
                'data-file': r.fileName,
                'data-read': r.rowsRead,
                'data-rejected': r.rejected.length,
                'data-status': r.error ? 'error' : r.problems.length || r.rejected.length ? 'problem' : 'ok',
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('coordinator.col.file'), dataIndex: 'fileName' },
              {
                title: t('coordinator.col.person'),
                render: (_, r) => r.declared.person ?? r.rows[0]?.person ?? '—',
              },
              { title: t('coordinator.col.read'), align: 'right', render: (_, r) => (r.error ? '—' : r.rowsRead) },
              {
                title: t('coordinator.col.rejected'),
                align: 'right',
                render: (_, r) => (r.error ? '—' : r.rejected.length),
              },
              {
                title: t('coordinator.col.total'),
                align: 'right',
                render: (_, r) => (r.error ? '—' : displayYuan(r.totalFen)),
              },
              {
                title: t('coordinator.col.problems'),
                render: (_, r) =>
                  r.error ? (
                    <Alert type="error" title={say(t, r.error)} />
                  ) : r.problems.length || r.rejected.length ? (
                    <ul className="problems">
                      {r.problems.map((p) => (
                        <li key={JSON.stringify(p)}>{say(t, p)}</li>
                      ))}
                      {r.rejected.map((x) => (
                        <li key={`${x.rowNumber}-${x.column}`}>
                          {t('coordinator.rejectedRow', { row: x.rowNumber, column: x.column, reason: x.reason })}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Tag color={TONE.green}>{t('coordinator.ok')}</Tag>
                  ),
              },
            ]}
          />
        </Card>
      )}

      {reports.length > 0 && index && (
        <Card title={t('coordinator.totals')} className="no-print">
          <Row gutter={24}>
            <Col>
              <div
                data-testid="merge-totals"
                data-total-fen={merged.totalFen}
                data-certified-fen={merged.certifiedFen}
                data-declared-certified-fen={merged.declaredCertifiedFen}
                data-excluded={merged.excluded.length}
                data-rows={merged.rows.length}
              >
                <Space size="large">
                  <Statistic title={t('coordinator.total')} value={displayYuan(merged.totalFen)} />
                  <Statistic title={t('coordinator.certified')} value={displayYuan(merged.certifiedFen)} />
                  <Statistic
                    title={t('coordinator.declaredCertified')}
                    value={displayYuan(merged.declaredCertifiedFen)}
                  />
                </Space>
                {merged.excluded.length > 0 && (
                  <p className="muted">{t('coordinator.excludedCount', { count: merged.excluded.length })}</p>
                )}
              </div>
            </Col>
            {reserveFen ? (
              <Col flex="auto">
                <div data-testid="merge-progress" data-done-fen={merged.reserve832Fen} data-target-fen={reserveFen}>
                  {t('coordinator.reserveProgress', {
                    done: displayYuan(merged.reserve832Fen),
                    target: displayYuan(reserveFen),
                  })}
                  <Progress
                    percent={Math.min(100, Math.round((merged.reserve832Fen / reserveFen) * 1000) / 10)}
                    aria-label={t('coordinator.target')}
                  />
                </div>
              </Col>
            ) : null}
          </Row>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} md={6}>
              <TotalsTable title={t('coordinator.byPerson')} rows={merged.byPerson} testId="merge-by-person" />
            </Col>
            <Col xs={24} md={6}>
              <TotalsTable title={t('coordinator.byChannel')} rows={merged.byChannel} testId="merge-by-channel" />
            </Col>
            <Col xs={24} md={6}>
              <TotalsTable title={t('coordinator.byCounty')} rows={merged.byCounty} testId="merge-by-county" />
            </Col>
            <Col xs={24} md={6}>
              <TotalsTable title={t('coordinator.byFunding')} rows={merged.byFunding} testId="merge-by-funding" />
            </Col>
          </Row>
        </Card>
      )}

      {reports.length > 0 && index && (
        <Card
          title={t('coordinator.rows')}
          className="no-print"
          extra={
            <Checkbox checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.target.checked)}>
              {t('coordinator.onlyFlagged')}
            </Checkbox>
          }
        >
          <Table<MergedRow>
            data-testid="merged-rows"
            size="small"
            rowKey="key"
            dataSource={shownRows}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            onRow={(r) =>
              ({
                'data-key': r.key,
                'data-flags': r.flags.join(' '),
                'data-included': String(r.included),
                'data-verified': r.verified,
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('coordinator.col.person'), dataIndex: 'person', width: 80 },
              { title: t('purchases.field.date'), dataIndex: 'date', width: 100 },
              { title: t('purchases.field.product'), dataIndex: 'product' },
              { title: t('purchases.field.channel'), render: (_, r) => r.channelKind ?? r.channel, width: 100 },
              { title: t('purchases.field.amount'), align: 'right', render: (_, r) => displayYuan(r.amountFen) },
              { title: t('coordinator.declared'), render: (_, r) => CERTIFICATION_LABELS[r.certification] },
              { title: t('coordinator.verified'), render: (_, r) => CERTIFICATION_LABELS[r.verified] },
              {
                title: t('coordinator.flags'),
                render: (_, r) =>
                  r.flags.map((f) => (
                    <Tag key={f} color={FLAG_COLOR[f]}>
                      {t(`flag.${f}` as MessageKey)}
                    </Tag>
                  )),
              },
              {
                title: t('coordinator.include'),
                width: 60,
                render: (_, r) => (
                  <Checkbox
                    checked={r.included}
                    aria-label={`${t('coordinator.include')} ${r.person} ${r.date} ${r.product}`}
                    data-testid="review-include"
                    onChange={(e) => decide(r, { include: e.target.checked })}
                  />
                ),
              },
              {
                title: t('coordinator.reviewNote'),
                render: (_, r) =>
                  r.flags.length || !r.included ? (
                    <Input
                      size="small"
                      aria-label={`${t('coordinator.reviewNote')} ${r.person} ${r.date}`}
                      placeholder={r.reviewNote}
                      value={decisions[r.key]?.note ?? ''}
                      onChange={(e) => decide(r, { note: e.target.value })}
                    />
                  ) : null,
              },
            ]}
          />
        </Card>
      )}

      {report && (
        <Card className="no-print">
          <Space wrap>
            <label htmlFor="report-unit">{t('coordinator.unit')}</label>
            <Input
              id="report-unit"
              value={meta.unit}
              onChange={(e) => set({ unit: e.target.value })}
              style={{ width: 200 }}
            />
            <label htmlFor="report-preparer">{t('coordinator.preparer')}</label>
            <Input
              id="report-preparer"
              value={meta.preparer}
              onChange={(e) => set({ preparer: e.target.value })}
              style={{ width: 120 }}
            />
            <label htmlFor="report-head">{t('coordinator.sign.head')}</label>
            <Input
              id="report-head"
              value={inputs.head}
              onChange={(e) => set({ head: e.target.value })}
              style={{ width: 120 }}
            />
            <label htmlFor="report-reviewer">{t('coordinator.sign.reviewer')}</label>
            <Input
              id="report-reviewer"
              value={inputs.reviewer}
              onChange={(e) => set({ reviewer: e.target.value })}
              style={{ width: 120 }}
            />
            <label htmlFor="report-phone">{t('coordinator.sign.phone')}</label>
            <Input
              id="report-phone"
              value={inputs.phone}
              onChange={(e) => set({ phone: e.target.value })}
              style={{ width: 140 }}
            />
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
            <Button data-testid="merge-save" onClick={() => void saveSession()}>
              {t('coordinator.save')}
            </Button>
            {savedAt && (
              <span role="status" data-testid="merge-saved">
                {t('coordinator.saved')} {savedAt.slice(11, 16)}
              </span>
            )}
          </Space>
        </Card>
      )}

      {report && <UnitReportView report={report} />}
    </Space>
  );
}
