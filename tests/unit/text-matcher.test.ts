// @vitest-environment happy-dom
/**
 * Matching in the background: the page sends its text through the message protocol and gets
 * the same mentions as matching on the page; when the background is gone, silent or answers out
 * of shape, the page matches on its own.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageMatcher } from '../../utils/match/page-matcher';
import {
  BackgroundTextMatcher,
  FallbackTextMatcher,
  LocalTextMatcher,
  checkMatchReply,
  matchInSteps,
  type AskBackgroundToMatch,
} from '../../utils/match/text-matcher';
import { createMessageListener, unwrapReply, type BackgroundReplies } from '../../utils/messages';
import { BackgroundRequest } from '../../utils/background-requests';
import { collectText } from '../../utils/dom/collect';
import { findArticle } from '../../utils/dom/find-article';
import { PageSession } from '../../utils/page/session';
import { ENTITY_TYPES } from '../../utils/kb/schema';
import { bundledIndex } from '../helpers/kb';
import { SEED_PAGES, loadPage } from '../helpers/fixtures';

const index = bundledIndex();
const EXTENSION_ID = 'met-context-test';
const noPause = async () => {};

/**
 * The background's real handler behind the real protocol checks, with the reply serialised as
 * runtime messaging does: what a content script's request meets in the browser.
 */
function backgroundAsk(): { ask: AskBackgroundToMatch; calls: () => number } {
  const matcher = new PageMatcher(index);
  let calls = 0;
  const listener = createMessageListener<BackgroundRequest, Pick<BackgroundReplies, 'matchText'>>(
    BackgroundRequest,
    {
      matchText: ({ text, site, articleDate }: { text: string; site?: string; articleDate?: string }) =>
        matchInSteps(matcher, text, { site, articleDate }, noPause),
    } as never,
    EXTENSION_ID,
  );
  const ask: AskBackgroundToMatch = async (text, page) => {
    calls++;
    const reply = await listener({ type: 'matchText', text, ...page }, { id: EXTENSION_ID });
    return unwrapReply(JSON.parse(JSON.stringify(reply)), 'matchText');
  };
  return { ask, calls: () => calls };
}

function seedText(name: string): string {
  const doc = loadPage(name);
  const { root, exclude } = findArticle(doc);
  return collectText(root!, exclude).text;
}

const page = { site: 'standard.co.uk', articleDate: '2025-07-15' };
const local = () => new LocalTextMatcher(() => new PageMatcher(index), page);
const signal = new AbortController().signal;

describe('matching in the background', () => {
  it.each(SEED_PAGES)('gives %s the same mentions, relevance and names as matching on the page', async (name) => {
    const text = seedText(name);
    const remote = await new BackgroundTextMatcher(backgroundAsk().ask, page, 3000).match(text);
    const onPage = await local().match(text, signal, noPause);
    expect(remote.where).toBe('background');
    expect(remote.mentions.length).toBeGreaterThan(10);
    expect({ ...remote, where: 'page' }).toEqual(onPage);
  });

  it('passes the page’s date: a figure is not compared with values sourced after the article', async () => {
    const text = seedText('seed-2-engage-exit');
    const readings = async (articleDate: string) =>
      (await new BackgroundTextMatcher(backgroundAsk().ask, { ...page, articleDate }, 3000).match(text)).mentions.filter((m) => m.stat);
    const early = await readings('2015-01-01');
    const late = await readings('2026-12-01');
    expect(early).not.toEqual(late);
    expect(early).toEqual((await new LocalTextMatcher(() => new PageMatcher(index), { ...page, articleDate: '2015-01-01' }).match(text, signal, noPause)).mentions.filter((m) => m.stat));
  });
});

describe('one matcher, several pages at once', () => {
  it('gives each page what it would get alone, however their steps interleave', () => {
    // The background answers several tabs at once on one warm matcher, each run yielding
    // between steps (after a correction is imported, every open tab asks again).
    const matcher = new PageMatcher(index);
    const a = 'Commissioner Sir Mark Rowley rejected the word. The Metropolitan Police in London said more.';
    const b = 'Baroness Casey reported on the Metropolitan Police in London. Wayne Couzens was a serving officer.';
    const alone = [matcher.match(a), matcher.match(b)].map((r) => r.mentions);
    const runs = [matcher.start(a), matcher.start(b)];
    while (runs.some((r) => !r.done)) for (const r of runs) if (!r.done) r.step();
    expect(runs.map((r) => r.result().mentions)).toEqual(alone);
    expect(alone[0]!.find((m) => m.entityId === 'mark-rowley')).toMatchObject({ start: a.indexOf('Sir Mark Rowley') });
  });
});

