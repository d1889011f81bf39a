import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // `npm start` launches Chromium itself (scripts/start.mjs); WXT must not open a browser.
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: 'Met Context',
    description:
      "Highlights inquiries, people, organisations and statistics in news about London's Metropolitan Police and explains them from a sourced knowledge base.",
    // storage: the per-site switch. Host access comes only from the content script's news-site list.
    permissions: ['storage'],
    action: { default_title: 'Met Context' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'met-context@example.org',
              // 140 is the first Firefox (an ESR) that reads data_collection_permissions; web-ext
              // lint warns for any lower minimum.
              strict_min_version: '140.0',
              // This extension collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
