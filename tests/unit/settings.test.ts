import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAllSettings, settings } from '../../lib/settings';
import { DEFAULT_SETTINGS, SETTING_VERSION, type Settings } from '../../lib/settings-schema';

const dir = 'tests/fixtures/settings';
/** What every saved version's values read as today (they were written by scripts/saved-db/write-settings.ts). */
const expected: Settings = {
  language: 'en',
  siteSwitches: { pinduoduo: false },
  showHints: false,
  profile: { name: '张三', unit: '县委办', department: '', employeeNo: '007' },
  homeRegion: { provinceCode: '50', cityCode: '5002', countyCode: '500229' },
  countPovertyArea: true,
  pledgeRules: { province: '陕西', reserveShare: 0.1, unionShare: 0.3, unionCapFen: 220000 },
};

describe('settings saved by every released version', () => {
  const saved = readdirSync(dir).filter((f) => /^v\d+\.json$/.test(f));
  it('has a saved storage of every version up to the current one', () => {
    const versions = saved.map((f) => Number(f.slice(1, -5))).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: SETTING_VERSION }, (_, i) => i + 1));
  });
  for (const file of saved) {
    it(`${file} reads as the current settings`, async () => {
      await fakeBrowser.storage.local.set(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
      expect(await readAllSettings()).toEqual(expected);
    });
  }
});

describe('a stored value of the wrong shape', () => {
  it('is replaced by its default, never passed on', async () => {
    await fakeBrowser.storage.local.set({
      language: 'fr',
      showHints: 'yes',
      profile: 42,
      siteSwitches: { jd: 'off' },
      homeRegion: { countyCode: '<img src=x>' },
      pledgeRules: { province: '全国', reserveShare: 5, unionShare: 0.3 },
    });
    expect(await readAllSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps what is right in a partial object and fills the rest', async () => {
    await fakeBrowser.storage.local.set({ profile: { name: '李四' } });
    expect(await settings.profile.getValue()).toEqual({ name: '李四', unit: '', department: '', employeeNo: '' });
  });

  it('reaches watchers parsed too', async () => {
    const seen: unknown[] = [];
    const stop = settings.showHints.watch((v) => seen.push(v));
    await fakeBrowser.storage.local.set({ showHints: false });
    await fakeBrowser.storage.local.set({ showHints: 'no' });
    stop();
    expect(seen).toEqual([false, true]);
  });

  it('is refused on write, and nothing is stored', async () => {
    await expect(settings.language.setValue('fr' as Settings['language'])).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get('language')).toEqual({});
  });
});
