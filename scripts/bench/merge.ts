import { mergeMemberFiles } from '../../lib/coordinator/merge';
import { readMemberFile } from '../../lib/coordinator/read-member-file';
import type { Purchase } from '../../lib/db/entities';
import { memberCsvBytes, memberRowsOf, memberXlsxBytes } from '../../lib/ledger/member-export';
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

/** The coordinator's merge (DESIGN §8: 500 files of 100 rows ≤ 5 s): reading every file, then merging. */
export const mergeBench: Bench = {
  name: 'merge',
  async run() {
    const rows: string[][] = [];
    for (const kind of ['xlsx', 'csv'] as const) {
      const files = memberFiles(kind);
      const mb = files.reduce((n, f) => n + f.bytes.length, 0) / 1048576;
      let merged = 0;
      const time = await timeMedian(
        () => {
          const result = mergeMemberFiles(files.map(readMemberFile));
          merged = result.rows.length;
        },
        3,
        1,
      );
      if (merged !== FILES * ROWS) throw new Error(`merged ${merged} rows, expected ${FILES * ROWS}`);
      rows.push([
        `merge ${FILES} ${kind} files × ${ROWS} rows (${mb.toFixed(1)} MB)`,
        ms(time),
        '≤ 5000 ms',
        within(time, 5000),
      ]);
    }
    return rows;
  },
};
