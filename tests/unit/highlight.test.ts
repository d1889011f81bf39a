// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectText } from '../../utils/dom/collect';
import { INTERACTIVE_SELECTOR, isControlElement } from '../../utils/dom/mention-element';
import { unwrap, wrapMentions, allHighlights } from '../../utils/dom/highlight';
import { PageMatcher } from '../../utils/match/page-matcher';
import { buildMatchIndex } from '../../utils/kb/match-index';

const source = { publisher: 'Test', title: 'Test source', date: '2024-01-01' };
const index = buildMatchIndex('test', [
  {
    id: 'rowley',
    type: 'person',
    name: 'Sir Mark Rowley',
    aliases: [{ text: 'Sir Mark Rowley' }, { text: 'Mark Rowley' }],
    summary: 'Commissioner of the Metropolitan Police.',
    sources: [source],
    checked: '2026-11-25',
  },
  {
    id: 'met',
    type: 'organisation',
    name: 'Metropolitan Police Service',
    aliases: [{ text: 'Metropolitan Police' }],
    summary: 'The police force for Greater London.',
    sources: [source],
    checked: '2026-11-25',
  },
]);
const matcher = new PageMatcher(index);
const CONTEXT = '<p>The Metropolitan Police serves London.</p>';

function highlight(html: string) {
  document.body.innerHTML = `<article>${html}${CONTEXT}</article>`;
  const article = document.querySelector('article')!;
  const collected = collectText(article);
  const { mentions } = matcher.match(collected.text);
  wrapMentions(collected, mentions);
  return article;
}

/** The mentions as a reader sees them: id and text of each highlight. */
function seen(root: Element): string[] {
  return [...root.querySelectorAll('met-mention')].map((el) => `${el.getAttribute('data-met-id')}:${el.textContent}`);
}

