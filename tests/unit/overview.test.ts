import { describe, expect, it } from 'vitest';
import { overviewSeries } from '../../lib/ledger/overview';
import { purchase } from './helpers';

describe('overview figures', () => {
  it('sums months, counts cumulatively toward the active pledges, and groups by county and funding', () => {
    const series = overviewSeries(
      [
        purchase({ purchasedOn: '2026-01-10', amountFen: 1000 }),
        purchase({ purchasedOn: '2026-01-20', amountFen: 500, certification: {}, county: '' }),
        purchase({ purchasedOn: '2026-03-01', amountFen: 2000, county: '秭归县', fundingSource: '工会' }),
        purchase({ purchasedOn: '2025-12-31', amountFen: 9999 }),
      ],
      [
        { kind: '以购代捐', id: 'a', title: 'A', periodStart: '2026-01-01', periodEnd: '2026-12-31', targetFen: 10000 },
        {
          kind: '以购代捐',
          id: 'b',
          title: 'B',
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          targetFen: 5000,
          endedOn: '2026-02-01',
        },
      ],
      '2026-05-01',
      { countPovertyArea: false },
    );
    expect(series.monthFen.slice(0, 4)).toEqual([1500, 0, 2000, 0]);
    expect(series.cumulativeCountedFen.slice(0, 4)).toEqual([1000, 1000, 3000, 3000]);
    expect(series.cumulativeCountedFen[11]).toBe(3000);
    expect(series.targetFen).toBe(10000);
    expect(series.byCounty).toEqual([
      ['秭归县', 2000],
      ['祁东县', 1000],
      ['未填产地', 500],
    ]);
    expect(series.byFunding).toEqual([
      ['工会', 2000],
      ['个人', 1500],
    ]);
    expect([series.countedFen, series.totalFen]).toEqual([3000, 3500]);
  });
});
