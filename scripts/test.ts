/**
 * `npm test`: every check the project has, in order, ending with one line
 * `N passed, N failed` that totals every suite. Each check that is not a test
 * suite (lint, typecheck, builds, web-ext lint) counts as one.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureBrowser } from './browser';
import { ensureFirefox } from './firefox';
import { bin, run } from './run';

interface Tally {
  name: string;
  passed: number;
  failed: number;
  /** Tests that said why they could not run here (a real capture in an absent ../shared). */
  skipped?: number;
}

const tallies: Tally[] = [];
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

async function check(name: string, command: string, args: string[]): Promise<boolean> {
  if (!wanted(name)) return true;
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const { code } = await run(command, args);
  tallies.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
  return code === 0;
}

async function unit(): Promise<void> {
  if (!wanted('unit')) return;
  console.log('\n━━ unit: vitest');
  mkdirSync('.output/test-results', { recursive: true });
  const json = '.output/test-results/vitest.json';
  rmSync(json, { force: true }); // a crashed run must not be read as the last one's results
  const { code } = await run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${json}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
    tallies.push({
      name: 'unit',
      passed: report.numPassedTests,
      failed,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    });
  } catch {
    tallies.push({ name: 'unit', passed: 0, failed: 1 });
  }
}

/**
 * A browser's end-to-end suite: every *.test.ts in `dir`, run by node:test.
 * A browser that cannot be found or installed fails the suite, with its message.
 */
async function e2e(name: string, driver: string, dir: string, ensure: () => string): Promise<void> {
  if (!wanted(name)) return;
  console.log(`\n━━ ${name}: node:test + ${driver}`);
  try {
    ensure();
  } catch (error) {
    console.error(String(error));
    tallies.push({ name, passed: 0, failed: 1 });
    return;
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => `${dir}/${f}`);
  const { code, output } = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    ...files,
  ]);
  const count = (label: string) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled') + (code !== 0 && count('fail') === 0 ? 1 : 0);
  tallies.push({ name, passed, failed, skipped: count('skipped') + count('todo') });
}

await check('lint', bin('biome'), ['check', '.']);
await check('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
await unit();
const chromeOk = await check('build', bin('wxt'), ['build']);
const firefoxOk = await check('build:firefox', bin('wxt'), ['build', '-b', 'firefox']);
if (firefoxOk) await check('web-ext lint', bin('web-ext'), ['lint', '-s', '.output/firefox-mv2', '--output', 'text']);
if (chromeOk) await e2e('e2e', 'playwright-core (Chromium)', 'tests/e2e', ensureBrowser);
if (firefoxOk) await e2e('e2e:firefox', 'puppeteer-core (Firefox)', 'tests/e2e-firefox', ensureFirefox);

console.log('\n━━ summary');
const skippedText = (n: number) => (n ? `, ${n} skipped` : '');
for (const t of tallies)
  console.log(`  ${t.name.padEnd(14)} ${t.passed} passed, ${t.failed} failed${skippedText(t.skipped ?? 0)}`);
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
const skipped = tallies.reduce((n, t) => n + (t.skipped ?? 0), 0);
console.log(`${passed} passed, ${failed} failed${skippedText(skipped)}`);
process.exit(failed === 0 ? 0 : 1);