describe('highlighting', () => {
  it.each<[string, string[]]>([
    ['<p>Sir Mark Rowley spoke.</p>', ['rowley:Sir Mark Rowley']],
    ['<p>Sir <b>Mark Rowley</b> spoke.</p>', ['rowley:Sir ', 'rowley:Mark Rowley']],
    ['<p>Sir <b>Mark</b> <i>Rowley</i> spoke.</p>', ['rowley:Sir ', 'rowley:Mark', 'rowley:Rowley']],
    ['<p>Sir Mark</p><p>Rowley spoke.</p>', []],
    ['<p><input value="Mark Rowley"><textarea>Mark Rowley</textarea></p>', []],
    ['<p contenteditable="true">Mark Rowley</p>', []],
    ['<p contenteditable="false">Mark Rowley</p>', ['rowley:Mark Rowley']],
    ['<pre>Mark Rowley</pre><code>Mark Rowley</code><script>"Mark Rowley"</script><style>/* Mark Rowley */</style>', []],
    ['<nav>Mark Rowley</nav><footer>Mark Rowley</footer><aside>Mark Rowley</aside>', []],
    ['<div class="related-stories">Mark Rowley</div><section id="comments">Mark Rowley</section>', []],
    ['<p>&lt;img src=x onerror=alert(1)&gt; Mark Rowley</p>', ['rowley:Mark Rowley']],
  ])('%s', (html, expected) => {
    const article = highlight(html);
    // The context paragraph always adds its own mention.
    expect(seen(article)).toEqual([...expected, 'met:Metropolitan Police']);
  });

  it('keeps the text the reader sees unchanged', () => {
    const html = '<p>Sir <b>Mark</b> Rowley met the Metropolitan Police’s chief.</p>';
    document.body.innerHTML = `<article>${html}</article>`;
    const before = document.body.textContent;
    highlight(html);
    expect(document.body.textContent).toBe(before + 'The Metropolitan Police serves London.');
  });

  it.each([
    '<p>Sir Mark Rowley said the Metropolitan Police would change.</p>',
    '<p>Sir <b>Mark</b> <i>Rowley</i> and <a href="#">Mark Rowley</a>.</p>',
    '<ul><li>Mark Rowley</li><li>Mark <em>Rowley</em>, again</li></ul>',
  ])('unwrapping restores the DOM exactly: %s', (html) => {
    document.body.innerHTML = `<article>${html}${CONTEXT}</article>`;
    const before = document.body.innerHTML;
    const article = document.querySelector('article')!;
    const collected = collectText(article);
    wrapMentions(collected, matcher.match(collected.text).mentions);
    expect(document.body.innerHTML).not.toBe(before);
    unwrap(allHighlights(document));
    expect(document.body.innerHTML).toBe(before);
    // Text nodes are merged back, so the page sees the same node structure.
    expect(article.querySelector('p')!.childNodes.length).toBe(new DOMParser().parseFromString(before, 'text/html').querySelector('p')!.childNodes.length);
  });

  it.each<[string, boolean]>([
    ['<p>Mark Rowley spoke.</p>', true],
    ['<p><a href="/rowley">Mark Rowley</a> spoke.</p>', false],
    ['<p><a href="/rowley"><b>Mark <i>Rowley</i></b></a> spoke.</p>', false],
    ['<p><a name="rowley">Mark Rowley</a> spoke.</p>', true],
    ['<p><label>Mark Rowley <input type="checkbox"></label></p>', false],
    ['<p><span role="link" tabindex="0">Mark Rowley</span></p>', false],
    ['<details><summary>Mark Rowley</summary></details>', false],
    ['<p><span contenteditable="false"><span>Mark Rowley</span></span></p>', true],
  ])('a mention is a keyboard control of its own only outside links and controls: %s', (html, isControl) => {
    const article = highlight(html);
    const first = article.querySelector('met-mention[data-met-id="rowley"]') as HTMLElement;
    expect(first.getAttribute('role')).toBe(isControl ? 'button' : null);
    expect(first.hasAttribute('tabindex')).toBe(isControl);
  });

  it('the collector’s quick control test agrees with the selector for every kind of element', () => {
    const tags = ['a', 'button', 'summary', 'label', 'select', 'span', 'div', 'p', 'b', 'input', 'textarea', 'details', 'option', 'area'];
    const attributes = ['', ' href="/x"', ' role="button"', ' role="link"', ' contenteditable', ' contenteditable="true"', ' contenteditable="false"', ' class="x"'];
    for (const tag of tags) {
      for (const attribute of attributes) {
        const el = new DOMParser().parseFromString(`<${tag}${attribute}></${tag}>`, 'text/html').body.firstElementChild ?? document.createElement(tag);
        expect([tag, attribute, isControlElement(el)]).toEqual([tag, attribute, el.matches(INTERACTIVE_SELECTOR)]);
      }
    }
  });

  it('a mention in an article that sits inside a link is not made a control', () => {
    document.body.innerHTML = `<a href="/story"><article><p>Mark Rowley spoke.</p>${CONTEXT}</article></a>`;
    const article = document.querySelector('article')!;
    const collected = collectText(article);
    wrapMentions(collected, matcher.match(collected.text).mentions);
    expect([...article.querySelectorAll('met-mention')].map((el) => el.getAttribute('role'))).toEqual([null, null]);
  });

  it('does not wrap a mention twice when the page is scanned again', () => {
    const article = highlight('<p>Mark Rowley spoke.</p>');
    const collected = collectText(article);
    wrapMentions(collected, matcher.match(collected.text).mentions);
    expect(seen(article)).toEqual(['rowley:Mark Rowley', 'met:Metropolitan Police']);
  });
});

describe('a text node holding many mentions', () => {
  const sentence = 'Sir Mark Rowley of the Metropolitan Police. ';

  it.each([
    ['starting with a mention', sentence.repeat(50)],
    ['starting with other text', `Earlier: ${sentence.repeat(50)}`],
  ])('is wrapped in one pass and restored exactly, keeping the page’s own node (%s)', (_, text) => {
    document.body.innerHTML = '<article><p></p></article>';
    const p = document.querySelector('p')!;
    p.textContent = `${text}in London.`;
    const pageNode = p.firstChild!;
    const before = document.body.innerHTML;
    const article = document.querySelector('article')!;
    const collected = collectText(article);
    wrapMentions(collected, matcher.match(collected.text).mentions);
    expect(seen(article)).toHaveLength(100);
    expect(p.textContent).toBe(`${text}in London.`);
    expect(pageNode.isConnected).toBe(true);
    unwrap(allHighlights(document));
    expect(document.body.innerHTML).toBe(before);
    expect(p.firstChild).toBe(pageNode);
    expect(p.childNodes).toHaveLength(1);
  });
});
