// @vitest-environment happy-dom
/**
 * Which part of a page is the story: real publishers' markup (tests/fixtures/markup, text
 * scrambled, structure kept), and small pages for each rule of find-article.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectText } from '../../utils/dom/collect';
import { findArticle } from '../../utils/dom/find-article';
import { Annotator, NOT_AN_ARTICLE } from '../../utils/dom/annotator';
import { PageMatcher } from '../../utils/match/page-matcher';
import { bundledIndex } from '../helpers/kb';
import { htmlDocument } from '../helpers/fixtures';
import { ProseCounter, proseLength } from '../../utils/dom/page-frame';

interface MarkupFixture {
  name: string;
  file: string;
  family: string;
  article: boolean;
  publisher: string;
  trap: string;
}

const MARKUP = 'tests/fixtures/markup';
const fixtures: MarkupFixture[] = JSON.parse(readFileSync(`${MARKUP}/manifest.json`, 'utf8'));
const load = (fixture: MarkupFixture) => htmlDocument(readFileSync(`${MARKUP}/${fixture.file}`, 'utf8'));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A sentence naming Met entities, as a reporter might write it (our words). */
const MET_SENTENCE =
  ' Sir Mark Rowley, the Commissioner of the Metropolitan Police, said the force had accepted the findings of the Casey Review.';

const matcher = new PageMatcher(bundledIndex());

/**
 * Puts the sentence where a block's own words are (a teaser's headline, a menu's link, a
 * sign-up box's pitch): its last element holding text, so the block stays what it was.
 */
function plantIn(block: Element): void {
  const holders = [block, ...block.querySelectorAll('*')].filter((el) =>
    [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim().length > 1),
  );
  (holders.at(-1) ?? block).append(MET_SENTENCE);
}

async function annotate(doc: Document) {
  const annotator = new Annotator(doc, matcher, new AbortController().signal);
  await annotator.start();
  return annotator;
}

function readStory(doc: Document) {
  const choice = findArticle(doc);
  const collected = choice.root ? collectText(choice.root, choice.exclude) : { text: '', segments: [] };
  return { choice, collected, text: squash(collected.text) };
}

describe('real publishers’ markup', () => {
  it('covers the CMS families the issue names, and section fronts', () => {
    const families = new Set(fixtures.filter((f) => f.article).map((f) => f.family));
    for (const family of ['wordpress', 'drupal', 'arc', 'nyt', 'bbc', 'guardian']) expect(families).toContain(family);
    expect(fixtures.some((f) => !f.article)).toBe(true);
  });

  describe.each(fixtures.filter((f) => f.article).map((f) => [`${f.name} (${f.publisher}: ${f.trap})`, f] as const))(
    '%s',
    (_label, fixture) => {
      it('reads the main story from its first paragraph to its last', () => {
        const doc = load(fixture);
        const { choice, text } = readStory(doc);
        expect(choice.rule).not.toBe('not-an-article');
        for (const marker of ['story-first', 'story-last']) {
          const paragraph = doc.querySelector(`[data-fixture="${marker}"]`)!;
          expect(text, marker).toContain(squash(paragraph.textContent ?? ''));
        }
      });

      it('reads nothing of the navigation, teasers, related stories, comments or footer', () => {
        const doc = load(fixture);
        const { collected } = readStory(doc);
        const outside = [...doc.querySelectorAll('[data-fixture="outside"]')];
        const leaked = collected.segments.filter((s) => s.data.trim() && outside.some((o) => o.contains(s.node)));
        expect(leaked.map((s) => s.data.trim()).slice(0, 3)).toEqual([]);
      });

      it('highlights a Met sentence in the story’s first paragraph, and not in the blocks around it', async () => {
        const doc = load(fixture);
        doc.querySelector('[data-fixture="story-first"]')!.append(MET_SENTENCE);
        for (const block of doc.querySelectorAll('[data-fixture="outside"]')) plantIn(block);
        const annotator = await annotate(doc);
        expect(annotator.relevance.relevant).toBe(true);
        const first = doc.querySelector('[data-fixture="story-first"]')!;
        const ids = [...first.querySelectorAll('met-mention')].map((m) => m.getAttribute('data-met-id'));
        expect(ids).toEqual(expect.arrayContaining(['mark-rowley', 'casey-review']));
        for (const outside of doc.querySelectorAll('[data-fixture="outside"]')) {
          expect(outside.querySelector('met-mention'), outside.outerHTML.slice(0, 120)).toBeNull();
        }
      });
    },
  );

  describe.each(fixtures.filter((f) => !f.article).map((f) => [`${f.name} (${f.publisher}: ${f.trap})`, f] as const))(
    '%s',
    (_label, fixture) => {
      it('is a page of teasers, not an article: nothing is read, and the popup says why', async () => {
        const doc = load(fixture);
        expect(findArticle(doc).rule).toBe('not-an-article');
        for (const teaser of doc.querySelectorAll('[data-fixture="outside"]')) plantIn(teaser);
        const annotator = await annotate(doc);
        expect(doc.querySelector('met-mention')).toBeNull();
        expect(annotator.relevance).toEqual({ relevant: false, reason: NOT_AN_ARTICLE });
      });
    },
  );
});

