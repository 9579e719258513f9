import { readdirSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BackupError, clearAllData, createBackup, restoreBackup } from '../../lib/backup';
import { readAllEntries } from '../../lib/catalogue/store';
import { ReliefDb } from '../../lib/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings-schema';
import { FIXTURES } from './helpers';

let n = 0;
const dbName = () => `db-test-${++n}`;

interface SavedDb {
  version: number;
  stores: Record<string, string>;
  tables: Record<string, unknown[]>;
}
const saved = (file: string): SavedDb => JSON.parse(readFileSync(`${FIXTURES}db/${file}`, 'utf8'));

/** Writes a saved database exactly as that version of the schema stored it. */
async function openSaved(file: string): Promise<string> {
  const data = saved(file);
  const name = dbName();
  const old = new Dexie(name);
  old.version(data.version).stores(data.stores);
  await old.open();
  for (const [table, rows] of Object.entries(data.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

describe('schema versions', () => {
  const files = readdirSync(`${FIXTURES}db`).filter((f) => /^v\d+\.json$/.test(f));

  it('keeps a saved example of every version', () => {
    const db = new ReliefDb(dbName());
    expect(files.map((f) => Number(f.slice(1, -5))).sort()).toEqual(Array.from({ length: db.verno }, (_, i) => i + 1));
  });

  it.each(files)('opens data saved by %s and keeps every record', async (file) => {
    const db = new ReliefDb(await openSaved(file));
    await db.open();
    for (const [table, rows] of Object.entries(saved(file).tables)) {
      expect(await db.table(table).toArray(), table).toEqual(rows);
    }
    db.close();
  });
});

describe('backup and restore', () => {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    language: 'en',
    profile: { name: '张三', unit: '县委办', employeeNo: '007' },
  };

  it('backup → restore → backup gives an identical file', async () => {
    const source = new ReliefDb(await openSaved('v1.json'));
    const first = await createBackup(source, settings);
    const target = new ReliefDb(dbName());
    const restored = await restoreBackup(target, first);
    expect(restored).toEqual(settings);
    expect(await createBackup(target, restored)).toBe(first);
    expect(await target.purchases.count()).toBe(1);
  });

  it('replaces what was there', async () => {
    const db = new ReliefDb(await openSaved('v1.json'));
    const empty = await createBackup(new ReliefDb(dbName()), DEFAULT_SETTINGS);
    await restoreBackup(db, empty);
    expect(await readAllEntries(db)).toEqual([]);
    expect(await db.purchases.count()).toBe(0);
  });

  it('validates the whole file before touching anything', async () => {
    const db = new ReliefDb(await openSaved('v1.json'));
    const good = JSON.parse(await createBackup(db, settings));
    const broken = structuredClone(good);
    broken.tables.purchases[0].amountFen = '176.00';
    await expect(restoreBackup(db, JSON.stringify(broken))).rejects.toThrow(
      /备份文件有误（tables › purchases › 0 › amountFen）/,
    );
    await expect(restoreBackup(db, '{"format":"something-else"}')).rejects.toBeInstanceOf(BackupError);
    await expect(restoreBackup(db, 'not json')).rejects.toThrow('不是有效的 JSON');
    await expect(restoreBackup(db, JSON.stringify({ ...good, formatVersion: 99 }))).rejects.toThrow('不受支持');
    expect(await db.purchases.count()).toBe(1);
    expect(await readAllEntries(db)).toHaveLength(1);
  });

  it('clears all data', async () => {
    const db = new ReliefDb(await openSaved('v1.json'));
    await clearAllData(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });
});
