import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../lib/backup';
import {
  commitCatalogueImport,
  deleteSource,
  listSources,
  parseCatalogueFile,
  TableFileError,
} from '../../lib/catalogue/import';
import {
  chunkCount,
  chunkEntries,
  discardChunkSet,
  hasStaleMatchKeys,
  newChunkSet,
  publishSource,
  readAllEntries,
  refreshMatchKeys,
  stageChunks,
} from '../../lib/catalogue/store';
import { ReliefDb } from '../../lib/db/schema';
import { type Message, zhText } from '../../lib/i18n/message';
import { deriveMatchKeys, MATCH_KEY_RULES } from '../../lib/match/build-index';
import { DEFAULT_SETTINGS } from '../../lib/settings-defaults';
import { FIXTURES } from './helpers';

const TODAY = '2026-11-25';
const enc = (text: string) => new TextEncoder().encode(text);
const parse = (name: string, bytes: Uint8Array, sourceName?: string) =>
  parseCatalogueFile({ name, bytes }, { today: TODAY, sourceName });

function xlsxBytes(rows: unknown[][], edit?: (ws: XLSX.WorkSheet) => void): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  edit?.(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '目录');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

let dbCount = 0;
const freshDb = () => new ReliefDb(`catalogue-test-${++dbCount}`);

/** Problems as the zh-CN interface shows them. */
const inChinese = <T extends { message: Message }>(problems: T[]) =>
  problems.map((p) => ({ ...p, message: zhText(p.message) }));

describe('a GBK CSV as Excel saves it, with bad rows', () => {
  const bytes = new Uint8Array(readFileSync(`${FIXTURES}catalogues/gbk-excel-with-bad-rows.csv`));
  const reading = parse('第七批目录.csv', bytes);
  const { plan } = reading;

  it('detects GBK and reads every row', () => {
    expect(reading.table.encoding).toBe('gb18030');
    expect(plan.rowsRead).toBe(9);
    expect(reading.sourceName).toBe('第七批目录');
  });

  it('keeps the valid rows with their fields read', () => {
    expect(plan.entries.map((e) => e.name)).toEqual(['祁东黄花菜', '城口老腊肉', '秭归脐橙', '孟连咖啡', '寻乌蜜桔']);
    const first = plan.entries[0];
    expect(first).toMatchObject({
      certificateNo: 'FP2020430426001',
      supplier: '祁东县湘祁黄花菜开发有限公司',
      county: '祁东县',
      countyCode: '430426',
      certifiedOn: '2020-09-02',
      validUntil: '2025-12-31',
      status: 'expired',
      batch: '第七批',
      storefronts: [{ platform: 'jd', shopName: '湘祁黄花菜旗舰店', itemIds: ['100012345678'] }],
      itemKeys: ['jd:100012345678'],
    });
    expect(plan.entries[1]?.certifiedOn).toBe('2020-09-02');
    expect(plan.entries[4]?.certifiedOn).toBe('2020-09-02');
    expect(plan.entries[2]?.itemKeys).toEqual(['taobao:600123456789']);
  });

  it('names each rejected row, its column and the reason', () => {
    expect(inChinese(plan.rejected)).toEqual([
      { rowNumber: 5, column: '产品名称', message: '缺少产品名称' },
      { rowNumber: 6, column: '供应商', message: '缺少供应商' },
      { rowNumber: 7, column: '认定日期', message: '日期无法识别：「2021-13-45」' },
    ]);
  });

  it('reports duplicates against the first row', () => {
    expect(inChinese(plan.duplicates)).toEqual([
      { rowNumber: 9, firstRow: 2, message: '证书编号 FP2020430426001 重复' },
    ]);
  });

  it('warns about a bad credit code and expired validity, without rejecting', () => {
    const byRow = (n: number) => plan.warnings.filter((w) => w.rowNumber === n).map((w) => w.column);
    expect(byRow(4)).toEqual(['统一社会信用代码']);
    expect(byRow(8)).toEqual(['有效期至']);
    expect(plan.entries.find((e) => e.name === '孟连咖啡')?.status).toBe('expired');
  });

  it('keeps columns it does not know', () => {
    expect(plan.extraColumns).toEqual(['备注']);
    expect(plan.entries[1]?.extra).toEqual({ 备注: '手工熏制' });
  });
});

