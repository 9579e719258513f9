import { FUNDING_SOURCES, type Pledge, PURCHASE_TYPES } from '../lib/db/entities';
import type { PurchaseDraft } from '../lib/ledger/purchase-draft';
import { ChannelField } from './ChannelField';
import { Field } from './FormField';
import { useI18n } from './i18n';

type Set = <K extends keyof PurchaseDraft>(key: K, value: PurchaseDraft[K]) => void;

/** The purchase's funding source, channel and type. */
export function KindFields({ draft, set }: { draft: PurchaseDraft; set: Set }) {
  const { t } = useI18n();
  return (
    <div className="pf-row">
      <Field label={t('purchases.field.fundingSource')}>
        {(id) => (
          <select
            id={id}
            value={draft.fundingSource}
            onChange={(e) => set('fundingSource', e.target.value as PurchaseDraft['fundingSource'])}
          >
            {FUNDING_SOURCES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        )}
      </Field>
      <ChannelField value={draft.channel} onChange={(channel) => set('channel', channel)} />
      <Field label={t('purchases.field.type')}>
        {(id) => (
          <select id={id} value={draft.type} onChange={(e) => set('type', e.target.value as PurchaseDraft['type'])}>
            {PURCHASE_TYPES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/** The pledge a purchase counts toward (none, or one of `pledges`). */
export function PledgeField({
  value,
  pledges,
  onChange,
}: {
  value: string;
  pledges: Pledge[];
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Field label={t('purchases.field.pledge')}>
      {(id) => (
        <select id={id} value={value} data-field="pledgeId" onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('purchases.field.pledge.none')}</option>
          {pledges.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
