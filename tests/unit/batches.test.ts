import { describe, expect, it } from 'vitest';
import { askInBatches } from '../../lib/badges/batches';
import { MATCH_BATCH_MAX, REQUEST_REJECTED } from '../../lib/message-limits';

const rejected = () => Object.assign(new Error('bad listing'), { name: REQUEST_REJECTED });

describe('askInBatches (the scanner asking about a page)', () => {
  it('sends a page of 2,500 in batches within the message limit, answers in order', async () => {
    const sizes: number[] = [];
    const items = Array.from({ length: 2500 }, (_, i) => i);
    const answers = await askInBatches(items, async (batch) => {
      sizes.push(batch.length);
      return batch.map((n) => n * 2);
    });
    expect(sizes).toEqual([MATCH_BATCH_MAX, MATCH_BATCH_MAX, 500]);
    expect(answers).toEqual(items.map((n) => n * 2));
  });

  it('retries a refused batch without the offending item; every other item is answered', async () => {
    let calls = 0;
    const items = Array.from({ length: 60 }, (_, i) => i);
    const answers = await askInBatches(items, async (batch) => {
      calls++;
      if (batch.includes(37)) throw rejected();
      return batch.map((n) => `ok ${n}`);
    });
    expect(answers[37]).toBeUndefined();
    expect(answers.filter(Boolean)).toHaveLength(59);
    expect(answers[36]).toBe('ok 36');
    expect(answers[38]).toBe('ok 38');
    // Bisected, not one request per item.
    expect(calls).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(60)) + 1);
  });

  it('stops at an error that is not a refusal (the background is away) instead of splitting', async () => {
    let calls = 0;
    await expect(
      askInBatches([1, 2, 3, 4], async () => {
        calls++;
        throw new Error('Could not establish connection');
      }),
    ).rejects.toThrow(/connection/);
    expect(calls).toBe(1);
  });
});
