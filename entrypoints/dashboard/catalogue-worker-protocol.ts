import type { CatalogueFileReading } from '../../lib/catalogue/import';
import type { CatalogueSource } from '../../lib/db/entities';

/** What the page sees of a reading: everything but the entries, which stay in the worker. */
export type ReadingSummary = Omit<CatalogueFileReading, 'plan'> & {
  plan: Omit<CatalogueFileReading['plan'], 'entries'> & { validCount: number };
  readMs: number;
  /** Set by the page: reading the file, and from then to the worker's answer. */
  fileMs?: number;
  answerMs?: number;
};

export type WorkerRequest =
  | { type: 'read'; name: string; bytes: Uint8Array; sourceName: string; today: string }
  | { type: 'commit'; importedAt: string }
  | { type: 'discard' };

export type WorkerReply =
  | { type: 'report'; summary: ReadingSummary }
  | { type: 'done'; source: CatalogueSource; writeMs: number }
  | { type: 'error'; message: string };
