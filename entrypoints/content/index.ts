import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { NEWS_SITE_MATCHES, siteKey } from '@/utils/sites';
import { isSiteEnabled, watchSiteEnabled } from '@/utils/settings';
import { PageSession } from '@/utils/page/session';
import { TabRequest, askBackground, createMessageListener, type TabReplies } from '@/utils/messages';
import cardCss from '@/components/card.css?inline';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  // The card's CSS goes into its shadow root as text; nothing is injected into the page's styles.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const site = siteKey(location.hostname);
    const send = (message: unknown) => browser.runtime.sendMessage(message);
    const session = new PageSession({
      doc: document,
      site,
      getIndex: () => askBackground(send, { type: 'getMatchIndex' }),
      fetchEntity: (id) => askBackground(send, { type: 'getEntity', id }),
      createSurface: async () => {
        const ui = await createShadowRootUi(ctx, {
          name: 'met-card',
          position: 'inline',
          anchor: 'body',
          css: cardCss,
          onMount: () => undefined,
        });
        ui.mount();
        return { host: ui.shadowHost, container: ui.uiContainer, remove: () => ui.remove() };
      },
    });

    browser.runtime.onMessage.addListener(
      createMessageListener<TabRequest, TabReplies>(
        TabRequest,
        {
          getPageSummary: () => session.summary(),
          revealEntity: ({ id }) => session.reveal(id),
        },
        browser.runtime.id,
      ),
    );

    const signal = ctx.signal;
    signal.addEventListener('abort', () => session.stop(), { once: true });
    watchSiteEnabled(site, (enabled) => (enabled ? void session.start() : session.stop()), signal);
    if (await isSiteEnabled(site)) await session.start();
  },
});
