import { existsSync, statSync } from 'node:fs';
import { bin, run } from '../run';
import type { Bench } from './util';

const CONTENT = '.output/chrome-mv3/content-scripts/shop.js';
const BUDGET_KB = 40;

export const bundleBench: Bench = {
  name: 'bundle',
  async run() {
    if (!existsSync(CONTENT)) await run(bin('wxt'), ['build'], { quiet: true });
    const kb = statSync(CONTENT).size / 1024;
    return [['content script (minified)', `${kb.toFixed(1)} kB`, `≤ ${BUDGET_KB} kB`, kb <= BUDGET_KB ? 'yes' : 'NO']];
  },
};
