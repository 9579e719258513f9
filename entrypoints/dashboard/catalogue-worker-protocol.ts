import type { CatalogueFileReading } from '../../lib/catalogue/import';
import type { PartReport } from '../../lib/catalogue/parts';
import type { PlanSummary } from '../../lib/catalogue/report';
import type { CatalogueSource } from '../../lib/db/entities';
import { type Message, MessageSchema } from '../../lib/i18n/message';
import type { CsvSplit } from '../../lib/tables/csv-parts';
import { z } from '../../lib/zod';

/** What the page sees of a reading: counts and the first problems; the entries stay in the worker. */
export type ReadingSummary = Omit<CatalogueFileReading, 'plan'> & {
  plan: PlanSummary;
  readMs: number;
  /** How many parts (workers) read the file. */
  parts: number;
  /** Set by the page: reading the file, and from then to the worker's answer. */
  fileMs?: number;
  answerMs?: number;
};

export type WorkerRequest =
  | { type: 'read'; name: string; bytes: Uint8Array; sourceName: string; today: string }
  | { type: 'commit'; importedAt: string }
  | { type: 'discard' }
  /** The pending file's whole report, as a CSV file. */
  | { type: 'reportCsv' }
  /** Ports to helper workers, which read and write the later parts of a large file. */
  | { type: 'helpers'; ports: MessagePort[] }
  /** Makes this worker a helper, answering on the port. */
  | { type: 'serve'; port: MessagePort };

export type WorkerReply =
  | { type: 'report'; summary: ReadingSummary }
  | { type: 'done'; source: CatalogueSource; writeMs: number }
  | { type: 'reportCsv'; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'error'; problem: Message };

/** From the worker that reads a file to a helper holding one of its later parts. */
export type PartRequest =
  | {
      type: 'readPart';
      bytes: Uint8Array;
      split: CsvSplit;
      index: number;
      options: { sourceId: string; today: string };
    }
  /** Write the part's entries (without the duplicates the merge found) under the set, from chunk `firstIndex` on. */
  | { type: 'stage'; chunkSet: string; firstIndex: number; drop: number[] }
  | { type: 'discard' };

export type PartReply =
  | { type: 'partRead'; report?: PartReport }
  | { type: 'staged' }
  | { type: 'discarded' }
  | { type: 'failed'; problem: Message };

/** A part's report, checked as far as the merge relies on it: its counts and its problem lists. */
const PartReportSchema = z.custom<PartReport>((value) => {
  const r = value as Partial<PartReport> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.encoding === 'string' &&
    Number.isInteger(r.entryCount) &&
    typeof r.plan === 'object' &&
    r.plan !== null &&
    Number.isInteger(r.plan.rowsRead) &&
    [r.plan.rejected, r.plan.duplicates, r.plan.warnings].every(Array.isArray)
  );
}, 'not a part report');

/** A helper's reply, parsed where it arrives (lib/workers/client). */
export const PartReplySchema: z.ZodType<PartReply> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('partRead'), report: PartReportSchema.optional() }),
  z.object({ type: z.literal('staged') }),
  z.object({ type: z.literal('discarded') }),
  z.object({ type: z.literal('failed'), problem: MessageSchema }),
]);
