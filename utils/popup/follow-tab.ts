/**
 * The side panel follows the active tab of its window: a switch of tab, a navigation or reload
 * in it (`tabs` events need no permission; without `tabs` the address is given only for sites
 * the extension may read), and the notices its content script sends when what it found changed.
 */
import type { browser } from 'wxt/browser';
import { noticeTab } from '../messages';
import type { PageTab } from './use-page-view';

export interface FollowEvents {
  /** Another tab is active, or the active one loaded a new page: describe this one. */
  onTab(tab: PageTab): void;
  /** The active tab's content script says what it found changed: read it again. */
  onPageChanged(): void;
}

type Apis = Pick<typeof browser, 'tabs' | 'runtime'>;
type Tab = Browser.tabs.Tab;
type Listener<E extends { addListener(cb: never): void }> = Parameters<E['addListener']>[0];

export function followActiveTab(api: Apis, windowId: number, events: FollowEvents, signal: AbortSignal): void {
  let current: number | undefined;
  // A slow answer for a tab the reader has already left must not win over the newer one.
  let asked = 0;
  const describe = async (find: () => Promise<Tab | undefined>) => {
    const ask = ++asked;
    const tab = await find().catch(() => undefined);
    if (signal.aborted || ask !== asked) return;
    current = tab?.id;
    events.onTab({ id: tab?.id, url: tab?.url });
  };
  const activeTab = () => api.tabs.query({ active: true, windowId }).then(([tab]) => tab);

  const activated: Listener<Apis['tabs']['onActivated']> = (info) => {
    if (info.windowId === windowId) void describe(() => api.tabs.get(info.tabId));
  };
  const updated: Listener<Apis['tabs']['onUpdated']> = (tabId, change) => {
    if (tabId === current && (change.status === 'complete' || change.url !== undefined)) void describe(() => api.tabs.get(tabId));
  };
  // Answers nothing (returns undefined): the notice is not a request.
  const notice = (message: unknown, sender: { id?: string; tab?: { id?: number } }) => {
    const tabId = noticeTab(message, sender, api.runtime.id);
    if (tabId !== undefined && tabId === current) events.onPageChanged();
    return undefined;
  };

  api.tabs.onActivated.addListener(activated);
  api.tabs.onUpdated.addListener(updated);
  api.runtime.onMessage.addListener(notice);
  signal.addEventListener(
    'abort',
    () => {
      api.tabs.onActivated.removeListener(activated);
      api.tabs.onUpdated.removeListener(updated);
      api.runtime.onMessage.removeListener(notice);
    },
    { once: true },
  );
  void describe(activeTab);
}
