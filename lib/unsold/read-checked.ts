/**
 * The unsold register's reader as a worker runs it: the zip limits checked by
 * inflating first (a bomb never reaches SheetJS), then the rows read; and the
 * reply's schema, parsed on the page's side at the boundary.
 */
import { UnsoldGoodSchema } from '../db/entities';
import { type Message, MessageSchema, message, messageOfError } from '../i18n/message';
import { checkTableFileLimits } from '../tables/table';
import { z } from '../zod';
import { readUnsoldFile, type UnsoldImport } from './file';

export interface UnsoldReadRequest {
  name: string;
  bytes: Uint8Array;
  today: string;
}

export const UnsoldImportSchema: z.ZodType<UnsoldImport> = z.object({
  goods: z.array(UnsoldGoodSchema),
  rowsRead: z.number().int().nonnegative(),
  rejected: z.array(z.object({ rowNumber: z.number().int(), column: z.string(), reason: MessageSchema })),
  error: MessageSchema.optional(),
});

const failed = (error: Message): UnsoldImport => ({ goods: [], rowsRead: 0, rejected: [], error });

export async function readCheckedUnsoldFile(request: UnsoldReadRequest): Promise<UnsoldImport> {
  const file = { name: request.name, bytes: request.bytes };
  try {
    await checkTableFileLimits(file);
  } catch (error) {
    return failed(messageOfError(error));
  }
  return readUnsoldFile(file, { today: request.today, newId: () => crypto.randomUUID() });
}

/** A file whose worker died (or answered nonsense) reading it: the file's error, never the page's. */
export const unsoldWorkerFailure = (fileName: string, why: string): UnsoldImport =>
  failed(message('table.error', { file: fileName, reason: message('table.workerDied', { message: why }) }));
