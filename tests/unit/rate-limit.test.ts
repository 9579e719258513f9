import { describe, expect, it } from 'vitest';
import { TAB_OPENS } from '../../lib/message-limits';
import { tokenBuckets } from '../../lib/rate-limit';

describe('tokenBuckets (tabs a shop page may open)', () => {
  it('lets a burst of 20 through only `burst` times, then one per refill', () => {
    let now = 0;
    const opens = tokenBuckets(TAB_OPENS, () => now);
    const first = Array.from({ length: 20 }, () => opens.take(7)).filter(Boolean).length;
    expect(first).toBe(TAB_OPENS.burst);
    expect(TAB_OPENS.burst).toBeLessThanOrEqual(3);
    now += TAB_OPENS.refillMs - 1;
    expect(opens.take(7)).toBe(false);
    now += 1;
    expect(opens.take(7)).toBe(true);
    expect(opens.take(7)).toBe(false);
  });

  it('keeps one bucket per tab', () => {
    const opens = tokenBuckets({ burst: 1, refillMs: 1000 }, () => 0);
    expect(opens.take(1)).toBe(true);
    expect(opens.take(1)).toBe(false);
    expect(opens.take(2)).toBe(true);
  });

  it('never holds more than its burst, however long a tab waited', () => {
    let now = 0;
    const opens = tokenBuckets({ burst: 2, refillMs: 100 }, () => now);
    now = 1_000_000;
    expect([opens.take('a'), opens.take('a'), opens.take('a')]).toEqual([true, true, false]);
  });
});
