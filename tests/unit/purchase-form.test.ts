import { describe, expect, it } from 'vitest';
import type { CatalogueEntry, Pledge } from '../../lib/db/entities';
import { ReliefDb } from '../../lib/db/schema';
import { emptyDraft, type PurchaseDraft } from '../../lib/ledger/purchase-draft';
import { pledgeChoices, startingDraft, submitDraft, withCatalogueEntry } from '../../lib/ledger/purchase-form';
import type { Listing, MatchResult } from '../../lib/match/listing';
import type { Prefill } from '../../lib/prefill';
import { purchase, UNSOLD_LAROU } from './helpers';

const TODAY = '2026-11-25';
const draft = (over: Partial<PurchaseDraft>): PurchaseDraft => ({ ...emptyDraft(TODAY), ...over });
/** The background's matcher as the form asks it: here it certifies 祁东黄花菜 of its supplier, and only that. */
const asked: Listing[][] = [];
const ask = async (listings: Listing[]): Promise<MatchResult[]> => {
  asked.push(listings);
  return listings.map((l) =>
    /祁东黄花菜/.test(l.title) && /湘祁/.test(l.shopName ?? '')
      ? {
          tier: 'certified',
          entryId: 'e1',
          score: 1,
          reasons: [],
          supplier: '祁东县湘祁黄花菜开发有限公司',
          county: '祁东县',
        }
      : { score: 0, reasons: [] },
  );
};
let n = 0;
const options = (over: { confirmed?: boolean } = {}) => ({
  today: TODAY,
  ask,
  newId: () => `new-${n++}`,
  now: () => '2026-11-25T08:00:00Z',
  ...over,
});
const good = UNSOLD_LAROU;

describe('the purchase form’s logic (lib/ledger/purchase-form)', () => {
  it('starts from the stored purchase, else the unsold entry, else the listing, else empty', () => {
    const stored = purchase({ id: 's', purchasedOn: '2026-03-05', amountFen: 7000, product: '安化黑茶' });
    const prefill: Prefill = {
      listing: { site: 'jd', url: 'https://item.jd.com/1.html', title: '紫阳富硒茶 250g' },
      result: { score: 0, reasons: [] },
    };
    expect(startingDraft({ editing: stored, unsold: good, prefill }, TODAY).product).toBe('安化黑茶');
    expect(startingDraft({ unsold: good, prefill }, TODAY).product).toBe('城口老腊肉');
    expect(startingDraft({ prefill }, TODAY).product).toBe('紫阳富硒茶 250g');
    expect(startingDraft({}, TODAY)).toEqual(emptyDraft(TODAY));
  });

  it('从目录选择 fills product, supplier and county; an entry without a county keeps the typed one', () => {
    const entry = { name: '祁东黄花菜', supplier: '祁东县湘祁黄花菜开发有限公司', county: '祁东县' } as CatalogueEntry;
    expect(withCatalogueEntry(draft({ product: '黄花', county: '衡阳' }), entry)).toMatchObject({
      product: '祁东黄花菜',
      supplier: '祁东县湘祁黄花菜开发有限公司',
      county: '祁东县',
    });
    expect(withCatalogueEntry(draft({ county: '衡阳' }), { ...entry, county: undefined }).county).toBe('衡阳');
  });

  it('offers the active pledges and the one a purchase is linked to, not other ended ones', () => {
    const pledge = (id: string, periodEnd: string): Pledge => ({
      id,
      title: id,
      kind: '以购代捐',
      periodStart: '2025-01-01',
      periodEnd,
      targetFen: 1000,
    });
    const all = [pledge('now', '2026-12-31'), pledge('old', '2025-12-31'), pledge('older', '2025-06-30')];
    expect(pledgeChoices(all, TODAY, '').map((p) => p.id)).toEqual(['now']);
    expect(pledgeChoices(all, TODAY, 'old').map((p) => p.id)).toEqual(['now', 'old']);
  });

  it('a draft with errors writes nothing and says which fields', async () => {
    const db = new ReliefDb('purchase-form-1');
    const outcome = await submitDraft(db, draft({ product: ' ', amount: '0' }), {}, options());
    expect(outcome.kind).toBe('invalid');
    expect(Object.keys(outcome.kind === 'invalid' ? outcome.errors : {}).sort()).toEqual(['amount', 'product']);
    expect(await db.purchases.count()).toBe(0);
  });

  it('a typed catalogued product is saved certified, the supplier and county left empty filled in', async () => {
    const db = new ReliefDb('purchase-form-2');
    const outcome = await submitDraft(
      db,
      draft({ product: '祁东黄花菜 500g', shop: '湘祁旗舰店', amount: '30' }),
      {},
      options(),
    );
    expect(outcome.kind).toBe('saved');
    const [stored] = await db.purchases.toArray();
    expect(stored).toMatchObject({
      id: outcome.kind === 'saved' ? outcome.purchase.id : '',
      certification: { tier: 'certified' },
      catalogueEntryId: 'e1',
      supplier: '祁东县湘祁黄花菜开发有限公司',
      county: '祁东县',
      createdAt: '2026-11-25T08:00:00Z',
    });
    const other = await submitDraft(db, draft({ product: '某地木耳', amount: '12' }), {}, options());
    expect(other.kind === 'saved' && other.purchase.certification.tier).toBeUndefined();
  });

  it('the same purchase again asks first, and is saved once confirmed', async () => {
    const db = new ReliefDb('purchase-form-3');
    const typed = draft({ product: '安化黑茶', amount: '128' });
    expect((await submitDraft(db, typed, {}, options())).kind).toBe('saved');
    const again = await submitDraft(db, typed, {}, options());
    expect(again).toMatchObject({ kind: 'duplicate', verdict: { kind: 'ask' } });
    expect(await db.purchases.count()).toBe(1);
    expect((await submitDraft(db, typed, {}, options({ confirmed: true }))).kind).toBe('saved');
    expect(await db.purchases.count()).toBe(2);
  });

  it('an edit keeps its id, creation time and certification, asks no matcher, and its undo restores it', async () => {
    const db = new ReliefDb('purchase-form-4');
    const stored = purchase({ id: 's', purchasedOn: '2026-03-05', amountFen: 7000, createdAt: '2026-03-05T01:00:00Z' });
    await db.purchases.put(stored);
    const before = asked.length;
    const outcome = await submitDraft(
      db,
      { ...startingDraft({ editing: stored }, TODAY), amount: '80' },
      { editing: stored },
      options(),
    );
    expect(asked.length).toBe(before);
    expect(await db.purchases.toArray()).toEqual([
      expect.objectContaining({
        id: 's',
        amountFen: 8000,
        createdAt: stored.createdAt,
        certification: stored.certification,
      }),
    ]);
    if (outcome.kind === 'saved') await outcome.undo();
    expect((await db.purchases.get('s'))?.amountFen).toBe(7000);
  });

  it('认购 of an unsold entry lowers what is left to sell', async () => {
    const db = new ReliefDb('purchase-form-5');
    await db.unsoldGoods.put(good);
    const outcome = await submitDraft(
      db,
      { ...startingDraft({ unsold: good }, TODAY), quantity: '2', amount: '60' },
      { unsold: good },
      options(),
    );
    expect(outcome.kind === 'saved' && outcome.purchase.certification.tier).toBe('unsold');
    expect((await db.unsoldGoods.get('u1'))?.openQuantity).toBe(1);
  });
});
