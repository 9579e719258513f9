import { channelFor } from '../ledger/channel';
import type { PledgeKind } from '../ledger/pledge-kinds';

/**
 * What each schema version adds to records saved by the version before. The
 * Dexie `upgrade()` of lib/db/schema.ts and the restore of an older backup
 * (lib/backup.ts) call the same functions, so both give the same records.
 */
type Saved = Record<string, unknown>;

/** Version 2: a purchase gets its channel, derived from its platform and shop as when logged. */
export function purchaseToV2<T extends Saved>(purchase: T): T {
  if (!purchase.channel) {
    (purchase as Saved).channel = channelFor({
      platform: typeof purchase.platform === 'string' ? purchase.platform : undefined,
      shop: typeof purchase.shop === 'string' ? purchase.shop : undefined,
    });
  }
  return purchase;
}

/**
 * Version 2: a pledge gets its kind. Version 1 had a canteen share as base × ratio
 * (预留份额) and a funding source 工会 for union pledges; everything else was 以购代捐.
 */
export function pledgeToV2<T extends Saved>(pledge: T): T {
  if (!pledge.kind) {
    const kind: PledgeKind =
      pledge.baseFen !== undefined && pledge.fundingSource !== '工会'
        ? '预留份额'
        : pledge.fundingSource === '工会'
          ? '工会'
          : '以购代捐';
    (pledge as Saved).kind = kind;
  }
  return pledge;
}
