/**
 * Bad files thrown at every reader (catalogue, unsold register, member file,
 * backup): truncated, mis-encoded, bombs, huge cells, wrong types, formulas.
 * Each gives a named error (or a reading), never another exception, and the
 * stored data's hash is unchanged.
 */

import { createHash } from 'node:crypto';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupError, createBackup, restoreBackup } from '../../lib/backup';
import { parseCatalogueFile, TableFileError } from '../../lib/catalogue/import';
import { writeSource } from '../../lib/catalogue/store';
import { readCheckedMemberFile } from '../../lib/coordinator/read-member-file';
import { ReliefDb } from '../../lib/db/schema';
import { zhText } from '../../lib/i18n/message';
import { DEFAULT_SETTINGS } from '../../lib/settings-defaults';
import { readCheckedUnsoldFile } from '../../lib/unsold/file';
import { xlsxBomb } from '../zip-bomb';
import { purchase, zhOf } from './helpers';

let n = 0;
async function seededDb(): Promise<ReliefDb> {
  const db = new ReliefDb(`fuzz-${++n}`);
  await writeSource(
    db,
    { id: 'src:a', name: 'a', rowCount: 0, importedAt: '2026-01-01T00:00:00.000Z', sample: false },
    [],
  );
  await db.purchases.add(purchase({ purchasedOn: '2026-03-01', amountFen: 5970 }));
  return db;
}

async function storedHash(db: ReliefDb): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]));
  return createHash('sha256').update(JSON.stringify(tables)).digest('hex');
}

const enc = (s: string) => new TextEncoder().encode(s);
const CATALOGUE =
  '产品名称,供应商,统一社会信用代码,有效期至\n黄花菜,祁东合作社,0012,2026-12-31\n腊肉,甲公司,,2026-12-31\n';
const MEMBER = '日期,姓名,产品,金额(元),订单号\n2026-03-01,张三,黄花菜,59.70,00123\n';
const UNSOLD = '产品,数量,生产者\n白菜,100,李四\n';

function xlsxOf(rows: unknown[][]): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Bad variants of a good text table: truncated, re-encoded wrongly, formulas, huge cells, random bytes. */
const badTable = (good: string) =>
  fc.oneof(
    fc.integer({ min: 0, max: good.length }).map((cut) => enc(good.slice(0, cut))),
    fc.uint8Array({ minLength: 1, maxLength: 400 }),
    fc.integer({ min: 1, max: 40 }).map((cut) => {
      const bytes = xlsxOf(good.split('\n').map((l) => l.split(',')));
      return bytes.subarray(0, Math.max(1, bytes.length - cut * 50));
    }),
    fc
      .constantFrom('=HYPERLINK("http://x","y")', '+1+1', '@SUM(A1)', '-2', '"\'', '"', '\u0000')
      .map((f) => enc(good.replace('黄花菜', f))),
    fc.integer({ min: 32_768, max: 40_000 }).map((k) => enc(good.replace('黄花菜', '甲'.repeat(k)))),
    fc.constant(new Uint8Array(Buffer.from(good, 'utf16le'))), // UTF-16 without BOM: read, not refused
    fc.constant(enc(`${good.split('\n')[0]}\n${'x,'.repeat(600)}\n`)),
  );

const named = (error: unknown) => error instanceof TableFileError;

