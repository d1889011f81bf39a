// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Annotator } from '../../utils/dom/annotator';
import { PageMatcher } from '../../utils/match/page-matcher';
import { bundledIndex } from '../helpers/kb';
import { MUTATION_DEBOUNCE_MS } from '../../utils/constants';

const matcher = new PageMatcher(bundledIndex());
const settle = () => new Promise((resolve) => setTimeout(resolve, MUTATION_DEBOUNCE_MS * 2 + 50));
let controller: AbortController;

async function annotate(html: string) {
  document.body.innerHTML = html;
  controller = new AbortController();
  const annotator = new Annotator(document, matcher, controller.signal);
  await annotator.start();
  return annotator;
}

const ids = () => [...document.querySelectorAll('met-mention:not([data-met-part])')].map((el) => el.getAttribute('data-met-id'));

afterEach(() => controller?.abort());

describe('keeping a page annotated', () => {
  it('annotates content added later (a live blog), once the page has settled', async () => {
    const annotator = await annotate('<main><article><p>Sir Mark Rowley spoke for the Metropolitan Police in London.</p></article></main>');
    expect(ids()).toEqual(['mark-rowley', 'metropolitan-police']);
    const update = document.createElement('p');
    update.textContent = 'Later, Sadiq Khan responded at City Hall.';
    document.querySelector('article')!.appendChild(update);
    await settle();
    expect(ids()).toEqual(['mark-rowley', 'metropolitan-police', 'sadiq-khan', 'greater-london-authority']);
    expect(annotator.scans).toBe(2);
  });

  it('does not react to its own highlighting (no observer loop)', async () => {
    const annotator = await annotate('<article><p>Sir Mark Rowley of the Metropolitan Police in London.</p></article>');
    await settle();
    await settle();
    expect(annotator.scans).toBe(1);
  });

  it('follows single-page navigation: a new article replaces the old one', async () => {
    await annotate('<main><article><p>Sir Mark Rowley of the Metropolitan Police in London.</p></article></main>');
    document.querySelector('main')!.innerHTML =
      '<article><p>The Casey Review was published. Baroness Louise Casey spoke to the Met Police in London.</p></article>';
    await settle();
    expect(ids()).toEqual(['casey-review', 'louise-casey', 'metropolitan-police']);
  });

  it('removes highlights the page itself left behind when switched off, and nothing else', async () => {
    await annotate('<article><p>Sir Mark Rowley of the Metropolitan Police in London.</p><p id="keep">Page text</p></article>');
    controller.abort();
    expect(document.querySelectorAll('met-mention')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(
      '<article><p>Sir Mark Rowley of the Metropolitan Police in London.</p><p id="keep">Page text</p></article>',
    );
  });

  it('annotates a long page in many short steps with the same result as one pass', async () => {
    const paragraph = '<p>Sir Mark Rowley said 86.2 per cent of 999 calls were answered, the Metropolitan Police said in London.</p>';
    const annotator = await annotate(`<article>${paragraph.repeat(600)}</article>`);
    expect(document.querySelectorAll('met-mention[data-met-id="mark-rowley"]')).toHaveLength(600);
    expect(document.querySelectorAll('met-mention[data-met-id="stat-999-answered-10s"]')).toHaveLength(600);
    expect(annotator.mentions()).toHaveLength(1800);
  }, 30_000);

  it('keeps up with a page that rewrites its own text node in place (as React and Vue do)', async () => {
    await annotate('<article><p id="owned"></p><p>The Metropolitan Police in London.</p></article>');
    const node = document.createTextNode('Sir Mark Rowley said (revision 1).');
    document.getElementById('owned')!.append(node);
    await settle();
    expect(ids()).toContain('mark-rowley');
    node.data = 'Sir Mark Rowley said (revision 2).';
    await settle();
    // The page's text is shown once, as the page last wrote it, and highlighted again.
    expect(document.getElementById('owned')!.textContent).toBe('Sir Mark Rowley said (revision 2).');
    expect(document.querySelectorAll('#owned met-mention[data-met-id="mark-rowley"]')).toHaveLength(1);
  });

  it.each([
    ['', false],
    [', though the popup’s summary reads the highlights as each scan ends', true],
  ])('stops annotating a page that keeps removing its highlights, and says why%s', async (_, summaryRead) => {
    document.body.innerHTML = '<article><p>Sir Mark Rowley of the Metropolitan Police in London.</p></article>';
    const remover = new MutationObserver(() => {
      for (const el of document.querySelectorAll('met-mention')) el.replaceWith(...el.childNodes);
    });
    remover.observe(document.body, { childList: true, subtree: true });
    controller = new AbortController();
    const annotator: Annotator = new Annotator(document, matcher, controller.signal, undefined, {
      onChange: () => summaryRead && annotator.mentions(),
    });
    await annotator.start();
    for (let i = 0; i < 5; i++) await settle();
    const scans = annotator.scans;
    await settle();
    expect(annotator.scans).toBe(scans);
    expect(document.querySelectorAll('met-mention')).toHaveLength(0);
    expect(annotator.relevance.reason).toMatch(/keeps removing highlights/);
    remover.disconnect();
  }, 20_000);

  it('scans new content on a page that never stops changing (a ticking clock)', async () => {
    await annotate('<article><p id="clock">0</p><p>Sir Mark Rowley of the Metropolitan Police in London.</p></article>');
    const tick = setInterval(() => (document.getElementById('clock')!.textContent = String(Date.now())), 100);
    const late = document.createElement('p');
    late.textContent = 'Later, Dame Lynne Owens spoke.';
    document.querySelector('article')!.appendChild(late);
    await new Promise((resolve) => setTimeout(resolve, MUTATION_DEBOUNCE_MS * 5));
    clearInterval(tick);
    expect(ids()).toContain('lynne-owens');
  });
});
