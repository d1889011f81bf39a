/**
 * End-to-end harness: the built extension in Debian's Chromium, fixture pages served on
 * 127.0.0.1 under real news-site names (Chromium maps every host to the local server; the
 * hosts used here are not on Chromium's HSTS preload list, so plain http works).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { launchWithExtension } from '../../scripts/lib/chromium.mjs';
import { serveFixtures } from '../../scripts/lib/server.mjs';
import type { PageSummary } from '../../utils/page/summary';
import { POLL, WAIT_MS } from './wait';
import { currentWorker } from './extension-worker';

export { POLL, WAIT_MS };

/** Where each fixture is served: seeds on the kind of site they came from. */
export const PAGE_URLS: Record<string, string> = {
  'seed-0-rowley-carrick': 'http://www.reuters.com/world/uk/seed-0-rowley-carrick.html',
  'seed-1-new-met-plan': 'http://www.londonworld.com/news/crime/seed-1-new-met-plan.html',
  'seed-2-engage-exit': 'http://www.standard.co.uk/news/crime/seed-2-engage-exit.html',
  'neg-met-office': 'http://www.standard.co.uk/news/weather/neg-met-office.html',
  'neg-met-gala': 'http://www.standard.co.uk/culture/neg-met-gala.html',
  'neg-met-museum': 'http://www.londonworld.com/culture/neg-met-museum.html',
  'neg-dc-police': 'http://www.reuters.com/world/us/neg-dc-police.html',
  'neg-football-carrick': 'http://www.standard.co.uk/sport/neg-football-carrick.html',
  'neg-verb-met': 'http://www.londonworld.com/news/politics/neg-verb-met.html',
  'neg-tokyo-police': 'http://www.reuters.com/world/asia-pacific/neg-tokyo-police.html',
  'neg-gmp-misconduct': 'http://www.manchestereveningnews.co.uk/news/greater-manchester-news/neg-gmp-misconduct.html',
  'live-blog': 'http://www.standard.co.uk/news/live/live-blog.html',
  'key-figure-differs': 'http://www.thisislocallondon.co.uk/news/key-figure-differs.html',
};

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  port: number;
  userDataDir: string;
  /** Closes the browser, keeping the profile (for restart tests). */
  closeBrowser(): Promise<void>;
  /** Closes the browser and the server and deletes the profile. */
  close(): Promise<void>;
}

/**
 * Flags for sessions that press the toolbar button: the DevTools protocol's
 * `Extensions.triggerAction` needs a browser-level connection and this switch.
 */
const TOOLBAR_ARGS = ['--enable-unsafe-extension-debugging', '--remote-debugging-port=0'];

