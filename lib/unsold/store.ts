import type { ReliefDb } from '../db/schema';
import { message, messageOfError } from '../i18n';
import type { UnsoldImport } from './file';

/**
 * Writes a read register into the database in one transaction: a failed write (an id already stored, a full disk)
 * leaves the register as it was, and the report then says so and carries no goods — nothing is half imported.
 */
export async function storeUnsoldImport(db: ReliefDb, report: UnsoldImport): Promise<UnsoldImport> {
  if (!report.goods.length) return report;
  try {
    await db.transaction('rw', db.unsoldGoods, () => db.unsoldGoods.bulkAdd(report.goods));
    return report;
  } catch (error) {
    return { ...report, goods: [], error: message('unsold.import.failed', { message: messageOfError(error) }) };
  }
}
