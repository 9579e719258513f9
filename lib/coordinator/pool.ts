import { type WorkerClient, type WorkerEnd, workerClient } from '../workers/client';
import type { z } from '../zod';

/**
 * Maps items through a set of runners (one per worker thread), each taking
 * the next item as soon as it is free; results keep the items' order.
 */
export async function mapWithRunners<I, O>(
  items: readonly I[],
  runners: readonly ((item: I) => Promise<O>)[],
): Promise<O[]> {
  if (!runners.length) throw new Error('no runners');
  const out = new Array<O>(items.length);
  let next = 0;
  await Promise.all(
    runners.map(async (run) => {
      while (next < items.length) {
        const i = next++;
        out[i] = await run(items[i] as I);
      }
    }),
  );
  return out;
}

/** A worker as the pool uses it: the browser's Worker, or a stand-in in a test. */
export interface PoolWorker extends WorkerEnd {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  addEventListener(type: 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** What a pool's worker is asked: one file, its bytes handed over. */
export interface FileRequest {
  name: string;
  bytes: Uint8Array;
}

/** One worker of the pool, its client, and how to fail the request it is on. */
interface Slot<R> {
  worker: PoolWorker;
  client: WorkerClient<FileRequest, R>;
  fail?: (error: Error) => void;
}

function startSlot<R>(start: () => PoolWorker, replySchema: z.ZodType<R>): Slot<R> {
  const worker = start();
  const slot: Slot<R> = { worker, client: workerClient<FileRequest, R>(worker, replySchema) };
  // A worker's error is its file's, not the page's; the client rejects the request.
  worker.addEventListener('error', (event) => event.preventDefault?.());
  worker.addEventListener('messageerror', () => slot.fail?.(new Error('unreadable reply')));
  return slot;
}

/**
 * Reads files in a pool of workers, one file at a time each, every reply
 * parsed by `replySchema` (lib/workers/client). A worker that dies on a file
 * (an error event, out of memory, a reply that cannot be read or does not
 * parse) becomes that file's error: it is ended, a fresh one takes the next
 * file, and the other files' reports stand.
 */
export async function readInWorkers<F extends { name: string; arrayBuffer(): Promise<ArrayBuffer> }, R>(
  files: readonly F[],
  options: {
    /** How many workers: `poolSize` of lib/workers/client. */
    size: number;
    start: () => PoolWorker;
    replySchema: z.ZodType<R>;
    failed: (fileName: string, message: string) => R;
  },
): Promise<R[]> {
  const slots = Array.from({ length: Math.max(1, options.size) }, () => startSlot(options.start, options.replySchema));
  try {
    return await mapWithRunners(
      files,
      slots.map((_, i) => async (file: F) => {
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const slot = slots[i] as Slot<R>;
          return await new Promise<R>((resolve, reject) => {
            slot.fail = reject;
            slot.client.request({ name: file.name, bytes }, [bytes.buffer]).then(resolve, reject);
          }).catch((error: unknown) => {
            slot.worker.terminate();
            slots[i] = startSlot(options.start, options.replySchema);
            throw error;
          });
        } catch (error) {
          return options.failed(file.name, error instanceof Error ? error.message : String(error));
        }
      }),
    );
  } finally {
    for (const slot of slots) slot.worker.terminate();
  }
}
