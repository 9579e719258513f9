/**
 * The settings page's restore: one worker per file, which reads, checks and
 * writes the backup; the page gets the settings to write, or a BackupError
 * naming the problem (see checked.ts). Nothing is half-written either way:
 * the worker writes in one transaction, which a dying worker aborts.
 */
import type { Settings } from '../settings-schema';
import { workerClient } from '../workers/client';
import { type RestoreReply, RestoreReplySchema, type RestoreRequest, restoreThrough } from './checked';
import RestoreWorker from './worker?worker';

export async function restoreBackupInWorker(file: File): Promise<Settings> {
  let worker: Worker | undefined;
  try {
    return await restoreThrough(() => {
      worker = new RestoreWorker();
      return workerClient<RestoreRequest, RestoreReply>(worker, RestoreReplySchema);
    }, file);
  } finally {
    worker?.terminate();
  }
}
