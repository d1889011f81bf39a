/**
 * Hostile pages: each fixture in tests/fixtures/hostile/ is opened twice in the same browser,
 * once on a host outside the news-site list (the extension does not run there) and once on a
 * listed news host. The annotated page must show the same text in the same places, keep its own
 * scripts running, log no errors, and settle (the extension stops writing once it is done).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveFixtures } from '../../scripts/lib/server.mjs';
import { cardText, outlast, POLL, startSession, type Session } from './harness';
import { MUTATION_MAX_WAIT_MS } from '../../utils/constants';
import { ConsoleWatch, countExtensionWrites, extensionWrites, layoutDifferences, snapshot } from './page-probe';

const HOSTILE_DIR = path.resolve('tests/fixtures/hostile');
const LISTED = 'http://www.standard.co.uk/news/hostile/';
const UNLISTED = 'http://unlisted.example/news/hostile/';
/** Long enough for several of the extension's debounced re-scans to have happened, were it looping. */
const QUIET_WINDOW_MS = 2000;

interface PageState {
  ready: boolean;
  beats: number;
  renders: number;
  failures: string[];
  [key: string]: unknown;
}

interface HostileCase {
  name: string;
  /** Entities that must be highlighted once the page is done (the extension ran). */
  expect: string[];
  /** The page keeps changing itself; extension writes are bounded by its renders instead of zero. */
  dynamic?: boolean;
  /** Run on both copies before they are compared (scrolling, typing...). */
  prepare?(page: Page): Promise<void>;
  /** Something else that must be the same on both copies (shadow roots, frames, form values). */
  alsoSame?(page: Page): Promise<unknown>;
  /** Further checks on the annotated copy. */
  check?(page: Page): Promise<void>;
}

function state(page: Page): Promise<PageState> {
  // Returned as is (Playwright copies it): one fixture replaces JSON.parse.
  return page.evaluate(() => (window as unknown as { __hostile: PageState }).__hostile);
}

/** Ids of the highlighted mentions (first piece of each). */
function highlightedIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('met-mention:not([data-met-part])')].map((el) => el.getAttribute('data-met-id') ?? ''),
  );
}

/** Page text with the digits of counters and clocks hidden, for pages that count their renders. */
const withoutDigits = (text: string) => text.replace(/\d+/g, '#');

