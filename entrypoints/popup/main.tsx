import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type PopupState, type PopupSwitches } from '@/components/Popup';
import { askBackground, askTab, type KbStatus } from '@/utils/messages';
import { allSitesEnabled, readPageSettings, watchPageSettings } from '@/utils/settings';
import { isListedSite, sitePermissionPattern } from '@/utils/sites';
import { addSite, browserSiteActions, chooseEverySite, toggleSite } from '@/utils/popup/site-actions';
import { decidePopupState, popupSwitches } from '@/utils/popup/page-state';
import { buildTimeline, type TimelineModel } from '@/utils/popup/timeline';
import { POPUP_REFRESH_DELAY_MS } from '@/utils/constants';
import type { PageSummary } from '@/utils/page/summary';
import '@/components/theme.css';
import './style.css';

const sendToBackground = (m: unknown) => browser.runtime.sendMessage(m);

const siteActions = browserSiteActions();

/** The tab the popup describes: the active one, or `?tab=<id>` (used when opened as a page). */
async function targetTab(): Promise<{ id?: number; url?: string }> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => undefined);
    return { id: fromQuery, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

async function readSummary(tabId: number): Promise<PageSummary | undefined> {
  return askTab((m) => browser.tabs.sendMessage(tabId, m), { type: 'getPageSummary' }).catch(() => undefined);
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

function App() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [kb, setKb] = useState<KbStatus>();
  const [tab, setTab] = useState<{ id?: number; url?: string }>({});
  const [switches, setSwitches] = useState<PopupSwitches>({ all: true, site: true, everySite: false });
  const [timeline, setTimeline] = useState<TimelineModel | null>();
  const [error, setError] = useState<string>();

  const site = state.kind === 'ready' ? state.summary.site : state.kind === 'not-added' ? state.site : undefined;

  const refresh = async (current = tab) => {
    const summary = current.id === undefined ? undefined : await readSummary(current.id);
    const host = summary?.site ?? (current.url ? safeHost(current.url) : undefined);
    const granted = host ? await browser.permissions.contains({ origins: [sitePermissionPattern(host)] }).catch(() => false) : false;
    const next = decidePopupState({ url: current.url, summary, granted });
    if (host) setSwitches(popupSwitches(await readPageSettings(host), host));
    setState(next);
    if (next.kind === 'ready' && next.summary.enabled && next.summary.relevant) setTimeline(await readTimeline(next.summary));
  };
  const refreshSoon = () => setTimeout(() => void refresh(), POPUP_REFRESH_DELAY_MS);

  useEffect(() => {
    void targetTab().then((current) => {
      setTab(current);
      void refresh(current);
    });
    void askBackground(sendToBackground, { type: 'getStatus' }).then(setKb, () => undefined);
  }, []);

  useEffect(() => {
    if (!site) return;
    const controller = new AbortController();
    watchPageSettings(site, (s) => setSwitches(popupSwitches(s, site)), controller.signal);
    return () => controller.abort();
  }, [site]);

  const addThisSite = async (host: string) => {
    setError(undefined);
    if (!(await addSite(siteActions, host, tab.id))) {
      setError(`Access to ${host} was not granted, so Met Context stays off there.`);
      return;
    }
    refreshSoon();
  };

  const everySite = async (on: boolean) => {
    setError(undefined);
    if (!(await chooseEverySite(siteActions, on, tab.id))) {
      setError('Access to every site was not granted, so Met Context stays on its list of news sites and the sites you added.');
      await refresh();
      return;
    }
    refreshSoon();
  };
  /**
   * A switch shows the reader's choice at once: the stored setting follows (and the watcher
   * confirms it), so a re-render in between, a summary refresh for one, cannot flip the switch
   * back under the reader's finger. A choice that fails is put back by the refresh after it.
   */
  const show = (change: Partial<PopupSwitches>) => setSwitches((current) => ({ ...current, ...change }));

  return (
    <Popup
      state={state}
      kb={kb}
      switches={switches}
      timeline={timeline}
      error={error}
      onToggleSite={(enabled) => {
        if (!site) return;
        setError(undefined);
        show({ site: enabled });
        void readPageSettings(site)
          .then(({ siteAdded, everySite }) =>
            toggleSite(siteActions, site, enabled, { listed: isListedSite(site), added: siteAdded, everySite }, tab.id),
          )
          .then((done) => {
            if (done) return void refreshSoon();
            setError(`Access to ${site} was not granted, so Met Context stays off there.`);
            return refresh();
          })
          .catch((e: unknown) => {
            setError(String(e));
            return refresh();
          });
      }}
      onToggleAll={(enabled) => {
        show({ all: enabled });
        void allSitesEnabled.setValue(enabled).then(refreshSoon);
      }}
      onAddSite={(host) => void addThisSite(host).catch((e: unknown) => setError(String(e)))}
      onToggleEverySite={(on) => {
        show({ everySite: on });
        void everySite(on).catch((e: unknown) => {
          setError(String(e));
          return refresh();
        });
      }}
      onReveal={(id) => {
        if (tab.id === undefined) return;
        void askTab((m) => browser.tabs.sendMessage(tab.id!, m), { type: 'revealEntity', id });
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

render(<App />, document.getElementById('app')!);
