// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PageSession } from '../../utils/page/session';
import { ENTITY_TYPES } from '../../utils/kb/schema';
import { bundledIndex } from '../helpers/kb';
import { PageMatcher } from '../../utils/match/page-matcher';

const look = { shown: new Set(ENTITY_TYPES), style: 'underline', tabStops: true };
let session: PageSession | undefined;
afterEach(() => session?.stop());

function sessionOn(html: string): PageSession {
  document.body.innerHTML = html;
  session = new PageSession({
    doc: document,
    site: 'standard.co.uk',
    localMatcher: async () => new PageMatcher(bundledIndex()),
    fetchEntity: async () => null,
    createSurface: () => Promise.reject(new Error('no card in this test')),
    loadCardView: () => Promise.reject(new Error('no card in this test')),
  });
  return session;
}

const ARTICLE = '<article><p>Sir Mark Rowley spoke for the Metropolitan Police in London.</p></article>';

describe('a page session says when it has settled (what the popup and the tests wait for)', () => {
  it('is unsettled until the settings are applied, then settled with the page read', async () => {
    const s = sessionOn(ARTICLE);
    expect(s.summary()).toMatchObject({ settled: false, enabled: false });
    await s.apply(look, true);
    expect(s.summary()).toMatchObject({ settled: true, enabled: true, relevant: true });
    expect(s.summary().entities.map((e) => e.id)).toContain('mark-rowley');
  });

  it('is settled with nothing highlighted when the site is switched off', async () => {
    const s = sessionOn(ARTICLE);
    await s.apply(look, false);
    expect(s.summary()).toMatchObject({ settled: true, enabled: false, entities: [] });
    expect(document.querySelectorAll('met-mention')).toHaveLength(0);
  });

  it('is settled on a page that is not about the Met, with the reason', async () => {
    const s = sessionOn('<article><p>The Met Office warned of snow in London this weekend.</p></article>');
    await s.apply(look, true);
    expect(s.summary()).toMatchObject({ settled: true, enabled: true, relevant: false });
    expect(document.querySelectorAll('met-mention')).toHaveLength(0);
  });
});

describe('a page session follows the reader’s corrections', () => {
  it('applies only the answer to the latest question when answers arrive out of order', async () => {
    const hideMet = { kind: 'entry' as const, entityId: 'metropolitan-police', text: 'metropolitan police', site: 'standard.co.uk', created: '2026-12-04T10:00:00.000Z' };
    const answers: ((c: (typeof hideMet)[]) => void)[] = [];
    document.body.innerHTML = ARTICLE;
    session = new PageSession({
      doc: document,
      site: 'standard.co.uk',
      localMatcher: async () => new PageMatcher(bundledIndex()),
      getCorrections: () => new Promise((resolve) => answers.push(resolve)),
      fetchEntity: async () => null,
      createSurface: () => Promise.reject(new Error('no card in this test')),
    loadCardView: () => Promise.reject(new Error('no card in this test')),
    });
    const applied = session.apply(look, true);
    while (!answers.length) await new Promise((resolve) => setTimeout(resolve, 0));
    answers.shift()!([]);
    await applied;
    const ids = () => [...document.querySelectorAll('met-mention')].map((m) => m.getAttribute('data-met-id'));
    expect(ids()).toEqual(['mark-rowley', 'metropolitan-police']);
    // An undo, then an import: the import's answer comes first, the undo's stale one after it.
    const undo = session.refreshCorrections();
    const imported = session.refreshCorrections();
    answers[1]!([hideMet]);
    await imported;
    answers[0]!([]);
    await undo;
    expect(ids()).toEqual(['mark-rowley']);
  });
});
