// A page session asks the background to match and needs nothing else from the KB; it fetches
// the match index only when it has to match on its own, and says so when that fails too.
import { afterEach, describe, expect, it } from 'vitest';
import { PageSession, type PageSessionDeps } from '../../utils/page/session';
import type { MatchPort } from '../../utils/match/source';
import { backgroundPort } from '../helpers/background-port';
import { bundledIndex } from '../helpers/kb';
import { htmlDocument, pageHtml } from '../helpers/fixtures';

let session: PageSession | undefined;
afterEach(() => session?.stop());

function start(deps: Partial<PageSessionDeps>) {
  let indexRequests = 0;
  const doc = htmlDocument(pageHtml('seed-2-engage-exit'));
  session = new PageSession({
    doc,
    site: 'standard.co.uk',
    getIndex: async () => {
      indexRequests++;
      return bundledIndex();
    },
    fetchEntity: async () => null,
    createSurface: async () => {
      throw new Error('no card in this test');
    },
    ...deps,
  });
  return { doc, session, indexRequests: () => indexRequests };
}

const silent: MatchPort = {
  postMessage: () => undefined,
  disconnect: () => undefined,
  onMessage: { addListener: () => undefined },
  onDisconnect: { addListener: () => undefined },
};

describe('page session', () => {
  it('annotates through the background without fetching the match index, and summarises with the names it was sent', async () => {
    const page = start({ connectMatcher: backgroundPort().connect });
    await page.session.start();
    expect(page.indexRequests()).toBe(0);
    expect(page.doc.querySelectorAll('met-mention[data-met-id="lee-freeman"]').length).toBeGreaterThan(0);
    const summary = page.session.summary();
    expect(summary.relevant).toBe(true);
    expect(summary.entities.find((e) => e.id === 'lee-freeman')?.name).toBe('Lee Freeman');
  });

  it('fetches the match index and matches on its own when there is no background', async () => {
    const page = start({});
    await page.session.start();
    expect(page.indexRequests()).toBe(1);
    expect(page.doc.querySelectorAll('met-mention[data-met-id="lee-freeman"]').length).toBeGreaterThan(0);
  });

  it('says the knowledge base could not be loaded when the background is gone and the index cannot be fetched', async () => {
    const page = start({
      connectMatcher: () => {
        throw new Error('Could not establish connection.');
      },
      getIndex: () => Promise.reject(new Error('Receiving end does not exist.')),
    });
    await page.session.start();
    expect(page.doc.querySelectorAll('met-mention')).toHaveLength(0);
    expect(page.session.summary()).toMatchObject({
      relevant: false,
      reason: 'The page could not be read: the knowledge base could not be loaded (Receiving end does not exist.)',
    });
  });

  it('does not wait forever for a background that neither answers nor closes', async () => {
    const page = start({ connectMatcher: () => silent });
    const started = performance.now();
    await page.session.start();
    // The page gave up on the background after BACKGROUND_SILENCE_MS and matched on its own.
    expect(performance.now() - started).toBeGreaterThan(2_900);
    expect(page.indexRequests()).toBe(1);
    expect(page.doc.querySelectorAll('met-mention[data-met-id="lee-freeman"]').length).toBeGreaterThan(0);
  }, 10_000);
});
