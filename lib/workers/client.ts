/**
 * One way to talk to a worker (or a helper on a MessagePort): every request
 * carries an id, the reply names it, and the reply is parsed by its schema at
 * the boundary. Overlapping requests each get their own reply; a reply that
 * does not parse is an error naming what was wrong, never a cast.
 */
import type { z } from '../zod';

/** What a worker or a port offers: posting, and hearing replies. */
export interface WorkerEnd {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  start?: () => void;
}

/** A reply the worker sent that is not what the protocol says. */
export class WorkerReplyError extends Error {
  constructor(readonly issues: string) {
    super(`worker reply unreadable: ${issues}`);
  }
}

type Envelope = { id: number; reply: unknown };

export interface WorkerClient<Req, Rep> {
  request(message: Req, transfer?: Transferable[]): Promise<Rep>;
  /** Requests sent and not yet answered. */
  pending(): number;
}

/** A client over `end`, whose replies must parse as `replySchema`. */
export function workerClient<Req, Rep>(end: WorkerEnd, replySchema: z.ZodType<Rep>): WorkerClient<Req, Rep> {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: Rep) => void; reject: (e: Error) => void }>();
  end.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as Partial<Envelope> | null;
    const id = typeof data?.id === 'number' ? data.id : undefined;
    const waiter = id === undefined ? undefined : waiting.get(id);
    if (!waiter || id === undefined) return; // not an answer to one of ours
    waiting.delete(id);
    const parsed = replySchema.safeParse(data?.reply);
    if (parsed.success) waiter.resolve(parsed.data);
    else
      waiter.reject(
        new WorkerReplyError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')),
      );
  });
  end.addEventListener('error', (event: Event) => {
    const message = (event as ErrorEvent).message || 'worker failed';
    for (const waiter of waiting.values()) waiter.reject(new Error(message));
    waiting.clear();
  });
  end.start?.();
  return {
    request(message: Req, transfer: Transferable[] = []) {
      const id = nextId++;
      return new Promise<Rep>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        end.postMessage({ id, request: message }, transfer);
      });
    },
    pending: () => waiting.size,
  };
}

/**
 * The worker's side: answers each request on `end` with `handle`'s reply,
 * under the request's id. A request without an id is ignored.
 */
export function serveRequests<Req, Rep>(
  end: Pick<WorkerEnd, 'postMessage' | 'addEventListener' | 'start'>,
  handle: (request: Req) => Promise<{ reply: Rep; transfer?: Transferable[] }>,
): void {
  end.addEventListener('message', async (event: MessageEvent) => {
    const data = event.data as { id?: unknown; request?: Req } | null;
    if (typeof data?.id !== 'number') return;
    const { reply, transfer } = await handle(data.request as Req);
    end.postMessage({ id: data.id, reply } satisfies Envelope, transfer ?? []);
  });
  end.start?.();
}

/**
 * How many workers a pool runs: one per core the machine reports (2 when it
 * says nothing), at most `max`, never more than there is work for, at least one.
 */
export function poolSize(cores: number | undefined, options: { max: number; items?: number }): number {
  const known = cores && cores > 0 ? Math.floor(cores) : 2;
  return Math.max(1, Math.min(known, options.max, options.items ?? Number.POSITIVE_INFINITY));
}