export async function startSession(
  options: { userDataDir?: string; port?: number; toolbar?: boolean; extensionDir?: string } = {},
): Promise<Session> {
  const server = options.port ? null : await serveFixtures();
  const port = options.port ?? server!.port;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'met-e2e-'));
  const { context, worker, extensionId } = await launchWithExtension({
    userDataDir,
    port,
    extensionDir: options.extensionDir,
    extraArgs: options.toolbar ? TOOLBAR_ARGS : [],
    waitMs: WAIT_MS,
  });
  context.setDefaultTimeout(WAIT_MS);
  return {
    context,
    worker,
    extensionId,
    port,
    userDataDir,
    closeBrowser: () => context.close(),
    async close() {
      await context.close();
      await server?.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a fixture page and waits until the extension has read it. */
export async function openPage(session: Session, name: string, expectHighlights = true): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(PAGE_URLS[name]!);
  if (expectHighlights) await page.waitForSelector('met-mention');
  else await waitUntilSettled(session, page);
  return page;
}

/**
 * Waits until a product delay of `ms` that starts now has run out, on the page's own clock,
 * and one frame more. For checks that something does NOT happen (a card that stays open, no
 * highlight in an editor): the page's timers fire in the order they fall due, so a timer the
 * product set before this call with a delay of at most `ms` has fired by the time this returns.
 */
export async function outlast(page: Page, ms: number): Promise<void> {
  await page.evaluate((delay) => new Promise<void>((done) => setTimeout(() => requestAnimationFrame(() => done()), delay)), ms);
}

/** What the content script in the tab showing `page` says of it, or null if none answers. */
export async function pageSummary(session: Session, page: Page): Promise<PageSummary | null> {
  const tabId = await tabIdOf(session, page);
  const worker = await currentWorker(session.context, session.extensionId);
  const reply = await worker
    .evaluate((id) => chrome.tabs.sendMessage(id, { type: 'getPageSummary' }).catch(() => null), tabId)
    .catch(() => null);
  return reply && (reply as { ok?: boolean }).ok ? (reply as { value: PageSummary }).value : null;
}

/**
 * Waits until the content script on `page` has applied the reader's settings: the page is read
 * (highlighted, or judged not about the Met) or left alone. What a test then sees is final.
 */
export async function waitUntilSettled(session: Session, page: Page): Promise<PageSummary> {
  let summary: PageSummary | null = null;
  await expect.poll(async () => (summary = await pageSummary(session, page))?.settled ?? false, POLL).toBe(true);
  return summary!;
}


export interface SeenMention {
  id: string;
  type: string;
  text: string;
  differs: boolean;
}

/** Every highlighted mention (first piece of each), as the reader sees it. */
export function mentionsOn(page: Page): Promise<SeenMention[]> {
  return page.$$eval('met-mention:not([data-met-part])', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-met-id') ?? '',
      type: el.getAttribute('data-met-type') ?? '',
      text: el.textContent ?? '',
      differs: el.hasAttribute('data-met-differs'),
    })),
  );
}

/** The text of the open card, read from inside its shadow root. */
export async function cardText(page: Page): Promise<string> {
  const card = page.locator('met-card .card');
  await card.waitFor({ state: 'visible' });
  await page.waitForFunction(() => {
    const el = document.querySelector('met-card')?.shadowRoot?.querySelector('.card h2');
    return Boolean(el?.textContent);
  });
  return card.innerText();
}

/**
 * The id of the browser tab showing `page`. Without the "tabs" permission the extension
 * cannot read tab addresses, so the page is brought to the front and the active tab is asked for.
 */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await (await currentWorker(session.context, session.extensionId)).evaluate(async () => {
    const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.map((t) => t.id);
  });
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`Expected one active tab, found ${ids.length}`);
  return ids[0];
}

/** Opens the popup as a page, bound to the tab showing `page`. */
export async function openPopup(session: Session, page: Page): Promise<Page> {
  const tabId = await tabIdOf(session, page);
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('.popup .switch, .popup .empty');
  return popup;
}

/** The open card, inside its shadow root (Playwright's CSS locators pierce open shadow roots). */
export const cardLocator = (page: Page) => page.locator('met-card .card');

/** The first highlighted mention of an entity. */
export const mentionLocator = (page: Page, id: string) => page.locator(`met-mention[data-met-id="${id}"]:not([data-met-part])`).first();

/** Waits for the open card to show an entity's name in its heading. */
export async function waitForCardTitle(page: Page, name: string): Promise<void> {
  await page.locator('met-card .card h2', { hasText: name }).waitFor({ state: 'visible' });
}

/** Whether a card is open now. */
export const cardCount = (page: Page) => cardLocator(page).count();

/**
 * Taps a point as a finger would: Chromium's touch emulation turns CDP touch events into
 * pointer events of type "touch", then the compatibility mouse events and click.
 */
export async function tapAt(page: Page, x: number, y: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Taps the middle of an element. */
export async function tap(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = (await locator.boundingBox())!;
  await tapAt(page, box.x + box.width / 2, box.y + box.height / 2);
}

/** The entity id of the mention that has keyboard focus, or null. */
export const focusedMentionId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('met-mention')?.getAttribute('data-met-id') ?? null);

