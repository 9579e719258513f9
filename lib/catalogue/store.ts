import { CATALOGUE_CHUNK_SIZE, type CatalogueChunk, type CatalogueEntry, type CatalogueSource } from '../db/entities';
import type { ReliefDb } from '../db/schema';
import { deriveMatchKeys, MATCH_KEY_RULES } from '../match/build-index';

export function chunkEntries(sourceId: string, entries: CatalogueEntry[]): CatalogueChunk[] {
  const chunks: CatalogueChunk[] = [];
  for (let i = 0; i * CATALOGUE_CHUNK_SIZE < entries.length; i++) {
    chunks.push({
      id: `${sourceId}#chunk${String(i).padStart(5, '0')}`,
      sourceId,
      index: i,
      entries: entries.slice(i * CATALOGUE_CHUNK_SIZE, (i + 1) * CATALOGUE_CHUNK_SIZE),
    });
  }
  return chunks;
}

/**
 * Replaces a source and all its entries in one transaction: all or nothing.
 * The entries come from a plan, whose ids are the source and the row number:
 * unique by construction, so they are not checked again (a set of 150,000 ids
 * costs some 150 ms).
 */
export async function writeSource(db: ReliefDb, source: CatalogueSource, entries: CatalogueEntry[]): Promise<void> {
  await db.transaction('rw', db.catalogueSources, db.catalogueChunks, async () => {
    await db.catalogueChunks.where('sourceId').equals(source.id).delete();
    await db.catalogueChunks.bulkAdd(chunkEntries(source.id, entries));
    await db.catalogueSources.put({ ...source, rowCount: entries.length });
  });
}

export async function listSources(db: ReliefDb): Promise<CatalogueSource[]> {
  return db.catalogueSources.orderBy('importedAt').reverse().toArray();
}

export async function deleteSource(db: ReliefDb, sourceId: string): Promise<void> {
  await db.transaction('rw', db.catalogueSources, db.catalogueChunks, async () => {
    await db.catalogueChunks.where('sourceId').equals(sourceId).delete();
    await db.catalogueSources.delete(sourceId);
  });
}

/** How many entries the catalogue holds, from the sources' counts. */
export async function countEntries(db: ReliefDb): Promise<number> {
  let n = 0;
  await db.catalogueSources.each((s) => {
    n += s.rowCount;
  });
  return n;
}

/** Whether an entry's match keys were made by older rules (or none stored). */
export const hasStaleMatchKeys = (entry: CatalogueEntry) => entry.matchKeys?.rules !== MATCH_KEY_RULES;

/**
 * Derives again the match keys that older rules made (MATCH_KEY_RULES was
 * raised by an update), and stores them, so later index builds use them as
 * they are. One transaction: an import or deletion meanwhile waits, and no
 * chunk it replaced comes back. Returns how many entries were brought up to date.
 */
export async function refreshMatchKeys(db: ReliefDb): Promise<number> {
  let refreshed = 0;
  await db.transaction('rw', db.catalogueChunks, async () => {
    await db.catalogueChunks.toCollection().modify((chunk) => {
      for (const entry of chunk.entries) {
        if (!hasStaleMatchKeys(entry)) continue;
        entry.matchKeys = deriveMatchKeys(entry);
        refreshed++;
      }
    });
  });
  return refreshed;
}

/** Every entry of every source, in file order. */
export async function readAllEntries(db: ReliefDb): Promise<CatalogueEntry[]> {
  const chunks = await db.catalogueChunks.orderBy('id').toArray();
  return chunks.flatMap((c) => c.entries);
}

/** The first `limit` entries that satisfy `test`, reading chunk by chunk. */
export async function findEntries(
  db: ReliefDb,
  test: (entry: CatalogueEntry) => boolean,
  limit: number,
): Promise<CatalogueEntry[]> {
  const found: CatalogueEntry[] = [];
  const keys = await db.catalogueChunks.orderBy('id').primaryKeys();
  for (const key of keys) {
    const chunk = await db.catalogueChunks.get(key);
    for (const e of chunk?.entries ?? []) {
      if (test(e)) found.push(e);
      if (found.length >= limit) return found;
    }
  }
  return found;
}
