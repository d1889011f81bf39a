/**
 * The engine and its comparisons, bundled for a plain page so the bench can run them in real
 * Chromium side by side (scripts/bench.mjs builds this with Vite and injects it).
 */
import { PageMatcher } from '../../utils/match/page-matcher';
import { collectText } from '../../utils/dom/collect';
import { findArticle } from '../../utils/dom/find-article';
import { FrameTest } from '../../utils/dom/page-frame';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { applyWraps, planWraps } from '../../utils/dom/highlight';
import { Vocabulary } from '../../utils/match/vocabulary';
import { NameMatcher } from '../../utils/match/names';
import { StatisticMatcher } from '../../utils/match/statistics';
import { SeenWords, tokenize } from '../../utils/match/tokens';
import { Annotator } from '../../utils/dom/annotator';
import { buildMatchIndex } from '../../utils/kb/match-index';
import { openKbDb, seedBundledKb } from '../../utils/kb/db';
import type { KnowledgeBase } from '../../utils/kb/schema';
import type { Mention } from '../../utils/match/types';

type Piece = [nodeIndex: number, from: number, to: number, attributes: [string, string][]];

/** Every text node under the root, in document order: the floor's "one TreeWalker read". */
function readTextNodes(root: Element): { nodes: Text[]; text: string } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    parts.push((n as Text).data);
  }
  return { nodes, text: parts.join('') };
}

/** The collector's rule before find-article.ts, kept here as the bench's baseline. */
function previousRule(doc: Document): Element {
  const body = doc.querySelector('[itemprop~="articleBody"]');
  if (body) return body.closest('article') ?? body;
  const frame = new FrameTest(doc.body);
  const articles = [...doc.querySelectorAll('article')].filter((a) => !frame.within(a));
  const length = (el: Element) => (el.textContent ?? '').length;
  if (articles.length) return articles.reduce((a, b) => (length(b) > length(a) ? b : a));
  return doc.querySelector('main, [role="main"]') ?? doc.body;
}

/** What the background sends the content script: built before any timing starts. */
const indexOf = (kb: KnowledgeBase) => buildMatchIndex(kb.version, kb.entities);

