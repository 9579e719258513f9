import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { commitCatalogueImport, parseCatalogueFile, TableFileError } from '../../lib/catalogue/import';
import { importCatalogueInParts, readCataloguePart, splitCatalogueFile } from '../../lib/catalogue/parts';
import { ReliefDb } from '../../lib/db/schema';
import type { CsvSplit } from '../../lib/tables/csv-parts';
import { MAX_CELL_CHARS, MAX_COLUMNS } from '../../lib/tables/limits';

const TODAY = '2026-11-25';
const enc = (text: string) => new TextEncoder().encode(text);
const options = { sourceId: 'src:全国', today: TODAY };

/** 120 good rows with long (but allowed) notes, so the bad row is not most of the file's bytes. */
const goodRows = () => Array.from({ length: 120 }, (_, i) => `产品${i},供应商${i}公司,${i}kg ${'说明'.repeat(1500)}`);

/** The good rows under a header, data row `bad` (1-based) replaced by `row`. */
function fileWith(bad: number, row: string): Uint8Array {
  const rows = goodRows().map((good, i) => (i + 1 === bad ? row : good));
  return enc(`产品名称,供应商,规格\n${rows.join('\n')}\n`);
}

/** The part holding record `record` (1-based, the header being record 1). */
const partOf = (split: CsvSplit, record: number) => split.parts.findLastIndex((part) => part.firstRecord < record);

/** What a call throws, as the error's message (or a note that it did not throw). */
function thrown(read: () => unknown): string {
  try {
    read();
    return 'did not throw';
  } catch (error) {
    expect(error).toBeInstanceOf(TableFileError);
    return (error as Error).message;
  }
}

async function storedHash(db: ReliefDb): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]));
  return createHash('sha256').update(JSON.stringify(tables)).digest('hex');
}

let dbs = 0;
/** A database holding last year's list, which a refused import must leave as it was. */
async function withOldList(): Promise<ReliefDb> {
  const db = new ReliefDb(`parts-limits-${++dbs}`);
  const old = parseCatalogueFile({ name: '全国.csv', bytes: enc('产品名称,供应商\n旧,公司\n') }, { today: TODAY });
  await commitCatalogueImport(db, old, { importedAt: '2026-11-01T00:00:00Z' });
  return db;
}

const cases: [string, string, RegExp][] = [
  [
    'a cell past 32,767 characters',
    `黄花菜,湘祁公司,${'斤'.repeat(MAX_CELL_CHARS + 1)}`,
    /^「全国\.csv」第 \d+ 行「规格」列的单元格有 32768 个字符/,
  ],
  [
    'a row of more than 512 columns',
    `黄花菜,湘祁公司${',x'.repeat(MAX_COLUMNS)}`,
    /^「全国\.csv」第 \d+ 行有 514 列，超过上限 512 列/,
  ],
];

describe('a catalogue read in parts keeps the limits of a whole reading', () => {
  for (const [what, row, says] of cases) {
    it(`refuses ${what} in a later part with the whole reading's error, naming file, row and column`, async () => {
      const bytes = fileWith(100, row);
      const file = { name: '全国.csv', bytes };
      const split = splitCatalogueFile(file, 3, 600);
      expect(split?.parts).toHaveLength(3);
      if (!split) throw new Error('expected three parts');
      // The bad row (row 101 of the file: the header is row 1) lies in a later part.
      const index = partOf(split, 101);
      expect(index).toBeGreaterThan(0);
      const last = split.parts[index];
      if (!last) throw new Error('no such part');

      const wholeError = thrown(() => parseCatalogueFile(file, { today: TODAY }));
      expect(wholeError).toMatch(says);
      expect(wholeError).toContain('第 101 行');
      const partError = thrown(() => readCataloguePart(bytes.subarray(last.start, last.end), split, index, options));
      expect(partError).toBe(wholeError);
      // The other parts are clean.
      split.parts.forEach((part, other) => {
        if (other === index) return;
        expect(() => readCataloguePart(bytes.subarray(part.start, part.end), split, other, options)).not.toThrow();
      });

      // Imported as the page imports it: refused with that message, the old list untouched.
      const db = await withOldList();
      const before = await storedHash(db);
      await expect(
        importCatalogueInParts(db, file, { today: TODAY, importedAt: '2026-11-25T00:00:00Z' }, 3, 600),
      ).rejects.toThrow(wholeError);
      expect(await storedHash(db)).toBe(before);
    });
  }

  it('refuses a too-long cell in the first part, and in the header row, as the whole reading does', () => {
    const inFirst = fileWith(3, `黄花菜,${'公'.repeat(MAX_CELL_CHARS + 5)},1kg`);
    const split = splitCatalogueFile({ name: '全国.csv', bytes: inFirst }, 3, 600);
    const first = split?.parts[0];
    if (!split || !first) throw new Error('expected a split');
    expect(partOf(split, 4)).toBe(0);
    const wholeError = thrown(() => parseCatalogueFile({ name: '全国.csv', bytes: inFirst }, { today: TODAY }));
    expect(wholeError).toContain('第 4 行「供应商」列');
    expect(thrown(() => readCataloguePart(inFirst.subarray(0, first.end), split, 0, options))).toBe(wholeError);

    const longHeader = `产品名称,供应商,${'备'.repeat(MAX_CELL_CHARS + 1)}`;
    const headed = enc(`${longHeader}\n${goodRows().join('\n')}\n`);
    const headSplit = splitCatalogueFile({ name: '全国.csv', bytes: headed }, 3, 600);
    const head = headSplit?.parts[0];
    if (!headSplit || !head) throw new Error('expected a split');
    const wholeHeadError = thrown(() => parseCatalogueFile({ name: '全国.csv', bytes: headed }, { today: TODAY }));
    expect(wholeHeadError).toContain('第 1 行');
    expect(thrown(() => readCataloguePart(headed.subarray(0, head.end), headSplit, 0, options))).toBe(wholeHeadError);
  });
});
