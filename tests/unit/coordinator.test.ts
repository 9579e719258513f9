import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeMemberFiles } from '../../lib/coordinator/merge';
import { readMemberFile } from '../../lib/coordinator/read-member-file';
import { unitReportGrid, unitReportXlsxBytes } from '../../lib/coordinator/unit-report';
import type { Purchase } from '../../lib/db/entities';
import type { MemberRow } from '../../lib/ledger/member-export';
import { type MemberProfile, memberCsvBytes, memberRowsOf, memberXlsxBytes } from '../../lib/ledger/member-export';
import { FIXTURES, purchase } from './helpers';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const meta = (profile: MemberProfile) => ({ profile, period: PERIOD, exportedAt: '2026-11-25T10:00:00.000Z' });

function exportXlsx(profile: MemberProfile, purchases: Purchase[], name = `${profile.name}.xlsx`) {
  return { name, bytes: memberXlsxBytes(memberRowsOf(purchases, profile, PERIOD), meta(profile)) };
}

describe('reading a member file', () => {
  const zhang = { name: '张三', unit: '财政局' };
  const ledger = [
    purchase({ purchasedOn: '2026-03-05', amountFen: 7000, orderNo: '285519843211456789' }),
    purchase({ purchasedOn: '2026-04-18', amountFen: 9850, product: '+秭归脐橙', certification: { tier: 'expired' } }),
  ];

  it('gives back what our .xlsx holds, row for row', () => {
    const report = readMemberFile(exportXlsx(zhang, ledger));
    expect(report.error).toBeUndefined();
    expect(report.problems).toEqual([]);
    expect(report.declared).toMatchObject({ person: '张三', org: '财政局', rowCount: 2, totalFen: 16850 });
    expect(report.rows).toEqual(memberRowsOf(ledger, zhang, PERIOD));
  });

  it('gives back what our .csv holds, row for row, checked against its 合计 row', () => {
    const report = readMemberFile({
      name: '消费帮扶明细_张三_x.csv',
      bytes: memberCsvBytes(memberRowsOf(ledger, zhang, PERIOD)),
    });
    expect(report.problems).toEqual([]);
    expect(report.rows).toEqual(memberRowsOf(ledger, zhang, PERIOD));
  });

  it('reads a hand-filled GBK sheet with everyday headers, and names the row it cannot take', () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}members/hand-filled-gbk.csv`));
    const report = readMemberFile({ name: '李四.csv', bytes });
    expect(report.error).toBeUndefined();
    expect(report.rowsRead).toBe(4);
    expect(report.rejected).toEqual([{ rowNumber: 4, column: '金额(元)', reason: '「约60元」不是金额' }]);
    expect(report.rows.map((r) => [r.date, r.product, r.quantity, r.measure, r.amountFen, r.certification])).toEqual([
      ['2026-03-05', '祁东黄花菜', 2, '袋', 7000, 'certified'],
      ['2026-04-18', '秭归脐橙', 1, '箱', 9850, 'certified'],
      ['2026-06-30', '旬阳拐枣', 1, '箱', 12000, 'expired'],
    ]);
    expect(report.rows[0]?.orderNo).toBe('285519843211');
    expect(report.problems).toEqual([]);
  });

  it('refuses a file without the needed columns, naming them', () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}members/not-a-ledger.csv`));
    expect(readMemberFile({ name: 'x.csv', bytes }).error).toBe('「x.csv」缺少必需的列：日期、金额(元)。');
  });

  it('refuses a workbook whose sheets hold no ledger, and an empty or broken file', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['会议记录'], ['2026年第三次']]), 'Sheet1');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
    expect(readMemberFile({ name: 'wrong.xlsx', bytes }).error).toMatch(/^「wrong\.xlsx」不是可识别的表格/);
    expect(readMemberFile({ name: 'empty.csv', bytes: new Uint8Array() }).error).toMatch(/空/);
    const good = exportXlsx(zhang, ledger).bytes;
    expect(readMemberFile({ name: 'cut.xlsx', bytes: good.subarray(0, good.length >> 1) }).error).toMatch(
      /损坏|不完整/,
    );
  });

  it('reports a 说明 that does not match the rows', () => {
    const book = XLSX.read(exportXlsx(zhang, ledger).bytes, { type: 'array' });
    const readme = book.Sheets.说明 as XLSX.WorkSheet;
    XLSX.utils.sheet_add_aoa(readme, [['金额合计(元)', '999.00']], { origin: 'A8' });
    XLSX.utils.sheet_add_aoa(readme, [['记录条数', '3']], { origin: 'A7' });
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
    const report = readMemberFile({ name: 'edited.xlsx', bytes });
    expect(report.problems).toEqual(['说明写 3 条，明细有 2 条', '说明写合计 999.00 元，读入的明细合计 168.50 元']);
    expect(report.totalFen).toBe(16850);
  });
});

