import { describe, expect, it } from 'vitest';
import { parseCatalogueFile } from '../../lib/catalogue/import';

const read = (text: string) =>
  parseCatalogueFile({ name: 'x.csv', bytes: new TextEncoder().encode(text) }, { today: '2026-11-25' }).plan.entries;

describe('CSV delimiters', () => {
  it('reads comma, tab and semicolon files, and commas inside quotes', () => {
    expect(read('产品名称,供应商\n黄花菜,甲公司\n')[0]?.supplier).toBe('甲公司');
    expect(read('产品名称\t供应商\n黄花菜\t甲公司\n')[0]?.supplier).toBe('甲公司');
    expect(read('产品名称;供应商\n黄花菜;甲公司\n')[0]?.supplier).toBe('甲公司');
    expect(read('产品名称,供应商\n"黄花菜,干货","甲公司"\n')[0]?.name).toBe('黄花菜,干货');
  });
});
