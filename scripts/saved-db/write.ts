/**
 * Run by capture.ts inside a checkout of a build's `lib/` (it imports ./lib/…,
 * which is that build's code): writes what a user of that build would have
 * saved, through that build's own functions, and dumps it. Fields a build does
 * not know (a pledge's `kind` before version 2) are dropped by its own schemas.
 */
import 'fake-indexeddb/auto';
import './lib/zod';
import { writeFileSync } from 'node:fs';
import { createBackup } from './lib/backup';
import { commitCatalogueImport, parseCatalogueFile } from './lib/catalogue/import';
import { PledgeSchema, PurchaseSchema } from './lib/db/entities';
import { ReliefDb } from './lib/db/schema';
import * as drafts from './lib/ledger/purchase-draft';
import { draftFromPrefill, draftFromUnsold, emptyDraft, purchaseFromDraft } from './lib/ledger/purchase-draft';
import { DEFAULT_SETTINGS } from './lib/settings-schema';
import { emptyUnsoldDraft, unsoldFromDraft } from './lib/unsold/entry';

const out = process.argv[2] as string;
const today = '2026-11-20';
const db = new ReliefDb('capture');
await db.open();

const csv = [
  '证书编号,产品名称,供应商,县,有效期至,状态,目录批次,平台,店铺名称,商品编号',
  'FP2020500229002,城口老腊肉,城口县巴山老腊肉农民专业合作社,城口县,2099-12-31,有效,第七批,京东,巴山老腊肉旗舰店,100023456781',
  'FP2020610929001,紫阳富硒茶,紫阳县汉江茶业有限公司,紫阳县,2099-12-31,有效,第七批,,,',
].join('\n');
const reading = parseCatalogueFile({ name: '第七批.csv', bytes: new TextEncoder().encode(csv) }, { today });
await commitCatalogueImport(db, reading, { importedAt: '2026-11-01T08:00:00.000Z' });

const unsold = unsoldFromDraft(
  {
    ...emptyUnsoldDraft(),
    product: '脐橙',
    quantity: '5000',
    openQuantity: '3000',
    unit: '斤',
    expectedPrice: '3.50',
    county: '秭归县',
    producer: '王大姐',
    householdType: '脱贫户',
    phone: '13800138000',
  },
  { id: 'u1', today },
);
await db.unsoldGoods.put(unsold);

/** Fields typed into the form one by one: from version 2 on, what follows them (the channel) follows, as in the form. */
function typed(draft: ReturnType<typeof emptyDraft>, fields: Record<string, string>) {
  const withField = (drafts as Record<string, unknown>).withDraftField as
    | ((d: typeof draft, key: string, value: string) => typeof draft)
    | undefined;
  let d = draft;
  for (const [key, value] of Object.entries(fields)) d = withField ? withField(d, key, value) : { ...d, [key]: value };
  return d;
}

const entry = reading.plan.entries[0];
const save = async (purchase: unknown) => db.purchases.put(PurchaseSchema.parse(purchase));
// A JD listing matched as certified, logged from its badge.
const jd = {
  listing: {
    site: 'jd' as const,
    itemId: '100023456781',
    title: '城口老腊肉 500g',
    shopName: '巴山老腊肉旗舰店',
    priceFen: 8800,
    url: 'https://item.jd.com/100023456781.html',
  },
  result: {
    tier: 'certified' as const,
    entryId: entry?.id,
    score: 1,
    reasons: ['item'],
    product: '城口老腊肉',
    supplier: '城口县巴山老腊肉农民专业合作社',
    county: '城口县',
    countyCode: '500229',
    batch: '第七批',
  },
};
await save(
  purchaseFromDraft(
    { ...draftFromPrefill(jd, today), quantity: '2', amount: '176.00', amountEdited: true, orderNo: '300123456789' },
    { prefill: jd },
    { id: 'p-jd', createdAt: '2026-11-20T09:00:00.000Z' },
  ),
);
// On the 832 platform, for the canteen.
const on832 = {
  listing: {
    site: 'fupin832' as const,
    itemId: '8320001',
    title: '紫阳富硒茶 250g',
    shopName: '紫阳县汉江茶业有限公司',
  },
  result: { tier: 'certified' as const, score: 1, reasons: ['supplier'], product: '紫阳富硒茶', batch: '第七批' },
};
await save(
  purchaseFromDraft(
    { ...draftFromPrefill(on832, today), unitPrice: '60.00', amount: '600.00', quantity: '10', fundingSource: '食堂' },
    { prefill: on832 },
    { id: 'p-832', createdAt: '2026-11-20T09:05:00.000Z' },
  ),
);
// Typed by hand: a Taobao 扶贫馆 shop, bought with union funds.
await save(
  purchaseFromDraft(
    {
      ...typed(emptyDraft(today), {
        purchasedOn: '2026-10-08',
        product: '平利绞股蓝',
        shop: '中国特产·平利扶贫馆',
        platform: 'taobao',
        quantity: '2',
        unitPrice: '45.00',
        amount: '90.00',
      }),
      fundingSource: '工会',
    },
    {},
    { id: 'p-taobao', createdAt: '2026-11-20T09:10:00.000Z' },
  ),
);
// 认购 from the unsold register.
await save(
  purchaseFromDraft(
    { ...draftFromUnsold(unsold, today), quantity: '20', amount: '70.00' },
    { unsold },
    { id: 'p-unsold', createdAt: '2026-11-20T09:15:00.000Z' },
  ),
);
// Bought at a counter, typed by hand with no platform.
await save(
  purchaseFromDraft(
    {
      ...emptyDraft(today),
      purchasedOn: '2026-09-01',
      product: '小米',
      unitPrice: '12.00',
      amount: '24.00',
      quantity: '2',
    },
    {},
    { id: 'p-typed', createdAt: '2026-11-20T09:20:00.000Z' },
  ),
);

await db.pledges.bulkPut([
  PledgeSchema.parse({
    id: 'pl-year',
    kind: '以购代捐',
    title: '2026 年以购代捐',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    targetFen: 200000,
  }),
  PledgeSchema.parse({
    id: 'pl-canteen',
    kind: '预留份额',
    title: '食堂预留份额',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    targetFen: shareOf(12000000, 0.15),
    baseFen: 12000000,
    ratio: 0.15,
    fundingSource: '食堂',
    unit: '县委办',
  }),
  PledgeSchema.parse({
    id: 'pl-union',
    kind: '工会',
    title: '工会慰问品',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    targetFen: 300000,
    fundingSource: '工会',
  }),
]);

function shareOf(base: number, ratio: number) {
  return Math.round(base * ratio);
}

const tables: Record<string, unknown[]> = {};
const stores: Record<string, string> = {};
for (const table of db.tables) {
  stores[table.name] = [table.schema.primKey, ...table.schema.indexes].map((i) => i.src).join(', ');
  // The match index is derived data, rebuilt on demand; it is not the user's.
  if (table.name !== 'matchIndex') tables[table.name] = await table.toArray();
}
writeFileSync(
  out,
  `${JSON.stringify({ version: db.verno, capturedBy: 'scripts/saved-db/capture.ts', stores, tables }, null, 1)}\n`,
);
// The same data as that build's backup file (设置 › 备份), for the restore of older backups.
const settings = { ...DEFAULT_SETTINGS, profile: { name: '张三', unit: '县委办', employeeNo: '007' } };
writeFileSync(out.replace(/\.json$/, '.backup.json'), await createBackup(db, settings));
db.close();
