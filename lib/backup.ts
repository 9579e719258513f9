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
import { CodedError, type Message, type MessageParam, message } from './i18n/message';
import type { MessageKey } from './i18n/zh-CN';
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
    tables: z
      .object({
        catalogueSources: z.array(CatalogueSourceSchema.strict()),
        catalogueChunks: z.array(CatalogueChunkSchema),
        unsoldGoods: z.array(UnsoldGoodSchema.strict()),
        purchases: z.array(PurchaseSchema.strict()),
        pledges: z.array(PledgeSchema.strict()),
        mergeSessions: z.array(MergeSessionSchema).default([]),
      })
      .strict(),
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

/** A backup refused: `problem` says why in the UI's language, the message in Chinese. */
export class BackupError extends CodedError {
  name = 'BackupError';

  static of(key: MessageKey, params?: Record<string, MessageParam>): BackupError {
    return new BackupError(message(key, params));
  }
}

/** The longest text a record's field may hold, and the largest quantity and amount: a backup past them is not ours. */
export const BACKUP_LIMITS = { text: 32_767, quantity: 1_000_000, fen: 1_000_000_000_000 } as const;

const TABLE_LABELS: Record<TableName, MessageKey> = {
  catalogueSources: 'backup.table.catalogueSources',
  catalogueChunks: 'backup.table.catalogueChunks',
  unsoldGoods: 'backup.table.unsoldGoods',
  purchases: 'backup.table.purchases',
  pledges: 'backup.table.pledges',
  mergeSessions: 'backup.table.mergeSessions',
};
/** A table by its name in the user's language (a name not ours as written). */
const tableLabel = (table: string): Message | string =>
  table in TABLE_LABELS ? message(TABLE_LABELS[table as TableName]) : table;

/** What a zod issue says, as a message code. */
function problemOf(issue: z.core.$ZodIssue, data: unknown): MessageKey {
  if (issue.code === 'invalid_type') {
    const value = issue.path.reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined),
      data,
    );
    return value === undefined ? 'backup.problem.missing' : 'backup.problem.type';
  }
  if (issue.code === 'too_big') return issue.origin === 'string' ? 'backup.problem.tooLong' : 'backup.problem.tooBig';
  if (issue.code === 'too_small') return 'backup.problem.tooSmall';
  if (issue.code === 'unrecognized_keys') return 'backup.problem.unknownField';
  if (issue.code === 'custom') return 'backup.problem.date';
  return 'backup.problem.value';
}

/** A schema's refusal as a message naming the table, the record and the field. */
function issueError(issue: z.core.$ZodIssue | undefined, data: unknown): BackupError {
  const path = issue?.path ?? [];
  const problem = message(issue ? problemOf(issue, data) : 'backup.problem.value');
  if (path[0] === 'tables' && path.length === 1 && issue?.code === 'unrecognized_keys') {
    return BackupError.of('backup.unknownTable', { table: issue.keys.join('、') });
  }
  if (path.length === 0 && issue?.code === 'unrecognized_keys') {
    return BackupError.of('backup.unknownKey', { key: issue.keys.join('、') });
  }
  if (path[0] === 'tables' && typeof path[1] === 'string') {
    const table = path[1];
    if (path.length === 2) return BackupError.of('backup.missingTable', { table: tableLabel(table) });
    const index = Number(path[2]);
    const record = ((data as { tables: Record<string, { id?: unknown }[]> }).tables[table] ?? [])[index];
    const field =
      issue?.code === 'unrecognized_keys' ? issue.keys.join('、') : path.slice(3).map(String).join('.') || 'id';
    return BackupError.of('backup.field', {
      table: tableLabel(table),
      record: index + 1,
      id: String(record?.id ?? '—').slice(0, 80),
      field,
      problem,
    });
  }
  return BackupError.of('backup.settings', { field: path.map(String).join('.') || '—', problem });
}

