// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel, type SidePanelProps } from '../../components/SidePanel';
import { Popup, type PopupProps } from '../../components/Popup';
import { noticeTab } from '../../utils/messages';
import { summaryNotifier } from '../../utils/page/change-notice';
import { decidePanelState, NOT_READ_YET, PANEL_NOT_RUNNING } from '../../utils/popup/page-state';
import { openSidePanel, sidePanelApi } from '../../utils/popup/side-panel';
import { loadPanelCard } from '../../utils/popup/panel-card';
import { followActiveTab } from '../../utils/popup/follow-tab';
import { buildCardModel, CARD_NOT_IN_KB } from '../../utils/card/model';
import { loadBundledKb } from '../helpers/kb';
import { SEED_SUMMARY } from '../helpers/summary';

const kb = loadBundledKb();
const byId = (id: string) => kb.entities.find((e) => e.id === id)!;
const EXTENSION_ID = 'met-context-test';

const summary = SEED_SUMMARY;

describe('the page’s change notice', () => {
  it.each([
    ['from this extension’s content script', { type: 'pageChanged' }, { id: EXTENSION_ID, tab: { id: 7 } }, 7],
    ['from another extension', { type: 'pageChanged' }, { id: 'other', tab: { id: 7 } }, undefined],
    ['from an extension page (no tab)', { type: 'pageChanged' }, { id: EXTENSION_ID }, undefined],
    ['with extra fields', { type: 'pageChanged', summary: {} }, { id: EXTENSION_ID, tab: { id: 7 } }, undefined],
    ['of another type', { type: 'getPageSummary' }, { id: EXTENSION_ID, tab: { id: 7 } }, undefined],
    ['a string', 'pageChanged', { id: EXTENSION_ID, tab: { id: 7 } }, undefined],
  ])('%s', (_, message, sender, expected) => {
    expect(noticeTab(message, sender, EXTENSION_ID)).toBe(expected);
  });

  it('is sent once per change of the summary, and nobody listening is no error', async () => {
    let current = summary;
    const send = vi.fn(() => Promise.reject(new Error('Receiving end does not exist.')));
    const notify = summaryNotifier(() => current, send);
    notify();
    notify();
    current = { ...summary, entities: summary.entities.slice(1) };
    notify();
    notify();
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenCalledWith({ type: 'pageChanged' });
    await Promise.resolve();
  });
});

describe('what the panel says about a tab', () => {
  it.each([
    ['a page whose address it may not see', { granted: false }, { kind: 'unavailable', reason: PANEL_NOT_RUNNING }],
    ['a browser page whose address it sees', { url: 'chrome://version', granted: false }, { kind: 'browser-page' }],
    ['a listed site not read yet', { url: 'https://www.standard.co.uk/news/x', granted: false }, { kind: 'unavailable', reason: NOT_READ_YET }],
    ['a page with a summary', { summary, granted: false }, { kind: 'ready', summary, added: false }],
  ])('%s', (_, facts, expected) => {
    expect(decidePanelState(facts)).toEqual(expected);
  });
});

describe('opening the panel from the popup', () => {
  it('uses Chrome’s sidePanel with the window, or Firefox’s sidebarAction', async () => {
    const chrome = { sidePanel: { open: vi.fn(() => Promise.resolve()) } };
    const firefox = { sidebarAction: { open: vi.fn(() => Promise.resolve()) } };
    await openSidePanel(sidePanelApi(chrome)!, 3);
    expect(chrome.sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
    await openSidePanel(sidePanelApi(firefox)!, undefined);
    expect(firefox.sidebarAction.open).toHaveBeenCalledOnce();
    await expect(openSidePanel(sidePanelApi(chrome)!, undefined)).rejects.toThrow(/window/);
    expect(sidePanelApi({})).toBeUndefined();
    expect(sidePanelApi(undefined)).toBeUndefined();
  });
});

describe('the card an entry opens in the panel', () => {
  it('is the card’s view-model, with the reader’s note and the article’s date; or says why not', async () => {
    const rowley = byId('mark-rowley');
    const context = { articleDate: '2025-03-06', today: '2026-12-04' };
    const found = await loadPanelCard('mark-rowley', async () => ({ entity: rowley, related: [], note: 'Mine' }), context);
    expect(found).toEqual({ id: 'mark-rowley', model: buildCardModel(rowley, [], { ...context, note: 'Mine' }) });
    expect(await loadPanelCard('gone', async () => null, context)).toEqual({ id: 'gone', status: CARD_NOT_IN_KB });
    expect(await loadPanelCard('x', () => Promise.reject(new Error('No answer')), context)).toEqual({
      id: 'x',
      status: 'The card could not be loaded: No answer',
    });
  });
});

/** A promise and its resolver (Node 20 has no Promise.withResolvers). */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('following the active tab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('describes the active tab, then the one switched to, its new page, and its content script’s notices', async () => {
    const a = await fakeBrowser.tabs.create({ url: 'https://www.standard.co.uk/a', active: true });
    const b = await fakeBrowser.tabs.create({ url: 'https://www.reuters.com/b', active: false });
    const windowId = a.windowId!;
    const seen: string[] = [];
    const controller = new AbortController();
    let described = signal();
    followActiveTab(
      fakeBrowser as never,
      windowId,
      {
        onTab: (tab) => {
          seen.push(`tab ${tab.id} ${tab.url}`);
          described.resolve();
        },
        onPageChanged: () => seen.push('changed'),
      },
      controller.signal,
    );
    await described.promise;
    expect(seen).toEqual([`tab ${a.id} https://www.standard.co.uk/a`]);

    described = signal();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: b.id!, windowId });
    await described.promise;
    // Another window's switch is not this panel's.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: a.id!, windowId: windowId + 1 });
    // Only the followed tab's notices count, and only well-formed ones.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'pageChanged' }, { id: fakeBrowser.runtime.id, tab: { id: a.id } } as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'pageChanged' }, { id: fakeBrowser.runtime.id, tab: { id: b.id } } as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'pageChanged' }, { id: 'another', tab: { id: b.id } } as never, () => undefined);
    described = signal();
    await fakeBrowser.tabs.onUpdated.trigger(b.id!, { status: 'complete' }, { ...b, url: 'https://www.reuters.com/c' } as never);
    await described.promise;
    expect(seen.slice(1)).toEqual([`tab ${b.id} https://www.reuters.com/b`, 'changed', `tab ${b.id} https://www.reuters.com/b`]);

    controller.abort();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'pageChanged' }, { id: fakeBrowser.runtime.id, tab: { id: b.id } } as never, () => undefined);
    expect(seen).toHaveLength(4);
  });
});

