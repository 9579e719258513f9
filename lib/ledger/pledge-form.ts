import type { FUNDING_SOURCES, Pledge } from '../db/entities';
import { parseYuanToFen } from '../money';
import type { PledgeKind, PledgeRules } from './pledge-kinds';
import { shareOfBase } from './pledges';

/** The pledge form's values, as its fields hold them (元, percent). */
export interface PledgeFormValues {
  title: string;
  kind: PledgeKind;
  /** 工会: yearly cap per member, 元. */
  cap?: number | null;
  periodStart: string;
  periodEnd: string;
  mode: 'direct' | 'share';
  target?: number;
  base?: number;
  ratio?: number;
  fundingSource?: (typeof FUNDING_SOURCES)[number] | '';
}

/** A new pledge's values (this calendar year, 以购代捐), or a stored one's, to edit it. */
export function pledgeFormValues(pledge: Pledge | undefined, today: string): PledgeFormValues {
  if (!pledge) {
    return {
      title: '',
      kind: '以购代捐',
      periodStart: `${today.slice(0, 4)}-01-01`,
      periodEnd: `${today.slice(0, 4)}-12-31`,
      mode: 'direct',
      ratio: 15,
      fundingSource: '',
    };
  }
  return {
    title: pledge.title,
    kind: pledge.kind,
    cap: pledge.capFen !== undefined ? pledge.capFen / 100 : null,
    periodStart: pledge.periodStart,
    periodEnd: pledge.periodEnd,
    mode: pledge.baseFen !== undefined && pledge.ratio !== undefined ? 'share' : 'direct',
    target: pledge.targetFen / 100,
    base: pledge.baseFen !== undefined ? pledge.baseFen / 100 : undefined,
    ratio: pledge.ratio !== undefined ? Math.round(pledge.ratio * 10000) / 100 : 15,
    fundingSource: pledge.fundingSource ?? '',
  };
}

/** The target the values describe, in fen: typed, or the base × the share (shareOfBase, as everywhere). */
export function pledgeFormTarget(values: Partial<PledgeFormValues>): number | undefined {
  if (values.mode === 'share') {
    const base = parseYuanToFen(values.base ?? null);
    return base !== undefined && values.ratio !== undefined ? shareOfBase(base, values.ratio / 100) : undefined;
  }
  return parseYuanToFen(values.target ?? null);
}

/** What choosing a kind fills in: the canteen and union kinds are a share of a base, at the province's figures. */
export function pledgeKindDefaults(kind: PledgeKind, rules: PledgeRules): Partial<PledgeFormValues> {
  if (kind === '预留份额') return { mode: 'share', ratio: rules.reserveShare * 100, fundingSource: '' };
  if (kind === '工会') {
    return {
      mode: 'share',
      ratio: rules.unionShare * 100,
      cap: rules.unionCapFen !== undefined ? rules.unionCapFen / 100 : null,
      fundingSource: '',
    };
  }
  return { mode: 'direct' };
}

/**
 * The pledge the values describe (not yet parsed), or which field is wrong:
 * a share of a tiny total can round to 0 fen, and says so rather than fail.
 */
export function pledgeOfForm(
  v: PledgeFormValues,
  meta: { id: string; editing?: Pledge },
): { pledge: Pledge } | { error: 'target' | 'base' } {
  const targetFen = pledgeFormTarget(v) ?? 0;
  if (targetFen < 1) return { error: v.mode === 'share' ? 'base' : 'target' };
  const capFen = v.kind === '工会' && v.cap ? parseYuanToFen(v.cap) : undefined;
  const pledge: Pledge = {
    id: meta.id,
    title: v.title.trim(),
    kind: v.kind,
    ...(capFen ? { capFen } : {}),
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    targetFen,
    ...(v.fundingSource && v.kind === '以购代捐' ? { fundingSource: v.fundingSource } : {}),
    ...(v.mode === 'share' ? { baseFen: parseYuanToFen(v.base ?? null), ratio: (v.ratio ?? 0) / 100 } : {}),
    ...(meta.editing?.endedOn ? { endedOn: meta.editing.endedOn } : {}),
  };
  return { pledge };
}

/** The pledge the half-filled values would make, for the rule shown in words beside the form. */
export function previewPledge(values: Partial<PledgeFormValues>): Pledge {
  const kind = values.kind ?? '以购代捐';
  const share = values.mode === 'share' && values.base !== undefined && values.ratio !== undefined;
  return {
    id: '',
    title: '',
    kind,
    periodStart: '',
    periodEnd: '',
    targetFen: pledgeFormTarget(values) ?? 0,
    ...(share ? { baseFen: parseYuanToFen(values.base ?? null) ?? 0, ratio: (values.ratio ?? 0) / 100 } : {}),
    ...(kind === '工会' && values.cap ? { capFen: parseYuanToFen(values.cap) } : {}),
  };
}