/** Bounds, lengths and references the schemas do not state: a backup as strict as an import. */
function checkBackup(backup: Backup): void {
  const { tables } = backup;
  const where = (table: string, index: number, id: string) => ({
    table: tableLabel(table),
    record: index + 1,
    id: id.slice(0, 80),
  });
  for (const table of TABLE_NAMES) {
    const ids = new Set<string>();
    (tables[table] as { id: string }[]).forEach((record, index) => {
      if (ids.has(record.id)) throw BackupError.of('backup.duplicateId', where(table, index, record.id));
      ids.add(record.id);
      const walk = (value: unknown, field: string): void => {
        const fail = (key: MessageKey) => {
          throw BackupError.of('backup.field', { ...where(table, index, record.id), field, problem: message(key) });
        };
        if (typeof value === 'string' && value.length > BACKUP_LIMITS.text) fail('backup.problem.tooLong');
        if (typeof value === 'number') {
          const limit = /Fen$/.test(field)
            ? BACKUP_LIMITS.fen
            : field.endsWith('quantity')
              ? BACKUP_LIMITS.quantity
              : undefined;
          if (!Number.isFinite(value) || (limit !== undefined && Math.abs(value) > limit))
            fail('backup.problem.tooBig');
        }
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) walk(value[i], `${field}.${i}`);
        } else if (value && typeof value === 'object') {
          for (const [k, v] of Object.entries(value)) walk(v, field ? `${field}.${k}` : k);
        }
      };
      walk(record, '');
    });
  }
  tables.pledges.forEach((pledge, index) => {
    if (pledge.periodEnd < pledge.periodStart) {
      throw BackupError.of('backup.pledgeEnds', {
        ...where('pledges', index, pledge.id),
        start: pledge.periodStart,
        end: pledge.periodEnd,
      });
    }
  });
  const pledges = new Set(tables.pledges.map((p) => p.id));
  const unsold = new Set(tables.unsoldGoods.map((u) => u.id));
  const entries = new Set(tables.catalogueChunks.flatMap((c) => c.entries.map((e) => e.id)));
  const sets = new Set(tables.catalogueChunks.map((c) => c.sourceId));
  const reference = (index: number, id: string, field: string, target: MessageParam, value: string) =>
    BackupError.of('backup.reference', { ...where('purchases', index, id), field, target, value: value.slice(0, 80) });
  tables.purchases.forEach((purchase, index) => {
    if (purchase.pledgeId && !pledges.has(purchase.pledgeId)) {
      throw reference(index, purchase.id, 'pledgeId', tableLabel('pledges'), purchase.pledgeId);
    }
    if (purchase.unsoldGoodId && !unsold.has(purchase.unsoldGoodId)) {
      throw reference(index, purchase.id, 'unsoldGoodId', tableLabel('unsoldGoods'), purchase.unsoldGoodId);
    }
    if (purchase.catalogueEntryId && !entries.has(purchase.catalogueEntryId)) {
      throw reference(index, purchase.id, 'catalogueEntryId', tableLabel('catalogueChunks'), purchase.catalogueEntryId);
    }
  });
  tables.catalogueSources.forEach((source, index) => {
    const set = source.chunkSet ?? source.id;
    if (source.rowCount > 0 && !sets.has(set)) {
      throw BackupError.of('backup.reference', {
        ...where('catalogueSources', index, source.id),
        field: 'chunkSet',
        target: tableLabel('catalogueChunks'),
        value: set,
      });
    }
  });
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
    throw BackupError.of('backup.notJson');
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw BackupError.of('backup.notOurs');
  }
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (!READABLE_VERSIONS.includes(version as number)) {
    throw BackupError.of('backup.version', { version: String(version).slice(0, 20) });
  }
  const input = version === 1 ? upgradeFormat1(data as Record<string, unknown>) : data;
  const result = BackupSchema.safeParse(input);
  if (!result.success) throw issueError(result.error.issues[0], input);
  checkBackup(result.data);
  return result.data;
}

/**
 * Replaces every table with the backup's, in one transaction: on any failure
 * nothing is changed. Settings are returned for the caller to write.
 */
export async function restoreBackup(db: ReliefDb, text: string): Promise<Settings> {
  const backup = parseBackup(text);
  try {
    await db.transaction('rw', [...TABLE_NAMES, 'matchIndex'], async () => {
      for (const name of TABLE_NAMES) {
        await db.table(name).clear();
        await db.table(name).bulkAdd(backup.tables[name]);
      }
      await db.matchIndex.clear();
    });
  } catch (error) {
    // Dexie's own words (ConstraintError…) are not for the user: said in theirs, the data untouched.
    throw BackupError.of('backup.writeFailed', { message: error instanceof Error ? error.name : String(error) });
  }
  return backup.settings;
}

/** Clears every table (the settings' "clear all data"). */
export async function clearAllData(db: ReliefDb): Promise<void> {
  await db.transaction('rw', [...TABLE_NAMES, 'matchIndex'], async () => {
    for (const name of [...TABLE_NAMES, 'matchIndex'] as const) await db.table(name).clear();
  });
}