describe('merging member files', () => {
  const zhang = { name: '张三', unit: '财政局' };
  const li = { name: '李四', unit: '财政局' };
  const files = [
    exportXlsx(zhang, [
      purchase({ purchasedOn: '2026-03-05', amountFen: 7000, orderNo: '1001' }),
      purchase({ purchasedOn: '2026-03-09', amountFen: 3500, product: '平山核桃', certification: {} }),
      purchase({ purchasedOn: '2026-04-01', amountFen: 3500 }),
    ]),
    exportXlsx(li, [
      purchase({ purchasedOn: '2026-03-06', amountFen: 7000, orderNo: '1001' }),
      purchase({ purchasedOn: '2026-05-01', amountFen: 35000, certification: { tier: 'expired' } }),
      purchase({ purchasedOn: '2025-12-30', amountFen: 3500, orderNo: '1002' }),
    ]),
  ];
  const reports = files.map(readMemberFile);
  // The 2025 purchase is outside the export period, so it was never written; add one by hand.
  reports[1]?.rows.push({
    ...(reports[1]?.rows[0] as MemberRow),
    date: '2025-12-30',
    orderNo: '',
    amountFen: 100,
    unitPriceFen: 100,
  });
  const broken = readMemberFile({ name: 'broken.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) });
  const merged = mergeMemberFiles([...reports, broken], { period: PERIOD });

  it('totals by person, month, county and funding source, leaving a broken file out without breaking the rest', () => {
    expect(merged.failedFiles).toBe(1);
    expect(merged.totalFen).toBe(7000 + 3500 + 3500 + 7000 + 35000 + 100);
    expect(merged.byPerson).toEqual([
      ['李四', 42100],
      ['张三', 14000],
    ]);
    expect(merged.byMonth[0]).toEqual(['2025-12', 100]);
    expect(merged.certifiedFen).toBe(7000 + 3500 + 7000 + 100);
  });

  it('flags the same order from two people, uncertified and expired items, odd prices and dates outside the period', () => {
    const flagsOf = (person: string, date: string) =>
      merged.rows.find((r) => r.person === person && r.date === date)?.flags;
    expect(flagsOf('张三', '2026-03-05')).toEqual(['duplicate-order']);
    expect(flagsOf('李四', '2026-03-06')).toEqual(['duplicate-order']);
    expect(flagsOf('张三', '2026-03-09')).toEqual(['uncertified']);
    // 黄花菜 usually costs 35–70 元 here; 350 元 for one bag is ten times the median.
    expect(flagsOf('李四', '2026-05-01')).toEqual(['expired', 'price']);
    expect(flagsOf('李四', '2025-12-30')).toEqual(['price', 'out-of-period']);
    expect(merged.flagCounts).toEqual({
      'duplicate-order': 2,
      uncertified: 1,
      expired: 1,
      price: 2,
      'out-of-period': 1,
    });
  });

  it('writes the unit report with its head lines, 序号 … and 合计', () => {
    const unitMeta = { unit: '某某县财政局', preparer: '王五', date: '2026-11-25', targetFen: 100000 };
    const grid = unitReportGrid(merged, unitMeta);
    expect(grid[1]).toEqual(['填报单位：某某县财政局', '', '', '填表人：王五', '', '', '日期：2026-11-25']);
    expect(grid[2]?.[0]).toBe('序号');
    const book = XLSX.read(unitReportXlsxBytes(merged, unitMeta), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets.汇总表 as XLSX.WorkSheet, { header: 1 });
    const total = rows.find((r) => r[0] === '合计');
    expect(total?.[9]).toBeCloseTo(561, 10);
    expect(rows.find((r) => r[0] === '完成比例')?.[9]).toBe('17.6%');
    expect(rows.filter((r) => typeof r[0] === 'number')).toHaveLength(6);
  });
});

describe('export every member, merge: the totals are the ledgers’ to the fen', () => {
  const purchaseArb = fc.record({
    day: fc.integer({ min: 0, max: 364 }),
    amountFen: fc.integer({ min: 0, max: 5_000_000 }),
    quantity: fc.integer({ min: 1, max: 50 }),
    orderNo: fc.option(fc.stringMatching(/^\d{6,19}$/), { nil: undefined }),
    product: fc.constantFrom('祁东黄花菜', '=1+2', '-辣椒酱', '@秭归脐橙', '平山 核桃', '"引号"产品,逗号'),
    funding: fc.constantFrom('个人', '工会', '食堂', '单位') as fc.Arbitrary<Purchase['fundingSource']>,
  });
  const ledgerArb = fc.array(purchaseArb, { maxLength: 25 });

  it('holds for random ledgers, through .xlsx and .csv alike', () => {
    fc.assert(
      fc.property(fc.array(ledgerArb, { minLength: 1, maxLength: 5 }), fc.boolean(), (ledgers, asCsv) => {
        const files = ledgers.map((items, m) => {
          const profile = { name: `成员${m}`, unit: '单位' };
          const purchases = items.map((p, i) =>
            purchase({
              id: `m${m}-${i}`,
              purchasedOn: new Date(Date.UTC(2026, 0, 1 + p.day)).toISOString().slice(0, 10),
              amountFen: p.amountFen,
              quantity: p.quantity,
              unitPriceFen: Math.round(p.amountFen / p.quantity),
              orderNo: p.orderNo,
              product: p.product,
              fundingSource: p.funding,
            }),
          );
          const rows = memberRowsOf(purchases, profile, PERIOD);
          return asCsv
            ? { name: `${profile.name}.csv`, bytes: memberCsvBytes(rows) }
            : { name: `${profile.name}.xlsx`, bytes: memberXlsxBytes(rows, meta(profile)) };
        });
        const reports = files.map(readMemberFile);
        const merged = mergeMemberFiles(reports);
        const sums = ledgers.map((items) => items.reduce((s, p) => s + p.amountFen, 0));
        expect(reports.flatMap((r) => [...r.rejected, ...r.problems, ...(r.error ? [r.error] : [])])).toEqual([]);
        expect(merged.totalFen).toBe(sums.reduce((a, b) => a + b, 0));
        for (const [m, sum] of sums.entries()) {
          expect(merged.byPerson.find(([person]) => person === `成员${m}`)?.[1] ?? 0).toBe(sum);
        }
        expect(merged.byFunding.reduce((s, [, fen]) => s + fen, 0)).toBe(merged.totalFen);
      }),
      { numRuns: 60 },
    );
  });
});
