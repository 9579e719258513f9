import { describe, expect, it } from 'vitest';
import type { Pledge } from '../../lib/db/entities';
import { DEFAULT_PLEDGE_RULES, rulesOfProvince } from '../../lib/ledger/pledge-kinds';
import {
  countsFor,
  isActivePledge,
  periodTotals,
  pledgeProgress,
  pledgeRuleText,
  pledgeStanding,
  shareOfBase,
} from '../../lib/ledger/pledges';
import { purchase } from './helpers';

const YEARLY: Pledge = {
  id: 'pl-2026',
  title: '2026 年消费帮扶认购',
  kind: '以购代捐',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  targetFen: 100_000,
};
const off = { countPovertyArea: false };

describe('pledge progress (以购代捐)', () => {
  const ledger = [
    purchase({ purchasedOn: '2026-03-05', amountFen: 7000 }),
    purchase({ purchasedOn: '2026-04-01', amountFen: 5000, certification: { tier: 'poverty-area' } }),
    purchase({ purchasedOn: '2026-04-02', amountFen: 9000, certification: { tier: 'expired' } }),
    purchase({ purchasedOn: '2026-04-03', amountFen: 1000, certification: {} }),
    purchase({ purchasedOn: '2025-12-31', amountFen: 4000 }),
    purchase({ purchasedOn: '2026-05-01', amountFen: 3000, pledgeId: 'other' }),
  ];

  it('counts certified purchases of the period, and poverty-area ones only when the setting says so', () => {
    expect(pledgeProgress(YEARLY, ledger, off)).toMatchObject({ doneFen: 7000, share: 0.07 });
    expect(pledgeProgress(YEARLY, ledger, { countPovertyArea: true }).doneFen).toBe(12000);
  });

  it('counts a purchase linked to a pledge toward that pledge only, whatever its date', () => {
    const linked = purchase({ purchasedOn: '2025-06-01', amountFen: 2500, pledgeId: 'pl-2026' });
    expect(pledgeProgress(YEARLY, [...ledger, linked], off).doneFen).toBe(9500);
  });

  it('keeps to the pledge’s funding source when it names one, and stops counting when ended', () => {
    const own = { ...YEARLY, fundingSource: '工会' as const };
    const unionBuy = purchase({ purchasedOn: '2026-06-01', amountFen: 800, fundingSource: '工会' });
    expect(pledgeProgress(own, [...ledger, unionBuy], off).doneFen).toBe(800);
    const ended = { ...YEARLY, endedOn: '2026-03-31' };
    expect(pledgeProgress(ended, [...ledger, unionBuy], off).doneFen).toBe(7000);
    expect(isActivePledge(ended, '2026-04-01')).toBe(false);
    expect(isActivePledge(YEARLY, '2026-04-01')).toBe(true);
    expect(isActivePledge(YEARLY, '2027-01-01')).toBe(false);
  });

  it('counts a certified product on any channel, 832 included', () => {
    const on832 = purchase({ purchasedOn: '2026-06-01', amountFen: 600, platform: 'fupin832', channel: '832平台' });
    const counter = purchase({ purchasedOn: '2026-06-02', amountFen: 400, channel: '消费帮扶专柜', platform: '' });
    expect(pledgeProgress(YEARLY, [on832, counter], off).doneFen).toBe(1000);
  });

  it('computes a share to the fen, and month and year totals', () => {
    expect(shareOfBase(1_234_567, 0.15)).toBe(185_185);
    expect(periodTotals(ledger, '2026-04-20', off)).toEqual({
      monthFen: 15000,
      yearFen: 25000,
      monthCountedFen: 0,
      yearCountedFen: 10000,
    });
  });
});

