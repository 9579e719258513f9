import { MATCH_BATCH_MAX, REQUEST_REJECTED } from '../message-limits';

/**
 * Asks about `items` in batches of at most `max` (the message limit), and a
 * batch the receiver refuses (an error named REQUEST_REJECTED) is split in two
 * and each half asked again, down to the one item that is refused, which alone
 * gets no answer. Any other error (the background away) ends the asking.
 * Answers come back in the items' order; `undefined` for an item refused.
 */
export async function askInBatches<T, R>(
  items: readonly T[],
  ask: (batch: T[]) => Promise<R[]>,
  max: number = MATCH_BATCH_MAX,
): Promise<(R | undefined)[]> {
  const out: (R | undefined)[] = new Array(items.length).fill(undefined);
  async function part(from: number, to: number): Promise<void> {
    try {
      const answers = await ask(items.slice(from, to));
      for (let i = from; i < to; i++) out[i] = answers[i - from];
    } catch (error) {
      if ((error as Error | undefined)?.name !== REQUEST_REJECTED) throw error;
      if (to - from === 1) return; // the one refused item: no answer
      const mid = from + Math.ceil((to - from) / 2);
      await part(from, mid);
      await part(mid, to);
    }
  }
  for (let from = 0; from < items.length; from += max) await part(from, Math.min(items.length, from + max));
  return out;
}
