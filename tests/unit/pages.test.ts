// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectText } from '../../utils/dom/collect';
import { findArticle } from '../../utils/dom/find-article';
import { PageMatcher } from '../../utils/match/page-matcher';
import { bundledIndex } from '../helpers/kb';
import { NEGATIVE_PAGES, SEED_PAGES, loadPage } from '../helpers/fixtures';
import { NOT_ARTICLE_SELECTORS, SEED_EXPECTATIONS } from '../fixtures/expected';
import { Annotator } from '../../utils/dom/annotator';

const matcher = new PageMatcher(bundledIndex());

async function annotate(name: string) {
  const doc = loadPage(name);
  const controller = new AbortController();
  const annotator = new Annotator(doc, matcher, controller.signal);
  await annotator.start();
  return { doc, annotator, controller };
}

describe.each(SEED_PAGES)('seed page %s', (name) => {
  const expected = SEED_EXPECTATIONS[name]!;

  it('finds the article body, not the page frame', () => {
    const doc = loadPage(name);
    const { root, exclude } = findArticle(doc);
    expect(root?.tagName).toBe('ARTICLE');
    const { text } = collectText(root!, exclude);
    expect(text).not.toMatch(/Related stories|Contact us|Sign up/i);
  });

  it('highlights every entity the article names or quantifies', async () => {
    const { doc } = await annotate(name);
    const ids = new Set([...doc.querySelectorAll('met-mention')].map((el) => el.getAttribute('data-met-id')));
    expect([...expected.mustHighlight].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('highlights nothing that is not expected (precision)', async () => {
    const { doc } = await annotate(name);
    const ids = new Set([...doc.querySelectorAll('met-mention')].map((el) => el.getAttribute('data-met-id')!));
    expect([...ids].filter((id) => !expected.mustHighlight.includes(id))).toEqual([]);
  });

  it('highlights nothing outside the article', async () => {
    const { doc } = await annotate(name);
    for (const selector of NOT_ARTICLE_SELECTORS) {
      for (const region of doc.querySelectorAll(selector)) {
        expect(region.querySelector('met-mention'), `${selector}`).toBeNull();
      }
    }
  });

  it('flags exactly the figures that differ from the sourced values', async () => {
    const { doc } = await annotate(name);
    const flagged = new Set([...doc.querySelectorAll('met-mention[data-met-differs]')].map((el) => el.getAttribute('data-met-id')));
    expect([...flagged].sort()).toEqual([...(expected.differs ?? [])].sort());
  });

  it('gives every highlight the type of its entity', async () => {
    const { doc } = await annotate(name);
    const types = new Map(bundledIndex().entities.map((e) => [e.id, e.type]));
    for (const el of doc.querySelectorAll('met-mention')) {
      expect(el.getAttribute('data-met-type')).toBe(types.get(el.getAttribute('data-met-id')!));
    }
  });

  it('restores the page exactly when switched off', async () => {
    const doc = loadPage(name);
    const before = doc.body.innerHTML;
    const controller = new AbortController();
    await new Annotator(doc, matcher, controller.signal).start();
    expect(doc.body.innerHTML).not.toBe(before);
    controller.abort();
    expect(doc.body.innerHTML).toBe(before);
    expect(doc.getElementById('met-context-highlight-style')).toBeNull();
  });
});

describe.each(NEGATIVE_PAGES)('negative page %s', (name) => {
  it('gets no highlights at all, and says why', async () => {
    const { doc, annotator } = await annotate(name);
    expect(doc.querySelectorAll('met-mention')).toHaveLength(0);
    expect(annotator.relevance.relevant).toBe(false);
    expect(annotator.relevance.reason.length).toBeGreaterThan(10);
  });
});
