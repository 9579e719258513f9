/**
 * `npm run bench`: the budgets of DESIGN §8, measured and printed as a table of
 * medians. Never part of `npm test`: timings belong here, not in assertions.
 * `npm run bench -- NAME…` runs only the named benches; `--against COMMIT`
 * (with `--rounds N`, default 3) runs them here and in COMMIT by turns and
 * prints both side by side (scripts/bench/against.ts).
 */
import { parseArgs } from 'node:util';
import { benchAgainst } from './bench/against';
import { BENCHES } from './bench/index';
import { tableLines } from './bench/util';

const { values, positionals: only } = parseArgs({
  allowPositionals: true,
  options: { against: { type: 'string' }, rounds: { type: 'string', default: '3' } },
});

if (values.against) {
  await benchAgainst(only, values.against, Math.max(1, Number(values.rounds) || 3));
} else {
  const rows: string[][] = [];
  for (const bench of BENCHES) {
    if (only.length && !only.includes(bench.name)) continue;
    console.log(`… ${bench.name}`);
    for (const row of await bench.run()) rows.push([bench.name, ...row]);
  }

  console.log(`\n${tableLines(['bench', 'measure', 'value', 'budget', 'ok'], rows, true).join('\n')}`);
}
