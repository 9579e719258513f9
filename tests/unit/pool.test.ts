import { describe, expect, it } from 'vitest';
import { mapWithRunners } from '../../lib/coordinator/pool';

describe('mapWithRunners', () => {
  it('keeps the order of the items, and shares them among the runners as each becomes free', async () => {
    const seen: string[] = [];
    const runner = (name: string, delay: (n: number) => number) => async (n: number) => {
      await new Promise((r) => setTimeout(r, delay(n)));
      seen.push(`${name}${n}`);
      return n * 10;
    };
    const out = await mapWithRunners([1, 2, 3, 4, 5], [runner('a', () => 20), runner('b', () => 1)]);
    expect(out).toEqual([10, 20, 30, 40, 50]);
    // The fast runner takes every item after the first while the slow one works.
    expect(seen).toEqual(['b2', 'b3', 'b4', 'b5', 'a1']);
  });

  it('handles no items, and refuses no runners', async () => {
    expect(await mapWithRunners([], [async () => 1])).toEqual([]);
    await expect(mapWithRunners([1], [])).rejects.toThrow('no runners');
  });
});
