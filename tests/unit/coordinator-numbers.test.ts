import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { mergeMemberFiles } from '../../lib/coordinator/merge';
import { orderDigits, readCheckedMemberFile, readMemberFile } from '../../lib/coordinator/read-member-file';
import { xlsxBomb } from '../zip-bomb';
import { rejectedInChinese, zhOf } from './helpers';

const HEADER = ['日期', '姓名', '产品', '金额(元)', '订单号'];
const csv = (rows: string[][]) => ({
  bytes: new TextEncoder().encode([HEADER, ...rows].map((r) => r.join(',')).join('\r\n')),
});
const xlsx = (rows: (string | number)[][]) => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([HEADER, ...rows]), '明细');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
};

describe('member files: numbers that stay exact', () => {
  it("rounds a formula's cached 59.699999999999996 to ¥59.70", () => {
    const report = readMemberFile({
      name: 'a.xlsx',
      bytes: xlsx([['2026-03-01', '张三', '黄花菜', 59.699999999999996, 'A1']]),
    });
    expect(report.rows[0]?.amountFen).toBe(5970);
    expect(report.totalFen).toBe(5970);
  });

  it('refuses a row past ¥10,000,000, naming it', () => {
    const report = readMemberFile({
      name: 'b.csv',
      ...csv([
        ['2026-03-01', '张三', '黄花菜', '1e308', 'X'],
        ['2026-03-02', '张三', '腊肉', '10000000.01', 'Y'],
      ]),
    });
    expect(report.rows).toEqual([]);
    expect(rejectedInChinese(report.rejected)).toEqual([
      { rowNumber: 2, column: '金额(元)', reason: '「1e308」不是金额' },
      { rowNumber: 3, column: '金额(元)', reason: '金额 10000000.01 元超过每行上限 10000000.00 元：请核实' },
    ]);
  });

  it('flags an order number in scientific notation or as a number cell, and compares by digits', () => {
    const a = readMemberFile({ name: 'a.xlsx', bytes: xlsx([['2026-03-01', '张三', '黄花菜', 10, 250000000000]]) });
    const b = readMemberFile({ name: 'b.csv', ...csv([['2026-03-01', '李四', '黄花菜', '10', '2.50E+11']]) });
    const c = readMemberFile({ name: 'c.csv', ...csv([['2026-03-01', '王五', '黄花菜', '10', '0012345']]) });
    expect(a.orderNoAltered).toEqual([0]);
    expect(zhOf(a.problems[0])).toContain('订单号可能已被 Excel 改动');
    expect(b.orderNoAltered).toEqual([0]);
    expect(c.orderNoAltered).toBeUndefined();
    expect(c.rows[0]?.orderNo).toBe('0012345'); // a CSV's order number stays text, leading zeros too
    expect(orderDigits('2.50E+11')).toBe('250000000000');
    const merged = mergeMemberFiles([a, b, c]);
    expect(merged.rows.map((r) => r.flags.filter((f) => f.startsWith('order') || f === 'duplicate-order'))).toEqual([
      ['order-no-altered', 'duplicate-order'],
      ['order-no-altered', 'duplicate-order'],
      [],
    ]);
    expect(merged.totalFen).toBe(2000);
  });

  it('counts a repeated member file once (same bytes, or the same orders)', () => {
    const file = csv([
      ['2026-03-01', '张三', '黄花菜', '10', ''],
      ['2026-03-02', '张三', '腊肉', '20.5', ''],
    ]);
    const first = readMemberFile({ name: 'ok.csv', ...file });
    const again = readMemberFile({ name: 'ok (1).csv', ...file });
    const reordered = readMemberFile({
      name: '张三.xlsx',
      bytes: xlsx([
        ['2026-03-02', '张三', '腊肉', 20.5, ''],
        ['2026-03-01', '张三', '黄花菜', 10, ''],
      ]),
    });
    const merged = mergeMemberFiles([first, again, reordered]);
    expect(merged.totalFen).toBe(3050);
    expect(merged.flagCounts['repeated-file']).toBe(4);
    expect(merged.excluded.map((r) => r.repeatOf)).toEqual(['ok.csv', 'ok.csv', 'ok.csv', 'ok.csv']);
  });

  it('sums past 2^53 fen exactly or not at all', () => {
    const rows = Array.from({ length: 3 }, (_, i) => ['2026-03-01', `人${i}`, '黄花菜', '9999999.99', `o${i}`]);
    const report = readMemberFile({ name: 'big.csv', ...csv(rows) });
    expect(report.totalFen).toBe(3 * 999999999);
    const reports = Array.from({ length: 4000 }, (_, i) => ({
      ...report,
      fileName: `f${i}`,
      contentHash: `${i}`,
      ordersHash: `${i}`,
      rows: report.rows.map((r) => ({ ...r, orderNo: `${i}${r.orderNo}` })),
    }));
    // 12,000 rows of ¥9,999,999.99 is 1.2e13 fen: within 2^53, summed in integers.
    expect(mergeMemberFiles(reports).totalFen).toBe(4000 * 3 * 999999999);
  });

  it('refuses a zip bomb before reading it, as that file’s error', async () => {
    const report = await readCheckedMemberFile({ name: 'bomb.xlsx', bytes: await xlsxBomb(200, { lie: true }) });
    expect(zhOf(report.error)).toBe(
      '「bomb.xlsx」解压后超过 160 MB（其中 xl/sharedStrings.xml 一项就超过），不像正常的表格，未读取任何内容。',
    );
  });
});
