import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { decidePopupState } from '@/utils/popup/page-state';
import { usePageView, type PageTab } from '@/utils/popup/use-page-view';
import { openSidePanel, sidePanelApi } from '@/utils/popup/side-panel';
import '@/components/theme.css';
import './style.css';

/** The tab the popup describes: the active one, or `?tab=<id>` (used when opened as a page). */
async function targetTab(): Promise<PageTab> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => undefined);
    return { id: fromQuery, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

function App() {
  const [tab, setTab] = useState<PageTab>();
  // Known before the click: Chrome opens a side panel only straight from the reader's gesture.
  const [windowId, setWindowId] = useState<number>();
  const { props } = usePageView(tab, decidePopupState);

  useEffect(() => {
    void targetTab().then(setTab);
    void browser.windows.getCurrent().then((w) => setWindowId(w.id), () => undefined);
  }, []);

  const panel = sidePanelApi(browser);
  return (
    <Popup
      {...props}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onOpenPanel={panel ? () => void openSidePanel(panel, windowId).then(() => window.close(), () => undefined) : undefined}
    />
  );
}

render(<App />, document.getElementById('app')!);