describe('fuzz: every reader names its error and stores nothing', () => {
  it('catalogue', async () => {
    const db = await seededDb();
    const before = await storedHash(db);
    await fc.assert(
      fc.asyncProperty(badTable(CATALOGUE), fc.constantFrom('x.csv', 'x.xlsx', 'x.json'), async (bytes, name) => {
        try {
          parseCatalogueFile({ name, bytes }, { today: '2026-01-01' });
        } catch (error) {
          expect(named(error), String(error)).toBe(true);
          expect((error as Error).message.startsWith(`「${name}」`)).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
    expect(await storedHash(db)).toBe(before);
  });

  it('member file and unsold register', async () => {
    const db = await seededDb();
    const before = await storedHash(db);
    await fc.assert(
      fc.asyncProperty(badTable(MEMBER), badTable(UNSOLD), async (member, unsold) => {
        const report = await readCheckedMemberFile({ name: 'm.csv', bytes: member });
        if (report.error) expect(zhOf(report.error)?.startsWith('「m.csv」')).toBe(true);
        const register = await readCheckedUnsoldFile(
          { name: 'u.csv', bytes: unsold },
          { today: '2026-01-01', newId: () => 'u1' },
        );
        if (register.error) expect(zhText(register.error).startsWith('「u.csv」')).toBe(true);
      }),
      { numRuns: 120 },
    );
    expect(await storedHash(db)).toBe(before);
  });

  it('bombs, honest or lying, at every workbook reader', async () => {
    const db = await seededDb();
    const before = await storedHash(db);
    for (const lie of [false, true]) {
      const bytes = await xlsxBomb(170, { lie });
      const member = await readCheckedMemberFile({ name: 'b.xlsx', bytes });
      const register = await readCheckedUnsoldFile(
        { name: 'b.xlsx', bytes },
        { today: '2026-01-01', newId: () => 'u' },
      );
      for (const error of [member.error, register.error]) expect(zhOf(error)).toContain('解压后超过 160 MB');
      if (!lie)
        expect(() => parseCatalogueFile({ name: 'b.xlsx', bytes }, { today: '2026-01-01' })).toThrow('解压后超过');
    }
    expect(await storedHash(db)).toBe(before);
  });

  it('backup: wrong types, huge values, impossible dates, extra tables, broken references', async () => {
    const db = await seededDb();
    const good = JSON.parse(await createBackup(db, DEFAULT_SETTINGS));
    const before = await storedHash(db);
    const mutations: [string, (b: typeof good) => void][] = [
      [
        'extra table',
        (b) => {
          b.tables.evil = [];
        },
      ],
      [
        'extra key',
        (b) => {
          b.evil = 1;
        },
      ],
      [
        '1e308',
        (b) => {
          b.tables.purchases[0].quantity = 1e308;
        },
      ],
      [
        'huge string',
        (b) => {
          b.tables.purchases[0].product = 'x'.repeat(1_000_000);
        },
      ],
      [
        '2020-02-30',
        (b) => {
          b.tables.purchases[0].purchasedOn = '2020-02-30';
        },
      ],
      [
        'string amount',
        (b) => {
          b.tables.purchases[0].amountFen = '176.00';
        },
      ],
      [
        'no pledge',
        (b) => {
          b.tables.purchases[0].pledgeId = 'nobody';
        },
      ],
      [
        'extra field',
        (b) => {
          b.tables.purchases[0].evil = '<img>';
        },
      ],
      [
        'missing table',
        (b) => {
          delete b.tables.pledges;
        },
      ],
      [
        'pledge ends first',
        (b) => {
          b.tables.pledges.push({
            id: 'p1',
            title: 't',
            kind: '以购代捐',
            periodStart: '2026-02-01',
            periodEnd: '2026-01-01',
            targetFen: 100,
          });
        },
      ],
    ];
    const messages: string[] = [];
    for (const [label, mutate] of mutations) {
      const broken = structuredClone(good);
      mutate(broken);
      const error = await restoreBackup(db, JSON.stringify(broken)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, label).toBeInstanceOf(BackupError);
      expect((error as BackupError).problem, label).toBeDefined();
      expect((error as Error).message, label).not.toMatch(/[A-Za-z]{3,} (expected|received|Error)/);
      messages.push((error as Error).message);
    }
    expect(messages[4]).toBe(
      '备份文件的「购买记录」第 1 条记录（p-2026-03-01-5970-）的「purchasedOn」有误：不是真实的日期。未恢复，现有数据不变。',
    );
    expect(messages[6]).toContain('「pledgeId」指向不存在的认购任务「nobody」');
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const text = JSON.stringify({ ...good, tables: { ...good.tables, purchases: [value] } });
        const error = await restoreBackup(db, text).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(BackupError);
      }),
      { numRuns: 60 },
    );
    expect(await storedHash(db)).toBe(before);
  });
});
