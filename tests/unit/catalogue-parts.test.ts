import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { commitCatalogueImport, parseCatalogueFile } from '../../lib/catalogue/import';
import {
  commitPartedReading,
  dropEntries,
  importCatalogueInParts,
  partReport,
  readLaterPart,
  readSplitCatalogue,
  splitCatalogueFile,
} from '../../lib/catalogue/parts';
import { readAllEntries, stageChunks } from '../../lib/catalogue/store';
import type { CatalogueEntry } from '../../lib/db/entities';
import { ReliefDb } from '../../lib/db/schema';

const TODAY = '2026-11-25';
const enc = (text: string) => new TextEncoder().encode(text);
const whole = (name: string, bytes: Uint8Array) => parseCatalogueFile({ name, bytes }, { today: TODAY });
let inPartsDbs = 0;
/**
 * The file imported in parts by the code the workers run (read split, the
 * helpers' parts staged, published), and the entries read back from the
 * database: what a user's import lands, beside the whole reading's plan.
 */
async function inParts(name: string, bytes: Uint8Array, parts: number, minPartBytes: number) {
  const db = new ReliefDb(`in-parts-${++inPartsDbs}`);
  try {
    const { reading } = await importCatalogueInParts(
      db,
      { name, bytes },
      { today: TODAY, importedAt: '2026-11-25T00:00:00Z' },
      parts,
      minPartBytes,
    );
    return { ...reading, plan: { ...reading.plan, entries: await readAllEntries(db) } };
  } finally {
    await db.delete();
  }
}

/** A CSV cell as a writer quotes it: quoted when it holds a delimiter, a quote or a line break. */
const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

describe('a catalogue read in parts', () => {
  it('is cut at record boundaries, quoted line breaks and all', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `"黄花菜${i}\n第二行",公司${i},"规格 ""${i}"""`);
    const bytes = enc(`产品名称,供应商,规格\n${rows.join('\n')}\n`);
    const split = splitCatalogueFile({ name: 'a.csv', bytes }, 3, 300);
    expect(split?.parts).toHaveLength(3);
    for (const part of split?.parts.slice(1) ?? []) {
      expect(bytes[part.start - 1]).toBe(0x0a);
      expect(bytes[part.start]).toBe(0x22); // every record here starts with a quoted name
    }
    expect(await inParts('a.csv', bytes, 3, 300)).toEqual(whole('a.csv', bytes));
  });

  it('judges duplicates across parts as a whole reading does', async () => {
    const filler = Array.from({ length: 30 }, (_, i) => `填充${i},填充公司${i},FPX${i}`);
    const rows = [
      '黄花菜,湘祁公司,FP001',
      ...filler,
      // After the cut: a repeat of row 2's certificate (a duplicate, so not kept) …
      '腊肉,巴山合作社,FP001',
      // … so this row, with the duplicate's supplier and product but its own certificate, is kept.
      '腊肉,巴山合作社,FP002',
      '黄花菜,湘祁公司,FP003',
    ];
    const bytes = enc(`产品名称,供应商,证书编号\n${rows.join('\n')}\n`);
    expect(splitCatalogueFile({ name: 'd.csv', bytes }, 2, 400)?.parts).toHaveLength(2);
    const reading = await inParts('d.csv', bytes, 2, 400);
    expect(reading).toEqual(whole('d.csv', bytes));
    expect(reading.plan.duplicates.map((d) => [d.rowNumber, d.firstRow])).toEqual([
      [33, 2],
      [35, 2],
    ]);
    expect(reading.plan.entries.map((e) => e.id.split('#')[1])).toContain('34');
  });

  it('reads the file whole when a quote error may have misplaced the cut', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `名称${i},公司${i}`);
    rows[25] = '"未闭合的引号,公司'; // opens a quoted field that never closes
    const bytes = enc(`产品名称,供应商\n${rows.join('\n')}\n`);
    expect(await inParts('q.csv', bytes, 2, 200)).toEqual(whole('q.csv', bytes));
  });

  it('reads a GBK file whose later part is plain ASCII as the whole reading does (GB18030)', async () => {
    const head = Array.from({ length: 20 }, (_, i) => `黄花菜${i},湘祁公司${i}`);
    const tail = Array.from({ length: 20 }, (_, i) => `Honey ${i},Farm ${i}`);
    const bytes = new Uint8Array(iconv.encode(`产品名称,供应商\n${[...head, ...tail].join('\n')}\n`, 'gbk'));
    const reading = await inParts('g.csv', bytes, 2, 300);
    expect(reading.table.encoding).toBe('gb18030');
    expect(reading).toEqual(whole('g.csv', bytes));
  });

  it('equals a whole reading for any file: quotes, line breaks, blank rows, BOM, CRLF, GBK, duplicates', async () => {
    const word = fc.constantFrom('黄花菜', '腊肉', '银耳', '脐橙', '12"', 'a,b', '"引号"', '多\n行', ' ', '');
    const supplier = fc.constantFrom('湘祁公司', '巴山合作社', '通江县银耳合作社', '', '公司,"甲"');
    const certificate = fc.constantFrom('', 'FP1', 'FP2', 'FP3', 'FP4');
    const county = fc.constantFrom('', '祁东县', '城口县', '不存在县');
    const row = fc.tuple(word, supplier, certificate, county, fc.constantFrom('', '有效', '撤销', '=SUM(1)'));
    const file = fc.record({
      rows: fc.array(fc.oneof({ weight: 9, arbitrary: row }, { weight: 1, arbitrary: fc.constant(null) }), {
        minLength: 10,
        maxLength: 120,
      }),
      title: fc.boolean(),
      newline: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      gbk: fc.boolean(),
      parts: fc.integer({ min: 2, max: 4 }),
      minPartBytes: fc.integer({ min: 40, max: 200 }),
    });
    let split = 0;
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const lines = [
          ...(f.title ? ['全国扶贫产品目录（第七批）,,,,'] : []),
          '产品名称,供应商,证书编号,县,状态',
          ...f.rows.map((r) => (r ? r.map(quoted).join(',') : '')),
        ];
        const text = `${lines.join(f.newline)}${f.newline}`;
        const bytes = f.gbk ? new Uint8Array(iconv.encode(text, 'gbk')) : enc(f.bom ? `\uFEFF${text}` : text);
        if ((splitCatalogueFile({ name: 'p.csv', bytes }, f.parts, f.minPartBytes)?.parts.length ?? 0) > 1) split++;
        expect(await inParts('p.csv', bytes, f.parts, f.minPartBytes)).toEqual(whole('p.csv', bytes));
      }),
      { numRuns: 300, seed: 832 },
    );
    // The property says something only if most files were really cut.
    expect(split).toBeGreaterThan(200);
  });
});

