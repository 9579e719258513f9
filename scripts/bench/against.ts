/**
 * `npm run bench -- NAME… --against COMMIT [--rounds N]`: the named benches
 * run here and in COMMIT's tree by turns (here, then there, N rounds), so a
 * busy machine weighs on both alike; prints each measure's median side by
 * side with the ratio. COMMIT's tree is extracted into .output/baseline/
 * (git archive) and uses this checkout's node_modules.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { median, tableLines } from './util';

export interface TableRow {
  bench: string;
  measure: string;
  value: string;
  budget: string;
}

/** The rows of the table `npm run bench` prints (columns are two or more spaces apart). */
export function parseBenchTable(out: string): TableRow[] {
  const lines = out.split('\n');
  const rule = lines.findIndex((l) => /^-+(\s{2}-+)+\s*$/.test(l));
  if (rule < 1) return [];
  const rows: TableRow[] = [];
  for (const line of lines.slice(rule + 1)) {
    if (!line.trim()) continue;
    const [bench = '', measure = '', value = '', budget = ''] = line.trimEnd().split(/\s{2,}/);
    rows.push({ bench, measure, value, budget });
  }
  return rows;
}

/** A measure's key across versions: its wording without parenthesised figures (sizes change between versions). */
export const measureKey = (r: Pick<TableRow, 'bench' | 'measure'>) =>
  `${r.bench} | ${r.measure.replace(/\s*\([^)]*\d[^)]*\)/g, '').trim()}`;

/** The number of a value cell ("123 ms", "42.4 kB", "1.3×"), with its unit. */
export function numberOf(value: string): { n: number; unit: string } | undefined {
  const m = /^(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(value.trim());
  return m ? { n: Number(m[1]), unit: m[2] ?? '' } : undefined;
}

function runBench(dir: string, names: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench.ts', ...names], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`bench in ${dir} exited ${code}`))));
  });
}

function run(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, stdio: 'inherit', shell: false });
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

async function baselineTree(commit: string): Promise<string> {
  const dir = resolve('.output/baseline', commit);
  if (!existsSync(join(dir, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    await run('sh', ['-c', `git archive ${commit} | tar -x -C ${JSON.stringify(dir)}`], process.cwd());
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  await run(resolve('node_modules/.bin/wxt'), ['prepare'], dir);
  return dir;
}

export async function benchAgainst(names: string[], commit: string, rounds: number): Promise<void> {
  const there = await baselineTree(commit);
  const samples = { now: new Map<string, number[]>(), base: new Map<string, number[]>() };
  const meta = new Map<string, TableRow & { unit: string }>();
  const loads: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const side of ['now', 'base'] as const) {
      console.log(`… round ${round}/${rounds}: ${side === 'now' ? 'this checkout' : commit}`);
      loads.push(loadavg()[0] ?? 0);
      const rows = parseBenchTable(await runBench(side === 'now' ? process.cwd() : there, names));
      for (const row of rows) {
        const v = numberOf(row.value);
        if (!v) continue;
        const key = measureKey(row);
        if (side === 'now' || !meta.has(key)) meta.set(key, { ...row, unit: v.unit });
        const list = samples[side].get(key) ?? [];
        list.push(v.n);
        samples[side].set(key, list);
      }
    }
  }
  const table: string[][] = [];
  for (const [key, row] of meta) {
    const now = samples.now.get(key);
    const then = samples.base.get(key);
    const cell = (list?: number[]) => (list?.length ? `${+median(list).toFixed(2)} ${row.unit}` : '—');
    const ratio = now?.length && then?.length ? `${(median(now) / median(then)).toFixed(2)}×` : '';
    table.push([key, cell(then), cell(now), ratio, row.budget]);
  }
  console.log(
    `\nmedians of ${rounds} alternating rounds; ${cpus().length} cores, load ${median(loads).toFixed(1)} (1-min average, median)`,
  );
  console.log(tableLines(['measure', commit.slice(0, 9), 'now', 'now / then', 'budget'], table).join('\n'));
}
