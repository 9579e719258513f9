/**
 * A token bucket per key (a shop tab): `burst` takes at once, then one more
 * every `refillMs`. The background holds the tabs a shop page may open to it,
 * so a page that finds a way to send opens cannot open tabs without end.
 */
export function tokenBuckets(options: { burst: number; refillMs: number }, now: () => number = Date.now) {
  const buckets = new Map<string | number, { tokens: number; at: number }>();
  return {
    /** Takes one token for `key`; false when its bucket is empty. */
    take(key: string | number): boolean {
      const t = now();
      const b = buckets.get(key) ?? { tokens: options.burst, at: t };
      b.tokens = Math.min(options.burst, b.tokens + (t - b.at) / options.refillMs);
      b.at = t;
      const ok = b.tokens >= 1;
      if (ok) b.tokens -= 1;
      buckets.set(key, b);
      // Buckets full again by now are forgotten: the map holds only the tabs that opened lately.
      if (buckets.size > 500) {
        for (const [k, v] of buckets) if (t - v.at >= options.burst * options.refillMs) buckets.delete(k);
      }
      return ok;
    },
  };
}
