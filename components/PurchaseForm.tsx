import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { todayIso } from '../lib/dates';
import { FUNDING_SOURCES, PURCHASE_TYPES, type Purchase, PurchaseSchema, type UnsoldGood } from '../lib/db/entities';
import { getDb } from '../lib/db/instance';
import type { DuplicateVerdict } from '../lib/ledger/duplicates';
import { isActivePledge } from '../lib/ledger/pledges';
import {
  type DraftErrors,
  draftFromPrefill,
  draftFromPurchase,
  draftFromUnsold,
  emptyDraft,
  type PurchaseDraft,
  purchaseFromDraft,
  validateDraft,
  withDraftField,
} from '../lib/ledger/purchase-draft';
import { savePurchase } from '../lib/ledger/save-purchase';
import { checkTyped, draftWithMatch } from '../lib/ledger/typed-check';
import { type Listing, MatchResultSchema } from '../lib/match/listing';
import { messenger } from '../lib/messenger';
import type { Prefill } from '../lib/prefill';
import { CatalogueChoices } from './CatalogueChoices';
import { ChannelField } from './ChannelField';
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

/** Where the form starts from: nothing, a listing, an unsold-register entry (认购), or a stored purchase (edit). */
export interface PurchaseFormProps {
  prefill?: Prefill;
  unsold?: UnsoldGood;
  editing?: Purchase;
  onSaved?: (id: string) => void;
  onCancel?: () => void;
}

/** The background's matcher (the badges' own), its answer parsed at the boundary. */
async function askMatcher(listings: Listing[]) {
  const answer = await messenger.sendMessage('matchListings', { listings });
  return MatchResultSchema.array().parse(answer.results);
}

/**
 * The purchase form (记一笔), shared by the popup and the dashboard: prefilled
 * from a listing, an unsold-register entry or a stored purchase, validated in
 * Chinese beside each field, saved with the certification as it stood, with an undo.
 */
export function PurchaseForm({ prefill, unsold, editing, onSaved, onCancel }: PurchaseFormProps) {
  const { t } = useI18n();
  const today = todayIso();
  const initial = useMemo(
    () =>
      editing
        ? draftFromPurchase(editing)
        : unsold
          ? draftFromUnsold(unsold, today)
          : prefill
            ? draftFromPrefill(prefill, today)
            : emptyDraft(today),
    [prefill, unsold, editing, today],
  );
  const [draft, setDraft] = useState<PurchaseDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saved, setSaved] = useState<{ undo: () => Promise<unknown> }>();
  const [duplicate, setDuplicate] = useState<Exclude<DuplicateVerdict, { kind: 'new' }>>();
  // A second click while the first is saving does nothing (a ref: state would come a render late).
  const saving = useRef(false);
  // After a new purchase is saved the form starts afresh, no longer from the listing or entry it was opened with.
  const [fresh, setFresh] = useState(false);
  const from = fresh ? {} : { prefill, unsold };
  const pledges = useLiveQuery(() => getDb().pledges.toArray(), [], []);
  const pledgeOptions = pledges.filter((p) => isActivePledge(p, today) || p.id === draft.pledgeId);

  const set = <K extends keyof PurchaseDraft>(key: K, value: PurchaseDraft[K]) =>
    setDraft((d) => withDraftField(d, key, value));

  async function save(confirmed = false) {
    if (saving.current) return;
    const found = validateDraft(draft, today);
    setErrors(found);
    if (Object.keys(found).length) return;
    saving.current = true;
    try {
      // What was typed or pasted is matched as the pages match listings (the background's matcher).
      const prefill = await checkTyped(draft, { ...from, editing }, askMatcher);
      const checked = prefill && prefill !== from.prefill ? draftWithMatch(draft, prefill.result) : draft;
      const purchase = PurchaseSchema.parse(
        purchaseFromDraft(
          checked,
          { ...from, prefill, stored: editing },
          { id: editing?.id ?? crypto.randomUUID(), createdAt: editing?.createdAt ?? new Date().toISOString() },
        ),
      );
      const outcome = await savePurchase(getDb(), purchase, {
        unsold: editing ? undefined : from.unsold,
        today,
        confirmed,
      });
      if (!outcome.saved) {
        setDuplicate(outcome.verdict);
        return;
      }
      setDuplicate(undefined);
      setSaved({ undo: outcome.undo });
      // A new purchase starts afresh: what was saved cannot be saved again by another click.
      if (!editing) {
        setDraft(emptyDraft(today));
        setFresh(true);
      }
      onSaved?.(purchase.id);
    } finally {
      saving.current = false;
    }
  }

  async function undo() {
    if (!saved) return;
    await saved.undo();
    setSaved(undefined);
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
      {!editing && (
        <CatalogueChoices
          query={draft.product}
          onPick={(entry) =>
            setDraft((d) => ({ ...d, product: entry.name, supplier: entry.supplier, county: entry.county ?? d.county }))
          }
        />
      )}
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
      <div className="pf-row">
        {text('orderNo', t('purchases.field.orderNo'))}
        <Field label={t('purchases.field.pledge')}>
          {(id) => (
            <select
              id={id}
              value={draft.pledgeId}
              data-field="pledgeId"
              onChange={(e) => set('pledgeId', e.target.value)}
            >
              <option value="">{t('purchases.field.pledge.none')}</option>
              {pledgeOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {text('note', t('purchases.field.note'))}
      <div className="pf-actions">
        <button type="submit" className="pf-primary" data-testid="purchase-save">
          {t('purchases.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('pledges.cancel')}
          </button>
        )}
        {duplicate && (
          <span role="alert" className="pf-error" data-testid="purchase-duplicate" data-kind={duplicate.kind}>
            {t(`purchases.duplicate.${duplicate.reason}`, {
              date: duplicate.existing.purchasedOn,
              product: duplicate.existing.product,
              orderNo: duplicate.existing.orderNo ?? '',
            })}
            {duplicate.kind === 'ask' && (
              <button type="button" data-testid="purchase-save-anyway" onClick={() => void save(true)}>
                {t('purchases.duplicate.saveAnyway')}
              </button>
            )}
          </span>
        )}
        {saved && (
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
