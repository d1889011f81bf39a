import { browser } from 'wxt/browser';
import { NEWS_SITE_MATCHES, isListedSite, siteKey } from '@/utils/sites';
import { readPageSettings, shownTypes, watchPageSettings, type PageSettings } from '@/utils/page-settings';
import { PageSession } from '@/utils/page/session';
import { shouldAnnotate } from '@/utils/page/should-annotate';
import { summaryNotifier } from '@/utils/page/change-notice';
import { TabRequest, askBackground, createMessageListener, unwrapReply, type TabReplies } from '@/utils/messages';
import { watchCorrections } from '@/utils/corrections/signal';
import { lazyCodeLoader } from '@/utils/page/lazy-code';
import { CONTENT_SCRIPT_RUN_AT } from '@/utils/constants';
import { documentParsed } from '@/utils/dom/document-parsed';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: CONTENT_SCRIPT_RUN_AT,
  // The card's CSS goes into its shadow root as text (utils/card/view.ts); nothing is injected into the page's styles.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Two registrations can reach one page for a moment (a site added while every site is on,
    // before the background has reconciled them): the first to start does the work. One left
    // behind by an update of the extension no longer counts.
    const world = globalThis as { metContextRunning?: { isValid: boolean } };
    if (world.metContextRunning?.isValid) return;
    world.metContextRunning = ctx;
    const site = siteKey(location.hostname);
    const send = (message: unknown) => browser.runtime.sendMessage(message);
    // The card and the page's own matcher are loaded when first needed (utils/page/lazy-code.ts).
    const loadCode = lazyCodeLoader((name) => askBackground(send, { type: 'loadCode', name }));
    const notifyPages = summaryNotifier(() => session.summary(), send);
    const session = new PageSession({
      doc: document,
      site,
      localMatcher: async () => {
        const [index, code] = await Promise.all([askBackground(send, { type: 'getMatchIndex' }), loadCode('matcher')]);
        return code.create(index);
      },
      // One attempt: when the background does not answer, the page matches on its own.
      matchText: async (text, page) => unwrapReply(await send({ type: 'matchText', text, ...page }), 'matchText'),
      fetchEntity: (id) => askBackground(send, { type: 'getEntity', id }),
      loadCardView: () => loadCode('card'),
      createSurface: async () => (await loadCode('card')).createSurface(ctx),
      onChange: () => notifyPages(),
      getCorrections: () => askBackground(send, { type: 'getCorrections' }),
      saveCorrection: async (correction) => void (await askBackground(send, { type: 'addCorrection', correction })),
      removeCorrection: async (id) => void (await askBackground(send, { type: 'removeCorrection', id })),
    });

    browser.runtime.onMessage.addListener(
      createMessageListener<TabRequest, TabReplies>(
        TabRequest,
        {
          getPageSummary: () => session.summary(),
          revealEntity: ({ id }) => session.reveal(id),
          focusNextMention: () => session.focusNextMention(),
        },
        browser.runtime.id,
      ),
    );

    const listed = isListedSite(site);
    // Changes are applied one after another, so a burst of them cannot interleave a stop and a
    // start; the first waits until the document is parsed (the script starts as it begins).
    let applying = documentParsed(document);
    const apply = (settings: PageSettings) => (applying = applying.then(() => applyNow(settings)));
    const applyNow = (settings: PageSettings) =>
      session.apply(
        { shown: shownTypes(settings.highlight), style: settings.highlight.style, tabStops: settings.tabStops },
        shouldAnnotate(settings, listed),
      );
    const signal = ctx.signal;
    signal.addEventListener('abort', () => session.stop(), { once: true });
    watchPageSettings(site, (settings) => void apply(settings), signal);
    // A correction made in any tab, or in the options page, applies here at once.
    watchCorrections(() => void session.refreshCorrections().catch(() => undefined), signal);
    await apply(await readPageSettings(site));
  },
});