/** Sentences of filler prose (commas and all, as a story has), `n` of them. */
function prose(n: number, seed = 0): string {
  const words = ['harbour', 'council', 'library', 'garden', 'bridge', 'market', 'orchard', 'railway', 'school', 'theatre'];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = words[(i + seed) % words.length]!;
    const b = words[(i * 3 + seed + 1) % words.length]!;
    out.push(`The ${a} near the ${b} reopened after ${seed * 10 + i} days, following a long winter of repairs, and visitors returned in numbers.`);
  }
  return out.join(' ');
}
const paragraphs = (count: number, seed = 0) => Array.from({ length: count }, (_, i) => `<p>${prose(2, seed + i)}</p>`).join('');
const teasers = (count: number, tag = 'article') =>
  Array.from({ length: count }, (_, i) => `<${tag} class="card"><h3><a href="/s${i}">A headline about the ${i}th garden show</a></h3><p>${prose(1, i)}</p></${tag}>`).join('');

function storyText(html: string) {
  const doc = htmlDocument(html);
  const { choice, text } = readStory(doc);
  return { doc, choice, text };
}

describe('the rules, one page each', () => {
  it('takes the element marked articleBody, not a <meta itemprop=articleBody> before it', () => {
    const { choice, text } = storyText(
      `<body><meta itemprop="articleBody" content="x"><div class="layout"><h1>Headline</h1>
       <div class="article-content" itemprop="articleBody"><p data-k>${prose(3)}</p>${paragraphs(4)}</div></div>
       <div class="links"><a href="/a">Elsewhere</a></div></body>`,
    );
    expect(choice.rule).toBe('article-body');
    expect(text).toContain(prose(3));
  });

  it('reads a story whose container is named for its layout ("sidebar-right-mix"), but not the linky sidebar', () => {
    const { choice, text } = storyText(
      `<body><div id="content" class="column"><div class="panel-display panel-two-col-sidebar-right-mix">
         <div class="panel-main"><div class="panel-pane pane-description">${paragraphs(8)}</div></div>
         <div class="panel-right sidebar-right"><ul>${teasers(4, 'li')}</ul></div>
       </div></div></body>`,
    );
    expect(choice.root).not.toBeNull();
    expect(text).toContain(prose(2, 7));
    expect(text).not.toContain('garden show');
  });

  it('reads every block of a body split into sibling text blocks, and none of the teaser cards after it', () => {
    const blocks = Array.from({ length: 6 }, (_, i) => `<div data-component="text-block"><p>${prose(2, i)}</p></div>`).join('');
    const { text } = storyText(
      `<body><main><article><h1>Headline</h1>${blocks}<div data-component="links-block"><ul>${teasers(4, 'li')}</ul></div></article>
       <section class="more">${teasers(6)}</section></main></body>`,
    );
    expect(text).toContain('Headline');
    for (let i = 0; i < 6; i++) expect(text).toContain(prose(2, i));
    expect(text).not.toContain('garden show');
  });

  it('reads a story that continues in a "read-more" block, but skips a "read-more" list of links', () => {
    const { text } = storyText(
      `<body><div class="story-body">${paragraphs(3)}<div id="read-more">${paragraphs(4, 10)}</div>
       <div class="read-more-links"><a href="/x">More from this section</a> <a href="/y">Another story</a></div></div></body>`,
    );
    expect(text).toContain(prose(2, 13));
    expect(text).not.toContain('More from this section');
  });

  it('keeps the headline of the <article> around the body, and leaves out its related-links list', () => {
    const { choice, text } = storyText(
      `<body><article><header><h1>The headline</h1></header><div class="body">${paragraphs(6)}</div>
       <div class="companion"><ul>${teasers(3, 'li')}</ul></div></article></body>`,
    );
    expect(choice.root?.localName).toBe('article');
    expect(text).toContain('The headline');
    expect(text).not.toContain('garden show');
  });

  it('finds the body the JSON-LD gives, in a layout of bare divs with more prose elsewhere', () => {
    const story = `${prose(2, 1)} ${prose(2, 2)}`;
    const json = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', articleBody: `${prose(2, 1)}\n\n${prose(2, 2)}\n\n${prose(2, 3)}` });
    const { choice, text } = storyText(
      `<head><script type="application/ld+json">${json}</script></head><body>
       <div class="a"><div class="b"><p>${prose(2, 1)}</p><p>${prose(2, 2)}</p><p>${prose(2, 3)}</p></div></div>
       <div class="c"><div class="d">${paragraphs(9, 20)}</div></div></body>`,
    );
    expect(choice.rule).toBe('json-ld');
    expect(text).toContain(story);
    expect(text).not.toContain(prose(2, 25));
  });

  it('calls a page of teaser cards a section front, and a CollectionPage too', () => {
    expect(storyText(`<body><main><h1>Crime</h1>${teasers(12)}</main></body>`).choice.rule).toBe('not-an-article');
    const json = JSON.stringify({ '@context': 'https://schema.org', '@type': 'CollectionPage' });
    expect(
      storyText(`<head><script type="application/ld+json">${json}</script></head><body><main>${paragraphs(2)}${teasers(3, 'li')}</main></body>`).choice.rule,
    ).toBe('not-an-article');
  });

  it('still reads a short news brief with a few links beside it', () => {
    const { choice, text } = storyText(
      `<body><article><h1>Brief</h1><p>${prose(2)}</p></article><ul>${teasers(3, 'li')}</ul></body>`,
    );
    expect(choice.root).not.toBeNull();
    expect(text).toContain(prose(2));
  });

  it('leaves comment threads unread however long they are', () => {
    const { text } = storyText(
      `<body><div class="post">${paragraphs(4)}<div id="comments">${paragraphs(10, 30)}</div></div></body>`,
    );
    expect(text).toContain(prose(2, 3));
    expect(text).not.toContain(prose(2, 35));
  });
});

