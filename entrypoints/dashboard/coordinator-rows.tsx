import { Card, Checkbox, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../components/i18n';
import { TONE } from '../../components/tone';
import type { MergedRow, MergeFlag, MergeResult, ReviewDecision } from '../../lib/coordinator/merge';
import type { Decisions } from '../../lib/coordinator/session';
import type { MessageKey } from '../../lib/i18n';
import { CERTIFICATION_LABELS } from '../../lib/ledger/member-columns';
import { displayYuan } from '../../lib/money';

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

/** Every merged row with its flags; the coordinator counts or leaves out each, with a note. */
export function MergedRowsCard({
  merged,
  decisions,
  onDecide,
}: {
  merged: MergeResult;
  decisions: Decisions;
  onDecide: (row: MergedRow, next: Partial<ReviewDecision>) => void;
}) {
  const { t } = useI18n();
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const shownRows = onlyFlagged ? merged.rows.filter((r) => r.flags.length) : merged.rows;
  return (
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
                onChange={(e) => onDecide(r, { include: e.target.checked })}
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
                  onChange={(e) => onDecide(r, { note: e.target.value })}
                />
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
