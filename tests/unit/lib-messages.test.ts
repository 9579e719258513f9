/**
 * lib says what went wrong as message codes; the interface translates them.
 * One error of each converted area, rendered as an English and as a Chinese
 * interface shows it.
 */
import { describe, expect, it } from 'vitest';
import { BackupError, createBackup, parseBackup } from '../../lib/backup';
import { parseCatalogueFile } from '../../lib/catalogue/import';
import { readMemberFile, workerFailure } from '../../lib/coordinator/read-member-file';
import { ReliefDb } from '../../lib/db/schema';
import { createTranslator, say, sayError } from '../../lib/i18n';
import { DEFAULT_SETTINGS } from '../../lib/settings-schema';
import { readTableFile } from '../../lib/tables/table';
import { emptyUnsoldDraft, validateUnsoldDraft } from '../../lib/unsold/entry';
import { readUnsoldFile } from '../../lib/unsold/file';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');
const bytes = (text: string) => new TextEncoder().encode(text);
const today = '2026-12-02';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('table reader errors', () => {
  it('an empty file, in either language', () => {
    const error = thrown(() =>
      readTableFile(
        { name: 'a.csv', bytes: new Uint8Array() },
        { isKnownHeader: () => true, noHeaderMessage: 'table.noHeader.catalogue' },
      ),
    );
    expect(sayError(en, error)).toBe('"a.csv": is empty (0 bytes).');
    expect(sayError(zh, error)).toBe('「a.csv」是空的（0 字节）。');
  });

  it('a file without a header row names what was looked for, the reason inside the file error translated too', () => {
    const error = thrown(() => parseCatalogueFile({ name: 'n.csv', bytes: bytes('今天,天气\n很好,晴\n') }, { today }));
    expect(sayError(en, error)).toBe(
      '"n.csv": is not a table we can read: in its first 10 rows there is no header such as 产品名称 (product name) or 供应商 (supplier).',
    );
    expect(sayError(zh, error)).toBe('「n.csv」不是可识别的表格：前 10 行中找不到"产品名称""供应商"等表头。');
  });
});

describe('catalogue import report', () => {
  const csv =
    '产品名称,供应商,认定日期,有效期至\n,甲合作社,2021-01-01,\n黄花菜,乙合作社,2021-13-45,\n腊肉,丙合作社,2020-01-01,2021-01-01\n';
  const { plan } = parseCatalogueFile({ name: 'c.csv', bytes: bytes(csv) }, { today });

  it('rejected rows and warnings in either language', () => {
    expect(plan.rejected.map((p) => en(p.message.key, p.message.params))).toEqual([
      'no product name',
      'date not recognised: “2021-13-45”',
    ]);
    expect(plan.rejected.map((p) => zh(p.message.key, p.message.params))).toEqual([
      '缺少产品名称',
      '日期无法识别：「2021-13-45」',
    ]);
    const expired = plan.warnings.find((w) => w.message.key === 'catalogue.row.expired');
    expect(expired && en(expired.message.key, expired.message.params)).toBe(
      'past its validity (2021-01-01); imported as expired',
    );
  });

  it('a missing required column, as the file error', () => {
    const error = thrown(() =>
      parseCatalogueFile({ name: 'x.csv', bytes: bytes('产品名称,县\n黄花菜,祁东县\n') }, { today }),
    );
    expect(sayError(en, error)).toBe('"x.csv": required columns are missing: "供应商"');
    expect(sayError(zh, error)).toBe('「x.csv」缺少必需的列："供应商"');
  });
});

describe('backup restore errors', () => {
  const backupOf = async () =>
    JSON.parse(await createBackup(new ReliefDb(`lib-messages-${Math.random()}`), DEFAULT_SETTINGS));
  const refusal = (backup: unknown) => thrown(() => parseBackup(JSON.stringify(backup)));

  it('a missing table is named in the interface language', async () => {
    const backup = await backupOf();
    delete backup.tables.pledges;
    const error = refusal(backup);
    expect(error).toBeInstanceOf(BackupError);
    expect(sayError(en, error)).toBe('The backup file lacks the table "pledges"; nothing was restored.');
    expect(sayError(zh, error)).toBe('备份文件缺少表「认购任务」，未恢复。');
  });

  it('a field of the wrong type: the reason inside the message translated too', async () => {
    const backup = await backupOf();
    backup.tables.pledges = [{ id: 'x', name: 5 }];
    const error = refusal(backup);
    expect(sayError(en, error)).toMatch(
      /^In the backup, table "pledges", record 1 \(x\), field "[a-zA-Z.]+": [a-z ]+\./,
    );
    expect(sayError(en, error)).not.toMatch(/\p{Script=Han}/u);
    expect(sayError(zh, error)).toMatch(
      /^备份文件的「认购任务」第 1 条记录（x）的「[a-zA-Z.]+」有误：\p{Script=Han}+。/u,
    );
  });
});

describe('unsold register', () => {
  it('a form error and a file row refused, in either language', () => {
    const errors = validateUnsoldDraft({ ...emptyUnsoldDraft(), product: '土豆', quantity: '0', producer: '王五' });
    expect(errors.quantity && say(en, errors.quantity)).toBe('The quantity must be more than 0');
    expect(errors.quantity && say(zh, errors.quantity)).toBe('数量应大于 0');
    const report = readUnsoldFile(
      { name: 'u.csv', bytes: bytes('产品,数量,单位,生产者\n白菜,5,斤,\n') },
      { today, newId: () => 'x' },
    );
    const [row] = report.rejected;
    expect(row && en('unsold.import.rejected', { row: row.rowNumber, column: row.column, reason: row.reason })).toBe(
      en('unsold.import.rejected', {
        row: 2,
        column: '生产者',
        reason: 'Enter the producer (a household or a cooperative)',
      }),
    );
    expect(row && say(zh, row.reason)).toBe('请填写生产者（农户或合作社）');
  });

  it('a file missing columns', () => {
    const { error } = readUnsoldFile(
      { name: 'x.csv', bytes: bytes('产品,备注\n土豆,好吃\n') },
      { today, newId: () => 'x' },
    );
    expect(error && say(en, error)).toBe('"x.csv": required columns are missing: 数量、生产者.');
    expect(error && say(zh, error)).toBe('「x.csv」缺少必需的列：数量、生产者。');
  });
});

describe('coordinator: a member file read', () => {
  const file = (text: string) => ({ name: 'm.csv', bytes: bytes(text) });

  it('a row refused, in either language', () => {
    const report = readMemberFile(file('日期,姓名,产品,金额(元)\n2026-03-01,张三,黄花菜,约60元\n'));
    const [row] = report.rejected;
    expect(row && say(en, row.reason)).toBe('“约60元” is not an amount');
    expect(row && say(zh, row.reason)).toBe('「约60元」不是金额');
  });

  it('a file without the required columns', () => {
    const { error } = readMemberFile(file('产品,备注\n黄花菜,好\n'));
    expect(error && say(en, error)).toMatch(/^"m\.csv": required columns are missing: /);
    expect(error && say(zh, error)).toMatch(/^「m\.csv」缺少必需的列：/);
  });

  it('a worker that died', () => {
    const { error } = workerFailure('big.xlsx', 'out of memory');
    expect(error && say(en, error)).toBe(
      '"big.xlsx": reading failed (out of memory); nothing was read — the file may be too large or damaged.',
    );
    expect(error && say(zh, error)).toBe('「big.xlsx」读取时出错（out of memory），未读取：文件可能过大或已损坏。');
  });
});