describe('when the background fails, the page matches on its own', () => {
  afterEach(() => vi.useRealTimers());
  const text = 'Sir Mark Rowley, the Commissioner of the Metropolitan Police, spoke in London about the Casey Review.';

  async function withFallback(ask: AskBackgroundToMatch, silenceMs = 3000) {
    const reasons: string[] = [];
    const matcher = new FallbackTextMatcher(new BackgroundTextMatcher(ask, page, silenceMs), local(), (r) => reasons.push(r));
    const first = await matcher.match(text, signal, noPause);
    const second = await matcher.match(text, signal, noPause);
    return { first, second, reasons };
  }

  it('when the background is gone (the request fails)', async () => {
    let asked = 0;
    const { first, second, reasons } = await withFallback(async () => {
      asked++;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(first.where).toBe('page');
    expect(first.mentions.map((m) => m.entityId)).toEqual(['mark-rowley', 'metropolitan-police', 'casey-review']);
    expect(second.where).toBe('page');
    // A background that failed once is not waited for again on the page's next scan.
    expect(asked).toBe(1);
    expect(reasons).toEqual(['Could not establish connection. Receiving end does not exist.']);
  });

  it('when the background stays silent', async () => {
    const { first, reasons } = await withFallback(() => new Promise(() => {}), 20);
    expect(first.where).toBe('page');
    expect(first.mentions).toHaveLength(3);
    expect(reasons).toEqual(['the background did not answer within 20 ms']);
  });

  it.each([
    ['a mention past the end of the text', { mentions: [{ entityId: 'mark-rowley', type: 'person', start: 0, end: 9999 }], relevance: { relevant: true, reason: '' }, names: { 'mark-rowley': 'x' } }],
    ['a mention of an unknown type', { mentions: [{ entityId: 'mark-rowley', type: 'planet', start: 0, end: 5 }], relevance: { relevant: true, reason: '' }, names: { 'mark-rowley': 'x' } }],
    ['mentions out of page order', { mentions: [{ entityId: 'a', type: 'person', start: 9, end: 12 }, { entityId: 'a', type: 'person', start: 0, end: 5 }], relevance: { relevant: true, reason: '' }, names: { a: 'A' } }],
    ['no relevance', { mentions: [], names: {} }],
    ['not an object', 'mentions'],
  ])('when the background answers out of shape: %s', async (_what, reply) => {
    expect(checkMatchReply(reply, text.length)).toBeNull();
    const { first, reasons } = await withFallback(async () => reply);
    expect(first.where).toBe('page');
    expect(first.mentions).toHaveLength(3);
    expect(reasons).toEqual(['the background answered out of shape']);
  });
});

describe('a page session with the background', () => {
  const look = { shown: new Set(ENTITY_TYPES), style: 'underline', tabStops: true };
  let session: PageSession | undefined;
  afterEach(() => session?.stop());

  function sessionWith(matchText: AskBackgroundToMatch | undefined) {
    document.body.innerHTML = '<article><p>Sir Mark Rowley spoke for the Metropolitan Police in London.</p></article>';
    let indexLoads = 0;
    session = new PageSession({
      doc: document,
      site: 'standard.co.uk',
      localMatcher: async () => {
        indexLoads++;
        return new PageMatcher(index);
      },
      matchText,
      fetchEntity: async () => null,
      createSurface: () => Promise.reject(new Error('no card in this test')),
      loadCardView: () => Promise.reject(new Error('no card in this test')),
    });
    return { session, indexLoads: () => indexLoads };
  }

  it('never loads the match index while the background answers', async () => {
    const { session, indexLoads } = sessionWith(backgroundAsk().ask);
    await session.apply(look, true);
    expect(indexLoads()).toBe(0);
    expect(document.querySelectorAll('met-mention')).toHaveLength(2);
    expect(session.summary().entities.map((e) => e.name).sort()).toEqual(['Metropolitan Police Service', 'Sir Mark Rowley']);
  });

  it('loads it once and highlights the same when the background is gone', async () => {
    const { session, indexLoads } = sessionWith(async () => {
      throw new Error('gone');
    });
    await session.apply(look, true);
    expect(indexLoads()).toBe(1);
    expect(document.querySelectorAll('met-mention')).toHaveLength(2);
    expect(session.summary()).toMatchObject({ relevant: true });
  });

  it('says the knowledge base could not be loaded when neither the background nor the index answers', async () => {
    document.body.innerHTML = '<article><p>Sir Mark Rowley spoke for the Metropolitan Police in London.</p></article>';
    session = new PageSession({
      doc: document,
      site: 'standard.co.uk',
      localMatcher: () => Promise.reject(new Error('IndexedDB is unavailable')),
      matchText: () => Promise.reject(new Error('gone')),
      fetchEntity: async () => null,
      createSurface: () => Promise.reject(new Error('no card in this test')),
      loadCardView: () => Promise.reject(new Error('no card in this test')),
    });
    await session.apply(look, true);
    expect(session.summary()).toMatchObject({ relevant: false, reason: 'The knowledge base could not be loaded: IndexedDB is unavailable' });
    expect(document.querySelectorAll('met-mention')).toHaveLength(0);
  });
});
