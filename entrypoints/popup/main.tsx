import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type PopupState } from '@/components/Popup';
import { askBackground, askTab, type KbStatus } from '@/utils/messages';
import { setSiteEnabled } from '@/utils/settings';
import { POPUP_REFRESH_DELAY_MS } from '@/utils/constants';
import './style.css';

/** The tab the popup describes: the active one, or `?tab=<id>` (used when opened as a page). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const CANNOT_RUN =
  'Met Context does not run on this page. It works on news sites (BBC, Guardian, Standard, Independent and others); browser pages and other sites are not read.';

function App() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [kb, setKb] = useState<KbStatus>();
  const [tabId, setTabId] = useState<number>();

  const refresh = async (id: number | undefined) => {
    if (id === undefined) return setState({ kind: 'unavailable', reason: CANNOT_RUN });
    try {
      const summary = await askTab((m) => browser.tabs.sendMessage(id, m), { type: 'getPageSummary' });
      setState({ kind: 'ready', summary });
    } catch {
      setState({ kind: 'unavailable', reason: CANNOT_RUN });
    }
  };

  useEffect(() => {
    void targetTabId().then((id) => {
      setTabId(id);
      void refresh(id);
    });
    void askBackground((m) => browser.runtime.sendMessage(m), { type: 'getStatus' }).then(setKb, () => undefined);
  }, []);

  return (
    <Popup
      state={state}
      kb={kb}
      onToggleSite={async (enabled) => {
        if (state.kind !== 'ready') return;
        await setSiteEnabled(state.summary.site, enabled);
        // The page applies the switch itself (it watches storage); read its summary once it has.
        setTimeout(() => void refresh(tabId), POPUP_REFRESH_DELAY_MS);
      }}
      onReveal={(id) => {
        if (tabId === undefined) return;
        void askTab((m) => browser.tabs.sendMessage(tabId, m), { type: 'revealEntity', id });
      }}
    />
  );
}

render(<App />, document.getElementById('app')!);
