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
});
