/**
 * What the popup and the side panel know about one tab, and what their switches do: the page's
 * summary and timeline, the switches, the knowledge base's state, and the reader's actions.
 * Both pages wire it to a tab (the popup to the tab it was opened on, the panel to whichever tab
 * is active) and render it with the same components.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PopupProps, PopupState, PopupSwitches } from '../../components/Popup';
import { askBackground, askTab, type KbStatus, type TabReplies, type TabRequest } from '../messages';
import { allSitesEnabled, readPageSettings, watchPageSettings } from '../settings';
import { isListedSite, sitePermissionPattern } from '../sites';
import { POPUP_REFRESH_DELAY_MS } from '../constants';
import type { PageSummary } from '../page/summary';
import { addSite, browserSiteActions, chooseEverySite, toggleSite } from './site-actions';
import { popupSwitches, type PopupFacts } from './page-state';
import { buildTimeline, type TimelineModel } from './timeline';

export interface PageTab {
  id?: number;
  /** Hidden by the browser for pages on sites the extension may not read. */
  url?: string;
}

export const sendToBackground = (m: unknown) => browser.runtime.sendMessage(m);

/** Asks a tab's content script; undefined when none answers (none runs there). */
export function askPage<K extends TabRequest['type']>(tabId: number, request: Extract<TabRequest, { type: K }>): Promise<TabReplies[K] | undefined> {
  return askTab<K>((m) => browser.tabs.sendMessage(tabId, m), request).catch(() => undefined);
}

async function readTimeline(summary: PageSummary): Promise<TimelineModel | null> {
  const replies = await Promise.all(
    summary.entities.map((e) => askBackground(sendToBackground, { type: 'getEntity', id: e.id }).catch(() => null)),
  );
  return buildTimeline(
    replies.flatMap((r) => (r ? [r.entity] : [])),
    summary.articleDate,
  );
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

export type PageViewProps = Omit<PopupProps, 'onOpenOptions'>;

/**
 * @param tab the tab described; undefined while it is being found.
 * @param decide what to say from what could be learnt (the popup and the panel see different addresses).
 */
export function usePageView(tab: PageTab | undefined, decide: (facts: PopupFacts) => PopupState): { props: PageViewProps; refresh(): void } {
  const siteActions = useRef(browserSiteActions()).current;
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [kb, setKb] = useState<KbStatus>();
  const [switches, setSwitches] = useState<PopupSwitches>({ all: true, site: true, everySite: false });
  const [timeline, setTimeline] = useState<TimelineModel | null>();
  const [error, setError] = useState<string>();
  // Reads overlap when the tab changes fast (a panel following tab switches): only the newest lands.
  const latest = useRef(0);
  const current = useRef(tab);
  current.current = tab;

  const site = state.kind === 'ready' ? state.summary.site : state.kind === 'not-added' ? state.site : undefined;

  const refresh = async () => {
    const target = current.current;
    if (!target) return;
    const read = ++latest.current;
    const stale = () => read !== latest.current;
    const summary = target.id === undefined ? undefined : await askPage(target.id, { type: 'getPageSummary' });
    const host = summary?.site ?? (target.url ? safeHost(target.url) : undefined);
    const granted = host ? await browser.permissions.contains({ origins: [sitePermissionPattern(host)] }).catch(() => false) : false;
    const settings = host ? await readPageSettings(host) : undefined;
    if (stale()) return;
    const next = decide({ url: target.url, summary, granted });
    if (host && settings) setSwitches(popupSwitches(settings, host));
    setState(next);
    const ready = next.kind === 'ready' && next.summary.enabled && next.summary.relevant;
    const model = ready ? await readTimeline(next.summary) : null;
    if (!stale()) setTimeline(model);
  };
  const refreshSoon = () => setTimeout(() => void refresh(), POPUP_REFRESH_DELAY_MS);

  useEffect(() => {
    void askBackground(sendToBackground, { type: 'getStatus' }).then(setKb, () => undefined);
  }, []);

  useEffect(() => {
    if (!tab) return;
    setError(undefined);
    void refresh();
  }, [tab]);

  useEffect(() => {
    if (!site) return;
    const controller = new AbortController();
    watchPageSettings(site, (s) => setSwitches(popupSwitches(s, site)), controller.signal);
    return () => controller.abort();
  }, [site]);

  /**
   * A switch shows the reader's choice at once: the stored setting follows (and the watcher
   * confirms it), so a re-render in between, a summary refresh for one, cannot flip the switch
   * back under the reader's finger. A choice that fails is put back by the refresh after it.
   */
  const show = (change: Partial<PopupSwitches>) => setSwitches((now) => ({ ...now, ...change }));
  const fail = (e: unknown) => {
    setError(String(e));
    return refresh();
  };

  const props: PageViewProps = {
    state,
    kb,
    switches,
    timeline,
    error,
    onToggleSite(enabled) {
      if (!site) return;
      setError(undefined);
      show({ site: enabled });
      void readPageSettings(site)
        .then(({ siteAdded, everySite }) =>
          toggleSite(siteActions, site, enabled, { listed: isListedSite(site), added: siteAdded, everySite }, tab?.id),
        )
        .then((done) => {
          if (done) return void refreshSoon();
          setError(`Access to ${site} was not granted, so Met Context stays off there.`);
          return refresh();
        })
        .catch(fail);
    },
    onToggleAll(enabled) {
      show({ all: enabled });
      void allSitesEnabled.setValue(enabled).then(refreshSoon);
    },
    onAddSite(host) {
      setError(undefined);
      void addSite(siteActions, host, tab?.id)
        .then((done) => (done ? void refreshSoon() : setError(`Access to ${host} was not granted, so Met Context stays off there.`)))
        .catch((e: unknown) => setError(String(e)));
    },
    onToggleEverySite(on) {
      show({ everySite: on });
      setError(undefined);
      void chooseEverySite(siteActions, on, tab?.id)
        .then((done) => {
          if (done) return void refreshSoon();
          setError('Access to every site was not granted, so Met Context stays on its list of news sites and the sites you added.');
          return refresh();
        })
        .catch(fail);
    },
    onReveal(id) {
      if (tab?.id !== undefined) void askPage(tab.id, { type: 'revealEntity', id });
    },
  };
  return { props, refresh: () => void refresh() };
}
