/**
 * A backup restored off the page's thread: the worker reads the file, checks
 * it completely (lib/backup.ts parseBackup) and writes it in one transaction;
 * the page hears only the settings to write, or the problem as a message code.
 * The file's size is checked first, on the page before a worker is started
 * and again in the worker; the reply is parsed at the boundary, and a worker
 * that dies (a file too big for its memory) becomes the file's error.
 */
import { BackupError, restoreBackup } from '../backup';
import type { ReliefDb } from '../db/schema';
import { zhCN } from '../i18n/zh-CN';
import { type Settings, SettingsSchema } from '../settings-schema';
import { MAX_BACKUP_BYTES } from '../tables/limits';
import type { WorkerClient } from '../workers/client';
import { z } from '../zod';

export interface RestoreRequest {
  /** The chosen file itself: a structured clone of a File copies no bytes. */
  file: Blob;
}

type Problem = NonNullable<BackupError['problem']>;

/** A message code of ours with its parameters; a parameter may itself be a message code (a reason inside an error). */
function isProblem(value: unknown, depth = 0): value is Problem {
  if (depth > 4 || typeof value !== 'object' || value === null) return false;
  const { key, params } = value as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !Object.hasOwn(zhCN, key)) return false;
  if (params === undefined) return true;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return false;
  return Object.values(params).every(
    (param) => typeof param === 'string' || typeof param === 'number' || isProblem(param, depth + 1),
  );
}
const ProblemSchema = z.custom<Problem>((value) => isProblem(value), 'not a message code of ours');

export const RestoreReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), settings: SettingsSchema }),
  z.object({ ok: z.literal(false), problem: ProblemSchema }),
]);
export type RestoreReply = z.infer<typeof RestoreReplySchema>;

const MB = 1024 * 1024;

/** A file too big to be one of our backups, refused before anything reads it. */
export function backupSizeError(file: Blob, limit = MAX_BACKUP_BYTES): BackupError | undefined {
  if (file.size <= limit) return undefined;
  return BackupError.of('backup.tooLarge', { size: Math.ceil(file.size / MB), mb: Math.round(limit / MB) });
}

const refused = (error: BackupError): RestoreReply => ({
  ok: false,
  problem: error.problem ?? { key: 'backup.workerDied', params: { message: error.message.slice(0, 200) } },
});

/** What the worker does with a request: the size, then the text, then restoreBackup (all or nothing). */
export async function restoreCheckedBackup(
  db: ReliefDb,
  request: RestoreRequest,
  limit = MAX_BACKUP_BYTES,
): Promise<RestoreReply> {
  const tooLarge = backupSizeError(request.file, limit);
  if (tooLarge) return refused(tooLarge);
  try {
    const text = await request.file.text();
    return { ok: true, settings: await restoreBackup(db, text) };
  } catch (error) {
    if (error instanceof BackupError) return refused(error);
    // Not one of ours (the text could not be read, memory ran out): the file's error all the same.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return refused(BackupError.of('backup.workerDied', { message: message.slice(0, 200) }));
  }
}

/**
 * The page's side: the size checked before the worker is asked, the reply
 * parsed (by `client`), a refusal rebuilt from its code (in the page's
 * words, not the worker's), and a worker that dies or answers nonsense
 * turned into a BackupError for this file.
 */
export async function restoreThrough(
  client: () => WorkerClient<RestoreRequest, RestoreReply>,
  file: Blob,
  limit = MAX_BACKUP_BYTES,
): Promise<Settings> {
  const tooLarge = backupSizeError(file, limit);
  if (tooLarge) throw tooLarge;
  let reply: RestoreReply;
  try {
    reply = await client().request({ file });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw BackupError.of('backup.workerDied', { message: message.slice(0, 200) });
  }
  if (reply.ok) return reply.settings;
  throw BackupError.of(reply.problem.key, reply.problem.params);
}