describe('headers, encodings and formats', () => {
  it('reads UTF-8 with a BOM, header aliases, full-width text and a title row above the header', () => {
    const csv =
      '\uFEFF全国扶贫产品目录（第七批）,,\n商品名称,生产企业,所在县,有效期\n黄花菜，干货,湘祁公司,祁东县,２０３０／１／１\n';
    const { plan, table } = parse('list.csv', enc(csv));
    expect(table.encoding).toBe('utf-8');
    expect(plan.entries).toHaveLength(1);
    expect(plan.entries[0]).toMatchObject({
      name: '黄花菜,干货',
      supplier: '湘祁公司',
      validUntil: '2030-01-01',
      status: 'valid',
    });
    expect(plan.entries[0]?.id).toContain('#3');
  });

  it('reads XLSX with Excel serial dates and reports formulas without evaluating them', () => {
    const bytes = xlsxBytes(
      [
        ['产品名称', '供应商', '认定日期', '有效期至', '规格'],
        ['秭归脐橙', '屈乡合作社', 44076, '2099/12/31', '5kg'],
        ['城口腊肉', '巴山合作社', 44076, '2099/12/31', 0],
      ],
      (ws) => {
        ws.E3 = { t: 'n', v: 2, f: 'SUM(1,1)' };
      },
    );
    const { plan, table } = parse('list.xlsx', bytes);
    expect(table.format).toBe('xlsx');
    expect(plan.entries.map((e) => e.certifiedOn)).toEqual(['2020-09-02', '2020-09-02']);
    expect(inChinese(plan.warnings)).toEqual([
      { rowNumber: 3, column: '规格', message: '单元格含公式 =SUM(1,1)，未计算，按文件中保存的值读取' },
    ]);
  });

  it('keeps a CSV formula as text and says so', () => {
    const { plan } = parse('f.csv', enc('产品名称,供应商\n=HYPERLINK("http://x"),某合作社\n'));
    expect(plan.entries[0]?.name).toBe('=HYPERLINK("http://x")');
    expect(plan.warnings[0]).toMatchObject({ rowNumber: 2, column: '产品名称' });
  });

  it('lists warnings in row order, a formula among the others', () => {
    const csv = '产品名称,供应商,状态\n黄花菜,湘祁合作社,待定\n=A2,巴山合作社,有效\n银耳,通江合作社,未知\n';
    const { plan } = parse('order.csv', enc(csv));
    expect(plan.warnings.map((w) => [w.rowNumber, w.column])).toEqual([
      [2, '状态'],
      [3, '产品名称'],
      [4, '状态'],
    ]);
  });

  it('finds the header in the tenth row, and not below it', () => {
    const titles = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}行说明,,`).join('\n');
    const tenth = parse('t.csv', enc(`${titles(9)}\n产品名称,供应商\n黄花菜,湘祁合作社\n\n银耳,通江合作社\n`));
    expect(tenth.plan.entries.map((e) => [e.name, e.id.split('#')[1]])).toEqual([
      ['黄花菜', '11'],
      ['银耳', '13'],
    ]);
    expect(() => parse('t.csv', enc(`${titles(10)}\n产品名称,供应商\n黄花菜,湘祁合作社\n`))).toThrow('找不到');
    expect(() => parse('t.csv', enc(`${'\n'.repeat(12)}产品名称,供应商\n`))).toThrow('找不到');
    expect(() => parse('t.csv', enc(',,\n'.repeat(30)))).toThrow('是空的');
  });

  it('reads JSON arrays of objects', () => {
    const json = JSON.stringify([
      { 产品名称: '通江银耳', 供应商: '通江县银耳合作社', 县: '通江县', 别名: ['银耳', '白木耳'] },
    ]);
    const { plan } = parse('list.json', enc(json));
    expect(plan.entries[0]).toMatchObject({ name: '通江银耳', countyCode: '511921', aliases: ['银耳', '白木耳'] });
  });
});

describe('bad files get a clear message', () => {
  const message = (name: string, bytes: Uint8Array) => {
    try {
      parse(name, bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(TableFileError);
      return (error as Error).message;
    }
    throw new Error('expected the file to be refused');
  };

  it('an empty file', () => {
    expect(message('empty.csv', new Uint8Array())).toBe('「empty.csv」是空的（0 字节）。');
    expect(message('blank.csv', enc('\n\n'))).toContain('是空的');
  });
  it('a file that is not a table', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(message('photo.csv', png)).toContain('不是表格文件');
    expect(message('notes.txt', enc('今天天气很好\n明天也是'))).toContain('找不到');
    expect(message('x.json', enc('{"a":1}'))).toContain('不是表格');
  });
  it('no supplier column', () => {
    expect(message('x.csv', enc('产品名称,县\n黄花菜,祁东县\n'))).toBe('「x.csv」缺少必需的列："供应商"');
  });
  it('a truncated XLSX', () => {
    const whole = xlsxBytes([
      ['产品名称', '供应商'],
      ['a', 'b'],
    ]);
    expect(message('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)))).toContain('已损坏或不完整');
  });
  it('a 50 MB file is refused with its size, not parsed', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    expect(message('huge.csv', big)).toBe('「huge.csv」太大（50.0 MB）：最多 40.0 MB。请拆分成几个文件后分别导入。');
    expect(message('huge.xlsx', big)).toContain('太大（50.0 MB）');
  });
});

describe('writing an import', () => {
  const csv = (rows: string) => enc(`产品名称,供应商\n${rows}`);

  it('writes all valid rows in one go, and re-importing the source replaces them', async () => {
    const db = freshDb();
    await commitCatalogueImport(db, parse('目录.csv', csv('甲,公司一\n乙,公司二\n')), {
      importedAt: '2026-11-01T00:00:00Z',
    });
    expect(await readAllEntries(db)).toHaveLength(2);
    await commitCatalogueImport(db, parse('目录.csv', csv('丙,公司三\n')), { importedAt: '2026-11-02T00:00:00Z' });
    expect((await readAllEntries(db)).map((e) => e.name)).toEqual(['丙']);
    expect(await listSources(db)).toMatchObject([{ name: '目录', rowCount: 1, importedAt: '2026-11-02T00:00:00Z' }]);
  });

  it('writes nothing when any write fails, and keeps what was stored', async () => {
    const db = freshDb();
    await commitCatalogueImport(db, parse('old.csv', csv('旧,公司\n')), { importedAt: '2026-11-01T00:00:00Z' });
    // The old source is replaced by the same name; its last write (the source record) fails.
    const reading = parse('old.csv', csv('甲,公司一\n乙,公司二\n'));
    vi.spyOn(db.catalogueSources, 'put').mockRejectedValueOnce(new Error('disk full'));
    await expect(commitCatalogueImport(db, reading, { importedAt: '2026-11-02T00:00:00Z' })).rejects.toThrow(
      'disk full',
    );
    expect((await readAllEntries(db)).map((e) => e.name)).toEqual(['旧']);
    expect((await listSources(db)).map((s) => s.name)).toEqual(['old']);
  });

  it('stores entries in chunks of 1000, in file order', () => {
    const entries = Array.from({ length: 2500 }, (_, i) => ({ id: `s#${i}` }) as never);
    const chunks = chunkEntries('s', entries);
    expect(chunks.map((c) => [c.id, c.entries.length])).toEqual([
      ['s#chunk00000', 1000],
      ['s#chunk00001', 1000],
      ['s#chunk00002', 500],
    ]);
  });

  it('stores match keys with the entries, and brings keys of older rules up to date', async () => {
    const db = freshDb();
    const reading = parse(
      'a.csv',
      csv('祁东黄花菜,祁东县湘祁黄花菜开发有限公司\n城口老腊肉,城口县巴山老腊肉农民专业合作社\n'),
    );
    expect(reading.plan.entries.map((e) => e.matchKeys)).toEqual(reading.plan.entries.map(deriveMatchKeys));
    await commitCatalogueImport(db, reading, { importedAt: '2026-11-01T00:00:00Z' });
    // As an update that raised MATCH_KEY_RULES finds them: one entry from older rules, one with none.
    await db.catalogueChunks.toCollection().modify((chunk) => {
      const [first, second] = chunk.entries;
      if (first) first.matchKeys = { rules: MATCH_KEY_RULES - 1, cores: '旧', parties: ['旧'] };
      if (second) delete second.matchKeys;
    });
    expect((await readAllEntries(db)).filter(hasStaleMatchKeys)).toHaveLength(2);
    expect(await refreshMatchKeys(db)).toBe(2);
    const entries = await readAllEntries(db);
    expect(entries.filter(hasStaleMatchKeys)).toHaveLength(0);
    expect(entries.map((e) => e.matchKeys)).toEqual(reading.plan.entries.map((e) => e.matchKeys));
    expect(await refreshMatchKeys(db)).toBe(0);
  });

  it('deletes a source with its entries, leaving the others', async () => {
    const db = freshDb();
    await commitCatalogueImport(db, parse('a.csv', csv('甲,公司一\n')), { importedAt: '2026-11-01T00:00:00Z' });
    await commitCatalogueImport(db, parse('b.csv', csv('乙,公司二\n')), { importedAt: '2026-11-02T00:00:00Z' });
    await deleteSource(db, 'src:a');
    expect((await readAllEntries(db)).map((e) => e.name)).toEqual(['乙']);
    expect((await listSources(db)).map((s) => s.id)).toEqual(['src:b']);
  });

  describe('a list written in parts', () => {
    const entriesOf = (names: string[], sourceId = 'src:全国') =>
      names.map((name, i) => ({
        id: `${sourceId}#${i + 2}`,
        sourceId,
        name,
        supplier: '某合作社',
        supplierKey: '某',
        status: 'valid' as const,
      }));
    const source = (rowCount: number, chunkSet: string) => ({
      id: 'src:全国',
      name: '全国',
      rowCount,
      importedAt: '2026-11-02T00:00:00Z',
      sample: false,
      chunkSet,
    });
    const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

    it('is read by no one until published, then replaces the old entries in file order', async () => {
      const db = freshDb();
      await commitCatalogueImport(db, parse('全国.csv', csv('旧,公司\n')), { importedAt: '2026-11-01T00:00:00Z' });
      const first = entriesOf(many('甲', 1500));
      const second = entriesOf(many('乙', 700));
      const set = newChunkSet('src:全国');
      // The second part may land first: its chunks are numbered after the first part's.
      await stageChunks(db, set, second, chunkCount(first.length));
      await stageChunks(db, set, first);
      expect((await readAllEntries(db)).map((e) => e.name)).toEqual(['旧']);
      const backup = JSON.parse(await createBackup(db, DEFAULT_SETTINGS));
      expect(
        backup.tables.catalogueChunks.flatMap((c: { entries: { name: string }[] }) => c.entries.map((e) => e.name)),
      ).toEqual(['旧']);

      await publishSource(db, source(2200, set), chunkCount(1500) + chunkCount(700));
      expect((await readAllEntries(db)).map((e) => e.name)).toEqual([...many('甲', 1500), ...many('乙', 700)]);
      expect(await db.catalogueChunks.count()).toBe(3); // the old entry's chunk is gone
      expect(await listSources(db)).toMatchObject([{ id: 'src:全国', rowCount: 2200, chunkSet: set }]);
    });

    it('is refused when a part is missing, and nothing changes', async () => {
      const db = freshDb();
      await commitCatalogueImport(db, parse('全国.csv', csv('旧,公司\n')), { importedAt: '2026-11-01T00:00:00Z' });
      const set = newChunkSet('src:全国');
      await stageChunks(db, set, entriesOf(many('甲', 1500)));
      await expect(publishSource(db, source(2200, set), 3)).rejects.toThrow('未写全（2/3 块）');
      expect((await readAllEntries(db)).map((e) => e.name)).toEqual(['旧']);
      await discardChunkSet(db, set);
      expect(await db.catalogueChunks.count()).toBe(1);
    });

    it('replaces and deletes a source written before chunk sets (chunks under its own id)', async () => {
      const db = freshDb();
      // As stored before chunk sets: no chunkSet, the chunks carry the source id.
      await db.catalogueSources.put({
        id: 'src:全国',
        name: '全国',
        rowCount: 1,
        importedAt: '2026-01-01T00:00:00Z',
        sample: false,
      });
      await db.catalogueChunks.bulkAdd(chunkEntries('src:全国', entriesOf(['旧'])));
      expect((await readAllEntries(db)).map((e) => e.name)).toEqual(['旧']);
      const set = newChunkSet('src:全国');
      await stageChunks(db, set, entriesOf(['新']));
      await publishSource(db, source(1, set), 1);
      expect((await readAllEntries(db)).map((e) => e.name)).toEqual(['新']);
      expect(await db.catalogueChunks.count()).toBe(1);
      await deleteSource(db, 'src:全国');
      expect(await db.catalogueChunks.count()).toBe(0);
    });

    it('never takes the entries of a source named 甲@乙 for those of 甲', async () => {
      const db = freshDb();
      await commitCatalogueImport(db, parse('甲@乙.csv', csv('乙的产品,公司\n')), {
        importedAt: '2026-11-01T00:00:00Z',
      });
      await commitCatalogueImport(db, parse('甲.csv', csv('甲的产品,公司\n')), { importedAt: '2026-11-02T00:00:00Z' });
      await commitCatalogueImport(db, parse('甲.csv', csv('甲的新产品,公司\n')), {
        importedAt: '2026-11-03T00:00:00Z',
      });
      expect((await readAllEntries(db)).map((e) => e.name).sort()).toEqual(['乙的产品', '甲的新产品'].sort());
      await deleteSource(db, 'src:甲');
      expect((await readAllEntries(db)).map((e) => e.name)).toEqual(['乙的产品']);
      expect(await db.catalogueChunks.count()).toBe(1);
    });

    it('sweeps stagings left by a closed tab once they are an hour old, and no younger ones', async () => {
      const db = freshDb();
      const old = newChunkSet('src:其他', new Date(Date.now() - 2 * 60 * 60 * 1000));
      const young = newChunkSet('src:另一个', new Date(Date.now() - 60 * 1000));
      await stageChunks(db, old, entriesOf(['遗留'], 'src:其他'));
      await stageChunks(db, young, entriesOf(['进行中'], 'src:另一个'));
      const set = newChunkSet('src:全国');
      await stageChunks(db, set, entriesOf(['新']));
      await publishSource(db, source(1, set), 1);
      expect((await db.catalogueChunks.toArray()).map((c) => c.sourceId).sort()).toEqual([set, young].sort());
    });
  });
});
