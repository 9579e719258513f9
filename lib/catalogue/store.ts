import type { CatalogueEntry, CatalogueSource } from '../db/entities';
import type { ReliefDb } from '../db/schema';
import { SAMPLE_SOURCE_ID, sampleCataloguePlan, sampleSource } from './sample';

/** Replaces a source and all its entries in one transaction: all or nothing. */
export async function writeSource(db: ReliefDb, source: CatalogueSource, entries: CatalogueEntry[]): Promise<void> {
  await db.transaction('rw', db.catalogueSources, db.catalogueEntries, async () => {
    await db.catalogueEntries.where('sourceId').equals(source.id).delete();
    await db.catalogueEntries.bulkAdd(entries);
    await db.catalogueSources.put(source);
  });
}

export async function listSources(db: ReliefDb): Promise<CatalogueSource[]> {
  return db.catalogueSources.orderBy('importedAt').reverse().toArray();
}

export async function deleteSource(db: ReliefDb, sourceId: string): Promise<void> {
  await db.transaction('rw', db.catalogueSources, db.catalogueEntries, async () => {
    await db.catalogueEntries.where('sourceId').equals(sourceId).delete();
    await db.catalogueSources.delete(sourceId);
  });
}

/** Loads the sample catalogue, only into an empty catalogue (first install). */
export async function installSampleCatalogue(db: ReliefDb, now: Date = new Date()): Promise<boolean> {
  if ((await db.catalogueSources.count()) > 0) return false;
  const today = now.toISOString().slice(0, 10);
  const plan = sampleCataloguePlan(today);
  await writeSource(db, sampleSource(plan.entries.length, now.toISOString()), plan.entries);
  return true;
}

export { SAMPLE_SOURCE_ID };
