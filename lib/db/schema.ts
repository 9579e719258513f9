import Dexie, { type EntityTable } from 'dexie';
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

/**
 * The extension's database. Every shipped `version(n)` stays here as it was;
 * a schema change adds `version(n + 1)` with an `upgrade()` and a test that
 * migrates saved data of the version before.
 */
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
    this.version(1).stores({
      catalogueSources: 'id, importedAt',
      catalogueChunks: 'id, sourceId',
      unsoldGoods: 'id, status, countyCode, updatedOn',
      purchases: 'id, purchasedOn, pledgeId, orderKey, catalogueEntryId',
      pledges: 'id, periodStart',
      matchIndex: 'id',
    });
    // Purchases get their channel (indexed: the canteen share counts 832 only), pledges their
    // kind; a coordinator's merge is saved to reopen.
    this.version(2)
      .stores({
        purchases: 'id, purchasedOn, pledgeId, orderKey, catalogueEntryId, channel',
        mergeSessions: 'id, savedAt',
      })
      .upgrade(async (tx) => {
        await tx.table('purchases').toCollection().modify(purchaseToV2);
        await tx.table('pledges').toCollection().modify(pledgeToV2);
      });
  }
}
