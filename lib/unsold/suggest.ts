import { daysUntil } from '../dates';
import type { UnsoldGood } from '../db/entities';

export interface HomeRegion {
  provinceCode?: string;
  cityCode?: string;
  countyCode?: string;
}

/**
 * Unsold goods to suggest to someone at home in `region`: entries still
 * selling (待售 or 已对接, something left) in their county, then elsewhere in
 * their city; the most urgent first — a harvest window closing soonest, then
 * perishable goods, then the most left to sell.
 */
export function suggestUnsold(
  goods: readonly UnsoldGood[],
  region: HomeRegion,
  today: string,
  limit = 5,
): UnsoldGood[] {
  const city = region.cityCode?.slice(0, 4) ?? region.countyCode?.slice(0, 4);
  if (!region.countyCode && !city) return [];
  const nearness = (g: UnsoldGood) =>
    region.countyCode && g.countyCode === region.countyCode ? 0 : city && g.countyCode?.startsWith(city) ? 1 : 2;
  const urgency = (g: UnsoldGood) => {
    const left = g.harvestEnd ? daysUntil(g.harvestEnd, today) : Number.POSITIVE_INFINITY;
    return left < 0 ? Number.POSITIVE_INFINITY : left;
  };
  return goods
    .filter((g) => g.status !== 'soldOut' && g.openQuantity > 0 && nearness(g) < 2)
    .sort(
      (a, b) =>
        nearness(a) - nearness(b) ||
        urgency(a) - urgency(b) ||
        Number(b.perishable) - Number(a.perishable) ||
        b.openQuantity - a.openQuantity,
    )
    .slice(0, limit);
}
