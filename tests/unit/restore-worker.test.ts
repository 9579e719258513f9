import { Blob as NodeBlob } from 'node:buffer';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError, createBackup, restoreBackup } from '../../lib/backup';
import { ReliefDb } from '../../lib/db/schema';
import {
  type RestoreReply,
  RestoreReplySchema,
  type RestoreRequest,
  restoreCheckedBackup,
  restoreThrough,
} from '../../lib/restore/checked';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings-schema';
import { serveRequests, type WorkerClient, type WorkerEnd, workerClient } from '../../lib/workers/client';
import { purchase } from './helpers';

let n = 0;
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  language: 'en',
  profile: { name: '张三', unit: '县委办', department: '', employeeNo: '7' },
};

/** A database holding a pledge and two purchases, one of them counted towards it. */
async function seededDb(): Promise<ReliefDb> {
  const db = new ReliefDb(`restore-worker-${++n}`);
  await db.pledges.add({
    id: 'pl-1',
    title: '年度认购',
    kind: '以购代捐',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    targetFen: 100_000,
  });
  await db.purchases.bulkAdd([
    purchase({ id: 'p-a', purchasedOn: '2026-03-01', amountFen: 5970, pledgeId: 'pl-1' }),
    purchase({ id: 'p-b', purchasedOn: '2026-03-02', amountFen: 1200 }),
  ]);
  return db;
}

async function storedHash(db: ReliefDb): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]));
  return createHash('sha256').update(JSON.stringify(tables)).digest('hex');
}

/** Node's Blob, which a MessagePort clones as a browser clones the chosen File. */
const fileOf = (text: string) => new NodeBlob([text]) as unknown as Blob;

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** The worker's script on one end of a real MessageChannel (requests and replies structured-cloned), the page's client on the other. */
function workerOn(db: ReliefDb, limit?: number) {
  const channel = new MessageChannel();
  ports.push(channel.port1, channel.port2);
  // As lib/restore/worker.ts serves it.
  serveRequests<RestoreRequest, RestoreReply>(channel.port2, async (request) => ({
    reply: await restoreCheckedBackup(db, request, limit),
  }));
  let client: WorkerClient<RestoreRequest, RestoreReply> | undefined;
  return {
    client: () => {
      client ??= workerClient<RestoreRequest, RestoreReply>(channel.port1, RestoreReplySchema);
      return client;
    },
    started: () => client !== undefined,
  };
}

/** A worker's end that answers nothing and then dies, as one that ran out of memory does. */
function dyingEnd(): WorkerEnd {
  const errors: ((event: Event) => void)[] = [];
  return {
    postMessage: () =>
      queueMicrotask(() => {
        for (const l of errors) l({ message: 'out of memory' } as ErrorEvent);
      }),
    addEventListener: (type: string, listener: (event: Event) => void) => {
      if (type === 'error') errors.push(listener);
    },
  } as unknown as WorkerEnd;
}

/** A worker's end that answers every request with `reply`, under its id. */
function answering(reply: unknown): WorkerEnd {
  const listeners: ((event: MessageEvent) => void)[] = [];
  return {
    postMessage: (message: unknown) => {
      const { id } = message as { id: number };
      queueMicrotask(() => {
        for (const l of listeners) l({ data: { id, reply } } as MessageEvent);
      });
    },
    addEventListener: (type: string, listener: (event: MessageEvent) => void) => {
      if (type === 'message') listeners.push(listener);
    },
  } as unknown as WorkerEnd;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as BackupError,
  );

