import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCatalogueFile } from '../../lib/catalogue/import';
import { mergeMemberFiles } from '../../lib/coordinator/merge';
import { readMemberFile } from '../../lib/coordinator/read-member-file';
import { cellText, unitReport } from '../../lib/coordinator/unit-report';
import { unitReportXlsxBytes } from '../../lib/coordinator/unit-report-xlsx';
import { verifyRows } from '../../lib/coordinator/verify';
import type { Purchase } from '../../lib/db/entities';
import type { MemberRow } from '../../lib/ledger/member-export';
import { type MemberProfile, memberCsvBytes, memberRowsOf, memberXlsxBytes } from '../../lib/ledger/member-export';
import { buildMatchIndex } from '../../lib/match/build-index';
import { FIXTURES, purchase, rejectedInChinese, zhOf } from './helpers';

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
    expect(rejectedInChinese(report.rejected)).toEqual([
      { rowNumber: 4, column: '金额(元)', reason: '「约60元」不是金额' },
    ]);
    expect(report.rows.map((r) => [r.date, r.product, r.quantity, r.measure, r.amountFen, r.certification])).toEqual([
      ['2026-03-05', '祁东黄花菜', 2, '袋', 7000, 'certified'],
      ['2026-04-18', '秭归脐橙', 1, '箱', 9850, 'certified'],
      ['2026-06-30', '旬阳拐枣', 1, '箱', 12000, 'expired'],
    ]);
    expect(report.rows[0]?.orderNo).toBe('285519843211');
    expect(report.problems).toEqual([]);
  });

  it('reads a hand-filled sheet’s 部门 column, and a 单位 beside 数量 as the measure', () => {
    const csv = '日期,姓名,单位,部门,产品,数量,单位,金额\n2026-03-05,王五,财政局,预算股,祁东黄花菜,2,袋,70\n';
    const report = readMemberFile({ name: '王五.csv', bytes: new TextEncoder().encode(csv) });
    expect(report.error).toBeUndefined();
    expect(report.rows.map((r) => [r.person, r.org, r.department, r.measure])).toEqual([
      ['王五', '财政局', '预算股', '袋'],
    ]);
  });

  it('carries the 部门 of our own files in 说明, so every row has it', () => {
    const report = readMemberFile(exportXlsx({ ...zhang, department: '预算股' }, ledger));
    expect(report.declared.department).toBe('预算股');
    expect(report.rows.map((r) => r.department)).toEqual(['预算股', '预算股']);
  });

  it('refuses a file without the needed columns, naming them', () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}members/not-a-ledger.csv`));
    expect(zhOf(readMemberFile({ name: 'x.csv', bytes }).error)).toBe('「x.csv」缺少必需的列：日期、金额(元)。');
  });

  it('refuses a workbook whose sheets hold no ledger, and an empty or broken file', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['会议记录'], ['2026年第三次']]), 'Sheet1');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
    expect(zhOf(readMemberFile({ name: 'wrong.xlsx', bytes }).error)).toMatch(/^「wrong\.xlsx」不是可识别的表格/);
    expect(zhOf(readMemberFile({ name: 'empty.csv', bytes: new Uint8Array() }).error)).toMatch(/空/);
    const good = exportXlsx(zhang, ledger).bytes;
    expect(zhOf(readMemberFile({ name: 'cut.xlsx', bytes: good.subarray(0, good.length >> 1) }).error)).toMatch(
      /损坏|不完整/,
    );
  });

  it('reports a 说明 that does not match the rows', () => {
    const book = XLSX.read(exportXlsx(zhang, ledger).bytes, { type: 'array' });
    const readme = book.Sheets.说明 as XLSX.WorkSheet;
    const keys = XLSX.utils.sheet_to_json<string[]>(readme, { header: 1 }).map((row) => row[0]);
    const rowOfKey = (key: string) => `A${keys.indexOf(key) + 1}`;
    XLSX.utils.sheet_add_aoa(readme, [['金额合计(元)', '999.00']], { origin: rowOfKey('金额合计(元)') });
    XLSX.utils.sheet_add_aoa(readme, [['记录条数', '3']], { origin: rowOfKey('记录条数') });
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
    const report = readMemberFile({ name: 'edited.xlsx', bytes });
    expect(report.problems.map(zhOf)).toEqual([
      '说明写 3 条，明细有 2 条',
      '说明写合计 999.00 元，读入的明细合计 168.50 元',
    ]);
    expect(report.totalFen).toBe(16850);
  });
});

// The coordinator's own catalogue: 祁东黄花菜 is in it; 平山核桃 is not.
const CATALOGUE = `产品名称,供应商,县,有效期至,状态,目录批次
祁东黄花菜,祁东县湘祁黄花菜开发有限公司,祁东县,2028-12-31,有效,第七批
`;
const { plan } = parseCatalogueFile(
  { name: '本单位目录.csv', bytes: new TextEncoder().encode(CATALOGUE) },
  { today: '2026-11-25' },
);
const index = buildMatchIndex(plan.entries, [], 'coordinator');
const verify = (rows: readonly MemberRow[]) => verifyRows(index, rows);

describe('merging member files', () => {
  const zhang = { name: '张三', unit: '财政局', department: '预算股' };
  const li = { name: '李四', unit: '办公室' };
  const files = [
    exportXlsx(zhang, [
      purchase({ purchasedOn: '2026-03-05', amountFen: 7000, orderNo: '1001' }),
      // Declared certified by hand, but not in the coordinator's list.
      purchase({ purchasedOn: '2026-03-09', amountFen: 3500, product: '平山核桃', supplier: '平山县核桃合作社' }),
      purchase({ purchasedOn: '2026-04-01', amountFen: 3500 }),
    ]),
    exportXlsx(li, [
      // The same order item as 张三's: counted once.
      purchase({ purchasedOn: '2026-03-06', amountFen: 7000, orderNo: '1001' }),
      purchase({ purchasedOn: '2026-05-01', amountFen: 35000, certification: { tier: 'expired' } }),
      // Declared not certified, but the coordinator's list has it: verified.
      purchase({
        purchasedOn: '2026-05-02',
        amountFen: 60000,
        certification: {},
        platform: 'fupin832',
        channel: '832平台',
        fundingSource: '食堂',
      }),
    ]),
  ];
  const reports = files.map(readMemberFile);
  // Outside the period: never written by an export of the period; a hand-filled file has one.
  reports[1]?.rows.push({
    ...(reports[1]?.rows[0] as MemberRow),
    date: '2025-12-30',
    orderNo: '',
    amountFen: 100,
    unitPriceFen: 100,
  });
  const broken = readMemberFile({ name: 'broken.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) });
  const merged = mergeMemberFiles([...reports, broken], { period: PERIOD, verify });
  const rowOf = (person: string, date: string) => merged.rows.find((r) => r.person === person && r.date === date);

  it('leaves out the out-of-period row and the second copy of an order, and says why', () => {
    expect(merged.failedFiles).toBe(1);
    expect(merged.totalFen).toBe(7000 + 3500 + 3500 + 35000 + 60000);
    expect(merged.excluded.map((r) => [r.person, r.date, r.reviewNote])).toEqual([
      ['李四', '2026-03-06', '订单重复，已按一次计入'],
      ['李四', '2025-12-30', '不在统计期内'],
    ]);
    expect(merged.byPerson).toEqual([
      ['李四', 95000],
      ['张三', 14000],
    ]);
  });

  it('counts as certified only what the coordinator’s catalogue verifies, declared status beside it', () => {
    expect([rowOf('张三', '2026-03-09')?.certification, rowOf('张三', '2026-03-09')?.verified]).toEqual([
      'certified',
      // 平山县 is a 脱贫县: a hint, not a certification.
      'poverty-area',
    ]);
    expect([rowOf('李四', '2026-05-02')?.certification, rowOf('李四', '2026-05-02')?.verified]).toEqual([
      'none',
      'certified',
    ]);
    expect(merged.certifiedFen).toBe(7000 + 3500 + 35000 + 60000);
    expect(merged.declaredCertifiedFen).toBe(7000 + 3500 + 3500);
    expect(merged.people).toEqual([
      { person: '李四', org: '办公室', department: '', totalFen: 95000, certifiedFen: 95000 },
      { person: '张三', org: '财政局', department: '预算股', totalFen: 14000, certifiedFen: 10500 },
    ]);
    expect(merged.reserve832Fen).toBe(60000);
    expect(merged.byChannel).toEqual([
      ['832平台', 60000],
      ['电商平台', 49000],
    ]);
  });

  it('flags duplicates, unverified, uncertified and expired items, odd prices and dates outside the period', () => {
    expect(rowOf('张三', '2026-03-05')?.flags).toEqual(['duplicate-order']);
    expect(rowOf('李四', '2026-03-06')?.flags).toEqual(['duplicate-order']);
    expect(rowOf('张三', '2026-03-09')?.flags).toEqual(['unverified']);
    expect(rowOf('李四', '2025-12-30')?.flags).toEqual(['out-of-period', 'price']);
    expect(merged.flagCounts).toMatchObject({ 'duplicate-order': 2, unverified: 1, 'out-of-period': 1 });
  });

  it('follows the coordinator’s review: a confirmed duplicate counts, an excluded row does not, with the note', () => {
    const keyOf = (person: string, date: string) => rowOf(person, date)?.key as string;
    const reviewed = mergeMemberFiles(reports, {
      period: PERIOD,
      verify,
      decisions: {
        [keyOf('李四', '2026-03-06')]: { include: true, note: '两人各买一份，订单号相同' },
        [keyOf('张三', '2026-03-09')]: { include: false, note: '非认定产品' },
      },
    });
    expect(reviewed.totalFen).toBe(merged.totalFen + 7000 - 3500);
    expect(reviewed.excluded.map((r) => r.reviewNote)).toEqual(['非认定产品', '不在统计期内']);
  });

  it('writes the unit report: per-person table, 预留份额 block, totals, what was left out, signature', () => {
    const report = unitReport(merged, {
      unit: '某某县财政局',
      preparer: '王五',
      date: '2026-11-25',
      period: PERIOD,
      personTargetFen: 50000,
      canteen: { has: true, baseFen: 1_000_000, ratio: 0.1 },
      sign: { head: '赵六', phone: '0734-1234567' },
    });
    expect(report.head).toEqual([
      '填报单位：某某县财政局',
      '统计期间：2026-01-01 至 2026-12-31',
      '填表人：王五',
      '日期：2026-11-25',
    ]);
    expect(report.people.rows.map((r) => r.map(cellText))).toEqual([
      // 李四 named no 部门: the report shows the 单位 he gave.
      ['1', '李四', '办公室', '500.00', '950.00', '190.0%'],
      ['2', '张三', '预算股', '500.00', '105.00', '21.0%'],
      ['合计', '2 人', '', '1,000.00', '1,055.00', '105.5%'],
    ]);
    expect(report.reserve.rows[0]?.map(cellText)).toEqual(['有', '10,000.00', '10.0%', '1,000.00', '600.00', '60.0%']);
    expect(report.excluded.rows.map((r) => r[5])).toEqual(['订单重复，已按一次计入', '不在统计期内']);
    expect(report.detail.rows).toHaveLength(5 + 1);
    expect(report.signature.map(([label]) => label)).toEqual([
      '单位负责人',
      '审核人',
      '填表人',
      '联系电话',
      '（单位盖章）',
    ]);
  });

  it('writes a styled .xlsx, read back cell by cell', async () => {
    const meta = { unit: '某某县财政局', preparer: '王五', date: '2026-11-25', canteen: { has: false, ratio: 0.1 } };
    const bytes = await unitReportXlsxBytes(merged, meta);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = book.getWorksheet('汇总表') as ExcelJS.Worksheet;
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    const header = sheet.getRow(5);
    expect(header.values).toEqual([undefined, '序号', '姓名', '部门', '目标(元)', '完成(元)', '完成率']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).border?.top?.style).toBe('thin');
    expect(sheet.getCell('E6').value).toBe(950);
    expect(sheet.getCell('E6').numFmt).toBe('#,##0.00');
    const detail = book.getWorksheet('明细') as ExcelJS.Worksheet;
    expect(detail.pageSetup.printTitlesRow).toBe('2:2');
    expect(detail.getCell('L3').value).toBe('1001');
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
              // Unique per purchase: a repeated order item is counted once, which this property is not about.
              orderNo: p.orderNo && `${p.orderNo}${m}x${i}`,
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
