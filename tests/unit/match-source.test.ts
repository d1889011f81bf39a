// Matching through the background's port: the streamed matcher gives the same result as the
// page's own, batches arrive in page order, and a background that stops or misbehaves mid-page
// leaves the page fully annotated by the page's own matcher.
import { describe, expect, it } from 'vitest';
import { PageMatcher } from '../../utils/match/page-matcher';
import { LocalMatchSource, RemoteMatchSource, serveMatchPort, type MatchPort } from '../../utils/match/source';
import { backgroundPort, type PortOptions } from '../helpers/background-port';
import { Annotator } from '../../utils/dom/annotator';
import { collectText, findArticleRoot } from '../../utils/dom/collect';
import type { Mention } from '../../utils/match/types';
import { bundledIndex } from '../helpers/kb';
import { NEGATIVE_PAGES, SEED_PAGES, htmlDocument, loadPage, pageHtml } from '../helpers/fixtures';

const matcher = new PageMatcher(bundledIndex());
const textOf = (name: string) => collectText(findArticleRoot(loadPage(name))).text;

/** A long page: the three seeds' articles one after another, many times. */
const LONG_TEXT = Array.from({ length: 12 }, () => SEED_PAGES.map(textOf).join('\u2029')).join('\u2029');

async function streamed(text: string) {
  const batches: Mention[][] = [];
  const { relevance, where } = await new RemoteMatchSource(backgroundPort().connect).match(text, (b) => batches.push(b), new AbortController().signal);
  expect(where).toBe('background');
  return { batches, relevance };
}

describe('streamed matching', () => {
  it.each([...SEED_PAGES, ...NEGATIVE_PAGES])('gives the same mentions and relevance as matching on the page: %s', async (name) => {
    const text = textOf(name);
    const { batches, relevance } = await streamed(text);
    const local = matcher.match(text);
    expect(batches.flat()).toEqual(local.mentions);
    expect(relevance).toEqual(local.relevance);
  });

  it('hands a long page over in several batches, in page order, none before the page is known to be relevant', async () => {
    const { batches, relevance } = await streamed(LONG_TEXT);
    expect(relevance.relevant).toBe(true);
    expect(batches.length).toBeGreaterThan(5);
    const all = batches.flat();
    expect(all).toEqual(matcher.match(LONG_TEXT).mentions);
    expect(all.every((m, i) => i === 0 || all[i - 1]!.end <= m.start)).toBe(true);
  });

  it('sends nothing for a page that is not about the Met, however long', async () => {
    const text = Array.from({ length: 40 }, () => textOf('neg-met-office')).join('\u2029');
    const { batches, relevance } = await streamed(text);
    expect(batches).toEqual([]);
    expect(relevance.relevant).toBe(false);
  });

  it('answers a malformed request with an error and matches nothing', async () => {
    const replies: unknown[] = [];
    let onMessage: (m: unknown) => void = () => undefined;
    serveMatchPort(
      {
        postMessage: (m) => replies.push(m),
        disconnect: () => undefined,
        onMessage: { addListener: (fn) => (onMessage = fn) },
        onDisconnect: { addListener: () => undefined },
      },
      async () => matcher,
    );
    onMessage({ type: 'matchText', text: 42 });
    onMessage({ type: 'somethingElse' });
    expect(replies).toEqual([
      { type: 'error', message: 'The page sent a match request of the wrong shape.' },
      { type: 'error', message: 'The page sent a match request of the wrong shape.' },
    ]);
  });

  it('stops matching when the page closes the port', async () => {
    const port = backgroundPort();
    const controller = new AbortController();
    const matching = new RemoteMatchSource(port.connect).match(LONG_TEXT, () => controller.abort(), controller.signal);
    await expect(matching).rejects.toThrow(/cancelled/);
    const sent = port.posted();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(port.posted()).toBe(sent);
  });
});

describe('annotating through the background', () => {
  const longPage = `<!doctype html><html><body><main><article>${LONG_TEXT.split('\u2029')
    .map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`)
    .join('')}</article></main></body></html>`;

  async function annotate(html: string, source: 'local' | PortOptions) {
    const doc = htmlDocument(html);
    const controller = new AbortController();
    const local = new LocalMatchSource(() => matcher);
    const annotator =
      source === 'local'
        ? new Annotator(doc, local, controller.signal)
        : new Annotator(doc, new RemoteMatchSource(backgroundPort(source).connect), controller.signal, undefined, local);
    await annotator.start();
    const after = doc.body.innerHTML;
    controller.abort();
    return { html: after, relevance: annotator.relevance, scans: annotator.scans };
  }

  it.each(SEED_PAGES)('highlights a seed page exactly as matching on the page does: %s', async (name) => {
    const remote = await annotate(pageHtml(name), {});
    const local = await annotate(pageHtml(name), 'local');
    expect(remote.html).toBe(local.html);
    expect(remote.relevance).toEqual(local.relevance);
    expect(remote.html).toContain('<met-mention');
  });

  it('finishes the page with its own matcher when the background stops mid-page, without wrapping anything twice', async () => {
    const remote = await annotate(longPage, { dieAfter: 3 });
    const local = await annotate(longPage, 'local');
    expect(remote.scans).toBe(2);
    expect(remote.html).toBe(local.html);
    expect(remote.html).not.toMatch(/<met-mention[^>]*><met-mention/);
  });

  it('wraps mentions that arrive in several batches inside one long text node', async () => {
    const oneNode = `<!doctype html><html><body><article><p>${LONG_TEXT.replace(/\u2029/g, ' ').replace(/</g, '&lt;')}</p></article></body></html>`;
    const remote = await annotate(oneNode, {});
    const local = await annotate(oneNode, 'local');
    expect(remote.html).toBe(local.html);
    expect(remote.html.match(/<met-mention/g)!.length).toBeGreaterThan(100);
  });

  it('stops waiting for a background that neither answers nor closes the port, and finishes the page itself', async () => {
    const doc = htmlDocument(pageHtml('seed-1-new-met-plan'));
    const controller = new AbortController();
    const local = new LocalMatchSource(() => matcher);
    const silent: MatchPort = {
      postMessage: () => undefined,
      disconnect: () => undefined,
      onMessage: { addListener: () => undefined },
      onDisconnect: { addListener: () => undefined },
    };
    const annotator = new Annotator(doc, new RemoteMatchSource(() => silent, 100), controller.signal, undefined, local);
    await annotator.start();
    const html = doc.body.innerHTML;
    controller.abort();
    expect(html).toBe((await annotate(pageHtml('seed-1-new-met-plan'), 'local')).html);
    expect(annotator.scans).toBe(2);
  });

  it('does not act on a reply of the wrong shape, and finishes the page with its own matcher', async () => {
    const remote = await annotate(longPage, { corruptFirst: { type: 'mentions', mentions: [{ entityId: 'x', type: 'person', start: 5, end: 2 }] } });
    const local = await annotate(longPage, 'local');
    expect(remote.html).toBe(local.html);
  });
});
