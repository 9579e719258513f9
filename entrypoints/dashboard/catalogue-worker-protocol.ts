import type { CatalogueFileReading } from '../../lib/catalogue/import';
import type { PlanSummary } from '../../lib/catalogue/report';
import type { CatalogueSource } from '../../lib/db/entities';

/** What the page sees of a reading: counts and the first problems; the entries stay in the worker. */
export type ReadingSummary = Omit<CatalogueFileReading, 'plan'> & {
  plan: PlanSummary;
  readMs: number;
  /** Set by the page: reading the file, and from then to the worker's answer. */
  fileMs?: number;
  answerMs?: number;
};

export type WorkerRequest =
  | { type: 'read'; name: string; bytes: Uint8Array; sourceName: string; today: string }
  | { type: 'commit'; importedAt: string }
  | { type: 'discard' }
  /** The pending file's whole report, as a CSV file. */
  | { type: 'reportCsv' };

export type WorkerReply =
  | { type: 'report'; summary: ReadingSummary }
  | { type: 'done'; source: CatalogueSource; writeMs: number }
  | { type: 'reportCsv'; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'error'; message: string };