describe('measuring a marked body a few nodes at a time', () => {
  it('gives the same prose length as reading its whole text at once, however the text is split', () => {
    const pieces = [' \n  Sir Mark Rowley', ' ', 'spoke.', '', '\t\t', 'The  Met', '\u00a0\u00a0', 'said', ' so. ', '<b>x</b>', '\n\n', 'End'];
    const html = Array.from({ length: 400 }, (_, i) => {
      const piece = pieces[i % pieces.length]!.replace(/</g, '&lt;');
      return i % 3 === 0 ? `<p>${piece}</p>` : i % 3 === 1 ? `<span>${piece}</span>` : piece;
    }).join('');
    const doc = htmlDocument(`<html><body><div id="body">${html}</div></body></html>`);
    const el = doc.getElementById('body')!;
    const counter = new ProseCounter(el);
    let steps = 0;
    // A deadline already passed: it stops after every few nodes.
    while (!counter.done) {
      counter.step(0);
      steps++;
    }
    expect(steps).toBeGreaterThan(3);
    expect(counter.result()).toBe(proseLength(el.textContent ?? ''));
    for (const text of ['', '   ', ' a ', 'a  b', '\n\na\n\n']) {
      const one = htmlDocument(`<html><body><div id="b">${text}</div></body></html>`).getElementById('b')!;
      const single = new ProseCounter(one);
      single.step();
      expect(single.result(), JSON.stringify(text)).toBe(proseLength(text));
    }
  });
});
