import { liveQuery } from 'dexie';
import { hasStaleMatchKeys, readAllEntries, refreshMatchKeys } from '../../lib/catalogue/store';
import { todayIso } from '../../lib/dates';
import type { ReliefDb } from '../../lib/db/schema';
import { buildMatchIndex, type MatchIndex, withUnsold } from '../../lib/match/build-index';
import type { Listing, MatchResult } from '../../lib/match/listing';
import { explainListing, matchListings, type TracedResult } from '../../lib/match/query';
import { deserializeIndex, serializeIndex } from '../../lib/match/serialize';

const RECORD_ID = 'current';

// Separates the catalogue's part of a version from the unsold register's.
const PARTS = '||';

/**
 * What the index was built from: every catalogue source as imported, then
 * the open entries of the unsold register. Cheap to compute (a few small reads).
 */
async function dataVersion(db: ReliefDb): Promise<string> {
  const sources = await db.catalogueSources.toArray();
  const unsold = await db.unsoldGoods.where('status').equals('open').toArray();
  return [
    sources
      .map((s) => `s:${s.id}:${s.importedAt}:${s.rowCount}`)
      .sort()
      .join('|'),
    unsold
      .map((u) => `u:${u.id}:${u.updatedOn}:${u.openQuantity}:${u.product}`)
      .sort()
      .join('|'),
  ].join(PARTS);
}

const cataloguePart = (version: string) => version.split(PARTS)[0];

/**
 * Owns the match index in the background: builds it when the catalogue or the
 * unsold register changed, persists it serialised, and loads it when the
 * service worker wakes, instead of rebuilding.
 */
export function createMatchService(db: ReliefDb) {
  let index: MatchIndex | undefined;
  let pending: Promise<MatchIndex> | undefined;
  // Kept current by Dexie's change notifications (which reach the worker from
  // the dashboard and the import worker too), so a request reads no tables.
  let knownVersion: string | undefined;
  liveQuery(() => dataVersion(db)).subscribe({
    next: (version) => {
      knownVersion = version;
    },
    error: () => {
      knownVersion = undefined;
    },
  });

  async function load(version: string): Promise<MatchIndex> {
    const saved = await db.matchIndex.get(RECORD_ID);
    if (saved && cataloguePart(saved.catalogueVersion) === cataloguePart(version)) {
      try {
        const loaded = deserializeIndex(saved.blob);
        if (saved.catalogueVersion === version) return loaded;
        // Only the unsold register changed (an entry added, 认购, sold out): its few
        // columns are replaced; the catalogue's 150,000 entries are not read again.
        const unsold = await db.unsoldGoods.where('status').equals('open').toArray();
        const updated = withUnsold(loaded, unsold, version);
        await db.matchIndex.put({ ...saved, catalogueVersion: version, blob: serializeIndex(updated) });
        return updated;
      } catch (error) {
        console.warn('match index unreadable, rebuilding:', error);
      }
    }
    const readStart = performance.now();
    const [entries, unsold] = await Promise.all([
      readAllEntries(db),
      db.unsoldGoods.where('status').equals('open').toArray(),
    ]);
    const buildStart = performance.now();
    const built = buildMatchIndex(entries, unsold, version);
    const buildEnd = performance.now();
    // Keys from older rules were derived for this build; store them so the next build need not.
    if (entries.some(hasStaleMatchKeys)) {
      refreshMatchKeys(db).catch((error) => console.warn('match keys not refreshed:', error));
    }
    await db.matchIndex.put({
      id: RECORD_ID,
      catalogueVersion: version,
      builtAt: new Date().toISOString(),
      blob: serializeIndex(built),
      entryCount: entries.length,
      readMs: buildStart - readStart,
      buildMs: buildEnd - buildStart,
    });
    return built;
  }

  async function ensureIndex(): Promise<MatchIndex> {
    const version = knownVersion ?? (await dataVersion(db));
    if (index && index.version === version) return index;
    if (!pending) {
      pending = load(version).finally(() => {
        pending = undefined;
      });
    }
    index = await pending;
    return index;
  }

  return {
    isReady: () => index !== undefined,
    ensureIndex,
    async match(listings: Listing[], options: { showHints: boolean }): Promise<MatchResult[]> {
      const current = await ensureIndex();
      return matchListings(current, listings, { today: todayIso(), showHints: options.showHints });
    },
    /** The same answer as `match` gives this listing, with its trace. */
    async explain(listing: Listing, options: { showHints: boolean }): Promise<TracedResult> {
      const current = await ensureIndex();
      return explainListing(current, listing, { today: todayIso(), showHints: options.showHints });
    },
  };
}
