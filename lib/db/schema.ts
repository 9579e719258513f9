import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type {
  CatalogueChunk,
  CatalogueSource,
  MatchIndexRecord,
  MergeSession,
  Pledge,
  Purchase,
  UnsoldGood,
} from './entities';
import { pledgeToV2, purchaseToV2 } from './upgrades';

export const DB_NAME = 'relief';

/** One shipped version of the schema: the stores it changes and how it upgrades the data before it. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every shipped version, as it shipped. A schema change adds the next one with
 * its `upgrade()` and a saved example captured by running it
 * (tests/fixtures/db, scripts/saved-db/capture.ts); a test checks each entry
 * here against what its saved example was stored under, so an edit to a
 * shipped version fails.
 */
export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      catalogueSources: 'id, importedAt',
      catalogueChunks: 'id, sourceId',
      unsoldGoods: 'id, status, countyCode, updatedOn',
      purchases: 'id, purchasedOn, pledgeId, orderKey, catalogueEntryId',
      pledges: 'id, periodStart',
      matchIndex: 'id',
    },
  },
  // Purchases get their channel (indexed: the canteen share counts 832 only), pledges their
  // kind; a coordinator's merge is saved to reopen.
  {
    version: 2,
    stores: {
      purchases: 'id, purchasedOn, pledgeId, orderKey, catalogueEntryId, channel',
      mergeSessions: 'id, savedAt',
    },
    upgrade: async (tx) => {
      await tx.table('purchases').toCollection().modify(purchaseToV2);
      await tx.table('pledges').toCollection().modify(pledgeToV2);
    },
  },
];

/** The extension's database: every version of SCHEMA_HISTORY, in order. */
export class ReliefDb extends Dexie {
  catalogueSources!: EntityTable<CatalogueSource, 'id'>;
  catalogueChunks!: EntityTable<CatalogueChunk, 'id'>;
  unsoldGoods!: EntityTable<UnsoldGood, 'id'>;
  purchases!: EntityTable<Purchase, 'id'>;
  pledges!: EntityTable<Pledge, 'id'>;
  matchIndex!: EntityTable<MatchIndexRecord, 'id'>;
  mergeSessions!: EntityTable<MergeSession, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_HISTORY) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
