/**
 * Sums of `fen` by `key`: largest first, or in key order (months in calendar
 * order). Ties keep the order rows came in.
 */
export function totalsBy<T>(
  rows: readonly T[],
  key: (row: T) => string,
  fen: (row: T) => number,
  order: 'largest' | 'key' = 'largest',
): [string, number][] {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    sums.set(k, (sums.get(k) ?? 0) + fen(row));
  }
  return [...sums].sort(order === 'key' ? (a, b) => a[0].localeCompare(b[0]) : (a, b) => b[1] - a[1]);
}
