import type { Pledge, Purchase } from '../db/entities';
import { countsTowardPledge, isActivePledge } from './pledges';
import { totalsBy } from './totals';

export interface OverviewSeries {
  year: string;
  /** 01 … 12 */
  months: string[];
  /** Every purchase of each month. */
  monthFen: number[];
  /** What counts toward pledges, summed up to each month. */
  cumulativeCountedFen: number[];
  /** The year's target: the active pledges' targets summed; undefined without one. */
  targetFen?: number;
  byCounty: [string, number][];
  byFunding: [string, number][];
  countedFen: number;
  totalFen: number;
}

/** The figures behind the overview's charts, for one calendar year. */
export function overviewSeries(
  purchases: readonly Purchase[],
  pledges: readonly Pledge[],
  today: string,
  options: { countPovertyArea: boolean },
): OverviewSeries {
  const year = today.slice(0, 4);
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  const monthFen = months.map(() => 0);
  const countedByMonth = months.map(() => 0);
  let countedFen = 0;
  let totalFen = 0;
  for (const p of purchases) {
    if (!p.purchasedOn.startsWith(year)) continue;
    const m = Number(p.purchasedOn.slice(5, 7)) - 1;
    monthFen[m] = (monthFen[m] ?? 0) + p.amountFen;
    totalFen += p.amountFen;
    if (countsTowardPledge(p, options.countPovertyArea)) {
      countedByMonth[m] = (countedByMonth[m] ?? 0) + p.amountFen;
      countedFen += p.amountFen;
    }
  }
  let running = 0;
  const cumulativeCountedFen = countedByMonth.map((fen) => (running += fen));
  const active = pledges.filter((p) => isActivePledge(p, today));
  const ofYear = purchases.filter((p) => p.purchasedOn.startsWith(year));
  const amount = (p: Purchase) => p.amountFen;
  return {
    year,
    months,
    monthFen,
    cumulativeCountedFen,
    targetFen: active.length ? active.reduce((sum, p) => sum + p.targetFen, 0) : undefined,
    byCounty: totalsBy(ofYear, (p) => p.county || '未填产地', amount),
    byFunding: totalsBy(ofYear, (p) => p.fundingSource, amount),
    countedFen,
    totalFen,
  };
}
