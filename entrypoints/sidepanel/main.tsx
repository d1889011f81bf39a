import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SidePanel } from '@/components/SidePanel';
import { askBackground } from '@/utils/messages';
import { decidePanelState } from '@/utils/popup/page-state';
import { followActiveTab } from '@/utils/popup/follow-tab';
import { loadPanelCard, loadingCard, type PanelCard } from '@/utils/popup/panel-card';
import { sendToBackground, usePageView, type PageTab } from '@/utils/popup/use-page-view';
import { todayIso } from '@/utils/kb/dates';
import cardCss from '@/components/card.css?inline';
import '@/components/theme.css';
import '../popup/style.css';
import './style.css';

/** The window whose active tab the panel follows: its own, or `?window=<id>` (used when opened as a page). */
async function panelWindow(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('window'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  return (await browser.windows.getCurrent()).id;
}

function App() {
  const [tab, setTab] = useState<PageTab>();
  const [card, setCard] = useState<PanelCard>();
  const { props, refresh } = usePageView(tab, decidePanelState);

  useEffect(() => {
    const controller = new AbortController();
    void panelWindow().then((windowId) => {
      if (windowId === undefined) return;
      followActiveTab(browser, windowId, { onTab: setTab, onPageChanged: refresh }, controller.signal);
    });
    return () => controller.abort();
  }, []);
  // A card belongs to the page it was opened from.
  useEffect(() => setCard(undefined), [tab?.id]);

  const summary = props.state.kind === 'ready' ? props.state.summary : undefined;
  const openCard = (id: string) => {
    setCard(loadingCard(id));
    void loadPanelCard(id, (entity) => askBackground(sendToBackground, { type: 'getEntity', id: entity }), {
      articleDate: summary?.articleDate,
      today: todayIso(),
    }).then((loaded) => setCard((now) => (now?.id === id ? loaded : now)));
  };

  return (
    <SidePanel
      {...props}
      card={card}
      cardCss={cardCss}
      onOpenCard={openCard}
      onCloseCard={() => setCard(undefined)}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

render(<App />, document.getElementById('app')!);
