import type { Pledge, Purchase } from '../db/entities';

/** A pledge is active from its first to its last day, unless ended early. */
export function isActivePledge(pledge: Pledge, today: string): boolean {
  return !pledge.endedOn && pledge.periodStart <= today && today <= pledge.periodEnd;
}

/** 预留份额: a unit's target as a share of its canteen's total, in whole fen. */
export function shareOfBase(baseFen: number, ratio: number): number {
  return Math.round(baseFen * ratio);
}

/**
 * Whether a purchase counts toward relief pledges: certified products as
 * they stood when bought; products of poverty areas only when the user's
 * unit counts them (a setting). Expired and unlisted products never count.
 */
export function countsTowardPledge(purchase: Purchase, countPovertyArea: boolean): boolean {
  const tier = purchase.certification.tier;
  return tier === 'certified' || (countPovertyArea && tier === 'poverty-area');
}

/**
 * Whether a purchase belongs to a pledge: linked to it, or linked to none
 * and within its period (and its funding source, when the pledge names one),
 * so that a yearly pledge fills without picking it every time.
 */
export function belongsToPledge(purchase: Purchase, pledge: Pledge): boolean {
  if (purchase.pledgeId) return purchase.pledgeId === pledge.id;
  const ends = pledge.endedOn && pledge.endedOn < pledge.periodEnd ? pledge.endedOn : pledge.periodEnd;
  return (
    pledge.periodStart <= purchase.purchasedOn &&
    purchase.purchasedOn <= ends &&
    (!pledge.fundingSource || pledge.fundingSource === purchase.fundingSource)
  );
}

export interface PledgeProgress {
  pledge: Pledge;
  doneFen: number;
  targetFen: number;
  /** done / target, 0 … (may exceed 1). */
  share: number;
}

export function pledgeProgress(
  pledge: Pledge,
  purchases: readonly Purchase[],
  options: { countPovertyArea: boolean },
): PledgeProgress {
  let doneFen = 0;
  for (const p of purchases) {
    if (belongsToPledge(p, pledge) && countsTowardPledge(p, options.countPovertyArea)) doneFen += p.amountFen;
  }
  return { pledge, doneFen, targetFen: pledge.targetFen, share: pledge.targetFen ? doneFen / pledge.targetFen : 0 };
}

export interface PeriodTotals {
  monthFen: number;
  yearFen: number;
  /** Of which counts toward pledges. */
  monthCountedFen: number;
  yearCountedFen: number;
}

/** This month's and this year's purchases, all and those that count. */
export function periodTotals(
  purchases: readonly Purchase[],
  today: string,
  options: { countPovertyArea: boolean },
): PeriodTotals {
  const month = today.slice(0, 7);
  const year = today.slice(0, 4);
  const totals = { monthFen: 0, yearFen: 0, monthCountedFen: 0, yearCountedFen: 0 };
  for (const p of purchases) {
    if (!p.purchasedOn.startsWith(year)) continue;
    const counted = countsTowardPledge(p, options.countPovertyArea);
    totals.yearFen += p.amountFen;
    if (counted) totals.yearCountedFen += p.amountFen;
    if (p.purchasedOn.startsWith(month)) {
      totals.monthFen += p.amountFen;
      if (counted) totals.monthCountedFen += p.amountFen;
    }
  }
  return totals;
}
