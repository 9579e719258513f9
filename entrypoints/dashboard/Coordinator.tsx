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
  Table,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { DateRange } from '../../components/DateRange';
import { useI18n } from '../../components/i18n';
import { saveFile, XLSX_TYPE } from '../../components/save-file';
import { TONE } from '../../components/tone';
import { useSetting } from '../../components/use-setting';
import { type MergedRow, type MergeFlag, mergeMemberFiles } from '../../lib/coordinator/merge';
import { mapWithRunners } from '../../lib/coordinator/pool';
import { type MemberFileReport, unreadableFile } from '../../lib/coordinator/read-member-file';
import { unitReportFileName, unitReportGrid, unitReportXlsxBytes } from '../../lib/coordinator/unit-report';
import { todayIso } from '../../lib/dates';
import type { MessageKey } from '../../lib/i18n';
import { displayYuan, parseYuanToFen } from '../../lib/money';
import MergeWorker from './merge-worker?worker';
import type { MergeWorkerReply, MergeWorkerRequest } from './merge-worker-protocol';

const FLAG_COLOR: Record<MergeFlag, string> = {
  'duplicate-order': TONE.red,
  uncertified: TONE.orange,
  expired: 'default',
  price: TONE.purple,
  'out-of-period': TONE.blue,
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

/** Reads member files in a pool of workers, one per core (at most four), the page staying responsive. */
async function readMemberFiles(files: File[]): Promise<MemberFileReport[]> {
  const size = Math.max(1, Math.min(files.length, navigator.hardwareConcurrency || 2, 4));
  const workers = Array.from({ length: size }, () => new MergeWorker());
  let nextId = 0;
  try {
    return await mapWithRunners(
      files,
      workers.map((worker) => async (file: File) => {
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const id = nextId++;
          return await new Promise<MemberFileReport>((resolve, reject) => {
            worker.onmessage = (event: MessageEvent<MergeWorkerReply>) => {
              if (event.data.id === id) resolve(event.data.report);
            };
            worker.onerror = (event) => reject(new Error(event.message));
            const request: MergeWorkerRequest = { id, name: file.name, bytes };
            worker.postMessage(request, [bytes.buffer]);
          });
        } catch (error) {
          // A file the browser cannot hand over is reported like any bad file; the others still merge.
          return unreadableFile(file.name, error);
        }
      }),
    );
  } finally {
    for (const worker of workers) worker.terminate();
  }
}

/**
 * The coordinator's page (DESIGN §7): member files in, checked and merged,
 * the unit report out. Files are read here, in the page; nothing is uploaded
 * and nothing is stored.
 */
