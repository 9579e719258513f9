import { storage } from 'wxt/utils/storage';
import type { LanguagePreference } from './i18n';
import type { SiteId } from './match/listing';

// Settings that content scripts need live in storage.local (they cannot open
// the extension's IndexedDB); each item is versioned so it can migrate.

export const languageSetting = storage.defineItem<LanguagePreference>('local:language', {
  fallback: 'auto',
  version: 1,
});

export const siteSwitchesSetting = storage.defineItem<Partial<Record<SiteId, boolean>>>('local:siteSwitches', {
  fallback: {},
  version: 1,
});

export const showHintsSetting = storage.defineItem<boolean>('local:showHints', {
  fallback: true,
  version: 1,
});
