import { describe, expect, it } from 'vitest';
import type { UnsoldGood } from '../../lib/db/entities';
import { suggestUnsold } from '../../lib/unsold/suggest';

const good = (id: string, over: Partial<UnsoldGood>): UnsoldGood => ({
  id,
  product: '白菜',
  quantity: 1000,
  openQuantity: 1000,
  unit: '斤',
  perishable: false,
  producer: '张大爷',
  status: 'open',
  updatedOn: '2026-11-01',
  countyCode: '430626',
  ...over,
});

describe('unsold suggestions', () => {
  const home = { provinceCode: '43', cityCode: '4306', countyCode: '430626' };
  const goods = [
    good('far', { countyCode: '110101' }),
    good('city', { countyCode: '430621', harvestEnd: '2026-11-28' }),
    good('late', { harvestEnd: '2026-12-30' }),
    good('soon', { harvestEnd: '2026-11-30' }),
    good('perishable', { perishable: true }),
    good('sold', { openQuantity: 0, status: 'soldOut' }),
    good('past', { harvestEnd: '2026-10-01', openQuantity: 5 }),
    good('big', { openQuantity: 5000 }),
  ];

  it('puts the home county first, the closing harvest window first, then perishable goods, then the most left', () => {
    expect(suggestUnsold(goods, home, '2026-11-25', 10).map((g) => g.id)).toEqual([
      'soon',
      'late',
      'perishable',
      'big',
      'past',
      'city',
    ]);
  });

  it('suggests nothing without a home region, and keeps to the limit', () => {
    expect(suggestUnsold(goods, {}, '2026-11-25')).toEqual([]);
    expect(suggestUnsold(goods, home, '2026-11-25', 2)).toHaveLength(2);
  });
});