describe('预留份额: the canteen share, met on 832 only', () => {
  const canteen: Pledge = {
    ...YEARLY,
    id: 'pl-canteen',
    kind: '预留份额',
    title: '食堂预留份额',
    baseFen: 12_000_000,
    ratio: DEFAULT_PLEDGE_RULES.reserveShare,
    targetFen: shareOfBase(12_000_000, DEFAULT_PLEDGE_RULES.reserveShare),
  };
  const on832 = (amountFen: number, over: Parameters<typeof purchase>[0] extends infer T ? Partial<T> : never = {}) =>
    purchase({ purchasedOn: '2026-05-01', amountFen, platform: 'fupin832', channel: '832平台', ...over });

  it('counts every 832 purchase with canteen or unit funds, whatever the tier', () => {
    const ledger = [
      on832(50_000, { fundingSource: '食堂', certification: {} }),
      on832(30_000, { fundingSource: '单位', certification: { tier: 'poverty-area' } }),
      on832(20_000, { fundingSource: '食堂', certification: { tier: 'expired' } }),
    ];
    expect(pledgeProgress(canteen, ledger, off)).toMatchObject({ doneFen: 100_000, targetFen: 1_200_000 });
  });

  it('does not count a certified purchase on JD, nor 832 bought with personal or union funds', () => {
    const jd = purchase({ purchasedOn: '2026-05-02', amountFen: 40_000, fundingSource: '食堂' });
    expect(jd.certification.tier).toBe('certified');
    expect(countsFor('预留份额', jd, off)).toBe(false);
    const personal = on832(10_000, { fundingSource: '个人' });
    const union = on832(10_000, { fundingSource: '工会' });
    expect(pledgeProgress(canteen, [jd, personal, union], off).doneFen).toBe(0);
  });

  it('says its rule in words with its target', () => {
    expect(pledgeRuleText(canteen, off)).toBe(
      '目标：食堂食材采购总额 ¥120,000.00 × 10% = ¥12,000.00。计入：在 832 平台购买、资金来源为食堂或单位的全部商品（不论认定状态，职工经 832 小程序购买也算）；其他渠道不计入。',
    );
  });
});

describe('工会: a share of union gifts and benefits, with a cap per member', () => {
  const shaanxi = rulesOfProvince('陕西省');
  const union: Pledge = {
    ...YEARLY,
    id: 'pl-union',
    kind: '工会',
    title: '工会慰问品',
    baseFen: 1_000_000,
    ratio: shaanxi.unionShare,
    targetFen: shareOfBase(1_000_000, shaanxi.unionShare),
    capFen: shaanxi.unionCapFen,
  };

  it('counts union-funded certified products and 832 goods, not personal ones or uncertified JD goods', () => {
    const ledger = [
      purchase({ purchasedOn: '2026-02-01', amountFen: 80_000, fundingSource: '工会' }),
      purchase({
        purchasedOn: '2026-02-02',
        amountFen: 50_000,
        fundingSource: '工会',
        platform: 'fupin832',
        channel: '832平台',
        certification: {},
      }),
      purchase({ purchasedOn: '2026-02-03', amountFen: 30_000, fundingSource: '工会', certification: {} }),
      purchase({ purchasedOn: '2026-02-04', amountFen: 9_000, fundingSource: '个人' }),
    ];
    const progress = pledgeProgress(union, ledger, off);
    expect(progress).toMatchObject({ doneFen: 130_000, targetFen: 300_000 });
    expect(progress.overCapFen).toBeUndefined();
  });

  it('warns when a member’s union spending of the year passes the cap', () => {
    expect(shaanxi.unionCapFen).toBe(220_000);
    const ledger = [
      purchase({ purchasedOn: '2026-02-01', amountFen: 150_000, fundingSource: '工会' }),
      purchase({ purchasedOn: '2026-09-01', amountFen: 80_000, fundingSource: '工会', certification: {} }),
    ];
    expect(pledgeProgress(union, ledger, off).overCapFen).toBe(230_000);
    expect(pledgeRuleText(union, off)).toContain('每人每年 ¥2,200.00 为限，超出时提示');
  });

  it('takes a province’s published figures, the national ones elsewhere', () => {
    expect(rulesOfProvince('青海省').reserveShare).toBe(0.15);
    expect(rulesOfProvince('湖南省')).toEqual({ ...DEFAULT_PLEDGE_RULES, province: '湖南省' });
  });
});

describe('a pledge’s standing (the popup’s line)', () => {
  const progress = (doneFen: number) =>
    pledgeProgress(YEARLY, [purchase({ purchasedOn: '2026-03-05', amountFen: doneFen })], off);
  it('says the amount left, the share done to one decimal and the days to the period’s end', () => {
    expect(pledgeStanding(progress(12_345), '2026-12-02')).toEqual({ leftFen: 87_655, percent: 12.3, daysLeft: 29 });
  });
  it('past the target: nothing left and 100 %; past the end: 0 days, not fewer', () => {
    expect(pledgeStanding(progress(150_000), '2027-01-05')).toEqual({ leftFen: 0, percent: 100, daysLeft: 0 });
  });
});
