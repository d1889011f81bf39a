import { defineConfig } from 'wxt';
import { COMMANDS } from './utils/commands';
import { NEWS_SITE_MATCHES } from './utils/sites';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // `npm start` launches Chromium itself (scripts/start.mjs); WXT must not open a browser.
  webExt: { disabled: true },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Met Context',
    description:
      "Highlights inquiries, people, organisations and statistics in news about London's Metropolitan Police and explains them from a sourced knowledge base.",
    // storage: the switches. activeTab: the popup may read the address of the tab it was opened
    // on (no install warning). scripting: run on a site the reader adds. Host access comes from
    // the news-site list, plus one optional permission per site the reader turns on.
    // See README ("Where it runs") and docs/decisions/2026-11-25-site-permissions.md.
    permissions: ['storage', 'activeTab', 'scripting'],
    // The same hosts as the content script's, asked for again so the background may run the
    // card's code in their pages when the reader first reaches for a card (utils/page/lazy-code.ts).
    // Chrome gives content-script hosts to content scripts only; the install prompt is unchanged.
    host_permissions: NEWS_SITE_MATCHES,
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*'] }
      : { optional_permissions: ['*://*/*'] }),
    action: { default_title: 'Met Context' },
    // The "next highlight" shortcut (no permission needed): see utils/commands.ts.
    commands: COMMANDS,
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
