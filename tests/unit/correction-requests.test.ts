import { describe, expect, it } from 'vitest';
import { correctionRequests, type CorrectionStore } from '../../utils/corrections/requests';
import { withId, type StoredCorrection } from '../../utils/corrections/correction';

const ORIGIN = 'chrome-extension://test-id/';
const PAGE = 'https://www.standard.co.uk/news/story.html';
const created = '2026-12-05T10:00:00.000Z';
const mine = withId({ kind: 'page', entityId: 'mark-rowley', text: 'Rowley', site: 'standard.co.uk', created, page: PAGE, occurrence: 0, before: 'a ', after: ' b' });
const theirs = withId({ kind: 'site', entityId: 'mark-rowley', text: 'Rowley', site: 'bbc.co.uk', created });
const everywhere = withId({ kind: 'entry', entityId: 'mark-rowley', text: 'Rowley', site: 'bbc.co.uk', created });

function setUp() {
  const kept = new Map<string, StoredCorrection>([mine, theirs, everywhere].map((c) => [c.id, c]));
  let announced = 0;
  const store: CorrectionStore = {
    corrections: async () => [...kept.values()],
    addCorrection: async (c) => (kept.set(c.id, c), c),
    removeCorrection: async (id) => void kept.delete(id),
  };
  const handlers = correctionRequests(store, async () => void announced++, (s) => Boolean(s.url?.startsWith(ORIGIN)));
  return { handlers, kept, announced: () => announced };
}
const page = { id: 'test-id', url: `${PAGE}#comments` };
const options = { id: 'test-id', url: `${ORIGIN}options.html` };

describe('who may see, make and undo corrections', () => {
  it('tells a page only what applies to it, and the options page everything', async () => {
    const { handlers } = setUp();
    expect(await handlers.getCorrections(undefined, page)).toEqual([mine, everywhere]);
    expect(await handlers.getCorrections(undefined, options)).toHaveLength(3);
    expect(await handlers.getCorrections(undefined, { id: 'test-id' })).toEqual([]);
  });

  it('lets a page correct and undo on its own site only, and tells every tab', async () => {
    const { handlers, kept, announced } = setUp();
    const { id: _, ...onBbc } = theirs;
    await expect(handlers.addCorrection({ correction: { ...onBbc, text: 'Met' } }, page)).rejects.toThrow('its own highlights');
    await expect(handlers.removeCorrection({ id: theirs.id }, page)).rejects.toThrow('its own site');
    await expect(handlers.addCorrection({ correction: { ...onBbc, kind: 'nonsense' } }, options)).rejects.toThrow(/not valid at kind/);
    expect(announced()).toBe(0);

    const { id: __, ...here } = mine;
    await handlers.addCorrection({ correction: { ...here, occurrence: 1 } }, page);
    await handlers.removeCorrection({ id: mine.id }, page);
    await handlers.removeCorrection({ id: theirs.id }, options);
    expect([...kept.values()].map((c) => `${c.kind}:${c.site}`)).toEqual(['entry:bbc.co.uk', 'page:standard.co.uk']);
    expect(announced()).toBe(3);
  });
});
