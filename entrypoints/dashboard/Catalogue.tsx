import { Alert, Button, Card, Input, Popconfirm, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { saveFile } from '../../components/save-file';
import { TONE } from '../../components/tone';
import { catalogueReadParts } from '../../lib/catalogue/read-parts';
import { problemsByRow, REPORT_ROWS } from '../../lib/catalogue/report';
import { deleteSource, findEntries, listSources, sweepStaleStagings } from '../../lib/catalogue/store';
import { todayIso } from '../../lib/dates';
import type { CatalogueEntry } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import { message, say, sayError } from '../../lib/i18n';
import { declaredZipBreach } from '../../lib/tables/limits';
import { tableFileKind, zipBreachError } from '../../lib/tables/table';
import CatalogueWorker from './catalogue-worker?worker';
import type { ReadingSummary, WorkerReply, WorkerRequest } from './catalogue-worker-protocol';

type ProblemRow = ReturnType<typeof problemsByRow>[number] & { key: string };

/**
 * One worker for the page's life: it holds a parsed file until it is confirmed
 * or dropped. For a file that this machine reads in parts (catalogueReadParts:
 * by its cores and the file's size), helpers are started once, as many as the
 * most parts it reads, to read and write the later parts alongside it.
 */
let worker: Worker | undefined;
let helpersStarted = false;
function readingWorker(largeFile: boolean): Worker {
  worker ??= new CatalogueWorker();
  if (largeFile && !helpersStarted) {
    helpersStarted = true;
    const helperCount = catalogueReadParts(navigator.hardwareConcurrency, Number.POSITIVE_INFINITY) - 1;
    const ports = Array.from({ length: helperCount }, () => {
      const channel = new MessageChannel();
      const serve: WorkerRequest = { type: 'serve', port: channel.port2 };
      new CatalogueWorker().postMessage(serve, [channel.port2]);
      return channel.port1;
    });
    if (ports.length) worker.postMessage({ type: 'helpers', ports } satisfies WorkerRequest, ports);
  }
  return worker;
}

function ask(request: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerReply> {
  const w = readingWorker(
    request.type === 'read' && catalogueReadParts(navigator.hardwareConcurrency, request.bytes.length) > 1,
  );
  return new Promise((resolve) => {
    w.onmessage = (event: MessageEvent<WorkerReply>) => resolve(event.data);
    w.onerror = (event) =>
      resolve({ type: 'error', problem: message('table.unreadable', { message: event.message || '—' }) });
    w.postMessage(request, transfer);
  });
}

function problemsOf(reading: ReadingSummary): ProblemRow[] {
  return problemsByRow(reading.plan).map((p, i) => ({ ...p, key: `${p.kind}${p.rowNumber}-${i}` }));
}

function ImportWizard() {
  const { t } = useI18n();
  const [sourceName, setSourceName] = useState('');
  const [reading, setReading] = useState<ReadingSummary>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<{ message: string; writeMs: number }>();
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const existing = useLiveQuery(
    () => (reading ? getDb().catalogueSources.get(reading.plan.sourceId) : undefined),
    [reading],
  );

  async function onFile(file: File | undefined) {
    setReading(undefined);
    setError(undefined);
    setDone(undefined);
    if (!file) return;
    setBusy(true);
    try {
      const start = performance.now();
      const bytes = new Uint8Array(await file.arrayBuffer());
      const fileMs = performance.now() - start;
      // A zip bomb that says what it is, in its directory, is refused here, in the user's language (the worker inflates the rest to check).
      const breach = tableFileKind({ name: file.name, bytes }) === 'xlsx' ? declaredZipBreach(bytes) : undefined;
      const problem = breach && zipBreachError(file.name, breach).problem;
      if (problem) {
        setError(say(t, problem));
        return;
      }
      const answer = await ask({ type: 'read', name: file.name, bytes, sourceName, today: todayIso() }, [bytes.buffer]);
      // Where the time went, for the bench: the file read, and the worker's answer in all.
      if (answer.type === 'report') setReading({ ...answer.summary, fileMs, answerMs: performance.now() - start });
      else if (answer.type === 'error') setError(say(t, answer.problem));
    } catch (e) {
      setError(t('table.error', { file: file.name, reason: message('table.unreadable', { message: String(e) }) }));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!reading) return;
    setBusy(true);
    try {
      const answer = await ask({ type: 'commit', importedAt: new Date().toISOString() });
      if (answer.type === 'done') {
        setDone({
          message: t('catalogue.import.done', { count: answer.source.rowCount, name: answer.source.name }),
          writeMs: answer.writeMs,
        });
        setReading(undefined);
        setInputKey((k) => k + 1);
      } else if (answer.type === 'error') setError(say(t, answer.problem));
    } catch (e) {
      setError(sayError(t, e));
    } finally {
      setBusy(false);
    }
  }

  const problems = useMemo(() => (reading ? problemsOf(reading) : []), [reading]);
  const problemTotal = reading
    ? reading.plan.counts.rejected + reading.plan.counts.duplicates + reading.plan.counts.warnings
    : 0;

  // Named after the source, which is the file's name without its extension unless the user gave one.
  async function downloadReport(sourceName: string) {
    const answer = await ask({ type: 'reportCsv' });
    if (answer.type === 'reportCsv') saveFile(answer.bytes, `${sourceName}-检查报告.csv`, 'text/csv');
    else if (answer.type === 'error') setError(say(t, answer.problem));
  }
  const kindTag = { rejected: TONE.red, duplicate: TONE.orange, warning: TONE.orange } as const;
  const kindLabel = {
    rejected: t('catalogue.report.rejected'),
    duplicate: t('catalogue.report.duplicates'),
    warning: t('catalogue.report.warnings'),
  };

  return (
    <Card title={t('catalogue.import.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('catalogue.import.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          aria-label={t('catalogue.import.sourceName')}
          placeholder={t('catalogue.import.sourceName')}
          value={sourceName}
          onChange={(e) => setSourceName(e.target.value)}
          style={{ width: 320 }}
        />
        <label className="file-button">
          <span>{t('catalogue.import.choose')}</span>
          <input
            key={inputKey}
            type="file"
            data-testid="catalogue-file"
            accept=".csv,.xlsx,.xls,.json,.txt"
            disabled={busy}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
        {busy && <Typography.Text>{t('catalogue.import.reading')}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon data-testid="import-error" title={error} style={{ marginBottom: 12 }} />}
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid="import-done"
          data-write-ms={Math.round(done.writeMs)}
          title={done.message}
          style={{ marginBottom: 12 }}
        />
      )}
      {reading && (
        <section
          data-testid="import-report"
          data-valid={reading.plan.validCount}
          data-rejected={reading.plan.counts.rejected}
          data-duplicates={reading.plan.counts.duplicates}
          data-warnings={reading.plan.counts.warnings}
          data-read-ms={Math.round(reading.readMs)}
          data-file-ms={Math.round(reading.fileMs ?? 0)}
          data-parts={reading.parts}
          data-answer-ms={Math.round(reading.answerMs ?? 0)}
          aria-label={t('catalogue.report.title', { file: reading.fileName })}
        >
          <Typography.Title level={5}>{t('catalogue.report.title', { file: reading.fileName })}</Typography.Title>
          <Space size="large" wrap>
            <Statistic title={t('catalogue.report.read')} value={reading.plan.rowsRead} />
            <Statistic title={t('catalogue.report.valid')} value={reading.plan.validCount} />
            <Statistic title={t('catalogue.report.rejected')} value={reading.plan.counts.rejected} />
            <Statistic title={t('catalogue.report.duplicates')} value={reading.plan.counts.duplicates} />
            <Statistic title={t('catalogue.report.warnings')} value={reading.plan.counts.warnings} />
          </Space>
          {problemTotal > problems.length && (
            <Space wrap style={{ marginTop: 12 }} data-testid="report-partial">
              <Typography.Text>
                {t('catalogue.report.partial', { rows: REPORT_ROWS, total: problemTotal })}
              </Typography.Text>
              <Button data-testid="report-csv" onClick={() => void downloadReport(reading.sourceName)}>
                {t('catalogue.report.download')}
              </Button>
            </Space>
          )}
          {problems.length > 0 && (
            <Table<ProblemRow>
              size="small"
              style={{ marginTop: 12 }}
              rowKey="key"
              dataSource={problems}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('catalogue.report.row'), dataIndex: 'rowNumber', width: 80 },
                {
                  title: t('catalogue.report.kind'),
                  dataIndex: 'kind',
                  width: 90,
                  render: (k: ProblemRow['kind']) => <Tag color={kindTag[k]}>{kindLabel[k]}</Tag>,
                },
                { title: t('catalogue.report.column'), dataIndex: 'column', width: 140, render: (c) => c && say(t, c) },
                { title: t('catalogue.report.reason'), dataIndex: 'message', render: (m) => say(t, m) },
              ]}
            />
          )}
          {existing && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={t('catalogue.report.replaces', { name: existing.name, count: existing.rowCount })}
            />
          )}
          <Space style={{ marginTop: 12 }}>
            <Button
              type="primary"
              data-testid="catalogue-import-confirm"
              disabled={busy || reading.plan.validCount === 0}
              onClick={() => void confirm()}
            >
              {t('catalogue.import.confirm', { count: reading.plan.validCount })}
            </Button>
            <Button
              onClick={() => {
                void ask({ type: 'discard' });
                setReading(undefined);
                setInputKey((k) => k + 1);
              }}
            >
              {t('catalogue.import.cancel')}
            </Button>
          </Space>
        </section>
      )}
    </Card>
  );
}

