import { browser } from 'wxt/browser';
import { KbService } from '@/utils/kb/service';
import { loadBundle } from '@/utils/kb/bundle';
import { askTab, createMessageListener, type BackgroundReplies } from '@/utils/messages';
import { BackgroundRequest, EXTENSION_PAGE_ONLY } from '@/utils/background-requests';
import { CONTENT_SCRIPT_FILE, oneAtATime, reconcileEverySite, reconcileSites, type SiteAccessApi } from '@/utils/site-access';
import { EVERY_SITE_PATTERN, isListedSite, sitePermissionPattern, siteOfPattern } from '@/utils/sites';
import { addedSites, everySiteGranted } from '@/utils/settings';
import { catchUpAfterStartup, type Coverage, type StartupTabs } from '@/utils/startup-catch-up';
import { CONTENT_SCRIPT_RUN_AT, STARTUP_CATCH_UP_MS, STARTUP_SETTLE_MS, STARTUP_SWEEP_MS, TASK_BUDGET_MS } from '@/utils/constants';
import { matchInSteps } from '@/utils/match/text-matcher';
import { pauseEvery } from '@/utils/dom/yield';
import { runCommand, type CommandDeps } from '@/utils/commands';
import { correctionRequests } from '@/utils/corrections/requests';
import { announceCorrectionsChanged } from '@/utils/corrections/signal';
import { LAZY_CODE_FILES } from '@/utils/page/lazy-code';

/** Chrome (MV3) keeps registrations across restarts; Firefox MV2 re-registers on each start. */
const PERSIST_REGISTRATIONS = import.meta.env.MANIFEST_VERSION === 3;

const siteAccess: SiteAccessApi = {
  async grantedOrigins() {
    // Content-script matches for the curated list show up as origins too; only the reader's count.
    const { origins = [] } = await browser.permissions.getAll();
    return origins.filter((o) => {
      const site = siteOfPattern(o);
      return o === EVERY_SITE_PATTERN || (site !== null && !isListedSite(site));
    });
  },
  registered: () => browser.scripting.getRegisteredContentScripts(),
  register: (script) =>
    browser.scripting.registerContentScripts([
      { ...script, runAt: CONTENT_SCRIPT_RUN_AT, ...(PERSIST_REGISTRATIONS ? { persistAcrossSessions: true } : {}) },
    ]),
  update: (script) => browser.scripting.updateContentScripts([script]),
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
};

/** Registrations follow permissions; the added-sites list follows them too (a site given back elsewhere is dropped). */
const reconcile = oneAtATime(async (): Promise<Coverage> => {
  const sites = await reconcileSites(siteAccess);
  const everySite = await reconcileEverySite(siteAccess, sites);
  if ((await everySiteGranted.getValue()) !== everySite) await everySiteGranted.setValue(everySite);
  const added = await addedSites.getValue();
  const kept = added.filter((s) => sites.includes(s));
  if (kept.length !== added.length) await addedSites.setValue(kept);
  return { sites, everySite };
});

/** Starts the content script in a tab already open on a site just added (no reload needed). */
async function injectIfAbsent(tabId: number): Promise<boolean> {
  const running = await askTab((m) => browser.tabs.sendMessage(tabId, m), { type: 'getPageSummary' }).then(
    () => true,
    () => false,
  );
  if (running) return false;
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  return true;
}

