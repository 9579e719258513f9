import { type ReactNode, useId, useMemo, useState } from 'react';
import { todayIso } from '../lib/dates';
import { FUNDING_SOURCES, PURCHASE_TYPES, PurchaseSchema } from '../lib/db/entities';
import { getDb } from '../lib/db/instance';
import {
  computedAmountFen,
  type DraftErrors,
  draftFromPrefill,
  emptyDraft,
  type PurchaseDraft,
  purchaseFromDraft,
  validateDraft,
} from '../lib/ledger/purchase-draft';
import { formatYuan } from '../lib/money';
import type { Prefill } from '../lib/prefill';
import { useI18n } from './i18n';
import './purchase-form.css';

function Field(props: { label: string; error?: string; children: (id: string, describedBy?: string) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="pf-field">
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, props.error ? errorId : undefined)}
      {props.error && (
        <span id={errorId} className="pf-error" role="alert">
          {props.error}
        </span>
      )}
    </div>
  );
}

/**
 * The purchase form (记一笔), shared by the popup and the dashboard: prefilled
 * from a listing when there is one, validated in Chinese beside each field,
 * saved to the ledger with the certification as it stood, with an undo.
 */
export function PurchaseForm({ prefill, onSaved }: { prefill?: Prefill; onSaved?: (id: string) => void }) {
  const { t } = useI18n();
  const today = todayIso();
  const initial = useMemo(() => (prefill ? draftFromPrefill(prefill, today) : emptyDraft(today)), [prefill, today]);
  const [draft, setDraft] = useState<PurchaseDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [savedId, setSavedId] = useState<string>();

  const set = <K extends keyof PurchaseDraft>(key: K, value: PurchaseDraft[K]) =>
    setDraft((d) => {
      const next = { ...d, [key]: value };
      if ((key === 'quantity' || key === 'unitPrice') && !next.amountEdited) {
        const fen = computedAmountFen(next);
        next.amount = fen === undefined ? next.amount : formatYuan(fen);
      }
      if (key === 'amount') next.amountEdited = true;
      return next;
    });

  async function save() {
    const found = validateDraft(draft, today);
    setErrors(found);
    if (Object.keys(found).length) return;
    const purchase = PurchaseSchema.parse(
      purchaseFromDraft(draft, prefill, { id: crypto.randomUUID(), createdAt: new Date().toISOString() }),
    );
    await getDb().purchases.add(purchase);
    setSavedId(purchase.id);
    onSaved?.(purchase.id);
  }

  async function undo() {
    if (!savedId) return;
    await getDb().purchases.delete(savedId);
    setSavedId(undefined);
  }

  const text = (key: keyof PurchaseDraft, label: string, type = 'text') => (
    <Field label={label} error={errors[key]}>
      {(id, describedBy) => (
        <input
          id={id}
          type={type}
          value={String(draft[key])}
          aria-invalid={Boolean(errors[key])}
          aria-describedby={describedBy}
          data-field={key}
          onChange={(e) => set(key, e.target.value as never)}
        />
      )}
    </Field>
  );

  return (
    <form
      className="pf"
      data-testid="purchase-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {text('purchasedOn', t('purchases.field.date'), 'date')}
      {text('product', t('purchases.field.product'))}
      {text('shop', t('purchases.field.shop'))}
      {text('supplier', t('purchases.field.supplier'))}
      {text('county', t('purchases.field.county'))}
      <div className="pf-row">
        {text('quantity', t('purchases.field.quantity'))}
        {text('unit', t('purchases.field.unit'))}
        {text('unitPrice', t('purchases.field.unitPrice'))}
        {text('amount', t('purchases.field.amount'))}
      </div>
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
      {text('orderNo', t('purchases.field.orderNo'))}
      {text('note', t('purchases.field.note'))}
      <div className="pf-actions">
        <button type="submit" className="pf-primary" data-testid="purchase-save">
          {t('purchases.save')}
        </button>
        {savedId && (
          <>
            <span role="status" data-testid="purchase-saved">
              {t('purchases.saved')}
            </span>
            <button type="button" onClick={() => void undo()}>
              {t('purchases.undo')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