function props(over: Partial<SidePanelProps> = {}) {
  const calls: string[] = [];
  const all: SidePanelProps = {
    state: { kind: 'ready', summary, added: false },
    switches: { site: true, all: true, everySite: false },
    cardCss: '',
    onToggleSite: () => undefined,
    onToggleAll: () => undefined,
    onAddSite: () => undefined,
    onToggleEverySite: () => undefined,
    onReveal: (id) => calls.push(`reveal:${id}`),
    onOpenOptions: () => undefined,
    onOpenCard: (id) => calls.push(`open:${id}`),
    onCloseCard: () => calls.push('close'),
    ...over,
  };
  return { all, calls };
}

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) {
    act(() => render(null, root));
    root.remove();
  }
});

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  mounted.push(root);
  document.body.append(root);
  // act() runs the effects too (the card preview fills its shadow root in one).
  act(() => render(node, root));
  return root;
}

describe('the side panel view', () => {
  it('lists the entries, differing figures first; an entry opens its card, “Show on page” reveals it', () => {
    const { all, calls } = props();
    const root = mount(<SidePanel {...all} />);
    const entries = [...root.querySelectorAll<HTMLButtonElement>('button.entity')];
    expect(entries.map((b) => b.dataset.id)).toEqual(['stat-999-answered-10s', 'mark-rowley']);
    expect(entries[0]!.textContent).toContain('figure differs');
    expect(entries[1]!.getAttribute('aria-expanded')).toBe('false');
    entries[1]!.click();
    root.querySelector<HTMLButtonElement>('button.show-on-page[aria-label="Show Sir Mark Rowley on the page"]')!.click();
    expect(calls).toEqual(['open:mark-rowley', 'reveal:mark-rowley']);
  });

  it('renders the open card in place, KB text as text; a second click or Escape closes it, focus back on the entry', () => {
    const evil = { ...byId('mark-rowley'), summary: '<img src=x onerror="alert(1)"><b>bold?</b>' };
    const { all, calls } = props({ card: { id: 'mark-rowley', model: buildCardModel(evil, []) } });
    const root = mount(<SidePanel {...all} />);
    const entry = root.querySelector<HTMLButtonElement>('button.entity[data-id="mark-rowley"]')!;
    expect(entry.getAttribute('aria-expanded')).toBe('true');
    const card = root.querySelector(`#${entry.getAttribute('aria-controls')} [data-testid="card-preview"]`)!.shadowRoot!;
    expect(card.querySelector('h2')!.textContent).toBe('Sir Mark Rowley');
    expect(card.textContent).toContain('<img src=x onerror="alert(1)"><b>bold?</b>');
    expect(card.querySelector('img, b, script')).toBeNull();
    act(() => entry.click());
    document.body.focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(calls).toEqual(['close', 'close']);
    expect(document.activeElement).toBe(entry);
  });

  it('says while a card loads', () => {
    const { all } = props({ card: { id: 'mark-rowley', status: 'Loading…' } });
    const root = mount(<SidePanel {...all} />);
    expect(root.querySelector('.panel-card [role="status"]')!.textContent).toBe('Loading…');
  });
});

describe('the popup', () => {
  it('offers the side panel where the browser has one, and keeps one button per entry', () => {
    const opened: string[] = [];
    const base: PopupProps = { ...props().all, onOpenPanel: () => opened.push('panel') };
    const root = mount(<Popup {...base} />);
    expect(root.querySelectorAll('button.show-on-page')).toHaveLength(0);
    expect(root.querySelector('button.entity')!.hasAttribute('aria-expanded')).toBe(false);
    [...root.querySelectorAll<HTMLButtonElement>('button.link')].find((b) => b.textContent === 'Open in side panel')!.click();
    expect(opened).toEqual(['panel']);
    const without = mount(<Popup {...base} onOpenPanel={undefined} />);
    expect(without.textContent).not.toContain('Open in side panel');
  });
});
