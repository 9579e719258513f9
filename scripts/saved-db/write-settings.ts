/**
 * Run by capture.ts (`--settings`) inside a checkout of a build's `lib/`:
 * sets every setting the way that build's pages do — through its own
 * lib/settings.ts items, on WXT's fake browser — and dumps storage.local.
 */
import { writeFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';

Object.assign(globalThis, { chrome: fakeBrowser, browser: fakeBrowser });
const { settings } = await import('./lib/settings');
const values: Record<string, unknown> = {
  language: 'en',
  siteSwitches: { pinduoduo: false },
  showHints: false,
  profile: { name: '张三', unit: '县委办', employeeNo: '007' },
  homeRegion: { provinceCode: '50', cityCode: '5002', countyCode: '500229' },
  countPovertyArea: true,
  pledgeRules: { province: '陕西', reserveShare: 0.1, unionShare: 0.3, unionCapFen: 220000 },
};
const items = settings as unknown as Record<string, { setValue(v: unknown): Promise<void> }>;
for (const [name, value] of Object.entries(values)) if (items[name]) await items[name].setValue(value);
writeFileSync(process.argv[2] as string, `${JSON.stringify(await fakeBrowser.storage.local.get(null), null, 2)}\n`);
