import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { type Message, zhText } from '../../lib/i18n/message';
import {
  emptyUnsoldDraft,
  matchesSearch,
  normalizePhone,
  type UnsoldDraft,
  unsoldFromDraft,
  validateUnsoldDraft,
} from '../../lib/unsold/entry';
import { readUnsoldFile, unsoldCsvBytes, unsoldXlsxBytes } from '../../lib/unsold/file';

const draft = (over: Partial<UnsoldDraft>): UnsoldDraft => ({
  ...emptyUnsoldDraft(),
  product: '黄花菜',
  variety: '冲里花',
  quantity: '2000',
  unit: '斤',
  expectedPrice: '12.5',
  harvestStart: '2026-06-01',
  harvestEnd: '2026-07-15',
  county: '祁东县',
  producer: '李桂英',
  householdType: '脱贫户',
  phone: '138 0734 1234',
  ...over,
});

/** A message as the zh-CN interface shows it. */
const zhOf = (m: Message | undefined) => m && zhText(m);

describe('unsold register entries', () => {
  it('takes a valid entry, placing it by its county', () => {
    expect(validateUnsoldDraft(draft({}))).toEqual({});
    expect(unsoldFromDraft(draft({}), { id: 'u1', today: '2026-05-20' })).toMatchObject({
      product: '黄花菜',
      quantity: 2000,
      openQuantity: 2000,
      expectedPriceFen: 1250,
      countyCode: '430426',
      city: '衡阳市',
      province: '湖南省',
      phone: '13807341234',
      status: 'open',
    });
  });

  it('names what is wrong, in Chinese', () => {
    expect(zhOf(validateUnsoldDraft(draft({ quantity: '0' })).quantity)).toBe('数量应大于 0');
    expect(zhOf(validateUnsoldDraft(draft({ quantity: '-3' })).quantity)).toBe('数量应大于 0');
    expect(zhOf(validateUnsoldDraft(draft({ harvestEnd: '2026-05-01' })).harvestEnd)).toBe('采收结束不能早于采收开始');
    expect(zhOf(validateUnsoldDraft(draft({ phone: '12345' })).phone)).toMatch(/手机号/);
    expect(zhOf(validateUnsoldDraft(draft({ county: '不存在县' })).county)).toMatch(/找不到/);
    expect(zhOf(validateUnsoldDraft(draft({ producer: ' ' })).producer)).toMatch(/生产者/);
    expect(zhOf(validateUnsoldDraft(draft({ openQuantity: '3000' })).openQuantity)).toBe('剩余数量不能大于总数量');
  });

  it('accepts mainland mobile and landline numbers, and refuses others', () => {
    expect(normalizePhone('+86 138-0734-1234'.replace(/-/g, ''))).toBe('13807341234');
    expect(normalizePhone('0734-6123456')).toBe('0734-6123456');
    expect(normalizePhone('010-12345678-801')).toBe('010-12345678-801');
    expect(normalizePhone('12807341234')).toBeUndefined();
    expect(normalizePhone('8613807341234')).toBe('13807341234');
    expect(normalizePhone('734-6123456')).toBeUndefined();
  });

  it('is found by Chinese, full pinyin or initials', () => {
    const good = unsoldFromDraft(draft({}), { id: 'u1', today: '2026-05-20' });
    for (const q of ['黄花', 'huanghuacai', 'HHC', 'qidong', '李桂英', 'lgy'])
      expect(matchesSearch(good, q)).toBe(true);
    for (const q of ['苹果', 'pingguo', 'xyz']) expect(matchesSearch(good, q)).toBe(false);
  });
});

describe('register files', () => {
  const goods = [
    unsoldFromDraft(draft({}), { id: 'u1', today: '2026-05-20' }),
    unsoldFromDraft(draft({ product: '=脐橙', county: '秭归县', phone: '', perishable: true }), {
      id: 'u2',
      today: '2026-05-20',
    }),
  ];

  it('writes phone numbers only when asked', () => {
    const without = XLSX.read(unsoldXlsxBytes(goods, { withPhone: false }), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(without.Sheets[without.SheetNames[0] as string] as XLSX.WorkSheet, {
      header: 1,
    });
    expect(rows[0]).not.toContain('电话');
    expect(JSON.stringify(rows)).not.toContain('13807341234');
    const csv = new TextDecoder().decode(unsoldCsvBytes(goods, { withPhone: true }));
    expect(csv.split('\r\n')[0]).toContain('电话');
    expect(csv).toContain('13807341234');
    expect(csv).toContain("'=脐橙");
  });

  it('reads back what it wrote, and names each bad row', () => {
    let n = 0;
    const back = readUnsoldFile(
      { name: 'r.xlsx', bytes: unsoldXlsxBytes(goods, { withPhone: true }) },
      { today: '2026-05-21', newId: () => `n${++n}` },
    );
    expect(back.rejected).toEqual([]);
    expect(back.goods.map((g) => [g.product, g.countyCode, g.phone, g.perishable, g.openQuantity])).toEqual([
      ['黄花菜', '430426', '13807341234', false, 2000],
      ['=脐橙', '420527', undefined, true, 2000],
    ]);
    const text =
      '\uFEFF产品,数量,单位,生产者,电话,县\r\n土豆,500,斤,王五,0734-6123456,祁东县\r\n白菜,0,斤,赵六,,祁东县\r\n萝卜,100,斤,,,祁东县\r\n';
    const report = readUnsoldFile(
      { name: 'hand.csv', bytes: new TextEncoder().encode(text) },
      { today: '2026-05-21', newId: () => 'x' },
    );
    expect(report.rowsRead).toBe(3);
    expect(report.goods.map((g) => g.product)).toEqual(['土豆']);
    expect(report.rejected.map((r) => ({ ...r, reason: zhText(r.reason) }))).toEqual([
      { rowNumber: 3, column: '数量', reason: '数量应大于 0' },
      { rowNumber: 4, column: '生产者', reason: '请填写生产者（农户或合作社）' },
    ]);
  });

  it('refuses a file that is not a register, naming the missing columns', () => {
    const text = '\uFEFF产品,备注\r\n土豆,好吃\r\n';
    expect(
      zhOf(
        readUnsoldFile(
          { name: 'x.csv', bytes: new TextEncoder().encode(text) },
          { today: '2026-05-21', newId: () => 'x' },
        ).error,
      ),
    ).toBe('「x.csv」缺少必需的列：数量、生产者。');
  });
});
