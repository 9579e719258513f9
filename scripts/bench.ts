/**
 * `npm run bench`: the budgets of DESIGN §8, measured and printed as a table of
 * medians. Never part of `npm test`: timings belong here, not in assertions.
 * `npm run bench -- NAME…` runs only the named benches.
 */
import { BENCHES } from './bench/index';

const only = process.argv.slice(2);
const rows: string[][] = [];
for (const bench of BENCHES) {
  if (only.length && !only.includes(bench.name)) continue;
  console.log(`… ${bench.name}`);
  for (const row of await bench.run()) rows.push([bench.name, ...row]);
}

const header = ['bench', 'measure', 'value', 'budget', 'ok'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const r of rows) console.log(line(r));
