import { describe, expect, it } from 'vitest';
import { measureKey, numberOf, parseBenchTable } from '../../scripts/bench/against';
import { tableLines } from '../../scripts/bench/util';

const printed = `… merge

bench  measure                                                     value    budget     ok
-----  ----------------------------------------------------------  -------  ---------  ---
merge  merge 500 xlsx files × 100 rows (6.1 MB), one thread        3617 ms
merge  merge 500 xlsx files × 100 rows (6.1 MB), 2 workers         2460 ms  ≤ 5000 ms  yes
badges  content script size                                        42.4 kB  ≤ 40 kB    NO
`;

describe('bench --against reads the printed table', () => {
  it('reads each row of the table, not the progress lines', () => {
    const rows = parseBenchTable(printed);
    expect(rows.map((r) => r.value)).toEqual(['3617 ms', '2460 ms', '42.4 kB']);
    expect(rows[1]).toMatchObject({ bench: 'merge', budget: '≤ 5000 ms' });
  });
  it('matches measures across versions whose sizes differ', () => {
    const [a] = parseBenchTable(printed);
    expect(measureKey(a as never)).toBe(
      measureKey({ bench: 'merge', measure: 'merge 500 xlsx files × 100 rows (7.3 MB), one thread' }),
    );
    expect(measureKey(a as never)).not.toBe(measureKey({ bench: 'merge', measure: 'merge 500 csv files × 100 rows' }));
  });
  it('reads back the table `npm run bench` prints', () => {
    const rows = [
      ['merge', 'merge 500 csv files × 100 rows, 2 workers', '1608 ms', '', ''],
      ['popup', 'popup first contentful paint', '212 ms', '≤ 200 ms', 'NO'],
    ];
    const out = tableLines(['bench', 'measure', 'value', 'budget', 'ok'], rows, true).join('\n');
    expect(parseBenchTable(out).map((r) => [r.bench, r.measure, r.value, r.budget])).toEqual(
      rows.map((r) => r.slice(0, 4)),
    );
  });
  it('takes the number and unit of a value', () => {
    expect(numberOf('42.4 kB')).toEqual({ n: 42.4, unit: 'kB' });
    expect(numberOf('yes')).toBeUndefined();
  });
});
