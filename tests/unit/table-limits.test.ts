import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCatalogueFile } from '../../lib/catalogue/import';
import { message, zhText } from '../../lib/i18n/message';
import { declaredZipBreach, MAX_CELL_CHARS, MAX_COLUMNS, zipBreach } from '../../lib/tables/limits';
import { checkTableFileLimits, readTableFile, TableFileError } from '../../lib/tables/table';
import { xlsxBomb } from '../zip-bomb';

const known = (cell: string) => ['产品名称', '供应商', '价格'].includes(cell.trim());
const options = { isKnownHeader: known, noHeaderMessage: 'table.noHeader.catalogue' as const };
const today = '2026-01-01';

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.charCodeAt(0))];
  units.forEach((u, i) => {
    out[2 * i + (endian === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = u >> 8;
  });
  return out;
}

function caught(run: () => unknown): TableFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof TableFileError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('zip limits before SheetJS', () => {
  it('refuses a bomb by its declared size, naming the entry', async () => {
    const bytes = await xlsxBomb(200);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(declaredZipBreach(bytes)).toEqual({ limit: 'inflatedEntry', mb: 160, entry: 'xl/sharedStrings.xml' });
    const error = caught(() => readTableFile({ name: 'bomb.xlsx', bytes }, options));
    expect(error.message).toBe(
      '「bomb.xlsx」解压后超过 160 MB（其中 xl/sharedStrings.xml 一项就超过），不像正常的表格，未读取任何内容。',
    );
    expect(error.reason.key).toBe('table.zipBombEntry');
  });

  it('refuses a bomb whose directory lies, by inflating it as a stream', async () => {
    const bytes = await xlsxBomb(200, { lie: true });
    expect(declaredZipBreach(bytes)).toBeUndefined();
    expect(await zipBreach(bytes)).toEqual({ limit: 'inflatedEntry', mb: 160, entry: 'xl/sharedStrings.xml' });
    await expect(checkTableFileLimits({ name: 'liar.xlsx', bytes })).rejects.toThrow('解压后超过 160 MB');
  });

  it('counts the total of many entries within the per-entry limit', async () => {
    const bytes = await xlsxBomb(3, { lie: true });
    expect(await zipBreach(bytes, { total: 2 * 1024 * 1024, entry: 10 * 1024 * 1024 })).toEqual({
      limit: 'inflated',
      mb: 2,
    });
    expect(await zipBreach(bytes)).toBeUndefined();
  });
});

describe('cells, columns and encodings', () => {
  it('reads UTF-16 LE and BE, with and without BOM', () => {
    const text = '产品名称,供应商\r\n黄花菜,祁东县合作社\r\n';
    for (const endian of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        const table = readTableFile({ name: 'u.csv', bytes: utf16(text, endian, bom) }, options);
        expect(table.encoding).toBe(`utf-16${endian}`);
        expect(table.headers).toEqual(['产品名称', '供应商']);
        expect(table.rows).toEqual([{ rowNumber: 2, cells: ['黄花菜', '祁东县合作社'] }]);
      }
    }
  });

  it('refuses a too-long cell naming its row and column', () => {
    const csv = `产品名称,供应商\n黄花菜,${'甲'.repeat(MAX_CELL_CHARS + 1)}\n`;
    const error = caught(() => readTableFile({ name: 'long.csv', bytes: new TextEncoder().encode(csv) }, options));
    expect(error.message).toContain('第 2 行「供应商」列');
    expect(error.reason).toEqual({
      key: 'table.cellTooLong',
      params: { row: 2, column: '供应商', length: MAX_CELL_CHARS + 1, max: MAX_CELL_CHARS },
    });
  });

  it('refuses a row of too many columns', () => {
    const csv = `产品名称,供应商\n${'x,'.repeat(MAX_COLUMNS + 1)}\n`;
    const error = caught(() => readTableFile({ name: 'wide.csv', bytes: new TextEncoder().encode(csv) }, options));
    expect(error.reason.key).toBe('table.tooManyColumns');
    expect(error.reason.params?.row).toBe(2);
  });

  it('reports a stray quote with its row, and duplicate headers naming both columns', () => {
    const csv = '产品名称,供应商,品名\n黄花菜,甲合作社,x\n"腊肉,乙合作社,y\n茶叶,丙合作社,z\n';
    const reading = parseCatalogueFile({ name: 'q.csv', bytes: new TextEncoder().encode(csv) }, { today });
    const messages = reading.plan.warnings.map((w) => `${w.rowNumber}:${zhText(w.message)}`);
    expect(messages).toContain(
      '1:表头「品名」（第 3 列）与「产品名称」（第 1 列）是同一列：只读第 1 列，第 3 列作为附加信息保留。',
    );
    expect(messages.some((m) => m.startsWith('3:') && m.includes('引号不成对'))).toBe(true);
  });

  it('keeps order numbers and credit codes with leading zeros as text in a CSV', () => {
    const csv = '产品名称,供应商,价格\n黄花菜,甲,0012345678901234567\n';
    const table = readTableFile({ name: 'z.csv', bytes: new TextEncoder().encode(csv) }, options);
    expect(table.rows[0]?.cells[2]).toBe('0012345678901234567');
  });
});

describe('the report CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const { problemsCsv } = await import('../../lib/catalogue/report');
    const csv = '产品名称,供应商,=HYPERLINK("http://x","y")\n黄花菜,,1\n';
    const reading = parseCatalogueFile({ name: 'f.csv', bytes: new TextEncoder().encode(csv) }, { today });
    const text = new TextDecoder().decode(
      problemsCsv({
        ...reading.plan,
        warnings: [
          ...reading.plan.warnings,
          { rowNumber: 9, column: '@x', message: message('error.text', { text: '+1' }) },
        ],
      }),
    );
    const cells = Papa.parse<string[]>(text.replace(/^\uFEFF/, '')).data.flat();
    expect(cells).toContain("'@x");
    expect(cells).toContain("'+1");
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
