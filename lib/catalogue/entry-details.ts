import type { ReliefDb } from '../db/schema';
import { chunkSetOf } from './store';

/** What a badge's panel tells of its catalogue entry: the list it comes from and its certificate. */
export interface EntryDetails {
  source: string;
  sample: boolean;
  certificateNo?: string;
}

/**
 * The source and certificate of one catalogue entry (ids are `<sourceId>#<row>`),
 * read from that source's chunks only; undefined when the entry is gone.
 */
export async function entryDetails(db: ReliefDb, entryId: string): Promise<EntryDetails | undefined> {
  const cut = entryId.lastIndexOf('#');
  if (cut <= 0) return undefined;
  const source = await db.catalogueSources.get(entryId.slice(0, cut));
  if (!source) return undefined;
  const chunk = await db.catalogueChunks
    .where('sourceId')
    .equals(chunkSetOf(source))
    .filter((c) => c.entries.some((e) => e.id === entryId))
    .first();
  const entry = chunk?.entries.find((e) => e.id === entryId);
  if (!entry) return undefined;
  const details: EntryDetails = { source: source.name, sample: source.sample };
  if (entry.certificateNo) details.certificateNo = entry.certificateNo;
  return details;
}
