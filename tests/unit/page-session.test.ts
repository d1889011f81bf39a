// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PageSession } from '../../utils/page/session';
import { ENTITY_TYPES } from '../../utils/kb/schema';
import { bundledIndex } from '../helpers/kb';

const look = { shown: new Set(ENTITY_TYPES), style: 'underline', tabStops: true };
let session: PageSession | undefined;
afterEach(() => session?.stop());

function sessionOn(html: string): PageSession {
  document.body.innerHTML = html;
  session = new PageSession({
    doc: document,
    site: 'standard.co.uk',
    getIndex: async () => bundledIndex(),
    fetchEntity: async () => null,
    createSurface: () => Promise.reject(new Error('no card in this test')),
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
