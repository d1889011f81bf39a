/**
 * Privacy and security in the running extension: no network request of its own through a full
 * session, KB text rendered as text with safe links, and the content script answering only
 * well-formed messages from the extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { cardText, openPage, openPopup, outlast, PAGE_URLS, POLL, startSession, tabIdOf, type Session } from './harness';
import { CARD_OPEN_DELAY_MS } from '../../utils/constants';
import { currentWorker, dbOp, stopServiceWorker } from './extension-worker';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});


describe('privacy', () => {
  it('makes no network request of its own through a full session (load, hover, popup, switch)', async () => {
    // Every request the browser makes, from pages, frames and the service worker (Playwright
    // reports service-worker requests on the context), plus the DevTools protocol's own view of
    // each page's network, which also sees requests a content script starts.
    const seen: { url: string; from: string }[] = [];
    // A navigation can be reported before its frame exists (a tab being opened, such as the
    // options page that wakes a stopped worker); Playwright's frame() then throws.
    const frameOf = (r: Request) => {
      try {
        return r.frame().url();
      } catch {
        return 'a frame being created';
      }
    };
    const record = (r: Request) => seen.push({ url: r.url(), from: r.serviceWorker() ? 'service worker' : frameOf(r) });
    session.context.on('request', record);

    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (e: { request: { url: string }; initiator: { type: string } }) =>
      seen.push({ url: e.request.url, from: `page network (${e.initiator.type})` }),
    );
    // The worker starts afresh, so its own reading of the bundled KB is seen too.
    await stopServiceWorker(session.context, page, session.extensionId);

    await page.goto(PAGE_URLS['seed-2-engage-exit']!);
    await page.waitForSelector('met-mention');
    await page.hover('met-mention[data-met-id="lee-freeman"]');
    await cardText(page);
    await page.hover('met-mention[data-met-id="hmicfrs-engage"]');
    await cardText(page);
    const popup = await openPopup(session, page);
    await popup.getByRole('switch', { name: /Annotate on this site/ }).uncheck();
    await expect.poll(() => page.locator('met-mention').count(), POLL).toBe(0);
    await popup.getByRole('switch', { name: /Annotate on this site/ }).check();
    await expect.poll(() => page.locator('met-mention').count(), POLL).toBeGreaterThan(0);
    await page.goto(PAGE_URLS['seed-0-rowley-carrick']!);
    await page.waitForSelector('met-mention');
    session.context.off('request', record);

    const own = `chrome-extension://${session.extensionId}/`;
    expect(seen.some((r) => r.from === 'service worker' && r.url.startsWith(`${own}kb/`)), 'the worker’s requests are watched').toBe(true);
    // What remains is the two articles themselves (and the favicon the browser asks for).
    const pages = new Set([PAGE_URLS['seed-2-engage-exit'], PAGE_URLS['seed-0-rowley-carrick']]);
    const foreign = seen.filter(
      (r) => !r.url.startsWith(own) && !pages.has(r.url) && !r.url.endsWith('/favicon.ico') && r.url !== 'about:blank',
    );
    expect(foreign).toEqual([]);
    await Promise.all([popup.close(), cdp.detach()]);
    await page.close();
  });

  it('renders stored KB text as text, with https links that send no referrer', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    const worker = await currentWorker(session.context, session.extensionId);
    const stored = (await dbOp(worker, 'entities', 'get', 'lee-freeman')) as Record<string, unknown>;
    const markup = '<img src=x onerror="window.__pwned=1"><b>bold?</b>';
    await dbOp(worker, 'entities', 'put', { ...stored, summary: `${markup} Summary written as markup.` });
    try {
      await page.hover('met-mention[data-met-id="lee-freeman"]');
      expect(await cardText(page)).toContain(`${markup} Summary written as markup.`);
      const inCard = await page.evaluate(() => {
        const root = document.querySelector('met-card')!.shadowRoot!;
        return {
          elements: root.querySelectorAll('img, b, script, iframe').length,
          links: [...root.querySelectorAll('a')].map((a) => ({ href: a.href, rel: a.rel, referrer: a.referrerPolicy })),
          pwned: (window as unknown as { __pwned?: number }).__pwned,
        };
      });
      expect(inCard.elements).toBe(0);
      expect(inCard.pwned).toBeUndefined();
      expect(inCard.links.length).toBeGreaterThan(0);
      for (const link of inCard.links) {
        expect(link.href).toMatch(/^https:\/\//);
        expect(link.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
        expect(link.referrer).toBe('no-referrer');
      }
    } finally {
      await dbOp(worker, 'entities', 'put', stored);
      await page.close();
    }
  });

  it('the content script answers only well-formed requests, and not the page', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    const tabId = await tabIdOf(session, page);
    const worker = await currentWorker(session.context, session.extensionId);
    const ask = (message: unknown) =>
      worker.evaluate(
        ([tab, m]) =>
          chrome.tabs
            .sendMessage(tab as number, m)
            .then((reply) => ({ reply: reply ?? null }), (error: Error) => ({ error: error.message })),
        [tabId, message] as const,
      );

    expect(await ask({ type: 'getPageSummary' })).toMatchObject({ reply: { ok: true } });
    for (const bad of [
      { type: 'getPageSummary', extra: 1 },
      { type: 'revealEntity' },
      { type: 'revealEntity', id: 42 },
      { type: 'revealEntity', id: 'x'.repeat(201) },
      { type: 'runScript', code: 'alert(1)' },
      'getPageSummary',
      null,
    ]) {
      // Nothing answers (no reply, or no receiver at all): the content script dropped it.
      const result = (await ask(bad)) as { reply?: unknown };
      expect(result.reply ?? null, JSON.stringify(bad)).toBeNull();
    }

    // The page cannot drive the content script: a page message shaped like a request opens nothing.
    // Messages to a window arrive in order: once a marker posted after it has arrived, the
    // request has been seen by every listener on the page; then a card's opening time passes.
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          addEventListener('message', (e) => e.data === 'marker' && done());
          window.postMessage({ type: 'revealEntity', id: 'lee-freeman' }, '*');
          window.postMessage('marker', '*');
        }),
    );
    await outlast(page, CARD_OPEN_DELAY_MS);
    expect(await page.locator('met-card .card').count()).toBe(0);
    // A well-formed request from the extension does.
    expect(await ask({ type: 'revealEntity', id: 'lee-freeman' })).toEqual({ reply: { ok: true, value: true } });
    expect(await cardText(page)).toContain('Lee Freeman');
    await page.close();
  });
});