/** Where focus is inside the card's shadow root: the class of the focused element, or null. */
export const focusInCard = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('met-card');
    return document.activeElement === host ? (host?.shadowRoot?.activeElement?.className ?? null) : null;
  });

/** A browser-level DevTools connection alongside Playwright's (for the toolbar button). */
async function browserSession(session: Session): Promise<{ browser: Browser; cdp: CDPSession }> {
  const [port] = readFileSync(path.join(session.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return { browser, cdp: await browser.newBrowserCDPSession() };
}

/**
 * Presses the extension's toolbar button on the tab showing `page`, as a reader would. Chrome
 * grants `activeTab` for that tab (the popup may then read its address); the popup it opens is
 * a browser view Playwright cannot drive, so tests open the popup as a page afterwards.
 * Needs a session started with `{ toolbar: true }`.
 */
export async function clickToolbarButton(session: Session, page: Page): Promise<void> {
  await page.bringToFront();
  const { browser, cdp } = await browserSession(session);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`No tab shows ${page.url()}`);
    await cdp.send('Extensions.triggerAction' as 'Target.getTargets', { id: session.extensionId, targetId: tab.targetId } as never);
  } finally {
    await browser.close();
  }
}

/**
 * Grants the extension access to a site the way chrome://extensions does ("Site access: on
 * specific sites"). Chromium shows `permissions.request`'s prompt as a browser dialog that a
 * headless test cannot answer; with the site already granted here, the popup's real click on
 * "Turn on" calls `permissions.request` and Chromium answers yes without a prompt.
 */
export async function grantSiteAsChromeExtensionsPage(session: Session, pattern: string): Promise<void> {
  const page = await session.context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      ([id, host]) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id!, host!),
      [session.extensionId, pattern],
    );
  } finally {
    await page.close();
  }
}

/** Host permissions the extension holds beyond its news-site list (what the reader granted). */
export async function grantedOrigins(session: Session): Promise<string[]> {
  return (await currentWorker(session.context, session.extensionId)).evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
}

/** The content scripts registered at run time (sites the reader added). */
export async function registeredScripts(session: Session): Promise<{ id: string; matches?: string[] }[]> {
  return (await currentWorker(session.context, session.extensionId)).evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches })),
  );
}

/** Opens the options page in a tab. */
export async function openOptions(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.waitForSelector('[data-testid="kb-version"]');
  return page;
}

/** The browser window holding `page`'s tab. */
export async function windowIdOf(session: Session, page: Page): Promise<number> {
  const tabId = await tabIdOf(session, page);
  const worker = await currentWorker(session.context, session.extensionId);
  return worker.evaluate((id) => chrome.tabs.get(id).then((t) => t.windowId), tabId);
}

/**
 * Opens the side panel's page in a window of its own, following the active tab of `windowId`
 * as the real panel follows its window's (Chromium opens a real side panel only from a
 * reader's click, which a headless test cannot give).
 */
export async function openSidePanel(session: Session, windowId: number): Promise<Page> {
  const worker = await currentWorker(session.context, session.extensionId);
  const [panel] = await Promise.all([
    session.context.waitForEvent('page'),
    worker.evaluate((id) => chrome.windows.create({ url: chrome.runtime.getURL(`sidepanel.html?window=${id}`), type: 'popup' }), windowId),
  ]);
  await panel.waitForSelector('.side-panel .switch, .side-panel .empty');
  return panel;
}

/** Waits until a "jump to the mention" has landed: the entity's first mention flashes and is in view. */
export async function waitForRevealed(page: Page, id: string): Promise<void> {
  const first = mentionLocator(page, id);
  await expect.poll(() => first.getAttribute('data-met-flash'), POLL).toBe('');
  const inView = () =>
    first.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
  await expect.poll(inView, POLL).toBe(true);
}
