import { Alert, Button, Card, Checkbox, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useI18n } from '../../components/i18n';
import { PurchaseForm } from '../../components/PurchaseForm';
import { saveFile, XLSX_TYPE } from '../../components/save-file';
import { TONE } from '../../components/tone';
import { todayIso } from '../../lib/dates';
import type { UnsoldGood } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import { type MessageKey, say } from '../../lib/i18n';
import { displayYuan } from '../../lib/money';
import {
  draftOfUnsold,
  emptyUnsoldDraft,
  HOUSEHOLD_TYPES,
  matchesSearch,
  NEXT_STATUS,
  type UnsoldDraft,
  type UnsoldErrors,
  unsoldFromDraft,
  validateUnsoldDraft,
} from '../../lib/unsold/entry';
import { type UnsoldImport, unsoldCsvBytes, unsoldXlsxBytes } from '../../lib/unsold/file';
import { readUnsoldFileInWorker } from '../../lib/unsold/read-in-worker';
import { storeUnsoldImport } from '../../lib/unsold/store';

const STATUS_COLOR = { open: TONE.orange, matched: TONE.blue, soldOut: 'default' } as const;

function UnsoldForm({ editing, onDone }: { editing?: UnsoldGood; onDone: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<UnsoldDraft>(() => (editing ? draftOfUnsold(editing) : emptyUnsoldDraft()));
  const [errors, setErrors] = useState<UnsoldErrors>({});
  const set = <K extends keyof UnsoldDraft>(key: K, value: UnsoldDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save() {
    const found = validateUnsoldDraft(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    const good = unsoldFromDraft(draft, { id: editing?.id ?? crypto.randomUUID(), today: todayIso(), stored: editing });
    await getDb().unsoldGoods.put(good);
    onDone();
  }

  const item = (key: keyof UnsoldDraft, input: React.ReactNode) => (
    <Form.Item
      label={t(`unsold.field.${key}` as MessageKey)}
      htmlFor={`unsold-${key}`}
      validateStatus={errors[key] ? 'error' : undefined}
      help={errors[key] && say(t, errors[key])}
      style={{ minWidth: 160 }}
    >
      {input}
    </Form.Item>
  );
  const text = (key: keyof UnsoldDraft, type = 'text') =>
    item(
      key,
      <Input
        id={`unsold-${key}`}
        type={type}
        data-testid={`unsold-field-${key}`}
        value={String(draft[key] ?? '')}
        onChange={(e) => set(key, e.target.value as never)}
      />,
    );

  return (
    <Form layout="vertical" data-testid="unsold-form" onFinish={() => void save()}>
      <Space wrap align="start">
        {text('product')}
        {text('variety')}
        {text('quantity')}
        {editing && text('openQuantity')}
        {text('unit')}
        {text('expectedPrice')}
      </Space>
      <Space wrap align="start">
        {text('harvestStart', 'date')}
        {text('harvestEnd', 'date')}
        {item(
          'perishable',
          <Checkbox
            id="unsold-perishable"
            checked={draft.perishable}
            onChange={(e) => set('perishable', e.target.checked)}
          >
            {t('unsold.field.perishable')}
          </Checkbox>,
        )}
      </Space>
      <Space wrap align="start">
        {text('county')}
        {text('township')}
        {text('village')}
      </Space>
      <Space wrap align="start">
        {text('producer')}
        {item(
          'householdType',
          <Select
            id="unsold-householdType"
            style={{ width: 140 }}
            value={draft.householdType}
            onChange={(v) => set('householdType', v)}
            options={[{ value: '', label: '—' }, ...HOUSEHOLD_TYPES.map((h) => ({ value: h, label: h }))]}
          />,
        )}
        {text('contact')}
        {text('phone', 'tel')}
      </Space>
      {text('cause')}
      <Space>
        <Button type="primary" htmlType="submit" data-testid="unsold-save">
          {t('pledges.save')}
        </Button>
        <Button onClick={onDone}>{t('pledges.cancel')}</Button>
      </Space>
    </Form>
  );
}

export function Unsold() {
  const { t } = useI18n();
  const goods = useLiveQuery(() => getDb().unsoldGoods.orderBy('updatedOn').reverse().toArray(), []);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<UnsoldGood['status'] | ''>('');
  const [editing, setEditing] = useState<UnsoldGood | 'new'>();
  const [buying, setBuying] = useState<UnsoldGood>();
  const [withPhone, setWithPhone] = useState(false);
  const [imported, setImported] = useState<UnsoldImport>();

  const shown = (goods ?? []).filter((g) => (!status || g.status === status) && matchesSearch(g, query));

  async function importFile(file: File | undefined) {
    if (!file) return;
    const report = await readUnsoldFileInWorker(file, todayIso());
    setImported(await storeUnsoldImport(getDb(), report));
  }

  const exportAs = (kind: 'xlsx' | 'csv') => {
    const name = `滞销农产品登记_${todayIso()}.${kind}`;
    if (kind === 'xlsx') saveFile(unsoldXlsxBytes(shown, { withPhone }), name, XLSX_TYPE);
    else saveFile(unsoldCsvBytes(shown, { withPhone }), name, 'text/csv;charset=utf-8');
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('unsold.title')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')} data-testid="unsold-add">
            {t('unsold.add')}
          </Button>
        }
      >
        {editing && (
          <Card
            type="inner"
            title={editing === 'new' ? t('unsold.add') : t('unsold.edit')}
            style={{ marginBottom: 16 }}
          >
            <UnsoldForm
              key={editing === 'new' ? 'new' : editing.id}
              editing={editing === 'new' ? undefined : editing}
              onDone={() => setEditing(undefined)}
            />
          </Card>
        )}
        {buying && (
          <Card
            type="inner"
            data-testid="unsold-subscribe-form"
            title={t('unsold.subscribeTitle', { product: buying.product, producer: buying.producer })}
            style={{ marginBottom: 16 }}
          >
            <PurchaseForm key={buying.id} unsold={buying} onCancel={() => setBuying(undefined)} />
          </Card>
        )}
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            aria-label={t('unsold.search')}
            placeholder={t('unsold.search')}
            style={{ width: 360 }}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="unsold-search"
          />
          <Select<UnsoldGood['status'] | ''>
            aria-label={t('unsold.field.status')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={[
              { value: '', label: t('unsold.status.all') },
              { value: 'open', label: t('unsold.status.open') },
              { value: 'matched', label: t('unsold.status.matched') },
              { value: 'soldOut', label: t('unsold.status.soldOut') },
            ]}
          />
        </Space>
        <Table<UnsoldGood>
          data-testid="unsold-table"
          rowKey="id"
          size="small"
          loading={!goods}
          dataSource={shown}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: t('unsold.empty') }}
          onRow={(g) =>
            ({
              'data-testid': 'unsold-row',
              'data-id': g.id,
              'data-open': g.openQuantity,
              'data-status': g.status,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('unsold.field.product'),
              render: (_, g) => `${g.product}${g.variety ? `（${g.variety}）` : ''}`,
            },
            {
              title: t('unsold.field.county'),
              render: (_, g) => [g.county, g.township, g.village].filter(Boolean).join(' '),
            },
            { title: t('unsold.left'), render: (_, g) => `${g.openQuantity} / ${g.quantity} ${g.unit}` },
            {
              title: t('unsold.field.expectedPrice'),
              align: 'right',
              render: (_, g) => (g.expectedPriceFen !== undefined ? displayYuan(g.expectedPriceFen) : '—'),
            },
            {
              title: t('unsold.harvest'),
              render: (_, g) =>
                g.harvestStart || g.harvestEnd ? `${g.harvestStart ?? ''} ~ ${g.harvestEnd ?? ''}` : '—',
            },
            {
              title: t('unsold.field.producer'),
              render: (_, g) => `${g.producer}${g.householdType ? `（${g.householdType}）` : ''}`,
            },
            { title: t('unsold.field.phone'), render: (_, g) => g.phone ?? '—' },
            {
              title: t('unsold.field.status'),
              render: (_, g) => <Tag color={STATUS_COLOR[g.status]}>{t(`unsold.status.${g.status}`)}</Tag>,
            },
            {
              title: '',
              render: (_, g) => {
                const next = NEXT_STATUS[g.status];
                return (
                  <Space wrap size={4}>
                    {g.status !== 'soldOut' && (
                      <Button size="small" type="primary" data-testid="unsold-subscribe" onClick={() => setBuying(g)}>
                        {t('unsold.subscribe')}
                      </Button>
                    )}
                    <Button size="small" onClick={() => setEditing(g)}>
                      {t('popup.edit')}
                    </Button>
                    {next && (
                      <Button
                        size="small"
                        onClick={() => void getDb().unsoldGoods.update(g.id, { status: next, updatedOn: todayIso() })}
                      >
                        {t(`unsold.next.${next}` as MessageKey)}
                      </Button>
                    )}
                    <Popconfirm
                      title={t('unsold.deleteConfirm')}
                      onConfirm={() => void getDb().unsoldGoods.delete(g.id)}
                    >
                      <Button size="small" danger>
                        {t('unsold.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      <Card>
        <Space wrap>
          <label className="file-button">
            {t('unsold.import')}
            <input
              type="file"
              accept=".xlsx,.xls,.csv"
              data-testid="unsold-file"
              onChange={(e) => {
                void importFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
          <Button onClick={() => exportAs('xlsx')} data-testid="unsold-export-xlsx">
            {t('unsold.exportXlsx')}
          </Button>
          <Button onClick={() => exportAs('csv')} data-testid="unsold-export-csv">
            {t('unsold.exportCsv')}
          </Button>
          <Checkbox
            checked={withPhone}
            onChange={(e) => setWithPhone(e.target.checked)}
            data-testid="unsold-export-phone"
          >
            {t('unsold.withPhone')}
          </Checkbox>
        </Space>
        {imported && (
          <Alert
            style={{ marginTop: 12 }}
            data-testid="unsold-import-report"
            type={imported.error ? 'error' : imported.rejected.length ? 'warning' : 'success'}
            showIcon
            title={
              imported.error
                ? say(t, imported.error)
                : t('unsold.import.done', { count: imported.goods.length, read: imported.rowsRead })
            }
            description={
              imported.rejected.length ? (
                <ul className="problems">
                  {imported.rejected.map((r) => (
                    <li key={`${r.rowNumber}-${r.column}`}>
                      {t('unsold.import.rejected', { row: r.rowNumber, column: r.column, reason: r.reason })}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
      </Card>
    </Space>
  );
}