describe('writing a catalogue read in parts', () => {
  // Certificates repeat every 50 rows: later parts have duplicates of earlier ones to drop.
  const rows = Array.from({ length: 120 }, (_, i) => `产品${i},供应商${i % 70}公司,FP${i % 50}`);
  const bytes = enc(`产品名称,供应商,证书编号\n${rows.join('\n')}\n`);
  let dbCount = 0;

  /** Reads the file in three parts in this thread, keeping each later part's entries as its helper would. */
  async function readInThreeParts() {
    const file = { name: '全国.csv', bytes };
    const split = splitCatalogueFile(file, 3, 600);
    if (split?.parts.length !== 3) throw new Error('expected three parts');
    const later: CatalogueEntry[][] = [];
    const parted = await readSplitCatalogue(file, { today: TODAY }, split, async (index, partBytes, s, options) => {
      const part = readLaterPart(partBytes, s, index, options);
      if (part) later[index - 1] = part.plan.entries;
      return part && partReport(part);
    });
    if (!parted) throw new Error('expected a reading in parts');
    const laterEntries = (index: number) => dropEntries(later[index - 1] ?? [], parted.drops[index - 1] ?? []);
    return { parted, laterEntries };
  }

  /** A database holding last year's 全国 list, one entry, which the new reading replaces. */
  async function withOldList() {
    const db = new ReliefDb(`parts-${++dbCount}`);
    const old = parseCatalogueFile({ name: '全国.csv', bytes: enc('产品名称,供应商\n旧,公司\n') }, { today: TODAY });
    await commitCatalogueImport(db, old, { importedAt: '2026-11-01T00:00:00Z' });
    return db;
  }

  it('lands every part at once, the entries of a whole reading in file order', async () => {
    const db = await withOldList();
    const { parted, laterEntries } = await readInThreeParts();
    const source = await commitPartedReading(db, parted, { importedAt: '2026-11-02T00:00:00Z' }, (index, set, first) =>
      stageChunks(db, set, laterEntries(index), first),
    );
    const expected = whole('全国.csv', bytes).plan.entries;
    expect(parted.drops.flat().length).toBeGreaterThan(0);
    expect(source.rowCount).toBe(expected.length);
    expect(await readAllEntries(db)).toEqual(expected);
  });

  it('changes nothing when a later part cannot be written, and leaves no chunk behind', async () => {
    const db = await withOldList();
    const { parted, laterEntries } = await readInThreeParts();
    await expect(
      commitPartedReading(db, parted, { importedAt: '2026-11-02T00:00:00Z' }, async (index, set, first) => {
        if (index === 2) throw new Error('磁盘已满');
        await stageChunks(db, set, laterEntries(index), first);
      }),
    ).rejects.toThrow('磁盘已满');
    expect((await readAllEntries(db)).map((e) => e.name)).toEqual(['旧']);
    expect(await db.catalogueChunks.count()).toBe(1);
  });
});