/** The tabs API as the start-up catch-up needs it. */
const startupTabs: StartupTabs = {
  loadedTabs: async () =>
    (await browser.tabs.query({ status: 'complete' })).flatMap((t) => (t.id !== undefined && t.url ? [{ id: t.id, url: t.url }] : [])),
  onTabLoaded(listener) {
    const onUpdated = (id: number, change: { status?: string }, tab: { url?: string }) => {
      if (change.status === 'complete' && tab.url) listener(id, tab.url);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  },
  injectIfAbsent,
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Shortcuts go to the active tab's content script, through the one protocol. */
const commandDeps: CommandDeps = {
  activeTabId: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  sendToTab: (tabId, request) => askTab((m) => browser.tabs.sendMessage(tabId, m), request),
};

/** The popup, options page and other pages of the extension itself (not a content script). */
const fromExtensionPage = (sender: { url?: string }) => Boolean(sender.url?.startsWith(browser.runtime.getURL('/')));

export default defineBackground(() => {
  // The bundled KB ships inside the extension; reading it is not a network request.
  const kb = new KbService(() =>
    loadBundle(async (file) => (await fetch(browser.runtime.getURL(`/kb/${file}` as '/kb/index.json'))).json()),
  );

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void kb.prepare();
    // The first-run page: what it does, and where it should run (the news sites, or every site).
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  const reconciled = reconcile().catch((): Coverage => ({ sites: [], everySite: false }));
  // Each time the background starts (the browser's start among them), tabs on added sites (or
  // on every site) that loaded without the content script get it: see utils/startup-catch-up.ts.
  void reconciled.then((coverage) => catchUpAfterStartup(coverage, startupTabs, { windowMs: STARTUP_CATCH_UP_MS, sweepMs: STARTUP_SWEEP_MS, settleMs: STARTUP_SETTLE_MS }));
  // Listening for the browser's start is what has it start the background then, so tabs
  // restored at start-up are caught up (the work itself is done above, on every start).
  browser.runtime.onStartup.addListener(() => undefined);
  browser.permissions.onAdded.addListener(() => void reconcile());
  browser.permissions.onRemoved.addListener(() => void reconcile());
  browser.commands.onCommand.addListener((command, tab) => void runCommand(command, tab, commandDeps));

  browser.runtime.onMessage.addListener(
    createMessageListener<BackgroundRequest, BackgroundReplies>(
      BackgroundRequest,
      {
        getMatchIndex: () => kb.matchIndex(),
        // Yields now and then so a card's request is answered while a long page is matched.
        matchText: async ({ text, site, articleDate }) =>
          matchInSteps(await kb.pageMatcher(), text, { site, articleDate }, pauseEvery(TASK_BUDGET_MS)),
        getEntity: ({ id }) => kb.entity(id),
        // Into the asking frame's content-script world only; never for an extension page.
        loadCode: async ({ name }, sender) => {
          const tabId = sender.tab?.id;
          if (tabId === undefined) throw new Error('Only a page’s content script loads code.');
          await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [LAZY_CODE_FILES[name]] });
          return null;
        },
        getStatus: () => kb.status(),
        siteAccessChanged: async ({ site, tabId }) => {
          const { sites } = await reconcile();
          const granted = await browser.permissions.contains({ origins: [sitePermissionPattern(site)] });
          const injected = granted && tabId !== undefined ? await injectIfAbsent(tabId) : false;
          return { sites: [...sites], injected };
        },
        everySiteChanged: async ({ tabId }) => {
          await reconcile();
          const everySite = await everySiteGranted.getValue();
          const injected = everySite && tabId !== undefined ? await injectIfAbsent(tabId).catch(() => false) : false;
          return { everySite, injected };
        },
        getKbOverview: () => kb.overview(),
        saveNote: async ({ id, text }) => {
          await kb.saveNote(id, text);
          return null;
        },
        saveUserEntity: async ({ entity }) => ({ id: (await kb.saveUserEntity(entity)).id }),
        deleteUserEntity: async ({ id }) => {
          await kb.deleteUserEntity(id);
          return null;
        },
        getUserData: () => kb.exportUserData(),
        importUserData: async ({ text }) => {
          const imported = await kb.importUserData(text);
          if (imported.corrections) await announceCorrectionsChanged();
          return imported;
        },
        ...correctionRequests(kb, announceCorrectionsChanged, fromExtensionPage),
      },
      browser.runtime.id,
      { types: EXTENSION_PAGE_ONLY, extensionOrigin: browser.runtime.getURL('/') },
    ),
  );
});
