import type { Purchase, UnsoldGood } from '../db/entities';
import type { Prefill } from '../prefill';

/**
 * What the purchase form starts from: a listing (the page's, or a pasted share text's), an
 * unsold-register entry (认购), or a stored purchase (edit).
 */
export type FormSource =
  | { kind: 'prefill'; prefill: Prefill; key: string }
  | { kind: 'unsold'; good: UnsoldGood }
  | { kind: 'edit'; purchase: Purchase };

/** The form's identity: a new source is a new form (its fields start afresh), the same source keeps it. */
export function formSourceKey(source: FormSource | undefined): string {
  if (!source) return 'empty';
  if (source.kind === 'prefill') return `p:${source.key}`;
  return source.kind === 'unsold' ? `u:${source.good.id}` : `e:${source.purchase.id}`;
}

/** The purchase form's starting props for a source. */
export function formSourceProps(source: FormSource | undefined): {
  prefill?: Prefill;
  unsold?: UnsoldGood;
  editing?: Purchase;
} {
  if (source?.kind === 'prefill') return { prefill: source.prefill };
  if (source?.kind === 'unsold') return { unsold: source.good };
  if (source?.kind === 'edit') return { editing: source.purchase };
  return {};
}
