import { CATALOGUE_CHUNK_SIZE, type CatalogueChunk, type CatalogueEntry, type CatalogueSource } from '../db/entities';
import type { ReliefDb } from '../db/schema';
import { CodedError, message } from '../i18n/message';
import { deriveMatchKeys, MATCH_KEY_RULES } from '../match/build-index';

export function chunkEntries(chunkSet: string, entries: CatalogueEntry[], firstIndex = 0): CatalogueChunk[] {
  const chunks: CatalogueChunk[] = [];
  for (let i = 0; i * CATALOGUE_CHUNK_SIZE < entries.length; i++) {
    const index = firstIndex + i;
    chunks.push({
      id: `${chunkSet}#chunk${String(index).padStart(5, '0')}`,
      sourceId: chunkSet,
      index,
      entries: entries.slice(i * CATALOGUE_CHUNK_SIZE, (i + 1) * CATALOGUE_CHUNK_SIZE),
    });
  }
  return chunks;
}

/** How many chunks `count` entries take. */
export const chunkCount = (count: number) => Math.ceil(count / CATALOGUE_CHUNK_SIZE);

/** The `sourceId` a source's chunks carry. */
export const chunkSetOf = (source: Pick<CatalogueSource, 'id' | 'chunkSet'>) => source.chunkSet ?? source.id;

/** A fresh chunk set for a source's next entries; its time tells a stale staging. */
export function newChunkSet(sourceId: string, now = new Date()): string {
  return `${sourceId}@${now.toISOString()}~${Math.random().toString(36).slice(2, 8)}`;
}

// What newChunkSet puts after the source id: exact, so the sets of a source named 甲@乙 are never taken for 甲's.
const STAGING_SUFFIX = /^@(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~[0-9a-z]+$/;

/** When a set was staged for the source, or undefined if it is not one of the source's staged sets. */
function stagedFor(set: string, sourceId: string): number | undefined {
  if (!set.startsWith(sourceId)) return undefined;
  const time = STAGING_SUFFIX.exec(set.slice(sourceId.length))?.[1];
  return time ? Date.parse(time) : undefined;
}

/** When a set was staged, for any source, or undefined if it is not a staged set. */
function stagedAt(set: string): number | undefined {
  const at = set.lastIndexOf('@', set.lastIndexOf('~'));
  return at < 0 ? undefined : stagedFor(set, set.slice(0, at));
}

// A staging left by a closed tab or a crash is swept when it is this old; a younger one may still be written.
const STALE_STAGING_MS = 60 * 60 * 1000;

/**
 * Writes entries (or a part of them, from chunk `firstIndex` on) under a chunk
 * set no source names: nothing reads them until `publishSource`.
 */
export async function stageChunks(
  db: ReliefDb,
  chunkSet: string,
  entries: CatalogueEntry[],
  firstIndex = 0,
): Promise<void> {
  await db.catalogueChunks.bulkAdd(chunkEntries(chunkSet, entries, firstIndex));
}

/** Drops a staged set that will not be published (the user cancelled, or a part failed). */
export async function discardChunkSet(db: ReliefDb, chunkSet: string): Promise<void> {
  await db.catalogueChunks.where('sourceId').equals(chunkSet).delete();
}

/**
 * Makes a staged set a source's entries, in one transaction: the set must be
 * whole (`chunks` of them), the source record names it, and the source's
 * previous entries and stale stagings are deleted. All or nothing.
 */
export async function publishSource(
  db: ReliefDb,
  source: CatalogueSource & { chunkSet: string },
  chunks: number,
): Promise<void> {
  await db.transaction('rw', db.catalogueSources, db.catalogueChunks, async () => {
    const staged = await db.catalogueChunks.where('sourceId').equals(source.chunkSet).count();
    if (staged !== chunks) {
      throw new CodedError(message('catalogue.notWhole', { name: source.name, staged, chunks }));
    }
    const sets = (await db.catalogueChunks.orderBy('sourceId').uniqueKeys()) as string[];
    const live = new Set((await db.catalogueSources.toArray()).filter((s) => s.id !== source.id).map(chunkSetOf));
    const now = Date.now();
    const gone = sets.filter((set) => {
      if (set === source.chunkSet || live.has(set)) return false;
      if (set === source.id || stagedFor(set, source.id) !== undefined) return true; // this source's old entries
      return now - (stagedAt(set) ?? now) > STALE_STAGING_MS;
    });
    if (gone.length) await db.catalogueChunks.where('sourceId').anyOf(gone).delete();
    await db.catalogueSources.put(source);
  });
}

/**
 * Deletes the stagings no source names that are older than an import takes
 * (a tab closed or crashed mid-import left them): run when the catalogue page
 * opens, so they do not wait for the next import. Returns how many chunks went.
 */
export async function sweepStaleStagings(db: ReliefDb, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.catalogueSources, db.catalogueChunks, async () => {
    const sets = (await db.catalogueChunks.orderBy('sourceId').uniqueKeys()) as string[];
    const live = new Set((await db.catalogueSources.toArray()).map(chunkSetOf));
    const gone = sets.filter((set) => {
      if (live.has(set)) return false;
      const at = stagedAt(set);
      return at !== undefined && now - at > STALE_STAGING_MS;
    });
    return gone.length ? db.catalogueChunks.where('sourceId').anyOf(gone).delete() : 0;
  });
}