function Sources() {
  const { t, language } = useI18n();
  const sources = useLiveQuery(() => listSources(getDb()), []);
  return (
    <Card title={t('catalogue.sources.title')} style={{ marginBottom: 16 }}>
      {sources?.some((s) => s.sample) && (
        <Alert type="info" showIcon title={t('catalogue.sample.note')} style={{ marginBottom: 12 }} />
      )}
      <Table
        data-testid="catalogue-sources"
        size="small"
        rowKey="id"
        loading={!sources}
        dataSource={sources ?? []}
        locale={{ emptyText: t('catalogue.sources.empty') }}
        pagination={false}
        columns={[
          {
            title: t('catalogue.sources.name'),
            dataIndex: 'name',
            render: (name: string, s) => (
              <Space>
                {name}
                {s.sample && <Tag color={TONE.blue}>{t('catalogue.sources.sample')}</Tag>}
              </Space>
            ),
          },
          { title: t('catalogue.sources.file'), dataIndex: 'fileName' },
          { title: t('catalogue.sources.rows'), dataIndex: 'rowCount', align: 'right' },
          {
            title: t('catalogue.sources.importedAt'),
            dataIndex: 'importedAt',
            // In the UI's language: Firefox formats by its own locale, not the preferred languages.
            render: (iso: string) => new Date(iso).toLocaleString(language),
          },
          {
            title: '',
            key: 'actions',
            render: (_, s) => (
              <Popconfirm
                title={t('catalogue.sources.deleteConfirm', { name: s.name, count: s.rowCount })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => deleteSource(getDb(), s.id)}
              >
                <Button danger size="small">
                  {t('catalogue.sources.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

function EntrySearch() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const entries = useLiveQuery(async () => {
    const q = query.trim().toLowerCase();
    return findEntries(
      getDb(),
      (e) =>
        !q ||
        e.name.toLowerCase().includes(q) ||
        e.supplier.toLowerCase().includes(q) ||
        (e.certificateNo ?? '').toLowerCase().includes(q),
      100,
    );
  }, [query]);
  const statusColor = { valid: TONE.green, expired: 'default', revoked: TONE.red } as const;
  return (
    <Card title={t('catalogue.search.title')}>
      <Input.Search
        allowClear
        aria-label={t('catalogue.search.title')}
        placeholder={t('catalogue.search.placeholder')}
        onSearch={setQuery}
        onChange={(e) => setQuery(e.target.value)}
        style={{ maxWidth: 420, marginBottom: 12 }}
      />
      <Table<CatalogueEntry>
        size="small"
        rowKey="id"
        dataSource={entries ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('catalogue.entry.name'), dataIndex: 'name' },
          { title: t('catalogue.entry.supplier'), dataIndex: 'supplier' },
          { title: t('catalogue.entry.county'), dataIndex: 'county' },
          { title: t('catalogue.entry.batch'), dataIndex: 'batch' },
          { title: t('catalogue.entry.validUntil'), dataIndex: 'validUntil' },
          {
            title: t('catalogue.entry.status'),
            dataIndex: 'status',
            render: (s: CatalogueEntry['status']) => (
              <Tag color={statusColor[s]}>{t(`catalogue.entry.status.${s}`)}</Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function Catalogue() {
  // An import a closed tab or a crash interrupted left its staged chunks: swept as the page opens.
  useEffect(() => {
    void sweepStaleStagings(getDb()).catch(() => {});
  }, []);
  return (
    <>
      <ImportWizard />
      <Sources />
      <EntrySearch />
    </>
  );
}