const bench = {
  /**
   * The whole engine, synchronously, doing what the shipped annotator does without its pauses:
   * build the matcher, read, match, plan, wrap, and remember each element's mention (the card
   * and the popup ask for it).
   */
  engine(kb: KnowledgeBase) {
    const index = indexOf(kb);
    const t0 = performance.now();
    const matcher = new PageMatcher(index);
    const root = findArticle(document).root!;
    const collected = collectText(root);
    const { mentions } = matcher.match(collected.text);
    const jobs = planWraps(collected, mentions);
    const mentionOf = new WeakMap<Element, unknown>();
    const made = applyWraps(jobs, 0, jobs.length);
    for (const { mention, element } of made) mentionOf.set(element, mention);
    const ms = performance.now() - t0;
    return { ms, mentions: mentions.length, elements: made.length };
  },

  /**
   * The engine's work other than matching, with the mentions given (found in another page, so
   * none of the engine's code is warm here): read, plan, wrap, remember. What is left of the
   * target (1.5 times the floor) after this is the budget for matching itself.
   */
  engineGivenMentions(mentions: Mention[]) {
    const t0 = performance.now();
    const collected = collectText(findArticle(document).root!);
    const jobs = planWraps(collected, mentions);
    const mentionOf = new WeakMap<Element, unknown>();
    for (const { mention, element } of applyWraps(jobs, 0, jobs.length)) mentionOf.set(element, mention);
    return { ms: performance.now() - t0 };
  },

  /** The mentions the engine finds on this page, for engineGivenMentions in a fresh page. */
  mentions(kb: KnowledgeBase): Mention[] {
    return new PageMatcher(indexOf(kb)).match(collectText(findArticle(document).root!).text).mentions;
  },

  /**
   * The least any matcher must do on top of the read: look at every character once. A bare loop
   * over the article text's character codes, in a fresh page as the engine runs (ms).
   */
  readEveryCharacter() {
    const { text } = collectText(findArticle(document).root!);
    const t0 = performance.now();
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
    return { ms: performance.now() - t0, sum };
  },

  /**
   * Choosing the story (find-article.ts) beside the rule it replaced (articleBody, else the
   * largest <article>, else main) and beside reading the chosen story's text (ms).
   */
  articleChoice() {
    let t = performance.now();
    const choice = findArticle(document);
    const chooseMs = performance.now() - t;
    t = performance.now();
    previousRule(document);
    const previousMs = performance.now() - t;
    t = performance.now();
    if (choice.root) collectText(choice.root, choice.exclude);
    const readMs = performance.now() - t;
    return { chooseMs, previousMs, readMs };
  },

  /**
   * On a real publisher's page (tests/fixtures/markup): our choice of the story beside the
   * library Firefox's Reader View runs (Readability, on a clone as it requires), by cost (ms)
   * and by result: is the story read from its first to its last paragraph, and is any block
   * marked outside it read too?
   */
  markupPage() {
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    const marked = (value: string) => [...document.querySelectorAll(`[data-fixture="${value}"]`)].map((el) => squash(el.textContent ?? ''));
    const story = [...marked('story-first'), ...marked('story-last')];
    const outside = marked('outside').filter((text) => text.length >= 30);
    const judge = (text: string) => {
      const read = squash(text);
      return { story: story.length > 0 && story.every((p) => read.includes(p)), leaks: outside.filter((o) => read.includes(o)).length, empty: !read };
    };
    let t = performance.now();
    const choice = findArticle(document);
    const oursMs = performance.now() - t;
    const ours = choice.root ? collectText(choice.root, choice.exclude).text : '';
    const previous = collectText(previousRule(document)).text;
    t = performance.now();
    const readerable = isProbablyReaderable(document);
    const readerableMs = performance.now() - t;
    t = performance.now();
    const parsed = new Readability(document.cloneNode(true) as Document).parse();
    const readabilityMs = performance.now() - t;
    return {
      article: story.length > 0,
      oursMs,
      readabilityMs,
      readerableMs,
      readerable,
      ours: judge(ours),
      previous: judge(previous),
      theirs: judge(parsed?.textContent ?? ''),
    };
  },

  /** Where the engine's time goes, phase by phase (ms). */
  phases(kb: KnowledgeBase) {
    const index = indexOf(kb);
    const times: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      times[name] = now - t;
      t = now;
    };
    const matcher = new PageMatcher(index);
    lap('build matcher');
    const root = findArticle(document).root!;
    lap('find article');
    const collected = collectText(root);
    lap('collect text');
    const { mentions } = matcher.match(collected.text);
    lap('match (tokenize + names + statistics)');
    const jobs = planWraps(collected, mentions);
    lap('plan wraps');
    applyWraps(jobs, 0, jobs.length);
    lap('wrap');
    return times;
  },

  /** The matching phase taken apart (ms): tokenising, names, statistics, on the whole text. */
  matchParts(kb: KnowledgeBase) {
    const index = indexOf(kb);
    const vocabulary = new Vocabulary();
    const names = new NameMatcher(index, vocabulary);
    const stats = new StatisticMatcher(index, vocabulary);
    const { text } = collectText(findArticle(document).root!);
    let t = performance.now();
    const seen = new SeenWords(vocabulary.size);
    const tokens = tokenize(text, vocabulary, 0, text.length, seen);
    const tokenizeMs = performance.now() - t;
    const prepared = names.prepare(seen);
    t = performance.now();
    names.find(prepared, tokens, new Set());
    const namesMs = performance.now() - t;
    t = performance.now();
    stats.find(tokens);
    const statsMs = performance.now() - t;
    return { words: tokens.count, tokenizeMs, namesMs, statsMs };
  },

  /**
   * What the engine produces, as pieces the floor can reproduce without matching: each
   * highlight element's text-node position and offsets, and the attributes it carries (the
   * floor must give the same result, attributes included).
   */
  pieces(kb: KnowledgeBase): Piece[] {
    const root = findArticle(document).root!;
    const { nodes } = readTextNodes(root);
    const position = new Map(nodes.map((n, i) => [n, i]));
    const collected = collectText(root);
    const { mentions } = new PageMatcher(indexOf(kb)).match(collected.text);
    const jobs = planWraps(collected, mentions);
    const located = jobs.flatMap((job) => job.pieces.map((p) => [position.get(job.node)!, p.from, p.to] as const));
    const highlights = applyWraps(jobs, 0, jobs.length).map((h) => h.element);
    return located.map(([index, from, to], i) => {
      const el = highlights[i]!;
      return [index, from, to, el.getAttributeNames().map((name) => [name, el.getAttribute(name)!] as [string, string])];
    });
  },

  /** The floor: one TreeWalker read of the text, then wrapping the given pieces in one pass. */
  floor(pieces: Piece[]) {
    const t0 = performance.now();
    const root = findArticle(document).root!;
    const { nodes } = readTextNodes(root);
    for (let i = pieces.length - 1; i >= 0; i--) {
      const [index, from, to, attributes] = pieces[i]!;
      const node = nodes[index]!;
      if (to < node.data.length) node.splitText(to);
      const target = from > 0 ? node.splitText(from) : node;
      const el = document.createElement('met-mention');
      for (const [name, value] of attributes) el.setAttribute(name, value);
      target.replaceWith(el);
      el.appendChild(target);
    }
    return { ms: performance.now() - t0 };
  },

  /** The product's path: chunked annotation, resolving when done, counting long tasks. */
  async chunked(kb: KnowledgeBase) {
    const index = indexOf(kb);
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    const annotator = new Annotator(document, new PageMatcher(index), new AbortController().signal);
    await annotator.start();
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return { ms, longTasks: longTasks.length, longest: Math.max(0, ...longTasks) };
  },

  /** mark.js given the same alias list (one pass per alias, as the library works). */
  markjs(aliases: string[]) {
    return new Promise<{ ms: number }>((resolve) => {
      const root = findArticle(document).root!;
      const t0 = performance.now();
      // @ts-expect-error mark.js is injected as a global by the bench page.
      new window.Mark(root).mark(aliases, {
        separateWordSearch: false,
        accuracy: 'exactly',
        diacritics: false,
        done: () => resolve({ ms: performance.now() - t0 }),
      });
    });
  },

  /** Seeds a KB into IndexedDB with the product's code; the baseline writes tiny records. */
  async seed(kb: KnowledgeBase) {
    indexedDB.deleteDatabase('met-context');
    const db = await openKbDb();
    const t0 = performance.now();
    await seedBundledKb(db, kb);
    const ms = performance.now() - t0;
    db.close();
    const base = await new Promise<number>((resolve) => {
      const req = indexedDB.open('bench-baseline', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('s', { keyPath: 'id' });
      req.onsuccess = () => {
        const tx = req.result.transaction('s', 'readwrite');
        const t = performance.now();
        for (let i = 0; i < kb.entities.length; i++) tx.objectStore('s').put({ id: i });
        tx.oncomplete = () => resolve(performance.now() - t);
      };
    });
    return { ms, baselineMs: base };
  },
};

(window as unknown as { MetBench: typeof bench }).MetBench = bench;
