/**
 * What the end-to-end tests read from a page in its own (main) world: its visible text, the
 * boxes of its own elements, its self-reported state, and a count of the nodes the extension
 * adds. The extension's content script runs in an isolated world; nothing here reaches into it.
 */
import type { ConsoleMessage, Page, Worker } from 'playwright-core';

/** Tags the extension adds to a page: the highlight element and the card's shadow host. */
export const EXTENSION_TAGS = ['MET-MENTION', 'MET-CARD'];

export interface PageSnapshot {
  text: string;
  /** [tag, x, y, width, height] of the page's own elements, in document order. */
  boxes: [string, number, number, number, number][];
  scrollHeight: number;
  scrollWidth: number;
}

/** Boxes of at most this many elements are compared: enough for every fixture's article. */
const MAX_BOXES = 3000;

/**
 * Counts, from before the page's first script, every node the extension adds: highlight
 * elements, the card host and the highlight style element. Installed on every page of a test so
 * the page on an unlisted host runs the same code.
 */
export async function countExtensionWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __extAdded: number };
    w.__extAdded = 0;
    const isExtensionNode = (node: Node) =>
      node.nodeType === 1 &&
      (['MET-MENTION', 'MET-CARD'].includes((node as Element).tagName) ||
        (node as Element).id === 'met-context-highlight-style');
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (isExtensionNode(node)) w.__extAdded++;
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

export function extensionWrites(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __extAdded: number }).__extAdded);
}

/** The page's visible text and its own elements' boxes (the extension's elements left out). */
export function snapshot(page: Page): Promise<PageSnapshot> {
  return page.evaluate(
    ([extensionTags, max]) => {
      const boxes: [string, number, number, number, number][] = [];
      const round = (n: number) => Math.round(n * 10) / 10;
      // querySelectorAll rather than a TreeWalker: one fixture patches createTreeWalker.
      for (const el of document.body.querySelectorAll('*')) {
        if (boxes.length >= max) break;
        if (extensionTags.includes(el.tagName) || el.closest('met-card, [data-volatile]')) continue;
        const r = el.getBoundingClientRect();
        boxes.push([el.tagName, round(r.x), round(r.y), round(r.width), round(r.height)]);
      }
      return {
        text: document.body.innerText,
        boxes,
        scrollHeight: document.documentElement.scrollHeight,
        scrollWidth: document.documentElement.scrollWidth,
      };
    },
    [EXTENSION_TAGS, MAX_BOXES] as const,
  );
}

/** Boxes that moved or changed size by more than a pixel, described for a failure message. */
export function layoutDifferences(before: PageSnapshot, after: PageSnapshot): string[] {
  const out: string[] = [];
  if (before.boxes.length !== after.boxes.length) out.push(`element count ${before.boxes.length} -> ${after.boxes.length}`);
  const n = Math.min(before.boxes.length, after.boxes.length);
  for (let i = 0; i < n && out.length < 5; i++) {
    const a = before.boxes[i]!;
    const b = after.boxes[i]!;
    if (a[0] !== b[0] || a.slice(1).some((v, k) => Math.abs((v as number) - (b[k + 1] as number)) > 1)) {
      out.push(`#${i} ${a.join(',')} -> ${b.join(',')}`);
    }
  }
  if (Math.abs(before.scrollHeight - after.scrollHeight) > 1) out.push(`scrollHeight ${before.scrollHeight} -> ${after.scrollHeight}`);
  if (Math.abs(before.scrollWidth - after.scrollWidth) > 1) out.push(`scrollWidth ${before.scrollWidth} -> ${after.scrollWidth}`);
  return out;
}

/** Error-level console messages and uncaught errors from pages and the service worker. */
export class ConsoleWatch {
  readonly errors: string[] = [];

  page(page: Page): void {
    page.on('console', (m) => this.onConsole(`page ${page.url()}`, m));
    page.on('pageerror', (e) => this.errors.push(`page ${page.url()}: uncaught ${e.message}`));
  }

  worker(worker: Worker): void {
    worker.on('console', (m) => this.onConsole('service worker', m));
  }

  private onConsole(where: string, m: ConsoleMessage): void {
    if (m.type() === 'error') this.errors.push(`${where}: ${m.text()}`);
  }
}
