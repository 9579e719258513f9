import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { todayIso } from '../lib/dates';
import type { Purchase, UnsoldGood } from '../lib/db/entities';
import { getDb } from '../lib/db/instance';
import type { DuplicateVerdict } from '../lib/ledger/duplicates';
import { type DraftErrors, emptyDraft, type PurchaseDraft, withDraftField } from '../lib/ledger/purchase-draft';
import { pledgeChoices, startingDraft, submitDraft, withCatalogueEntry } from '../lib/ledger/purchase-form';
import { type Listing, MatchResultSchema } from '../lib/match/listing';
import { messenger } from '../lib/messenger';
import type { Prefill } from '../lib/prefill';
import { CatalogueChoices } from './CatalogueChoices';
import { TextField } from './FormField';
import { useI18n } from './i18n';
import { PurchaseFormActions } from './PurchaseFormActions';
import { KindFields, PledgeField } from './PurchaseFormChoices';
import './purchase-form.css';

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
 * from a listing, an unsold-register entry or a stored purchase, validated
 * beside each field, saved with the certification as it stood (lib/ledger/purchase-form), with an undo.
 */
export function PurchaseForm({ prefill, unsold, editing, onSaved, onCancel }: PurchaseFormProps) {
  const { t } = useI18n();
  const today = todayIso();
  const initial = useMemo(() => startingDraft({ prefill, unsold, editing }, today), [prefill, unsold, editing, today]);
  const [draft, setDraft] = useState<PurchaseDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saved, setSaved] = useState<{ undo: () => Promise<unknown> }>();
  const [duplicate, setDuplicate] = useState<Exclude<DuplicateVerdict, { kind: 'new' }>>();
  // A second click while the first is saving does nothing (a ref: state would come a render late).
  const saving = useRef(false);
  // After a new purchase is saved the form starts afresh, no longer from the listing or entry it was opened with.
  const [fresh, setFresh] = useState(false);
  const pledges = useLiveQuery(() => getDb().pledges.toArray(), [], []);

  const set = <K extends keyof PurchaseDraft>(key: K, value: PurchaseDraft[K]) =>
    setDraft((d) => withDraftField(d, key, value));

  async function save(confirmed = false) {
    if (saving.current) return;
    saving.current = true;
    try {
      const outcome = await submitDraft(getDb(), draft, fresh ? { editing } : { prefill, unsold, editing }, {
        today,
        confirmed,
        ask: askMatcher,
        newId: () => crypto.randomUUID(),
        now: () => new Date().toISOString(),
      });
      setErrors(outcome.kind === 'invalid' ? outcome.errors : {});
      setDuplicate(outcome.kind === 'duplicate' ? outcome.verdict : undefined);
      if (outcome.kind !== 'saved') return;
      setSaved({ undo: outcome.undo });
      // A new purchase starts afresh: what was saved cannot be saved again by another click.
      if (!editing) {
        setDraft(emptyDraft(today));
        setFresh(true);
      }
      onSaved?.(outcome.purchase.id);
    } finally {
      saving.current = false;
    }
  }

  async function undo() {
    if (!saved) return;
    await saved.undo();
    setSaved(undefined);
  }

  const text = (
    key: Exclude<keyof PurchaseDraft, 'fundingSource' | 'type' | 'channel'>,
    label: string,
    type?: string,
  ) => (
    <TextField
      field={key}
      label={label}
      type={type}
      value={String(draft[key])}
      error={errors[key]}
      onChange={(value) => set(key, value as never)}
    />
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
      {!editing && <CatalogueChoices query={draft.product} onPick={(e) => setDraft((d) => withCatalogueEntry(d, e))} />}
      {text('shop', t('purchases.field.shop'))}
      {text('supplier', t('purchases.field.supplier'))}
      {text('county', t('purchases.field.county'))}
      <div className="pf-row">
        {text('quantity', t('purchases.field.quantity'))}
        {text('unit', t('purchases.field.unit'))}
        {text('unitPrice', t('purchases.field.unitPrice'))}
        {text('amount', t('purchases.field.amount'))}
      </div>
      <KindFields draft={draft} set={set} />
      <div className="pf-row">
        {text('orderNo', t('purchases.field.orderNo'))}
        <PledgeField
          value={draft.pledgeId}
          pledges={pledgeChoices(pledges, today, draft.pledgeId)}
          onChange={(id) => set('pledgeId', id)}
        />
      </div>
      {text('note', t('purchases.field.note'))}
      <PurchaseFormActions
        onCancel={onCancel}
        duplicate={duplicate}
        onSaveAnyway={() => void save(true)}
        saved={Boolean(saved)}
        onUndo={() => void undo()}
      />
    </form>
  );
}
