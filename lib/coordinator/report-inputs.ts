/**
 * What the coordinator types on the merge page (元 and %, as typed) and the
 * unit report's head it makes: the period, each person's target, the canteen's
 * 预留份额 and who signs. Saved with a merge session, so parsed when read back.
 */
import { shareOfBase } from '../ledger/pledges';
import { parseYuanToFen } from '../money';
import { z } from '../zod';
import type { UnitReportMeta } from './unit-report';

export const ReportInputsSchema = z.object({
  /** Unset: the profile's unit / name. */
  unit: z.string().optional(),
  preparer: z.string().optional(),
  /** YYYY-MM-DD, or '' for an open end. */
  start: z.string(),
  end: z.string(),
  personTargetYuan: z.number().nonnegative().nullable(),
  hasCanteen: z.boolean(),
  canteenBaseYuan: z.number().nonnegative().nullable(),
  /** Unset: the province's 预留份额 share of the pledge rules. */
  ratioPercent: z.number().min(0).max(100).nullable(),
  head: z.string(),
  reviewer: z.string(),
  phone: z.string(),
});
export type ReportInputs = z.infer<typeof ReportInputsSchema>;

/** A fresh merge: this calendar year, a canteen, nothing typed yet. */
export function defaultReportInputs(today: string): ReportInputs {
  const year = today.slice(0, 4);
  return {
    start: `${year}-01-01`,
    end: `${year}-12-31`,
    personTargetYuan: null,
    hasCanteen: true,
    canteenBaseYuan: null,
    ratioPercent: null,
    head: '',
    reviewer: '',
    phone: '',
  };
}

/**
 * Saved inputs over the defaults, field by field: a field that does not parse
 * (a session saved by another version, or edited) keeps its default instead
 * of losing the others.
 */
export function reportInputsOf(saved: Record<string, unknown>, defaults: ReportInputs): ReportInputs {
  const inputs: Record<string, unknown> = { ...defaults };
  for (const [key, field] of Object.entries(ReportInputsSchema.shape)) {
    if (!(key in saved)) continue;
    const parsed = field.safeParse(saved[key]);
    if (parsed.success) inputs[key] = parsed.data;
  }
  return ReportInputsSchema.parse(inputs);
}

/** The statistics period typed: an empty end is open. */
export function periodOf(start: string, end: string): { start?: string; end?: string } {
  return { start: start || undefined, end: end || undefined };
}

export interface ReportContext {
  today: string;
  profile?: { unit: string; name: string };
  /** The pledge rules' 预留份额 share (0–1), used while the coordinator types no ratio. */
  reserveShare?: number;
}

export interface ReportHead {
  meta: UnitReportMeta;
  /** The 预留份额 ratio in force (0–1). */
  ratio: number;
  /** The canteen's 预留份额 in fen, when it has a canteen and its base is given. */
  reserveFen?: number;
}

/** The unit report's head from what was typed, the profile and the pledge rules. */
export function reportHead(inputs: ReportInputs, context: ReportContext): ReportHead {
  const ratio = (inputs.ratioPercent ?? (context.reserveShare ?? 0.1) * 100) / 100;
  const baseFen = inputs.canteenBaseYuan !== null ? parseYuanToFen(inputs.canteenBaseYuan) : undefined;
  const reserveFen = inputs.hasCanteen && baseFen ? shareOfBase(baseFen, ratio) : undefined;
  const meta: UnitReportMeta = {
    unit: inputs.unit ?? context.profile?.unit ?? '',
    preparer: inputs.preparer ?? context.profile?.name ?? '',
    date: context.today,
    period: periodOf(inputs.start, inputs.end),
    personTargetFen: inputs.personTargetYuan ? parseYuanToFen(inputs.personTargetYuan) : undefined,
    canteen: { has: inputs.hasCanteen, baseFen, ratio },
    sign: { head: inputs.head, reviewer: inputs.reviewer, phone: inputs.phone },
  };
  return { meta, ratio, reserveFen };
}

/** How much of the 预留份额 is done, in percent with one decimal, at most 100. */
export function reservePercent(doneFen: number, targetFen: number): number {
  if (targetFen <= 0) return 0;
  return Math.min(100, Math.round((doneFen / targetFen) * 1000) / 10);
}