export function Coordinator() {
  const { t } = useI18n();
  const profile = useSetting('profile');
  const today = todayIso();
  const [reports, setReports] = useState<MemberFileReport[]>([]);
  const [start, setStart] = useState(`${today.slice(0, 4)}-01-01`);
  const [end, setEnd] = useState(`${today.slice(0, 4)}-12-31`);
  const [targetYuan, setTargetYuan] = useState<number | null>(null);
  const [baseYuan, setBaseYuan] = useState<number | null>(null);
  const [ratio, setRatio] = useState<number | null>(15);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [unit, setUnit] = useState<string>();
  const [preparer, setPreparer] = useState<string>();

  const period = useMemo(() => ({ start: start || undefined, end: end || undefined }), [start, end]);
  const merged = useMemo(() => mergeMemberFiles(reports, { period }), [reports, period]);
  const targetFen =
    targetYuan !== null
      ? parseYuanToFen(targetYuan)
      : baseYuan !== null && ratio !== null
        ? Math.round(((parseYuanToFen(baseYuan) ?? 0) * ratio) / 100)
        : undefined;
  const meta = {
    unit: unit ?? profile?.unit ?? '',
    preparer: preparer ?? profile?.name ?? '',
    date: today,
    period,
    targetFen: targetFen || undefined,
  };

  async function addFiles(files: FileList | File[] | null) {
    if (!files) return;
    const read = await readMemberFiles([...files]);
    // A file picked again replaces its earlier reading.
    setReports((before) => [...before.filter((r) => !read.some((n) => n.fileName === r.fileName)), ...read]);
  }

  const shownRows = onlyFlagged ? merged.rows.filter((r) => r.flags.length) : merged.rows;
  const grid = reports.length ? unitReportGrid(merged, meta) : [];

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
            <Button onClick={() => setReports([])} disabled={!reports.length}>
              {t('coordinator.clear')}
            </Button>
          </Space>
        </section>
        <Space wrap style={{ marginTop: 16 }}>
          <DateRange
            start={start}
            end={end}
            label={t('coordinator.period')}
            onChange={(range) => {
              setStart(range.start);
              setEnd(range.end);
            }}
          />
        </Space>
        <Space wrap style={{ marginTop: 16 }}>
          <span>{t('coordinator.target')}</span>
          <InputNumber<number>
            aria-label={t('coordinator.target.direct')}
            placeholder={t('coordinator.target.direct')}
            min={0}
            value={targetYuan}
            onChange={setTargetYuan}
            data-testid="merge-target"
            style={{ width: 180 }}
          />
          <span>{t('coordinator.or')}</span>
          <InputNumber<number>
            aria-label={t('coordinator.target.base')}
            placeholder={t('coordinator.target.base')}
            min={0}
            value={baseYuan}
            onChange={setBaseYuan}
            data-testid="merge-base"
            style={{ width: 200 }}
          />
          <span>×</span>
          <InputNumber<number>
            aria-label={t('coordinator.target.ratio')}
            min={0}
            max={100}
            value={ratio}
            onChange={setRatio}
            suffix="%"
            data-testid="merge-ratio"
            style={{ width: 110 }}
          />
        </Space>
      </Card>

      {!reports.length && <Alert type="info" showIcon title={t('coordinator.empty')} />}

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
                    <Alert type="error" title={r.error} />
                  ) : r.problems.length || r.rejected.length ? (
                    <ul className="problems">
                      {r.problems.map((p) => (
                        <li key={p}>{p}</li>
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

      {reports.length > 0 && (
        <Card title={t('coordinator.totals')} className="no-print">
          <Row gutter={24}>
            <Col>
              <div
                data-testid="merge-totals"
                data-total-fen={merged.totalFen}
                data-certified-fen={merged.certifiedFen}
                data-rows={merged.rows.length}
              >
                <Space size="large">
                  <Statistic title={t('coordinator.total')} value={displayYuan(merged.totalFen)} />
                  <Statistic title={t('coordinator.certified')} value={displayYuan(merged.certifiedFen)} />
                </Space>
              </div>
            </Col>
            {targetFen ? (
              <Col flex="auto">
                <div data-testid="merge-progress" data-done-fen={merged.certifiedFen} data-target-fen={targetFen}>
                  {t('coordinator.progress', {
                    done: displayYuan(merged.certifiedFen),
                    target: displayYuan(targetFen),
                  })}
                  <Progress
                    percent={Math.min(100, Math.round((merged.certifiedFen / targetFen) * 1000) / 10)}
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
              <TotalsTable title={t('coordinator.byCounty')} rows={merged.byCounty} testId="merge-by-county" />
            </Col>
            <Col xs={24} md={6}>
              <TotalsTable title={t('coordinator.byMonth')} rows={merged.byMonth} testId="merge-by-month" />
            </Col>
            <Col xs={24} md={6}>
              <TotalsTable title={t('coordinator.byFunding')} rows={merged.byFunding} testId="merge-by-funding" />
            </Col>
          </Row>
        </Card>
      )}

      {reports.length > 0 && (
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
            rowKey={(r) => `${r.fileName}|${r.date}|${r.orderNo}|${r.product}|${r.amountFen}|${merged.rows.indexOf(r)}`}
            dataSource={shownRows}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            onRow={(r) => ({ 'data-flags': r.flags.join(' ') }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('coordinator.col.person'), dataIndex: 'person', width: 90 },
              { title: t('purchases.field.date'), dataIndex: 'date', width: 110 },
              { title: t('purchases.field.product'), dataIndex: 'product' },
              { title: t('purchases.field.county'), dataIndex: 'county', width: 100 },
              { title: t('purchases.field.amount'), align: 'right', render: (_, r) => displayYuan(r.amountFen) },
              { title: t('purchases.field.orderNo'), dataIndex: 'orderNo' },
              {
                title: t('coordinator.flags'),
                render: (_, r) =>
                  r.flags.map((f) => (
                    <Tag key={f} color={FLAG_COLOR[f]}>
                      {t(`flag.${f}` as MessageKey)}
                    </Tag>
                  )),
              },
            ]}
          />
        </Card>
      )}

      {reports.length > 0 && (
        <Card className="no-print">
          <Space wrap>
            <label htmlFor="report-unit">{t('coordinator.unit')}</label>
            <Input
              id="report-unit"
              value={meta.unit}
              onChange={(e) => setUnit(e.target.value)}
              style={{ width: 220 }}
            />
            <label htmlFor="report-preparer">{t('coordinator.preparer')}</label>
            <Input
              id="report-preparer"
              value={meta.preparer}
              onChange={(e) => setPreparer(e.target.value)}
              style={{ width: 140 }}
            />
            <Button
              type="primary"
              data-testid="unit-report-download"
              onClick={() => saveFile(unitReportXlsxBytes(merged, meta), unitReportFileName(meta), XLSX_TYPE)}
            >
              {t('coordinator.download')}
            </Button>
            <Button data-testid="unit-report-print" onClick={() => window.print()}>
              {t('coordinator.print')}
            </Button>
          </Space>
        </Card>
      )}

      {grid.length > 0 && (
        <table className="print-report" data-testid="print-report">
          <tbody>
            {grid.map((row, r) => (
              <tr key={r} className={r === 2 ? 'head' : undefined}>
                {row.map((cell, c) =>
                  r === 0 ? (
                    <th key={c} colSpan={13}>
                      {cell}
                    </th>
                  ) : (
                    <td key={c}>{typeof cell === 'number' && c === 9 && r > 2 ? cell.toFixed(2) : cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Space>
  );
}
