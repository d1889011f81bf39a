// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assignTabStops, mentionsOfEntity, navigableMentions, nextMentionAfter, positionOf, stepFrom } from '../../utils/dom/mention-order';
import { decorateMention, isInControl } from '../../utils/dom/mention-element';
import { Annotator } from '../../utils/dom/annotator';
import { PageMatcher } from '../../utils/match/page-matcher';
import { bundledIndex } from '../helpers/kb';
import { UNIT_WAIT } from '../helpers/wait';

/**
 * A page of mentions as the highlighter leaves them: `a` is a mention of entity a, `[a]` one
 * inside a link, `a+` the second piece of a split mention.
 */
function pageOf(spec: string): HTMLElement[] {
  document.body.innerHTML = '<article></article>';
  const article = document.querySelector('article')!;
  const made: HTMLElement[] = [];
  for (const token of spec.split(' ')) {
    const linked = token.startsWith('[');
    const id = token.replace(/[[\]+]/g, '');
    const p = document.createElement('p');
    const parent = linked ? p.appendChild(Object.assign(document.createElement('a'), { href: '/x' })) : p;
    const el = parent.appendChild(document.createElement('met-mention'));
    el.textContent = id;
    decorateMention(el, { entityId: id, type: 'person' }, token.endsWith('+') ? 1 : 0, isInControl(parent));
    article.append(p);
    made.push(el);
  }
  return made;
}

/** Each mention's tabindex as the reader's Tab sees it: 0 a stop, -1 focusable only, null not focusable. */
const tabIndexes = (els: HTMLElement[]) => els.map((el) => (el.hasAttribute('tabindex') ? el.tabIndex : null));

describe('which mentions are tab stops', () => {
  it.each<[string, boolean, (number | null)[], number]>([
    ['a b a c b a', true, [0, 0, -1, 0, -1, -1], 3],
    ['a b a c b a', false, [-1, -1, -1, -1, -1, -1], 0],
    ['a', true, [0], 1],
    // The first mention sits in a link (not focusable itself): the entity's next one is its stop.
    ['[a] b a a', true, [null, 0, 0, -1], 2],
    // The second piece of a split mention only marks text.
    ['a a+ b', true, [0, null, 0], 2],
  ])('%s (tab stops %s)', (spec, on, expected, stops) => {
    const els = pageOf(spec);
    expect(assignTabStops(document, on)).toBe(stops);
    expect(tabIndexes(els)).toEqual(expected);
  });

  it('follows the switch both ways on the same page', () => {
    const els = pageOf('a b a');
    assignTabStops(document, false);
    assignTabStops(document, true);
    expect(tabIndexes(els)).toEqual([0, 0, -1]);
  });

  it('every mention keeps its role and stays focusable when it is not a stop', () => {
    const [, , second] = pageOf('a b a');
    assignTabStops(document, true);
    expect([second!.getAttribute('role'), second!.getAttribute('aria-haspopup'), second!.tabIndex]).toEqual(['button', 'dialog', -1]);
    second!.focus();
    expect(document.activeElement).toBe(second);
  });
});

describe('stepping through one entity’s mentions', () => {
  it('says where a mention stands and steps both ways, wrapping at the ends', () => {
    const [a1, , a2, , a3] = pageOf('a b a c a');
    const siblings = mentionsOfEntity(document, 'a');
    expect(siblings).toEqual([a1, a2, a3]);
    expect(positionOf(siblings, a2!)).toEqual({ index: 2, count: 3 });
    expect(stepFrom(siblings, a1!, 1)).toBe(a2);
    expect(stepFrom(siblings, a3!, 1)).toBe(a1);
    expect(stepFrom(siblings, a1!, -1)).toBe(a3);
  });

  it('has nowhere to go with a single mention, or from a mention that is not one of them', () => {
    const [a] = pageOf('a');
    const stranger = document.createElement('met-mention');
    expect(stepFrom(mentionsOfEntity(document, 'a'), a!, 1)).toBeNull();
    expect(positionOf(mentionsOfEntity(document, 'a'), stranger)).toBeNull();
  });
});

describe('the next mention of any entity (the shortcut)', () => {
  it('is the one after the anchor in page order, wrapping to the first', () => {
    const [a, b, c] = pageOf('a b c');
    const all = navigableMentions(document);
    expect(nextMentionAfter(all, a!)).toBe(b);
    expect(nextMentionAfter(all, a!.firstChild)).toBe(b);
    expect(nextMentionAfter(all, c!)).toBe(a);
    expect(nextMentionAfter(all, document.querySelector('article'))).toBe(a);
  });

  it('with nothing focused, starts from the first mention not above the viewport', () => {
    const [a, b] = pageOf('a b');
    a!.getBoundingClientRect = () => new DOMRect(0, -200, 50, 20);
    b!.getBoundingClientRect = () => new DOMRect(0, 300, 50, 20);
    expect(nextMentionAfter(navigableMentions(document), null)).toBe(b);
  });

  it('finds nothing on a page without mentions', () => {
    document.body.innerHTML = '<p>Nothing here.</p>';
    expect(nextMentionAfter(navigableMentions(document), null)).toBeNull();
  });
});

describe('the annotator keeps one tab stop per entity as the page changes', () => {
  let controller: AbortController;
  afterEach(() => controller?.abort());
  const stopsById = () =>
    [...document.querySelectorAll<HTMLElement>('met-mention[tabindex="0"]')].map((el) => `${el.getAttribute('data-met-id')}: ${el.textContent}`);

  async function annotate(html: string): Promise<Annotator> {
    document.body.innerHTML = html;
    controller = new AbortController();
    const annotator = new Annotator(document, new PageMatcher(bundledIndex()), controller.signal);
    await annotator.start();
    return annotator;
  }

  it('makes a mention added above the first one the new stop (a live blog adds at the top)', async () => {
    await annotate('<main><article><p id="old">Sir Mark Rowley spoke for the Metropolitan Police in London.</p></article></main>');
    expect(stopsById()).toEqual(['mark-rowley: Sir Mark Rowley', 'metropolitan-police: Metropolitan Police']);
    const update = document.createElement('p');
    update.textContent = 'Update: Mark Rowley answered questions on the Met Police in London.';
    document.querySelector('article')!.prepend(update);
    await vi.waitFor(() => expect(stopsById()).toEqual(['mark-rowley: Mark Rowley', 'metropolitan-police: Met Police']), UNIT_WAIT);
    expect(document.querySelectorAll('#old met-mention[tabindex="-1"]')).toHaveLength(2);
  });

  it('passes the stop on when the page removes an entity’s first mention', async () => {
    await annotate(
      '<main><article><p id="first">Sir Mark Rowley spoke in London.</p><p>The Metropolitan Police said Mark Rowley would reply.</p></article></main>',
    );
    expect(stopsById()).toContain('mark-rowley: Sir Mark Rowley');
    document.getElementById('first')!.remove();
    await vi.waitFor(() => expect(stopsById()).toContain('mark-rowley: Mark Rowley'), UNIT_WAIT);
  });

  it('takes every stop away and gives them back when the reader flips the switch', async () => {
    const annotator = await annotate('<article><p>Sir Mark Rowley of the Metropolitan Police in London. Mark Rowley said so.</p></article>');
    annotator.setTabStops(false);
    expect(stopsById()).toEqual([]);
    expect(document.querySelectorAll('met-mention[role="button"][tabindex="-1"]')).toHaveLength(3);
    annotator.setTabStops(true);
    expect(stopsById()).toHaveLength(2);
  });
});
