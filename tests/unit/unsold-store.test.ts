import { afterEach, describe, expect, it } from 'vitest';
import { ReliefDb } from '../../lib/db/schema';
import type { UnsoldImport } from '../../lib/unsold/file';
import { storeUnsoldImport } from '../../lib/unsold/store';
import { UNSOLD_LAROU, zhOf } from './helpers';

let n = 0;
const opened: ReliefDb[] = [];
const freshDb = () => {
  const db = new ReliefDb(`unsold-store-${++n}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const report = (ids: string[]): UnsoldImport => ({
  goods: ids.map((id) => ({ ...UNSOLD_LAROU, id, product: `腊肉 ${id}` })),
  rowsRead: ids.length,
  rejected: [],
});

describe('storeUnsoldImport', () => {
  it('stores every good of the file', async () => {
    const db = freshDb();
    const stored = await storeUnsoldImport(db, report(['a', 'b', 'c']));
    expect(stored.error).toBeUndefined();
    expect((await db.unsoldGoods.toArray()).map((g) => g.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('writes nothing when one good cannot be written, and says so in the user language', async () => {
    const db = freshDb();
    await db.unsoldGoods.add({ ...UNSOLD_LAROU, id: 'b', product: '已有的' });
    const stored = await storeUnsoldImport(db, report(['a', 'b', 'c']));
    expect(stored.goods).toEqual([]);
    expect(zhOf(stored.error)).toMatch(/^导入失败，什么都没有写入：/);
    // The register is as it was: the one good stored before, unchanged; neither 'a' before the clash nor 'c'.
    expect(await db.unsoldGoods.toArray()).toEqual([{ ...UNSOLD_LAROU, id: 'b', product: '已有的' }]);
  });

  it('passes a file with no goods through untouched', async () => {
    const db = freshDb();
    const empty: UnsoldImport = { goods: [], rowsRead: 2, rejected: [] };
    expect(await storeUnsoldImport(db, empty)).toBe(empty);
    expect(await db.unsoldGoods.count()).toBe(0);
  });
});
