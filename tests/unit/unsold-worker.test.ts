import { describe, expect, it } from 'vitest';
import { zhText } from '../../lib/i18n/message';
import { readCheckedUnsoldFile, UnsoldImportSchema, unsoldWorkerFailure } from '../../lib/unsold/read-checked';
import { type WorkerEnd, workerClient } from '../../lib/workers/client';
import { xlsxBomb } from '../zip-bomb';

/** A worker's end that answers nothing and then dies, as one that ran out of memory does. */
function dyingEnd(): WorkerEnd & { die: () => void } {
  const listeners: Record<string, ((event: Event) => void)[]> = { message: [], error: [] };
  return {
    postMessage: () => undefined,
    addEventListener: (type: string, listener: (event: Event) => void) => listeners[type]?.push(listener),
    die: () => {
      for (const l of listeners.error ?? []) l({ message: 'out of memory' } as ErrorEvent);
    },
  } as unknown as WorkerEnd & { die: () => void };
}

describe('the unsold register read as its worker reads it', () => {
  it('names a zip bomb before SheetJS sees it, and takes nothing', async () => {
    const report = await readCheckedUnsoldFile({
      name: '滞销.xlsx',
      bytes: await xlsxBomb(170, { lie: true }),
      today: '2026-05-21',
    });
    expect(report.goods).toEqual([]);
    expect(report.error && zhText(report.error)).toMatch(/^「滞销\.xlsx」解压后超过 \d+ MB/);
  });

  it('answers a good file with a reply that parses at the boundary', async () => {
    const bytes = new TextEncoder().encode('产品,数量,单位,生产者,县\r\n黄花菜,500,斤,张三,祁东县\r\n');
    const report = await readCheckedUnsoldFile({ name: 'r.csv', bytes, today: '2026-05-21' });
    const parsed = UnsoldImportSchema.safeParse(report);
    expect(parsed.success).toBe(true);
    expect(report.goods.map((g) => [g.product, g.quantity, g.producer])).toEqual([['黄花菜', 500, '张三']]);
  });

  it('turns a worker that dies into that file’s error', async () => {
    const end = dyingEnd();
    const client = workerClient(end, UnsoldImportSchema);
    const asked = client.request({ name: 'big.xlsx', bytes: new Uint8Array(), today: '2026-05-21' });
    end.die();
    const message = await asked.then(
      () => 'answered',
      (error: Error) => error.message,
    );
    expect(message).toBe('out of memory');
    const failure = unsoldWorkerFailure('big.xlsx', message).error;
    expect(failure && zhText(failure)).toBe('「big.xlsx」读取时出错（out of memory），未读取：文件可能过大或已损坏。');
  });
});
