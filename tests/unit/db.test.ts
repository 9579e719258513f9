import { readdirSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BackupError, clearAllData, createBackup, restoreBackup } from '../../lib/backup';
import { readAllEntries } from '../../lib/catalogue/store';
import {
  CatalogueChunkSchema,
  CatalogueSourceSchema,
  MergeSessionSchema,
  PledgeSchema,
  PurchaseSchema,
  UnsoldGoodSchema,
} from '../../lib/db/entities';
import { ReliefDb, SCHEMA_HISTORY } from '../../lib/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings-schema';
import { FIXTURES } from './helpers';

let n = 0;
const dbName = () => `db-test-${++n}`;

interface SavedDb {
  version: number;
  capturedBy?: string;
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

/** What each upgrade adds to the records a version saved (ids of the saved files). */
const ADDED_SINCE: Record<number, Record<string, Record<string, Record<string, unknown>>>> = {
  // Version 2: purchases get their channel, pledges their kind.
  1: {
    purchases: {
      'p-jd': { channel: '电商平台' },
      'p-832': { channel: '832平台' },
      'p-taobao': { channel: '专馆' },
      'p-unsold': { channel: '线下' },
      'p-typed': { channel: '线下' },
    },
    pledges: { 'pl-year': { kind: '以购代捐' }, 'pl-canteen': { kind: '预留份额' }, 'pl-union': { kind: '工会' } },
  },
};

const CURRENT = {
  catalogueSources: CatalogueSourceSchema,
  catalogueChunks: CatalogueChunkSchema,
  unsoldGoods: UnsoldGoodSchema,
  purchases: PurchaseSchema,
  pledges: PledgeSchema,
  mergeSessions: MergeSessionSchema,
} as const;

describe('schema versions', () => {
  const files = readdirSync(`${FIXTURES}db`).filter((f) => /^v\d+\.json$/.test(f));

  it('keeps a saved example of every version, captured by running that version', () => {
    const db = new ReliefDb(dbName());
    expect(files.map((f) => Number(f.slice(1, -5))).sort()).toEqual(Array.from({ length: db.verno }, (_, i) => i + 1));
    for (const file of files) expect(saved(file).capturedBy, file).toBe('scripts/saved-db/capture.ts');
  });

  it.each(files)('declares the version of %s exactly as it shipped', (file) => {
    const data = saved(file);
    const declared: Record<string, string | null> = {};
    for (const step of SCHEMA_HISTORY.filter((v) => v.version <= data.version)) Object.assign(declared, step.stores);
    expect(declared).toEqual(data.stores);
  });

  // Read Frog's loop: every saved version is opened by today's schema, which upgrades it.
  it.each(files)('opens data saved by %s, upgrades it and keeps every record', async (file) => {
    const data = saved(file);
    const db = new ReliefDb(await openSaved(file));
    await db.open();
    for (const [table, rows] of Object.entries(data.tables)) {
      const now = (await db.table(table).toArray()) as { id: string }[];
      expect(now.map((r) => r.id).sort(), table).toEqual((rows as { id: string }[]).map((r) => r.id).sort());
      for (const row of rows as { id: string }[]) {
        const upgraded = now.find((r) => r.id === row.id);
        // Every field kept as saved, and what each later version adds.
        const added = Object.assign(
          {},
          ...Object.entries(ADDED_SINCE)
            .filter(([since]) => Number(since) >= data.version)
            .map(([, tables]) => tables[table]?.[row.id] ?? {}),
        );
        expect(upgraded, `${table} ${row.id}`).toEqual({ ...row, ...added });
        // …and valid as today's code reads it.
        const schema = CURRENT[table as keyof typeof CURRENT];
        expect(schema.safeParse(upgraded).success, `${table} ${row.id}`).toBe(true);
      }
    }
    // The new index answers.
    expect(await db.purchases.where('channel').equals('832平台').primaryKeys()).toEqual(['p-832']);
    db.close();
  });
});

describe('backup and restore', () => {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    language: 'en',
    profile: { name: '张三', unit: '县委办', department: '', employeeNo: '007' },
  };

  it('backup → restore → backup gives an identical file', async () => {
    const source = new ReliefDb(await openSaved('v1.json'));
    const first = await createBackup(source, settings);
    const target = new ReliefDb(dbName());
    const restored = await restoreBackup(target, first);
    expect(restored).toEqual(settings);
    expect(await createBackup(target, restored)).toBe(first);
    expect(await target.purchases.count()).toBe(5);
  });

  it('restores a backup made by a version-1 build, its records upgraded as the database upgrades them', async () => {
    const old = readFileSync(`${FIXTURES}db/v1.backup.json`, 'utf8');
    expect(JSON.parse(old).formatVersion).toBe(1);
    const fromFile = new ReliefDb(dbName());
    const restored = await restoreBackup(fromFile, old);
    expect(restored.profile.name).toBe('张三');
    const upgraded = new ReliefDb(await openSaved('v1.json'));
    await upgraded.open();
    for (const table of ['purchases', 'pledges', 'unsoldGoods', 'catalogueSources'] as const) {
      const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(await fromFile.table(table).toArray()), table).toEqual(byId(await upgraded.table(table).toArray()));
    }
    expect(JSON.parse(await createBackup(fromFile, restored)).formatVersion).toBe(2);
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
      '备份文件的「购买记录」第 1 条记录（p-832）的「amountFen」有误：类型不对。未恢复，现有数据不变。',
    );
    await expect(restoreBackup(db, '{"format":"something-else"}')).rejects.toBeInstanceOf(BackupError);
    await expect(restoreBackup(db, 'not json')).rejects.toThrow('不是有效的 JSON');
    await expect(restoreBackup(db, JSON.stringify({ ...good, formatVersion: 99 }))).rejects.toThrow('不受支持');
    expect(await db.purchases.count()).toBe(5);
    expect(await readAllEntries(db)).toHaveLength(2);
  });

  it('clears all data', async () => {
    const db = new ReliefDb(await openSaved('v1.json'));
    await clearAllData(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });
});
