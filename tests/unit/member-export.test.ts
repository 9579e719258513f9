import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Purchase } from '../../lib/db/entities';
import {
  memberCsvBytes,
  memberFileName,
  memberRowsOf,
  memberTotals,
  memberXlsxBytes,
  neutraliseCell,
} from '../../lib/ledger/member-export';
import { purchase } from './helpers';

const PROFILE = { name: '张三', unit: '某某县财政局', employeeNo: '0371' };

const LEDGER: Purchase[] = [
  purchase({
    purchasedOn: '2026-03-05',
    amountFen: 7000,
    quantity: 2,
    unitPriceFen: 3500,
    orderNo: '285519843211456789',
  }),
  purchase({
    purchasedOn: '2026-04-18',
    amountFen: 9850,
    product: '=HYPERLINK("http://x","秭归脐橙")',
    county: '秭归县',
    fundingSource: '工会',
    certification: { tier: 'expired', batch: '第1批' },
  }),
  purchase({ purchasedOn: '2025-12-31', amountFen: 100, note: '上一年的' }),
  purchase({ purchasedOn: '2026-06-30', amountFen: 12000, product: '旬阳拐枣', county: '旬阳市', note: '-加急' }),
];
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const META = { profile: PROFILE, period: PERIOD, exportedAt: '2026-11-25T10:00:00.000Z' };

describe('member rows', () => {
  it('keeps the period only, oldest first, with the person and unit on every row', () => {
    const rows = memberRowsOf(LEDGER, PROFILE, PERIOD);
    expect(rows.map((r) => r.date)).toEqual(['2026-03-05', '2026-04-18', '2026-06-30']);
    expect(rows.every((r) => r.person === '张三' && r.org === '某某县财政局')).toBe(true);
    expect(rows[0]?.channel).toBe('电商平台（京东）');
    expect(memberTotals(rows)).toMatchObject({
      totalFen: 28850,
      byMonth: [
        ['2026-03', 7000],
        ['2026-04', 9850],
        ['2026-06', 12000],
      ],
      byFunding: [
        ['个人', 19000],
        ['工会', 9850],
      ],
    });
  });
});

describe('member .xlsx', () => {
  const book = XLSX.read(memberXlsxBytes(memberRowsOf(LEDGER, PROFILE, PERIOD), META), { type: 'array', cellNF: true });
  const detail = book.Sheets.明细 as XLSX.WorkSheet;
  const cell = (ref: string) => detail[ref] as XLSX.CellObject;

  it('has 明细, 汇总 and 说明, with Chinese headers in the order of DESIGN §7', () => {
    expect(book.SheetNames).toEqual(['明细', '汇总', '说明']);
    const header = XLSX.utils.sheet_to_json<string[]>(detail, { header: 1 })[0];
    expect(header).toEqual([
      '序号',
      '日期',
      '姓名',
      '单位',
      '产品',
      '供应商',
      '产地县',
      '认定状态',
      '目录批次',
      '数量',
      '计量单位',
      '单价(元)',
      '金额(元)',
      '渠道',
      '资金来源',
      '类型',
      '订单号',
      '备注',
    ]);
  });

  it('writes amounts as numbers in 元 with two decimals and order numbers as text', () => {
    expect(cell('M2')).toMatchObject({ t: 'n', v: 70, z: '0.00' });
    expect(cell('L2')).toMatchObject({ t: 'n', v: 35 });
    expect(cell('Q2')).toMatchObject({ t: 's', v: '285519843211456789' });
    expect(cell('H3').v).toBe('认定已过期');
  });

  it('neutralises formula-like text, so it shows and never runs', () => {
    expect(cell('E3').v).toBe('\'=HYPERLINK("http://x","秭归脐橙")');
    expect(cell('E3').f).toBeUndefined();
    expect(cell('R4').v).toBe("'-加急");
  });

  it('ends 明细 with a 合计 row and carries the check figures in 说明', () => {
    expect(cell('A5').v).toBe('合计');
    expect(cell('M5').v).toBeCloseTo(288.5, 10);
    const readme = Object.fromEntries(
      XLSX.utils.sheet_to_json<string[]>(book.Sheets.说明 as XLSX.WorkSheet, { header: 1 }),
    );
    expect(readme).toMatchObject({
      格式版本: '消费帮扶助手 明细 v1',
      姓名: '张三',
      单位: '某某县财政局',
      统计期间: '2026-01-01 至 2026-12-31',
      记录条数: '3',
      '金额合计(元)': '288.50',
    });
    const summary = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets.汇总 as XLSX.WorkSheet, { header: 1 });
    expect(summary.at(-1)).toEqual(['合计', '', 288.5]);
  });
});

describe('member .csv', () => {
  const bytes = memberCsvBytes(memberRowsOf(LEDGER, PROFILE, PERIOD));
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  it('is UTF-8 with a BOM, amounts with two decimals, long order numbers kept as text', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[1]).toContain(',70.00,');
    expect(lines[1]).toContain('\t285519843211456789');
    expect(lines.at(-1)).toMatch(/^合计,.*,288\.50,/);
  });

  it('neutralises formula-like text', () => {
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""秭归脐橙"")"`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });
});

describe('neutraliseCell and file names', () => {
  it('guards = + - @ tab and carriage return, and leaves other text', () => {
    for (const bad of ['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(bad)).toBe(`'${bad}`);
    for (const ok of ['祁东黄花菜', '2026-01-01', "'already"]) expect(neutraliseCell(ok)).toBe(ok);
  });

  it('names the file after the person and period', () => {
    expect(memberFileName(PROFILE, PERIOD, 'xlsx')).toBe('消费帮扶明细_张三_2026-01-01至2026-12-31.xlsx');
    expect(memberFileName({ name: '', unit: '' }, {}, 'csv')).toBe('消费帮扶明细_未署名_最早至最新.csv');
  });
});
