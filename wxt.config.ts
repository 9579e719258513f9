import type { Alias } from 'vite';
import { defineConfig } from 'wxt';
import { SHOP_HOST_PATTERNS } from './lib/sites/hosts';

// The manifest is declared here, not generated from entrypoint guesses, so that
// its permissions are reviewed in one place: storage, and the supported shops only.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage'],
    host_permissions: [...SHOP_HOST_PATTERNS],
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'relief-helper@relief-shopping-helper.local',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    build: { chunkSizeWarningLimit: 4000 },
  }),
  hooks: {
    /**
     * The shop content script reads one extension API, `runtime.id` (its own
     * start-up shield and WXT's invalidation check); its messages go through
     * @webext-core/messaging, which calls `chrome.runtime` itself. So it takes
     * the browser's own namespace (`browser` in Firefox, `chrome` in Chromium,
     * WXT's default) instead of webextension-polyfill: 9.5 of its 42.4 kB, and
     * its bundle is held to 40 kB (DESIGN §8). Extension pages keep the polyfill.
     */
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const resolve = config.resolve;
      if (!resolve?.alias) return;
      // Without the polyfill module's alias, `wxt/browser` is WXT's own (@wxt-dev/browser).
      if (Array.isArray(resolve.alias)) resolve.alias = resolve.alias.filter((a: Alias) => a.find !== 'wxt/browser');
      else delete (resolve.alias as Record<string, string>)['wxt/browser'];
    },
  },
});
