import { describe, expect, it } from 'vitest';
import { type FileRequest, mapWithRunners, type PoolWorker, readInWorkers } from '../../lib/coordinator/pool';
import { readCheckedMemberFile, workerFailure } from '../../lib/coordinator/read-member-file';
import { MemberFileReportSchema } from '../../lib/coordinator/report-schema';
import { zhOf } from './helpers';

describe('mapWithRunners', () => {
  it('keeps the order of the items, and shares them among the runners as each becomes free', async () => {
    const seen: string[] = [];
    // The slow runner is held until the fast one has taken the last item: no timer races on a busy machine.
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const runner = (name: string, wait: (n: number) => Promise<void>) => async (n: number) => {
      await wait(n);
      seen.push(`${name}${n}`);
      if (n === 5) release();
      return n * 10;
    };
    const out = await mapWithRunners([1, 2, 3, 4, 5], [runner('a', () => held), runner('b', async () => {})]);
    expect(out).toEqual([10, 20, 30, 40, 50]);
    // The fast runner takes every item after the first while the slow one works.
    expect(seen).toEqual(['b2', 'b3', 'b4', 'b5', 'a1']);
  });

  it('handles no items, and refuses no runners', async () => {
    expect(await mapWithRunners([], [async () => 1])).toEqual([]);
    await expect(mapWithRunners([1], [])).rejects.toThrow('no runners');
  });
});

/**
 * A stand-in for the merge worker: reads a member file as the real one does
 * (readCheckedMemberFile), except for files named to fail — one that kills it,
 * one whose reply cannot be delivered, one whose reply is not a report.
 */
class FakeMergeWorker extends EventTarget {
  terminated = false;
  postMessage(message: unknown) {
    const { id, request } = message as { id: number; request: FileRequest };
    void (async () => {
      if (request.name === 'bomb.xlsx') {
        this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'out of memory' }));
      } else if (request.name === 'lost.xlsx') {
        this.dispatchEvent(new Event('messageerror'));
      } else {
        const report = request.name === 'garbled.xlsx' ? { fileName: 1 } : await readCheckedMemberFile(request);
        this.dispatchEvent(new MessageEvent('message', { data: { id, reply: report } }));
      }
    })();
  }
  terminate() {
    this.terminated = true;
  }
}

const memberCsv = [
  '日期,姓名,产品,金额(元),订单号',
  '2026-03-01,张三,祁东黄花菜,70.00,2.85519E+17',
  '2026-03-02,张三,,10.00,',
  '2026-03-03,张三,平山核桃,120.00,JD1001',
].join('\n');

describe('reading files in a pool of workers', () => {
  const file = (name: string, text = memberCsv) => ({
    name,
    arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
  });

  it('gives each file its report as the worker read it, parsed whole', async () => {
    const expected = await readCheckedMemberFile({ name: 'a.csv', bytes: new TextEncoder().encode(memberCsv) });
    // What the parse must keep: rows, a refused row, an altered order number, the fingerprints.
    expect(expected.rejected).toHaveLength(1);
    expect(expected.orderNoAltered).toEqual([0]);
    expect(expected.ordersHash).toBeTruthy();
    const reports = await readInWorkers([file('a.csv'), file('b.csv')], {
      size: 2,
      start: () => new FakeMergeWorker() as unknown as PoolWorker,
      replySchema: MemberFileReportSchema,
      failed: workerFailure,
    });
    expect(reports[0]).toEqual(expected);
    expect(reports[1]).toEqual({ ...expected, fileName: 'b.csv' });
  });

  it('makes a dead worker, a lost reply and a reply that is no report the file’s error; the others stand', async () => {
    const started: FakeMergeWorker[] = [];
    const names = ['a.csv', 'bomb.xlsx', 'b.csv', 'lost.xlsx', 'garbled.xlsx', 'c.csv'];
    const reports = await readInWorkers(
      names.map((n) => file(n)),
      {
        size: 1,
        start: () => {
          const worker = new FakeMergeWorker();
          started.push(worker);
          return worker as unknown as PoolWorker;
        },
        replySchema: MemberFileReportSchema,
        failed: workerFailure,
      },
    );
    expect(reports.map((r) => r.fileName)).toEqual(names);
    expect(reports.map((r) => r.rows.length)).toEqual([2, 0, 2, 0, 0, 2]);
    expect(zhOf(reports[1]?.error)).toBe('「bomb.xlsx」读取时出错（out of memory），未读取：文件可能过大或已损坏。');
    expect(zhOf(reports[3]?.error)).toMatch(/unreadable reply/);
    expect(zhOf(reports[4]?.error)).toMatch(/worker reply unreadable: fileName/);
    expect([reports[0], reports[2], reports[5]].map((r) => r?.error)).toEqual([undefined, undefined, undefined]);
    // Each failure ended its worker and started a fresh one; all are ended at the close.
    expect(started).toHaveLength(4);
    expect(started.every((w) => w.terminated)).toBe(true);
  });
});
