// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Annotator } from '../../utils/dom/annotator';
import { PageMatcher } from '../../utils/match/page-matcher';
import { bundledIndex } from '../helpers/kb';
import { draftCorrection, type Correction } from '../../utils/corrections/correction';

const matcher = new PageMatcher(bundledIndex());
const PAGE = { url: 'https://www.standard.co.uk/news/story.html', site: 'standard.co.uk' };
const created = '2026-12-05T10:00:00.000Z';
let controller: AbortController;
afterEach(() => {
  controller?.abort();
  vi.restoreAllMocks();
});

const HTML =
  '<article><p>Sir Mark Rowley spoke for the <b>Metropolitan Police</b> in London.</p><p>The Metropolitan Police said more.</p></article>';

async function annotate(corrections: Correction[] = []) {
  document.body.innerHTML = HTML;
  controller = new AbortController();
  const annotator = new Annotator(document, matcher, controller.signal, undefined, { place: PAGE });
  void annotator.setCorrections(corrections);
  await annotator.start();
  return annotator;
}

const seen = () =>
  [...document.querySelectorAll('met-mention:not([data-met-part])')].map((el) => `${el.getAttribute('data-met-id')}:${el.textContent}`);

describe('corrections on a page', () => {
  it('never wraps what a correction hides, and counts it', async () => {
    const annotator = await annotate([{ kind: 'entry', entityId: 'metropolitan-police', text: 'metropolitan police', site: 'bbc.co.uk', created }]);
    expect(seen()).toEqual(['mark-rowley:Sir Mark Rowley']);
    expect(annotator.hiddenCount).toBe(2);
  });

  it('unwraps only the corrected highlight at once, leaving the DOM exactly as it was, and an undo brings it back', async () => {
    const annotator = await annotate();
    expect(seen()).toEqual(['mark-rowley:Sir Mark Rowley', 'metropolitan-police:Metropolitan Police', 'metropolitan-police:Metropolitan Police']);
    const second = document.querySelectorAll('met-mention[data-met-id="metropolitan-police"]')[1]!;
    const correction = draftCorrection('page', { entityId: 'metropolitan-police', entityName: 'Metropolitan Police Service', key: annotator.keyFor(second)!, ...PAGE });
    await annotator.setCorrections([correction]);
    expect(seen()).toEqual(['mark-rowley:Sir Mark Rowley', 'metropolitan-police:Metropolitan Police']);
    expect(document.querySelectorAll('p')[1]!.innerHTML).toBe('The Metropolitan Police said more.');
    expect(document.querySelectorAll('p')[1]!.childNodes).toHaveLength(1);
    expect(annotator.hiddenCount).toBe(1);

    await annotator.setCorrections([]);
    expect(seen()).toHaveLength(3);
    expect(annotator.hiddenCount).toBe(0);
    controller.abort();
    expect(document.body.innerHTML).toBe(HTML);
  });

  it('hides at once what corrections made during a scan cover, though the scan was wrapping with the old ones', async () => {
    document.body.innerHTML =
      '<article><p>Sir Mark Rowley spoke for the Metropolitan Police in London.</p><p>Later, Mark Rowley said the Metropolitan Police would change.</p></article>';
    controller = new AbortController();
    const annotator = new Annotator(document, matcher, controller.signal, undefined, { place: PAGE });
    // A clock that runs out the task budget at every look: the scan yields between every two
    // nodes it wraps, so a change can arrive while it is wrapping.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1000));
    const first = annotator.start();
    while (!document.querySelector('met-mention')) await new Promise((resolve) => setTimeout(resolve, 0));
    const never = draftCorrection('site', {
      entityId: 'mark-rowley',
      entityName: 'Sir Mark Rowley',
      key: { text: 'Mark Rowley', occurrence: 0, before: '', after: '' },
      ...PAGE,
    });
    const applied = annotator.setCorrections([never]);
    await first;
    await applied;
    expect(seen().filter((s) => s.startsWith('mark-rowley:'))).toEqual(['mark-rowley:Sir Mark Rowley']);
    expect(seen().filter((s) => s.startsWith('metropolitan-police:'))).toHaveLength(2);
  });

  /** Starts annotating while the page's corrections are still being read; `arrive` delivers them. */
  function startWithCorrectionsOnTheirWay() {
    document.body.innerHTML = HTML;
    controller = new AbortController();
    const annotator = new Annotator(document, matcher, controller.signal, undefined, { place: PAGE });
    let arrive!: (corrections: Correction[]) => void;
    annotator.waitForCorrections(new Promise((resolve) => (arrive = resolve)));
    return { annotator, arrive, scanned: annotator.start() };
  }

  it('reads and matches while the corrections are on their way, and wraps nothing they hide when they come', async () => {
    const { annotator, arrive, scanned } = startWithCorrectionsOnTheirWay();
    // The page is matched: the summary knows the page is about the Met, yet nothing is wrapped.
    await vi.waitFor(() => expect(annotator.relevance.relevant).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen()).toEqual([]);
    arrive([{ kind: 'entry', entityId: 'metropolitan-police', text: 'metropolitan police', site: 'standard.co.uk', created }]);
    await scanned;
    expect(seen()).toEqual(['mark-rowley:Sir Mark Rowley']);
    expect(annotator.hiddenCount).toBe(2);
  });

  it('keeps corrections set while the first ones were on their way (a change made in another tab), not the older answer', async () => {
    const { annotator, arrive, scanned } = startWithCorrectionsOnTheirWay();
    void annotator.setCorrections([{ kind: 'entry', entityId: 'mark-rowley', text: 'sir mark rowley', site: 'standard.co.uk', created }]);
    arrive([]);
    await scanned;
    expect(seen()).toEqual(['metropolitan-police:Metropolitan Police', 'metropolitan-police:Metropolitan Police']);
  });
});
