import { type CatalogueEntry, type Pledge, type Purchase, PurchaseSchema, type UnsoldGood } from '../db/entities';
import type { ReliefDb } from '../db/schema';
import type { Listing, MatchResult } from '../match/listing';
import type { Prefill } from '../prefill';
import type { DuplicateVerdict } from './duplicates';
import { isActivePledge } from './pledges';
import {
  type DraftErrors,
  draftFromPrefill,
  draftFromPurchase,
  draftFromUnsold,
  emptyDraft,
  type PurchaseDraft,
  purchaseFromDraft,
  validateDraft,
} from './purchase-draft';
import { savePurchase } from './save-purchase';
import { checkTyped, draftWithMatch } from './typed-check';

/** Where the purchase form starts from: nothing, a listing, an unsold-register entry (认购), or a stored purchase. */
export interface FormStart {
  prefill?: Prefill;
  unsold?: UnsoldGood;
  editing?: Purchase;
}

/** The draft a form opens with: the stored purchase's, else the entry's, else the listing's, else an empty one. */
export function startingDraft({ prefill, unsold, editing }: FormStart, today: string): PurchaseDraft {
  if (editing) return draftFromPurchase(editing);
  if (unsold) return draftFromUnsold(unsold, today);
  return prefill ? draftFromPrefill(prefill, today) : emptyDraft(today);
}

/** 从目录选择: the picked entry's name, supplier and county (when it has one) in the draft. */
export function withCatalogueEntry(draft: PurchaseDraft, entry: CatalogueEntry): PurchaseDraft {
  return { ...draft, product: entry.name, supplier: entry.supplier, county: entry.county ?? draft.county };
}

/** The pledges a purchase may be linked to: the active ones, and the one it is linked to already. */
export function pledgeChoices(pledges: readonly Pledge[], today: string, linkedId: string): Pledge[] {
  return pledges.filter((p) => isActivePledge(p, today) || p.id === linkedId);
}

export type SubmitOutcome =
  | { kind: 'invalid'; errors: DraftErrors }
  | { kind: 'duplicate'; verdict: Exclude<DuplicateVerdict, { kind: 'new' }> }
  | { kind: 'saved'; purchase: Purchase; undo: () => Promise<void> };

/**
 * 保存 of the purchase form: the draft is checked field by field; what was typed or pasted is matched as
 * the pages match listings (`ask`, the background's matcher), and a match fills the supplier and county
 * left empty; the purchase is saved unless the ledger holds it already (a possible duplicate only when
 * `confirmed`). An edit keeps its id, creation time and certification as they stood.
 */
export async function submitDraft(
  db: ReliefDb,
  draft: PurchaseDraft,
  from: FormStart,
  options: {
    today: string;
    confirmed?: boolean;
    ask: (listings: Listing[]) => Promise<readonly MatchResult[] | undefined>;
    newId: () => string;
    now: () => string;
  },
): Promise<SubmitOutcome> {
  const errors = validateDraft(draft, options.today);
  if (Object.keys(errors).length) return { kind: 'invalid', errors };
  const { editing, unsold } = from;
  const prefill = await checkTyped(draft, from, options.ask);
  const checked = prefill && prefill !== from.prefill ? draftWithMatch(draft, prefill.result) : draft;
  const purchase = PurchaseSchema.parse(
    purchaseFromDraft(
      checked,
      { prefill, unsold, stored: editing },
      { id: editing?.id ?? options.newId(), createdAt: editing?.createdAt ?? options.now() },
    ),
  );
  const outcome = await savePurchase(db, purchase, {
    unsold: editing ? undefined : unsold,
    today: options.today,
    confirmed: options.confirmed,
  });
  return outcome.saved
    ? { kind: 'saved', purchase, undo: outcome.undo }
    : { kind: 'duplicate', verdict: outcome.verdict };
}
