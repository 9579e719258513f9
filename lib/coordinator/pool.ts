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
export interface PoolWorker {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
}

/**
 * Reads files in a pool of workers, one file at a time each. A worker that
 * dies on a file (an error event, out of memory, a reply that cannot be read)
 * becomes that file's error: it is ended, a fresh one takes the next file,
 * and the other files' reports stand.
 */
export async function readInWorkers<F extends { name: string; arrayBuffer(): Promise<ArrayBuffer> }, R>(
  files: readonly F[],
  options: {
    size: number;
    start: () => PoolWorker;
    /** The file's report from a worker's reply, or undefined when the reply is not for this request. */
    reply: (data: unknown, id: number) => R | undefined;
    failed: (fileName: string, message: string) => R;
  },
): Promise<R[]> {
  const workers = Array.from({ length: Math.max(1, options.size) }, () => options.start());
  let nextId = 0;
  try {
    return await mapWithRunners(
      files,
      workers.map((_, slot) => async (file: F) => {
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const id = nextId++;
          const worker = workers[slot] as PoolWorker;
          return await new Promise<R>((resolve, reject) => {
            worker.onmessage = (event) => {
              const report = options.reply(event.data, id);
              if (report) resolve(report);
            };
            worker.onerror = (event) => {
              event.preventDefault?.(); // the file's error, not the page's
              reject(new Error(event.message || 'worker error'));
            };
            worker.onmessageerror = () => reject(new Error('unreadable reply'));
            worker.postMessage({ id, name: file.name, bytes }, [bytes.buffer]);
          }).catch((error: unknown) => {
            worker.terminate();
            workers[slot] = options.start();
            throw error;
          });
        } catch (error) {
          return options.failed(file.name, error instanceof Error ? error.message : String(error));
        }
      }),
    );
  } finally {
    for (const worker of workers) worker.terminate();
  }
}
