import type { Page } from 'playwright-core';
/** A bench yields rows: [measure, value, budget, ok]. */
export interface Bench {
  name: string;
  run: () => Promise<string[][]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs fn `runs` times after `warmup` untimed runs; returns the median in ms. */
export async function timeMedian(fn: () => unknown, runs = 7, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
export const within = (value: number, budget: number) => (value <= budget ? 'yes' : 'NO');

/**
 * Notes in the page when an element with this test id appears (a mutation
 * observer): the app's own time, without the driver's polling and its checks
 * before a click, which added some 0.3 s to each step.
 */
export function watchFor(page: Page, testId: string): Promise<void> {
  // Runs in the page: no named inner functions (the bundler's name helpers do not exist there).
  return page.evaluate((id) => {
    const w = window as unknown as { benchSeen?: Record<string, number> };
    const seen = w.benchSeen ?? {};
    w.benchSeen = seen;
    delete seen[id];
    const observer = new MutationObserver(() => {
      if (document.querySelector(`[data-testid="${id}"]`)) {
        seen[id] = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }, testId);
}

/**
 * A table as text lines, columns padded and two spaces apart; with `rule`, a
 * dashed line under the header (what `parseBenchTable` finds the rows by).
 */
export function tableLines(header: string[], rows: string[][], rule = false): string[] {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), ...(rule ? [widths.map((w) => '-'.repeat(w)).join('  ')] : []), ...rows.map(line)];
}
