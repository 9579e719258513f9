import { readLiveChunks } from './catalogue/store';
import {
  CatalogueChunkSchema,
  CatalogueSourceSchema,
  MergeSessionSchema,
  PledgeSchema,
  PurchaseSchema,
  UnsoldGoodSchema,
} from './db/entities';
import type { ReliefDb } from './db/schema';
import { pledgeToV2, purchaseToV2 } from './db/upgrades';
import { type Settings, SettingsSchema } from './settings-schema';
import { z } from './zod';

export const BACKUP_FORMAT = 'relief-shopping-helper-backup';
/** 2 since purchases have a channel and pledges a kind (schema version 2); files of format 1 are upgraded on restore. */
export const BACKUP_FORMAT_VERSION = 2;
const READABLE_VERSIONS = [1, 2];

// The match index is derived from the catalogue and rebuilt after a restore.
const TABLES = {
  catalogueSources: CatalogueSourceSchema,
  catalogueChunks: CatalogueChunkSchema,
  unsoldGoods: UnsoldGoodSchema,
  purchases: PurchaseSchema,
  pledges: PledgeSchema,
  mergeSessions: MergeSessionSchema,
} as const;
type TableName = keyof typeof TABLES;
const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export const BackupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    tables: z.object({
      catalogueSources: z.array(CatalogueSourceSchema),
      catalogueChunks: z.array(CatalogueChunkSchema),
      unsoldGoods: z.array(UnsoldGoodSchema),
      purchases: z.array(PurchaseSchema),
      pledges: z.array(PledgeSchema),
      mergeSessions: z.array(MergeSessionSchema).default([]),
    }),
    settings: SettingsSchema,
  })
  .strict();
export type Backup = z.infer<typeof BackupSchema>;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every table and setting as one JSON text. Records pass through their
 * schemas and are sorted by id, so backup → restore → backup is identical.
 */
export async function createBackup(db: ReliefDb, settings: Settings): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) {
    // Entries staged by an import that was never published are not the user's data.
    const rows = (name === 'catalogueChunks' ? await readLiveChunks(db) : await db.table(name).toArray()) as {
      id: string;
    }[];
    tables[name] = rows.map((row) => TABLES[name].parse(row) as { id: string }).sort(byId);
  }
  const backup: Backup = BackupSchema.parse({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    tables,
    settings: SettingsSchema.parse(settings),
  });
  return `${JSON.stringify(backup, null, 1)}\n`;
}

export class BackupError extends Error {
  name = 'BackupError';
}

/**
 * A format-1 file as format 2: its purchases and pledges get what schema version 2 added,
 * by the same functions as the database's upgrade. Anything else stays as it was, to be validated.
 */
function upgradeFormat1(data: Record<string, unknown>): Record<string, unknown> {
  const tables = (data.tables ?? {}) as Record<string, unknown>;
  const each = (rows: unknown, upgrade: (row: Record<string, unknown>) => Record<string, unknown>) =>
    Array.isArray(rows) ? rows.map((row) => (row && typeof row === 'object' ? upgrade({ ...row }) : row)) : rows;
  return {
    ...data,
    formatVersion: 2,
    tables: { ...tables, purchases: each(tables.purchases, purchaseToV2), pledges: each(tables.pledges, pledgeToV2) },
  };
}

/** Validates a backup completely; throws BackupError naming the first problem. */
export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupError('备份文件不是有效的 JSON。');
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('这不是消费帮扶助手的备份文件。');
  }
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (!READABLE_VERSIONS.includes(version as number)) {
    throw new BackupError(
      `备份文件的格式版本（${String((data as { formatVersion?: unknown }).formatVersion)}）不受支持。`,
    );
  }
  const result = BackupSchema.safeParse(version === 1 ? upgradeFormat1(data as Record<string, unknown>) : data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join(' › ') ?? '';
    throw new BackupError(`备份文件有误（${where}）：${issue?.message ?? ''}`);
  }
  return result.data;
}

/**
 * Replaces every table with the backup's, in one transaction: on any failure
 * nothing is changed. Settings are returned for the caller to write.
 */
export async function restoreBackup(db: ReliefDb, text: string): Promise<Settings> {
  const backup = parseBackup(text);
  await db.transaction('rw', [...TABLE_NAMES, 'matchIndex'], async () => {
    for (const name of TABLE_NAMES) {
      await db.table(name).clear();
      await db.table(name).bulkAdd(backup.tables[name]);
    }
    await db.matchIndex.clear();
  });
  return backup.settings;
}

/** Clears every table (the settings' "clear all data"). */
export async function clearAllData(db: ReliefDb): Promise<void> {
  await db.transaction('rw', [...TABLE_NAMES, 'matchIndex'], async () => {
    for (const name of [...TABLE_NAMES, 'matchIndex'] as const) await db.table(name).clear();
  });
}
