// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Annotator } from '../../utils/dom/annotator';
import { PageMatcher } from '../../utils/match/page-matcher';
import { bundledIndex } from '../helpers/kb';
import { draftCorrection, type Correction } from '../../utils/corrections/correction';

const matcher = new PageMatcher(bundledIndex());
const PAGE = { url: 'https://www.standard.co.uk/news/story.html', site: 'standard.co.uk' };
const created = '2026-12-05T10:00:00.000Z';
let controller: AbortController;
afterEach(() => controller?.abort());

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
});
