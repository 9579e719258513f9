// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { FLAT_COLUMNS, flatCsvText } from '../../lib/coordinator/flat-csv';
import { mergeMemberFiles } from '../../lib/coordinator/merge';
import type { MemberFileReport } from '../../lib/coordinator/read-member-file';
import type { MemberRow } from '../../lib/ledger/member-export';
import { formatYuan } from '../../lib/money';

/** A small deterministic generator, so a failure can be replayed. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTIES = ['祁东县', '城口县', '紫阳县', '秭归县', '平山县'];
const CHANNELS = ['832平台', '电商平台（京东）', '消费帮扶专柜', '专馆（淘宝）', '线下直购'];
const FUNDING = ['个人', '工会', '食堂', '单位'];
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

/** One unit: a few members' files, with a duplicated order and a row of last year now and then. */
function unitReports(u: number, rand: () => number): MemberFileReport[] {
  const files: MemberFileReport[] = [];
  const members = 2 + Math.floor(rand() * 4);
  for (let m = 0; m < members; m++) {
    const rows: MemberRow[] = [];
    for (let i = 0; i < 5 + Math.floor(rand() * 20); i++) {
      const fen = 1 + Math.floor(rand() * 3_000_000);
      rows.push({
        date: rand() < 0.05 ? '2025-12-30' : `2026-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15`,
        person: `单位${u}成员${m}`,
        org: `单位${u}`,
        product: '祁东黄花菜',
        supplier: '祁东县湘祁黄花菜开发有限公司',
        county: COUNTIES[Math.floor(rand() * COUNTIES.length)] as string,
        certification: 'certified',
        batch: '',
        quantity: 1,
        measure: '袋',
        unitPriceFen: fen,
        amountFen: fen,
        channel: CHANNELS[Math.floor(rand() * CHANNELS.length)] as string,
        funding: FUNDING[Math.floor(rand() * FUNDING.length)] as string,
        type: '直接购买',
        orderNo: `${u}-${m}-${i}`,
        note: '',
      });
    }
    files.push({
      fileName: `${m}.xlsx`,
      rows,
      rowsRead: rows.length,
      rejected: [],
      declared: {},
      problems: [],
      totalFen: 0,
    });
  }
  // One member logged a colleague's order as well: counted once.
  const first = files[0]?.rows[0] as MemberRow;
  files[1]?.rows.push({ ...first, person: files[1].rows[0]?.person ?? '' });
  return files;
}

describe('upward: 200 unit reports in DuckDB', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unit-reports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads with one read_csv, and DuckDB’s totals by unit, county and channel equal our merge to the fen', async () => {
    const rand = mulberry32(19);
    const byUnit = new Map<string, number>();
    const byCounty = new Map<string, number>();
    const byChannel = new Map<string, number>();
    const add = (map: Map<string, number>, key: string, fen: number) => map.set(key, (map.get(key) ?? 0) + fen);
    for (let u = 0; u < 200; u++) {
      const unit = `单位${u}`;
      const merged = mergeMemberFiles(unitReports(u, rand), { period: PERIOD });
      expect(merged.excluded.length).toBeGreaterThan(0);
      writeFileSync(join(dir, `${unit}.csv`), flatCsvText(merged, { unit, period: PERIOD }));
      add(byUnit, unit, merged.totalFen);
      for (const [county, fen] of merged.byCounty) add(byCounty, county, fen);
      for (const [channel, fen] of merged.byChannel) add(byChannel, channel, fen);
    }

    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    await db.run(
      `CREATE TABLE detail AS SELECT * FROM read_csv('${join(dir, '*.csv')}', header = true,
         types = {'amount_yuan': 'DECIMAL(18,2)', 'order_no': 'VARCHAR', 'purchased_on': 'DATE'})`,
    );
    const columns = await db.runAndReadAll(`SELECT column_name FROM (DESCRIBE detail)`);
    expect(columns.getRowObjects().map((r) => r.column_name)).toEqual([...FLAT_COLUMNS]);
    const totals = async (column: string) => {
      const result = await db.runAndReadAll(
        `SELECT ${column} AS k, CAST(SUM(amount_yuan) AS VARCHAR) AS yuan FROM detail GROUP BY ${column}`,
      );
      return Object.fromEntries(result.getRowObjects().map((r) => [String(r.k), String(r.yuan)]));
    };
    const ours = (map: Map<string, number>) => Object.fromEntries([...map].map(([k, fen]) => [k, formatYuan(fen)]));
    expect(await totals('unit')).toEqual(ours(byUnit));
    expect(await totals('county')).toEqual(ours(byCounty));
    expect(await totals('channel')).toEqual(ours(byChannel));
    const version = await db.runAndReadAll('SELECT DISTINCT format_version FROM detail');
    expect(version.getRowObjects().map((r) => Number(r.format_version))).toEqual([1]);
    db.closeSync();
  });
});