/** Replaces a source and all its entries in one transaction: all or nothing. */
export async function writeSource(db: ReliefDb, source: CatalogueSource, entries: CatalogueEntry[]): Promise<void> {
  const chunkSet = newChunkSet(source.id);
  await db.transaction('rw', db.catalogueSources, db.catalogueChunks, async () => {
    await stageChunks(db, chunkSet, entries);
    await publishSource(db, { ...source, rowCount: entries.length, chunkSet }, chunkCount(entries.length));
  });
}

export async function listSources(db: ReliefDb): Promise<CatalogueSource[]> {
  return db.catalogueSources.orderBy('importedAt').reverse().toArray();
}

export async function deleteSource(db: ReliefDb, sourceId: string): Promise<void> {
  await db.transaction('rw', db.catalogueSources, db.catalogueChunks, async () => {
    const source = await db.catalogueSources.get(sourceId);
    const sets = (await db.catalogueChunks.orderBy('sourceId').uniqueKeys()) as string[];
    const gone = sets.filter(
      (set) => set === sourceId || set === source?.chunkSet || stagedFor(set, sourceId) !== undefined,
    );
    await db.catalogueChunks.where('sourceId').anyOf(gone).delete();
    await db.catalogueSources.delete(sourceId);
  });
}

/** The chunk sets that sources name, in order: the catalogue's entries, without stagings. */
async function liveChunkSets(db: ReliefDb): Promise<string[]> {
  return (await db.catalogueSources.toArray()).map(chunkSetOf).sort();
}

/** The chunks sources name, in file order: none that are staged and not (yet) published. */
export async function readLiveChunks(db: ReliefDb): Promise<CatalogueChunk[]> {
  const live = await liveChunkSets(db);
  // Set by set (each read whole by its index, its chunks in id order): staged chunks are never read.
  const sets = await Promise.all(live.map((set) => db.catalogueChunks.where('sourceId').equals(set).toArray()));
  return sets.flat();
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
  return (await readLiveChunks(db)).flatMap((c) => c.entries);
}

/** The first `limit` entries that satisfy `test`, reading chunk by chunk. */
export async function findEntries(
  db: ReliefDb,
  test: (entry: CatalogueEntry) => boolean,
  limit: number,
): Promise<CatalogueEntry[]> {
  const found: CatalogueEntry[] = [];
  const live = new Set(await liveChunkSets(db));
  // A chunk's id is its set and `#chunkNNNNN`: live chunks are told by their keys, without reading them.
  const keys = (await db.catalogueChunks.orderBy('id').primaryKeys()).filter((key) =>
    live.has(key.slice(0, key.lastIndexOf('#'))),
  );
  for (const key of keys) {
    const chunk = await db.catalogueChunks.get(key);
    for (const e of chunk?.entries ?? []) {
      if (test(e)) found.push(e);
      if (found.length >= limit) return found;
    }
  }
  return found;
}
