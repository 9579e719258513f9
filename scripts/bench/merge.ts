import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseCatalogueFile } from '../../lib/catalogue/import';
import { type MergeOptions, mergeMemberFiles } from '../../lib/coordinator/merge';
import { mapWithRunners } from '../../lib/coordinator/pool';
import { type MemberFileReport, readMemberFile } from '../../lib/coordinator/read-member-file';
import { verifyRows } from '../../lib/coordinator/verify';
import type { Purchase } from '../../lib/db/entities';
import { memberCsvBytes, memberRowsOf, memberXlsxBytes } from '../../lib/ledger/member-export';
import { buildMatchIndex } from '../../lib/match/build-index';
import { mulberry32 } from './generate-catalogue';
import { type Bench, ms, timeMedian, within } from './util';

const FILES = 500;
const ROWS = 100;
const PRODUCTS = ['祁东黄花菜', '秭归脐橙', '平山核桃', '旬阳拐枣', '松潘燕麦', '扶风红枣', '贵德藜麦', '榆中红茶'];
const FUNDING = ['个人', '工会', '食堂', '单位'] as const;

/** 500 members' files of 100 purchases each, as our exporter writes them (xlsx). */
function memberFiles(kind: 'xlsx' | 'csv'): { name: string; bytes: Uint8Array }[] {
  const rand = mulberry32(500);
  const period = { start: '2026-01-01', end: '2026-12-31' };
  const files = [];
  for (let m = 0; m < FILES; m++) {
    const profile = { name: `成员${m}`, unit: '某某县财政局' };
    const purchases: Purchase[] = [];
    for (let i = 0; i < ROWS; i++) {
      const day = `2026-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const fen = 500 + Math.floor(rand() * 50_000);
      purchases.push({
        id: `${m}-${i}`,
        purchasedOn: day,
        product: PRODUCTS[Math.floor(rand() * PRODUCTS.length)] as string,
        supplier: '祁东县湘祁黄花菜开发有限公司',
        county: '祁东县',
        platform: 'jd',
        channel: '电商平台',
        orderNo: String(2_855_198_432_114_567 + m * ROWS + i),
        quantity: 1,
        unit: '件',
        unitPriceFen: fen,
        amountFen: fen,
        fundingSource: FUNDING[Math.floor(rand() * FUNDING.length)] as Purchase['fundingSource'],
        type: '直接购买',
        certification: { tier: 'certified' },
        createdAt: `${day}T08:00:00.000Z`,
      });
    }
    const rows = memberRowsOf(purchases, profile, period);
    const bytes =
      kind === 'xlsx'
        ? memberXlsxBytes(rows, { profile, period, exportedAt: '2026-11-25T00:00:00Z' })
        : memberCsvBytes(rows);
    files.push({ name: `${profile.name}.${kind}`, bytes });
  }
  return files;
}

/** The coordinator's catalogue (half of the products, with the members' supplier), as the page verifies against it. */
function verifyOptions(): MergeOptions {
  const csv = [
    '产品名称,供应商,县,有效期至,状态',
    ...PRODUCTS.slice(0, 4).map((p) => `${p},祁东县湘祁黄花菜开发有限公司,祁东县,2099-12-31,有效`),
  ];
  const { plan } = parseCatalogueFile(
    { name: 'c.csv', bytes: new TextEncoder().encode(csv.join('\n')) },
    { today: '2026-11-25' },
  );
  const index = buildMatchIndex(plan.entries, [], 'bench');
  return { period: { start: '2026-01-01', end: '2026-12-31' }, verify: (rows) => verifyRows(index, rows) };
}

/** Worker threads reading files, as the coordinator page's pool of web workers does (one per core, at most four). */
function threadPool() {
  const size = Math.max(1, Math.min(availableParallelism(), 4));
  // A TypeScript worker: register tsx's loader in the thread, then import the module.
  const entry = pathToFileURL(join(process.cwd(), 'scripts/bench/merge-thread.ts')).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  const threads = Array.from({ length: size }, () => new Worker(boot, { eval: true }));
  let nextId = 0;
  const runners = threads.map(
    (thread) => (file: { name: string; bytes: Uint8Array }) =>
      new Promise<MemberFileReport>((resolve) => {
        const id = nextId++;
        const onMessage = (reply: { id: number; report: MemberFileReport }) => {
          if (reply.id !== id) return;
          thread.off('message', onMessage);
          resolve(reply.report);
        };
        thread.on('message', onMessage);
        thread.postMessage({ id, ...file });
      }),
  );
  return { size, runners, close: () => Promise.all(threads.map((t) => t.terminate())) };
}

/**
 * The coordinator's merge (DESIGN §8: 500 files of 100 rows ≤ 5 s): reading
 * every file, then merging. Timed on one thread, and with the pool of workers
 * the page uses (the budget's figure); the pool is warmed up before timing.
 */
export const mergeBench: Bench = {
  name: 'merge',
  async run() {
    const rows: string[][] = [];
    const pool = threadPool();
    // Reading, then merging with every row verified against the catalogue, as the page does.
    const options = verifyOptions();
    try {
      for (const kind of ['xlsx', 'csv'] as const) {
        const files = memberFiles(kind);
        const mb = files.reduce((n, f) => n + f.bytes.length, 0) / 1048576;
        const check = (merged: number) => {
          if (merged !== FILES * ROWS) throw new Error(`merged ${merged} rows, expected ${FILES * ROWS}`);
        };
        const single = await timeMedian(
          () => check(mergeMemberFiles(files.map(readMemberFile), options).rows.length),
          3,
          1,
        );
        const pooled = await timeMedian(
          async () => check(mergeMemberFiles(await mapWithRunners(files, pool.runners), options).rows.length),
          3,
          1,
        );
        const label = `merge ${FILES} ${kind} files × ${ROWS} rows (${mb.toFixed(1)} MB)`;
        rows.push([`${label}, one thread`, ms(single), '', '']);
        rows.push([`${label}, ${pool.size} workers`, ms(pooled), '≤ 5000 ms', within(pooled, 5000)]);
      }
    } finally {
      await pool.close();
    }
    return rows;
  },
};
