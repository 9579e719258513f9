import { describe, expect, it } from 'vitest';
import type { Pledge } from '../../lib/db/entities';
import { isActivePledge, periodTotals, pledgeProgress, shareOfBase } from '../../lib/ledger/pledges';
import { purchase } from './helpers';

const YEARLY: Pledge = {
  id: 'pl-2026',
  title: '2026 年消费帮扶认购',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  targetFen: 100_000,
};

describe('pledge progress', () => {
  const ledger = [
    purchase({ purchasedOn: '2026-03-05', amountFen: 7000 }),
    purchase({ purchasedOn: '2026-04-01', amountFen: 5000, certification: { tier: 'poverty-area' } }),
    purchase({ purchasedOn: '2026-04-02', amountFen: 9000, certification: { tier: 'expired' } }),
    purchase({ purchasedOn: '2026-04-03', amountFen: 1000, certification: {} }),
    purchase({ purchasedOn: '2025-12-31', amountFen: 4000 }),
    purchase({ purchasedOn: '2026-05-01', amountFen: 3000, pledgeId: 'other' }),
  ];

  it('counts certified purchases of the period, and poverty-area ones only when the setting says so', () => {
    expect(pledgeProgress(YEARLY, ledger, { countPovertyArea: false })).toMatchObject({ doneFen: 7000, share: 0.07 });
    expect(pledgeProgress(YEARLY, ledger, { countPovertyArea: true }).doneFen).toBe(12000);
  });

  it('counts a purchase linked to a pledge toward that pledge only, whatever its date', () => {
    const linked = purchase({ purchasedOn: '2025-06-01', amountFen: 2500, pledgeId: 'pl-2026' });
    expect(pledgeProgress(YEARLY, [...ledger, linked], { countPovertyArea: false }).doneFen).toBe(9500);
  });

  it('keeps to the pledge’s funding source when it names one, and stops counting when ended', () => {
    const union = { ...YEARLY, fundingSource: '工会' as const };
    const unionBuy = purchase({ purchasedOn: '2026-06-01', amountFen: 800, fundingSource: '工会' });
    expect(pledgeProgress(union, [...ledger, unionBuy], { countPovertyArea: false }).doneFen).toBe(800);
    const ended = { ...YEARLY, endedOn: '2026-03-31' };
    expect(pledgeProgress(ended, [...ledger, unionBuy], { countPovertyArea: false }).doneFen).toBe(7000);
    expect(isActivePledge(ended, '2026-04-01')).toBe(false);
    expect(isActivePledge(YEARLY, '2026-04-01')).toBe(true);
    expect(isActivePledge(YEARLY, '2027-01-01')).toBe(false);
  });

  it('computes a canteen share to the fen, and month and year totals', () => {
    expect(shareOfBase(1_234_567, 0.15)).toBe(185_185);
    expect(periodTotals(ledger, '2026-04-20', { countPovertyArea: false })).toEqual({
      monthFen: 15000,
      yearFen: 25000,
      monthCountedFen: 0,
      yearCountedFen: 10000,
    });
  });
});