const CASES: HostileCase[] = [
  {
    name: 'many-text-nodes',
    expect: ['mark-rowley', 'casey-review', 'scotland-yard'],
    async check(page) {
      expect((await state(page)).textNodes).toBeGreaterThanOrEqual(100_000);
      // The whole page was read: the mention after the 100,000 nodes is highlighted too.
      expect(await page.locator('#transcript p met-mention[data-met-id="mark-rowley"]').count()).toBe(1);
    },
  },
  {
    name: 'huge-text-node',
    expect: ['mark-rowley', 'casey-review'],
    async check(page) {
      expect((await state(page)).length).toBeGreaterThan(1_000_000);
      // The mention after a megabyte of figures is found.
      expect(await page.locator('#figures met-mention[data-met-id="mark-rowley"]').count()).toBe(1);
    },
  },
  {
    name: 'deep-nesting',
    expect: ['mark-rowley', 'casey-review', 'iopc'],
  },
  {
    name: 'dom-churn',
    dynamic: true,
    // A live update (Dame Lynne Owens) arrives while the clock keeps ticking; both copies wait
    // for it, and it is highlighted although the page never stops changing.
    expect: ['mark-rowley', 'casey-review', 'lynne-owens'],
    prepare: (page) => page.waitForSelector('#late-update').then(() => undefined),
  },
  {
    name: 'rerender-highlighted',
    dynamic: true,
    expect: ['mark-rowley', 'casey-review'],
    async check(page) {
      // After the page replaces the highlighted nodes, the new ones are highlighted again.
      const renders = (await state(page)).renders;
      await expect
        .poll(async () => {
          const s = await state(page);
          const inApp = await page.locator('#app met-mention[data-met-id="mark-rowley"]').count();
          return s.renders > renders + 1 && inApp === 1;
        }, POLL)
        .toBe(true);
    },
  },
  {
    name: 'editable',
    expect: ['mark-rowley', 'casey-review'],
    alsoSame: (page) =>
      page.evaluate(() => ({
        field: (document.getElementById('field') as HTMLInputElement).value,
        area: (document.getElementById('area') as HTMLTextAreaElement).value,
        editor: document.getElementById('editor')!.innerHTML,
        plain: document.getElementById('plain')!.innerHTML,
      })),
    async check(page) {
      // The reader types into the page's editor: the page sees it, and nothing is highlighted there.
      await page.click('#editor p');
      await page.keyboard.press('End');
      await page.keyboard.type(' Sir Mark Rowley replied.');
      await expect.poll(async () => (await state(page)).typed, POLL).toBeGreaterThan(0);
      // The re-scan the typing could ask for has had its time.
      await outlast(page, MUTATION_MAX_WAIT_MS);
      expect(await page.locator('#editor').innerText()).toContain('Sir Mark Rowley replied.');
      expect(await page.locator('#editor met-mention, #plain met-mention').count()).toBe(0);
    },
  },
  {
    name: 'shadow-and-iframe',
    expect: ['mark-rowley', 'casey-review'],
    alsoSame: (page) =>
      page.evaluate(() => ({
        shadow: document.getElementById('widget')!.shadowRoot!.innerHTML,
        frame: (document.getElementById('frame') as HTMLIFrameElement).contentDocument!.body.innerHTML,
      })),
  },
  {
    name: 'markup-text',
    expect: ['mark-rowley', 'casey-review'],
    async check(page) {
      expect((await state(page)).xss).toBeUndefined();
      expect(await page.locator('#markup img, #markup script, article b').count()).toBe(0);
      expect(await page.locator('#markup').innerText()).toContain('<img src=x onerror="window.__hostile.xss=1">');
    },
  },
  {
    name: 'rtl',
    expect: ['mark-rowley', 'casey-review', 'iopc'],
  },
  {
    name: 'z-index-war',
    expect: ['mark-rowley', 'casey-review'],
    async check(page) {
      // The card opens above the page's highest layers: it is what the reader sees at its centre.
      await page.hover('p met-mention[data-met-id="casey-review"]');
      expect(await cardText(page)).toContain('Casey');
      const onTop = await page.evaluate(() => {
        const card = document.querySelector('met-card')!.shadowRoot!.querySelector('.card')!;
        const r = card.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.tagName;
      });
      expect(onTop).toBe('MET-CARD');
    },
  },
  {
    name: 'collapsed-and-hidden',
    // The reader opens the collapsed part on both copies: what it reveals is annotated.
    expect: ['mark-rowley', 'lynne-owens'],
    prepare: (page) => page.click('#more summary'),
    async check(page) {
      expect((await state(page)).toggles).toBe(1);
      expect(await page.locator('#hidden met-mention, #aria met-mention').count()).toBe(0);
      expect(await page.evaluate(() => (document.getElementById('tpl') as HTMLTemplateElement).content.querySelectorAll('met-mention').length)).toBe(0);
    },
  },
  {
    name: 'infinite-scroll',
    expect: ['mark-rowley', 'lynne-owens', 'claire-waxman', 'angiolini-inquiry'],
    async prepare(page) {
      // Scrolls to the end until the page has appended all three stories.
      await expect
        .poll(async () => {
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          return (await state(page)).loaded;
        }, POLL)
        .toBe(3);
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: 'copy-paste',
    expect: ['mark-rowley', 'casey-review'],
    async check(page) {
      const original = await page.locator('#quote').innerText();
      expect(await page.locator('#quote met-mention').count()).toBeGreaterThan(0);
      await page.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('quote')!);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
      expect(await page.evaluate(() => getSelection()!.toString())).toBe(original);
      await page.keyboard.press('Control+C');
      await expect.poll(async () => (await state(page)).copies, POLL).toBe(1);
      await page.click('#paste-plain');
      await page.keyboard.press('Control+V');
      await expect.poll(() => page.locator('#paste-plain').inputValue(), POLL).toBe(original);
      // Pasted as rich text, the extension's markup does not travel with it.
      await page.click('#paste-rich');
      await page.keyboard.press('Control+V');
      await expect.poll(() => page.locator('#paste-rich').innerText(), POLL).toBe(original);
      expect(await page.locator('#paste-rich').innerHTML()).not.toMatch(/met-mention|data-met-/);
    },
  },
  {
    name: 'mention-in-link',
    expect: ['mark-rowley', 'casey-review'],
    async check(page) {
      await page.click('#review met-mention');
      await page.click('#profile met-mention');
      const s = await state(page);
      expect(s.clicks).toEqual(['review', 'profile']);
      expect(s.inline).toBe(1);
      expect(new URL(page.url()).hash).toBe('#profile-section');
    },
  },
  {
    name: 'text-node-owner',
    dynamic: true,
    // The page rewrites its own text node every 500 ms: the text stays the page's, shown once.
    expect: ['mark-rowley', 'iopc', 'casey-review'],
    async check(page) {
      // Two more of the page's own rewrites after the highlights arrived.
      const renders = (await state(page)).renders;
      await expect.poll(async () => (await state(page)).renders, POLL).toBeGreaterThanOrEqual(renders + 2);
      const text = await page.locator('#owned').innerText();
      expect(text).toMatch(/^Sir Mark Rowley, the Metropolitan Police Commissioner, said in London \(revision \d+\)\.$/);
    },
  },
  {
    name: 'remover',
    // The page strips every element it does not know: after a few rounds the extension leaves
    // it alone, and the page's own text is intact.
    expect: [],
    async check(page) {
      expect(await page.locator('met-mention').count()).toBe(0);
    },
  },
  {
    name: 'aggressive-css',
    expect: ['mark-rowley', 'casey-review', 'iopc'],
  },
  {
    name: 'tampered-globals',
    expect: ['mark-rowley', 'casey-review'],
    async check(page) {
      // The extension never called the page's patched functions.
      expect((await state(page)).patched).toEqual([]);
    },
  },
  {
    name: 'strict-csp',
    expect: ['mark-rowley', 'casey-review'],
    async check(page) {
      const underline = await page.$eval('met-mention', (el) => getComputedStyle(el).textDecorationLine);
      expect(underline).toBe('underline');
      await page.hover('met-mention[data-met-id="mark-rowley"]');
      expect(await cardText(page)).toContain('Mark Rowley');
    },
  },
];

