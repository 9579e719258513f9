import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type SettingName, type Settings } from './settings-defaults';

/**
 * Reads one setting without WXT's storage module, for the content script,
 * whose bundle budget (40 kB) it would cost a fifth of. The items of
 * lib/settings.ts store each value under its own name in storage.local.
 */
export async function readLocalSetting<K extends SettingName>(name: K): Promise<Settings[K]> {
  const stored = await browser.storage.local.get(name);
  return (stored[name] as Settings[K] | undefined) ?? DEFAULT_SETTINGS[name];
}
