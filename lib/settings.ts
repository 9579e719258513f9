import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  readSetting,
  SETTING_MIGRATIONS,
  SETTING_NAMES,
  SETTING_VERSION,
  type SettingName,
  type Settings,
  SettingsSchema,
} from './settings-schema';

/** One setting in storage.local, parsed on every read, checked on every write. */
export interface SettingItem<V> {
  getValue(): Promise<V>;
  setValue(value: V): Promise<void>;
  watch(callback: (value: V) => void): () => void;
}

// Settings live in storage.local, each under its own name; WXT keeps the
// version beside it (`name$`) and runs SETTING_MIGRATIONS when it is older.
function item<K extends SettingName>(name: K): SettingItem<Settings[K]> {
  const raw: WxtStorageItem<unknown, Record<string, never>> = storage.defineItem<unknown>(`local:${name}`, {
    fallback: DEFAULT_SETTINGS[name],
    version: SETTING_VERSION,
    migrations: SETTING_MIGRATIONS[name],
  });
  return {
    getValue: async () => readSetting(name, await raw.getValue()),
    setValue: async (value) => raw.setValue(SettingsSchema.shape[name].parse(value)),
    watch: (callback) => raw.watch((value) => callback(readSetting(name, value))),
  };
}

export const settings: { [K in SettingName]: SettingItem<Settings[K]> } = {
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
  // Each item checks its value as it writes it.
  await Promise.all(SETTING_NAMES.map((name) => (settings[name] as SettingItem<unknown>).setValue(values[name])));
}