describe('a backup restored in a worker', () => {
  it('writes every table in the worker and hands the page the backup’s settings', async () => {
    const text = await createBackup(await seededDb(), settings);
    const target = new ReliefDb(`restore-worker-${++n}`);
    const { client } = workerOn(target);
    expect(await restoreThrough(client, fileOf(text))).toEqual(settings);
    const rows = await target.purchases.orderBy('id').toArray();
    expect(rows.map((p) => [p.id, p.amountFen, p.pledgeId])).toEqual([
      ['p-a', 5970, 'pl-1'],
      ['p-b', 1200, undefined],
    ]);
    expect(await createBackup(target, settings)).toBe(text);
  });

  it('refuses a bad backup with the message the page-thread restore gives, and changes nothing', async () => {
    const db = await seededDb();
    const good = JSON.parse(await createBackup(db, settings));
    const broken = structuredClone(good);
    broken.tables.purchases[1].pledgeId = 'nobody';
    const before = await storedHash(db);
    const direct = await refusal(restoreBackup(db, JSON.stringify(broken)));
    const viaWorker = await refusal(restoreThrough(workerOn(db).client, fileOf(JSON.stringify(broken))));
    expect(viaWorker).toBeInstanceOf(BackupError);
    expect(viaWorker?.message).toBe(direct?.message);
    expect(viaWorker?.message).toContain('「pledgeId」指向不存在的认购任务「nobody」');
    expect(viaWorker?.problem?.key).toBe('backup.reference');
    expect(await storedHash(db)).toBe(before);
  });

  it('refuses a file over the size limit on the page, before a worker is started, and in the worker too', async () => {
    const db = await seededDb();
    const before = await storedHash(db);
    // A good backup padded past the limit (JSON allows the spaces): only the size refuses it.
    const limit = 1024 * 1024;
    const text = `${await createBackup(db, settings)}${' '.repeat(limit)}`;
    const worker = workerOn(db, limit);
    const onPage = await refusal(restoreThrough(worker.client, fileOf(text), limit));
    expect(worker.started()).toBe(false);
    expect(onPage?.problem?.key).toBe('backup.tooLarge');
    expect(onPage?.message).toBe('备份文件太大（2 MB，最多 1 MB），不像本程序写出的备份，未恢复，现有数据不变。');
    // The worker does not trust the page's check.
    const inWorker = await restoreCheckedBackup(db, { file: fileOf(text) }, limit);
    expect(inWorker).toMatchObject({ ok: false, problem: { key: 'backup.tooLarge' } });
    expect(await storedHash(db)).toBe(before);
  });

  it('turns a worker that dies into the file’s error', async () => {
    const error = await refusal(
      restoreThrough(() => workerClient(dyingEnd(), RestoreReplySchema), fileOf('{"format":"x"}')),
    );
    expect(error).toBeInstanceOf(BackupError);
    expect(error?.message).toBe('读取备份时出错（out of memory），未恢复，现有数据不变：文件可能过大或已损坏。');
  });

  it('parses the reply at the boundary: settings that are not settings, or an unknown message code, are the file’s error', async () => {
    const notSettings = await refusal(
      restoreThrough(
        () => workerClient(answering({ ok: true, settings: { language: 'klingon' } }), RestoreReplySchema),
        fileOf('{}'),
      ),
    );
    expect(notSettings?.problem?.key).toBe('backup.workerDied');
    expect(notSettings?.message).toContain('worker reply unreadable: settings.language');
    const unknownCode = await refusal(
      restoreThrough(
        () => workerClient(answering({ ok: false, problem: { key: '<b>hi</b>', params: {} } }), RestoreReplySchema),
        fileOf('{}'),
      ),
    );
    expect(unknownCode?.problem?.key).toBe('backup.workerDied');
    expect(unknownCode?.message).toContain('problem: not a message code of ours');
  });

  it('answers any bad file with a named refusal through the port, the data unchanged', async () => {
    const db = await seededDb();
    const good = JSON.parse(await createBackup(db, settings));
    const before = await storedHash(db);
    const { client } = workerOn(db);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.jsonValue().map((value) => JSON.stringify({ ...good, tables: { ...good.tables, pledges: [value] } })),
          fc.integer({ min: 1, max: 400 }).map((cut) => JSON.stringify(good).slice(0, cut)),
        ),
        async (text) => {
          const error = await refusal(restoreThrough(client, fileOf(text)));
          expect(error).toBeInstanceOf(BackupError);
          expect(error?.problem?.key).toMatch(/^backup\./);
          expect(error?.problem?.key).not.toBe('backup.workerDied');
        },
      ),
      { numRuns: 60 },
    );
    expect(await storedHash(db)).toBe(before);
  });
});
