import { describe, expect, it } from 'vitest';
import { poolSize, serveRequests, WorkerReplyError, workerClient } from '../../lib/workers/client';
import { z } from '../../lib/zod';

const Reply = z.object({ type: z.literal('echo'), value: z.number() });
type Reply = z.infer<typeof Reply>;

/** Two ends of a real MessageChannel (Node's), as a page and its worker have. */
function channel() {
  const { port1, port2 } = new MessageChannel();
  return { page: port1 as unknown as MessagePort, worker: port2 as unknown as MessagePort };
}

describe('the worker client', () => {
  it('gives overlapping requests their own replies, whatever order they are answered in', async () => {
    const { page, worker } = channel();
    // The worker answers the slow request last, though it came first.
    serveRequests<{ value: number; delay: number }, Reply>(worker, async ({ value, delay }) => {
      await new Promise((r) => setTimeout(r, delay));
      return { reply: { type: 'echo', value } };
    });
    const client = workerClient<{ value: number; delay: number }, Reply>(page, Reply);
    const answers = await Promise.all([
      client.request({ value: 1, delay: 60 }),
      client.request({ value: 2, delay: 0 }),
      client.request({ value: 3, delay: 20 }),
    ]);
    expect(answers.map((a) => a.value)).toEqual([1, 2, 3]);
    expect(client.pending()).toBe(0);
    page.close();
  });

  it('turns a malformed reply into a parsed error, and the next request still works', async () => {
    const { page, worker } = channel();
    serveRequests<{ value: number }, unknown>(worker, async ({ value }) => ({
      reply: value < 0 ? { type: 'echo', value: 'minus' } : { type: 'echo', value },
    }));
    const client = workerClient<{ value: number }, Reply>(page, Reply);
    const bad = client.request({ value: -1 });
    await expect(bad).rejects.toBeInstanceOf(WorkerReplyError);
    await expect(bad).rejects.toThrow(/value/);
    expect((await client.request({ value: 5 })).value).toBe(5);
    page.close();
  });

  it('ignores messages that answer none of its requests', async () => {
    const { page, worker } = channel();
    const client = workerClient<{ value: number }, Reply>(page, Reply);
    worker.addEventListener('message', (event: MessageEvent) => {
      const { id } = event.data as { id: number };
      worker.postMessage({ id: id + 100, reply: { type: 'echo', value: 0 } }); // someone else's
      worker.postMessage({ id, reply: { type: 'echo', value: 9 } });
    });
    worker.start();
    expect((await client.request({ value: 9 })).value).toBe(9);
    page.close();
  });
});

describe('the pool size', () => {
  it('is one per core, at most max, never more than the work, at least one', () => {
    expect(poolSize(8, { max: 4 })).toBe(4);
    expect(poolSize(3, { max: 4 })).toBe(3);
    expect(poolSize(1, { max: 4 })).toBe(1);
    expect(poolSize(undefined, { max: 4 })).toBe(2);
    expect(poolSize(0, { max: 4 })).toBe(2);
    expect(poolSize(8, { max: 4, items: 2 })).toBe(2);
    expect(poolSize(8, { max: 4, items: 0 })).toBe(1);
  });
});