let session: Session;
let server: { port: number; close(): Promise<void> };
const watch = new ConsoleWatch();

beforeAll(async () => {
  server = await serveFixtures({ dir: HOSTILE_DIR });
  session = await startSession({ port: server.port });
  watch.worker(session.worker);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function load(url: string): Promise<Page> {
  const page = await session.context.newPage();
  watch.page(page);
  await countExtensionWrites(page);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __hostile?: PageState }).__hostile?.ready === true);
  return page;
}

/** Waits until the extension has stopped adding nodes for a while (four polls in a row). */
async function settle(page: Page): Promise<void> {
  let last = -1;
  let steady = 0;
  await expect
    .poll(
      async () => {
        const now = await extensionWrites(page);
        steady = now === last ? steady + 1 : 0;
        last = now;
        return steady >= 4;
      },
      POLL,
    )
    .toBe(true);
}

describe('hostile pages', () => {
  for (const c of CASES) {
    it(`${c.name}: same text and layout, page scripts run, no errors, settles`, async () => {
      const errorsBefore = watch.errors.length;
      const plain = await load(`${UNLISTED}${c.name}.html`);
      await c.prepare?.(plain);
      const plainSnap = await snapshot(plain);
      const plainSame = await c.alsoSame?.(plain);
      expect(await extensionWrites(plain), 'the extension stays off unlisted hosts').toBe(0);
      await plain.close();

      const page = await load(`${LISTED}${c.name}.html`);
      await c.prepare?.(page);
      await expect
        .poll(async () => {
          const seen = new Set(await highlightedIds(page));
          return c.expect.filter((id) => !seen.has(id));
        }, POLL)
        .toEqual([]);

      if (!c.dynamic) await settle(page);
      const snap = await snapshot(page);
      const normalise = c.dynamic ? withoutDigits : (t: string) => t;
      expect(normalise(snap.text)).toBe(normalise(plainSnap.text));
      expect(layoutDifferences(plainSnap, snap)).toEqual([]);
      if (c.alsoSame) expect(await c.alsoSame(page)).toEqual(plainSame);

      // Settled: over a quiet window the extension adds nothing (or, on a page that re-renders
      // itself, no more than the page's own renders could call for).
      const before = { writes: await extensionWrites(page), state: await state(page) };
      await outlast(page, QUIET_WINDOW_MS);
      const after = { writes: await extensionWrites(page), state: await state(page) };
      const writes = after.writes - before.writes;
      if (c.dynamic) {
        const perRender = (await highlightedIds(page)).length + 2;
        // Renders just before the window are re-highlighted inside it: a re-scan waits up to
        // MUTATION_MAX_WAIT_MS, two of this page's 500 ms renders, so three more are allowed. A
        // loop would write without bound.
        expect(writes).toBeLessThanOrEqual((after.state.renders - before.state.renders + 3) * perRender);
      } else {
        expect(writes).toBe(0);
      }
      // The page's own scripts kept running and found nothing wrong.
      expect(after.state.beats).toBeGreaterThan(before.state.beats);
      expect(after.state.failures).toEqual([]);

      await c.check?.(page);
      expect(watch.errors.slice(errorsBefore)).toEqual([]);
      await page.close();
    });
  }
});
