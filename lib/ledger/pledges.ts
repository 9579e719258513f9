import { daysUntil } from '../dates';
import type { Pledge, Purchase } from '../db/entities';
import { displayYuan } from '../money';
import type { PledgeKind } from './pledge-kinds';

/** A pledge is active from its first to its last day, unless ended early. */
export function isActivePledge(pledge: Pledge, today: string): boolean {
  return !pledge.endedOn && pledge.periodStart <= today && today <= pledge.periodEnd;
}

/** 预留份额 and 工会: a target as a share of a base, in whole fen. */
export function shareOfBase(baseFen: number, ratio: number): number {
  return Math.round(baseFen * ratio);
}

export interface CountingOptions {
  /** The unit also counts products of poverty areas (脱贫县) that are not certified (a setting). */
  countPovertyArea: boolean;
}

/**
 * Whether a purchase counts toward a pledge of this kind (DESIGN §1):
 * - 以购代捐: a certified product (as it stood when bought) on any channel; a poverty-area one when the unit says so;
 * - 预留份额: anything bought on the 832 platform with canteen or unit funds, whatever its tier
 *   (every 832 supplier is registered in a 脱贫县);
 * - 工会: bought with union funds, a certified product or anything on 832.
 * Expired and unlisted products never count, except on 832 for the canteen share.
 */
export function countsFor(kind: PledgeKind, purchase: Purchase, options: CountingOptions): boolean {
  return kindCounts(
    kind,
    { channel: purchase.channel, fundingSource: purchase.fundingSource, tier: purchase.certification.tier },
    options,
  );
}

/** The rule of countsFor on the three facts it reads, for rows that are not stored purchases (a coordinator's merge). */
export function kindCounts(
  kind: PledgeKind,
  facts: { channel?: string; fundingSource?: string; tier?: string },
  options: CountingOptions,
): boolean {
  const certified = facts.tier === 'certified' || (options.countPovertyArea && facts.tier === 'poverty-area');
  switch (kind) {
    case '预留份额':
      return facts.channel === '832平台' && (facts.fundingSource === '食堂' || facts.fundingSource === '单位');
    case '工会':
      return facts.fundingSource === '工会' && (facts.channel === '832平台' || certified);
    default:
      return certified;
  }
}

/** Whether a purchase counts as a relief purchase in a person's own totals (the 以购代捐 rule). */
export function countsTowardPledge(purchase: Purchase, countPovertyArea: boolean): boolean {
  return countsFor('以购代捐', purchase, { countPovertyArea });
}

/**
 * Whether a purchase belongs to a pledge: linked to it, or linked to none
 * and within its period (and, for 以购代捐, its funding source when the pledge
 * names one), so that a yearly pledge fills without picking it every time.
 * The other kinds name their funding sources in their rule.
 */
export function belongsToPledge(purchase: Purchase, pledge: Pledge): boolean {
  if (purchase.pledgeId) return purchase.pledgeId === pledge.id;
  const ends = pledge.endedOn && pledge.endedOn < pledge.periodEnd ? pledge.endedOn : pledge.periodEnd;
  return (
    pledge.periodStart <= purchase.purchasedOn &&
    purchase.purchasedOn <= ends &&
    (pledge.kind !== '以购代捐' || !pledge.fundingSource || pledge.fundingSource === purchase.fundingSource)
  );
}

export interface PledgeProgress {
  pledge: Pledge;
  doneFen: number;
  targetFen: number;
  /** done / target, 0 … (may exceed 1). */
  share: number;
  /** 工会 with a yearly cap per member: union spending of the period, when it passed the cap. */
  overCapFen?: number;
}

export function pledgeProgress(
  pledge: Pledge,
  purchases: readonly Purchase[],
  options: CountingOptions,
): PledgeProgress {
  let doneFen = 0;
  let unionFen = 0;
  for (const p of purchases) {
    if (!belongsToPledge(p, pledge)) continue;
    if (countsFor(pledge.kind, p, options)) doneFen += p.amountFen;
    if (p.fundingSource === '工会') unionFen += p.amountFen;
  }
  const progress: PledgeProgress = {
    pledge,
    doneFen,
    targetFen: pledge.targetFen,
    share: pledge.targetFen ? doneFen / pledge.targetFen : 0,
  };
  if (pledge.kind === '工会' && pledge.capFen && unionFen > pledge.capFen) progress.overCapFen = unionFen;
  return progress;
}

/** A pledge's standing as the popup shows it: the amount still to buy, the share done, the days left. */
export interface PledgeStanding {
  leftFen: number;
  /** Percent done, one decimal, at most 100. */
  percent: number;
  /** Days until the period ends (0 once it has). */
  daysLeft: number;
}

export function pledgeStanding(progress: PledgeProgress, today: string): PledgeStanding {
  return {
    leftFen: Math.max(0, progress.targetFen - progress.doneFen),
    percent: Math.min(100, Math.round(progress.share * 1000) / 10),
    daysLeft: Math.max(0, daysUntil(progress.pledge.periodEnd, today)),
  };
}

const yuan = displayYuan;
const percent = (ratio: number) => `${Math.round(ratio * 10000) / 100}%`;

/** The pledge's counting rule in words, as shown on the pledge and its progress. */
export function pledgeRuleText(pledge: Pledge, options: CountingOptions): string {
  const target =
    pledge.baseFen !== undefined && pledge.ratio !== undefined
      ? `${yuan(pledge.baseFen)} × ${percent(pledge.ratio)} = ${yuan(pledge.targetFen)}`
      : yuan(pledge.targetFen);
  switch (pledge.kind) {
    case '预留份额':
      return `目标：食堂食材采购总额 ${target}。计入：在 832 平台购买、资金来源为食堂或单位的全部商品（不论认定状态，职工经 832 小程序购买也算）；其他渠道不计入。`;
    case '工会':
      return `目标：工会慰问品和福利支出 ${target}。计入：工会经费购买的认定帮扶产品和 832 平台商品。${
        pledge.capFen ? `每人每年 ${yuan(pledge.capFen)} 为限，超出时提示。` : ''
      }`;
    default:
      return `目标：${target}。计入：任何渠道购买的认定帮扶产品（按购买时的认定状态）${
        options.countPovertyArea ? '，以及本单位计入的脱贫地区产品' : ''
      }；过期或未认定的不计入。`;
  }
}

export interface PeriodTotals {
  monthFen: number;
  yearFen: number;
  /** Of which counts toward pledges. */
  monthCountedFen: number;
  yearCountedFen: number;
}

/** This month's and this year's purchases, all and those that count. */
export function periodTotals(purchases: readonly Purchase[], today: string, options: CountingOptions): PeriodTotals {
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
