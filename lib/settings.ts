import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SETTING_NAMES, type SettingName, type Settings } from './settings-defaults';

// Settings live in storage.local: content scripts need some of them and cannot
// open the extension's IndexedDB. Each item is versioned so it can migrate.
function item<K extends SettingName>(name: K): WxtStorageItem<Settings[K], Record<string, never>> {
  return storage.defineItem<Settings[K]>(`local:${name}`, { fallback: DEFAULT_SETTINGS[name], version: 1 });
}

export const settings: { [K in SettingName]: WxtStorageItem<Settings[K], Record<string, never>> } = {
  language: item('language'),
  siteSwitches: item('siteSwitches'),
  showHints: item('showHints'),
  profile: item('profile'),
  homeRegion: item('homeRegion'),
  countPovertyArea: item('countPovertyArea'),
  pledgeRules: item('pledgeRules'),
};

export const languageSetting = settings.language;

export async function readAllSettings(): Promise<Settings> {
  const values = await Promise.all(SETTING_NAMES.map((name) => settings[name].getValue()));
  return Object.fromEntries(SETTING_NAMES.map((name, i) => [name, values[i]])) as unknown as Settings;
}

export async function writeAllSettings(values: Settings): Promise<void> {
  await Promise.all(
    SETTING_NAMES.map((name) =>
      (settings[name] as WxtStorageItem<unknown, Record<string, never>>).setValue(values[name]),
    ),
  );
}
