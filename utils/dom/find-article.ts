/**
 * Chooses the story a reader is reading: the element whose text is the article, or none when
 * the page is a list of stories (a section front). Relevance and highlighting see only this.
 *
 * In order, the first rule that yields wins:
 * 1. The page's own markup: the largest element marked `articleBody` (microdata or RDFa).
 * 2. The article's body as the page's JSON-LD gives it: the block holding its first and last
 *    paragraphs.
 * 3. Paragraph scoring (the idea of Mozilla's Readability, read-only on the live page): every
 *    paragraph scores by its length and commas, shared with its nearest ancestors; a block's score
 *    is discounted by the share of its text in links, so a story beats teasers and link lists by
 *    its prose, not by its raw size. The winner widens to the block that holds its sibling parts
 *    (a body split into many "text-block" divs).
 * Then the winner snaps to the `<article>` (or schema.org Article) around it, to keep the
 * headline, leaving out link lists beside the body; and a page whose best prose is short while
 * teasers abound, or whose JSON-LD calls it a collection, is not an article.
 *
 * Nothing on the page is changed: scores live in a Map, and the result is an element and a set
 * of elements inside it not to read.
 */
import { FrameTest, ProseCounter, STORY_CHARS, commaCount, linkDensity, nameOf, proseLength, readsAsLinkList } from './page-frame';

export type ArticleRule = 'article-body' | 'json-ld' | 'paragraphs' | 'fallback' | 'not-an-article';

export interface ArticleChoice {
  /** Where the story's text is read from; null when the page is a list of stories, not one. */
  root: Element | null;
  /** Blocks inside the root that are not the story (link lists beside its body). */
  exclude: ReadonlySet<Element>;
  /** Which rule chose the root. */
  rule: ArticleRule;
}

/** schema.org types of a single story (and their news subtypes). */
const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle',
  'BlogPosting', 'LiveBlogPosting', 'Report', 'ScholarlyArticle', 'TechArticle', 'SocialMediaPosting',
]);
/** schema.org types of a page listing other pages. */
const LISTING_TYPES = new Set(['CollectionPage', 'ItemList', 'SearchResultsPage']);

/** A paragraph shorter than this is a caption, a label or a button, not prose. */
const PARAGRAPH_CHARS = 25;
/** How far up a paragraph's score is shared, and how it thins with distance. */
const ANCESTOR_LEVELS = 5;
const dividerAt = (level: number) => (level === 0 ? 1 : level === 1 ? 2 : level * 3);
/** A page of stories has at least this many teasers. */
const TEASERS_OF_A_FRONT = 5;

const POSITIVE_WORDS = /article|body|content|entry|hentry|main|page|post|text|blog|story/i;
const NEGATIVE_WORDS = /hidden|banner|combx|comment|contact|footer|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;

const UNSCORED = new Set(['body', 'html']);

/**
 * Chooses the story a piece at a time: `step` reads the page's paragraphs until the deadline
 * passes (a page of 20,000 lines is read in several short tasks), then the rules decide.
 */
export class ArticleFinder {
  done = false;
  private choice: ArticleChoice = NOT_AN_ARTICLE;
  private readonly body: Element;
  private readonly frame: FrameTest;
  private readonly measure = new Measure();
  private candidates: Element[] = [];
  /** Rule 1's bodies, their text being measured (a marked body may be a megabyte). */
  private marked: ProseCounter[] = [];
  private next = 0;
  private readonly paragraphs: Paragraph[] = [];
  /** Each block's score from the paragraphs in and near it (see scoreParagraph). */
  private readonly scores = new Map<Element, number>();

  constructor(private readonly doc: Document) {
    this.body = doc.body ?? doc.documentElement;
    this.frame = new FrameTest(this.body);
    // Rule 1 needs no paragraph pass: the page's own markup says where the body is.
    this.marked = markedBodies(doc, this.frame).map((el) => new ProseCounter(el));
    if (!this.marked.length) this.candidates = [...doc.querySelectorAll('p, div, td, blockquote')];
  }

  /** Measures rule 1's bodies, else reads paragraphs, until `deadline` (a performance.now() time), then decides. */
  step(deadline = Infinity): void {
    if (this.done) return;
    if (this.marked.length) {
      for (const counter of this.marked) {
        counter.step(deadline);
        if (!counter.done) return;
      }
      const body = largestBody(this.marked, this.measure);
      this.marked = [];
      if (body) return this.finish(leaveOutListsWithin(snapToArticle(body, this.frame, this.measure, 'article-body'), this.measure));
      this.candidates = [...this.doc.querySelectorAll('p, div, td, blockquote')];
      if (performance.now() > deadline) return;
    }
    const { candidates } = this;
    while (this.next < candidates.length) {
      this.read(candidates[this.next++]!);
      // Checking the clock costs too: look every 128 elements.
      if ((this.next & 127) === 0 && performance.now() > deadline) return;
    }
    this.finish(this.decide());
  }

  result(): ArticleChoice {
    return this.choice;
  }

  private finish(choice: ArticleChoice): void {
    this.choice = choice;
    this.done = true;
  }

  /** The page's prose: `<p>`s, and blocks holding text directly (bare `div` layouts, `<br>` lines), outside the frame and list items. */
  private read(el: Element): void {
    const text = nameOf(el) === 'p' ? (el.textContent ?? '') : ownText(el);
    if (text.length < PARAGRAPH_CHARS) return;
    const length = proseLength(text);
    if (length < PARAGRAPH_CHARS || el.closest('li') || this.frame.within(el)) return;
    this.paragraphs.push({ el, length });
    this.measure.addParagraph(el, length, this.body);
    const score = 1 + (commaCount(text) + 1) + Math.min(Math.floor(length / 100), 3);
    let level = 0;
    for (let cur = el.parentElement; cur && cur !== this.body && level < ANCESTOR_LEVELS; cur = cur.parentElement, level++) {
      if (UNSCORED.has(nameOf(cur))) break;
      this.scores.set(cur, (this.scores.get(cur) ?? initialScore(cur)) + score / dividerAt(level));
    }
  }

  private decide(): ArticleChoice {
    const { doc, frame, measure, paragraphs } = this;
    measure.paragraphs = paragraphs;
    const schema = readJsonLd(doc);
    const located = locateJsonLdBody(schema.bodies, paragraphs, this.body);
    if (located) return leaveOutListsWithin(snapToArticle(located, frame, measure, 'json-ld'), measure);
    if (schema.listing && !schema.article && !hasArticleMicrodata(doc)) return NOT_AN_ARTICLE;
    const scored = bestScored(this.scores, measure, this.body);
    if (!scored) return fallback(doc, frame);
    const choice = snapToArticle(scored.root, frame, measure, 'paragraphs', scored.exclude);
    if (isListOfStories(choice.root!, doc, frame, measure)) return NOT_AN_ARTICLE;
    return leaveOutListsWithin(choice, measure);
  }
}

/** Chooses the story in one go. */
export function findArticle(doc: Document): ArticleChoice {
  const finder = new ArticleFinder(doc);
  finder.step();
  return finder.result();
}

const NOT_AN_ARTICLE: ArticleChoice = { root: null, exclude: new Set(), rule: 'not-an-article' };

interface Paragraph {
  el: Element;
  length: number;
}

/**
 * Lengths several rules ask of the same blocks, each measured once: a block's prose (the
 * paragraphs read inside it), its whole text, and its share of text in links.
 */
class Measure {
  /** The paragraphs read, once the paragraph pass has run; until then prose is whole text. */
  paragraphs: Paragraph[] | null = null;
  private readonly prose = new Map<Element, number>();
  private readonly text = new Map<Element, number>();
  private readonly density = new Map<Element, number>();

  /** Counts a paragraph in itself and every block around it. */
  addParagraph(el: Element, length: number, top: Element): void {
    for (let cur: Element | null = el; cur && cur !== top; cur = cur.parentElement) {
      this.prose.set(cur, (this.prose.get(cur) ?? 0) + length);
    }
  }

  proseIn(el: Element): number {
    return this.paragraphs ? (this.prose.get(el) ?? 0) : this.textOf(el);
  }

  /** Records a block's prose found by summing its parts. */
  knowProse(el: Element, length: number): void {
    if (this.paragraphs) this.prose.set(el, length);
    else this.text.set(el, length);
  }

  /** Records a block's whole text length, measured elsewhere (a step at a time). */
  knowText(el: Element, length: number): void {
    this.text.set(el, length);
  }

  textOf(el: Element): number {
    let length = this.text.get(el);
    if (length === undefined) this.text.set(el, (length = proseLength(el.textContent ?? '')));
    return length;
  }

  linkDensity(el: Element): number {
    let density = this.density.get(el);
    if (density === undefined) this.density.set(el, (density = linkDensity(el, this.textOf(el))));
    return density;
  }

  isLinkList(el: Element): boolean {
    return readsAsLinkList(this.linkDensity(el), el.textContent ?? '');
  }
}

/** The text of an element's own text children (not of its child elements). */
function ownText(el: Element): string {
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += (node as Text).data;
  }
  return text;
}

/** Rule 1's candidates: the elements marked `articleBody` (a `<meta itemprop=articleBody>` is not one). */
function markedBodies(doc: Document, frame: FrameTest): Element[] {
  return [...doc.querySelectorAll('[itemprop~="articleBody"], [property~="articleBody"]')].filter((el) => {
    const name = nameOf(el);
    return name !== 'meta' && name !== 'link' && !frame.within(el);
  });
}

/** Rule 1: the largest marked body, once measured, if it holds prose. */
function largestBody(measured: ProseCounter[], measure: Measure): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const counter of measured) {
    const length = counter.result();
    measure.knowText(counter.el, length);
    if (length > bestLength) {
      best = counter.el;
      bestLength = length;
    }
  }
  return bestLength >= PARAGRAPH_CHARS * 4 ? best : null;
}

interface JsonLdFacts {
  article: boolean;
  listing: boolean;
  bodies: string[];
}

function readJsonLd(doc: Document): JsonLdFacts {
  const facts: JsonLdFacts = { article: false, listing: false, bodies: [] };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common; it only loses this hint.
    }
    visitJsonLd(data, facts, 0);
  }
  return facts;
}

function visitJsonLd(node: unknown, facts: JsonLdFacts, depth: number): void {
  if (depth > 8 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) visitJsonLd(item, facts, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['@type'] ?? []).filter((t): t is string => typeof t === 'string');
  if (types.some((t) => ARTICLE_TYPES.has(t))) {
    facts.article = true;
    const body = record['articleBody'];
    if (typeof body === 'string' && body.length >= STORY_CHARS) facts.bodies.push(body);
  }
  if (types.some((t) => LISTING_TYPES.has(t))) facts.listing = true;
  if (record['@graph']) visitJsonLd(record['@graph'], facts, depth + 1);
  if (record['mainEntity']) visitJsonLd(record['mainEntity'], facts, depth + 1);
}

const ARTICLE_ITEMTYPE = [...ARTICLE_TYPES].map((t) => `[itemtype$="schema.org/${t}"]`).join(', ');
/** A story's container: `<article>`, or an element typed as a schema.org article. */
const ARTICLE_SELECTOR = `article, ${ARTICLE_ITEMTYPE}`;

function hasArticleMicrodata(doc: Document): boolean {
  return doc.querySelector(ARTICLE_ITEMTYPE) !== null;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Rule 2: the block holding the paragraphs where the JSON-LD's articleBody starts and ends
 * (only paragraphs of this body count: pages repeat phrases such as "Sign up for..." elsewhere).
 */
function locateJsonLdBody(bodies: string[], paragraphs: Paragraph[], top: Element): Element | null {
  const probe = 40;
  for (const raw of bodies) {
    const body = normalize(raw);
    const first = paragraphs.find((p) => {
      const text = normalize(p.el.textContent ?? '');
      return body.startsWith(text.slice(0, probe)) && body.includes(text);
    });
    if (!first) continue;
    let last: Paragraph | undefined;
    for (let i = paragraphs.length - 1; i >= 0 && !last; i--) {
      const text = normalize(paragraphs[i]!.el.textContent ?? '');
      if (body.endsWith(text.slice(-probe)) && body.includes(text)) last = paragraphs[i];
    }
    if (!last) continue;
    const shared = commonAncestor(first.el, last.el);
    if (shared && shared !== top && !UNSCORED.has(nameOf(shared))) return shared;
  }
  return null;
}

function commonAncestor(a: Element, b: Element): Element | null {
  for (let cur: Element | null = a; cur; cur = cur.parentElement) if (cur.contains(b)) return cur;
  return null;
}

/** Rule 3: the block with the most prose, after widening to its sibling parts. */
function bestScored(scores: Map<Element, number>, measure: Measure, top: Element): { root: Element; exclude: Set<Element> } | null {
  if (!scores.size) return null;
  // A block's score is discounted by its share of text in links, which needs its whole text:
  // asked only of blocks that could still win (a discount never raises a score), and of the
  // few the widening below looks at.
  const final = new Map<Element, number>();
  const scoreOf = (el: Element): number | undefined => {
    let score = final.get(el);
    if (score === undefined) {
      const raw = scores.get(el);
      if (raw === undefined) return undefined;
      final.set(el, (score = raw * (1 - measure.linkDensity(el))));
    }
    return score;
  };
  let leader = -Infinity;
  for (const [el, raw] of [...scores].sort((a, b) => b[1] - a[1])) {
    if (raw <= leader || final.size >= 10) break;
    leader = Math.max(leader, scoreOf(el)!);
  }
  const ranked = [...final].sort((a, b) => b[1] - a[1]);
  let [best, bestScore] = ranked[0]!;

  // A body split into sibling blocks scores as several close candidates: take what holds them.
  const close = ranked.slice(1, 5).filter(([, s]) => s >= bestScore * 0.75).map(([el]) => el);
  if (close.length >= 3) {
    for (let cur = best.parentElement; cur && cur !== top; cur = cur.parentElement) {
      if (close.filter((el) => cur!.contains(el)).length >= 3) {
        best = cur;
        break;
      }
    }
  }
  // Climb while the parent holds comparable prose (the body's wrapper around its columns).
  let lastScore = scoreOf(best) ?? bestScore;
  for (let parent = best.parentElement; parent && parent !== top; parent = parent.parentElement) {
    const parentScore = scoreOf(parent);
    if (parentScore === undefined) continue;
    if (parentScore < bestScore / 3) break;
    if (parentScore > lastScore) {
      best = parent;
      break;
    }
    lastScore = parentScore;
  }
  while (!best.matches(ARTICLE_SELECTOR) && best.parentElement && best.parentElement !== top && best.parentElement.childElementCount === 1) {
    best = best.parentElement;
  }
  return mergeSiblings(best, scoreOf(best) ?? bestScore, scoreOf, measure, top);
}

/**
 * Sibling blocks that score like the winner (or are plain prose paragraphs) are more of the same
 * story: read their parent, leaving out the siblings that are not, apart from the headline.
 */
function mergeSiblings(
  best: Element,
  bestScore: number,
  scoreOf: (el: Element) => number | undefined,
  measure: Measure,
  top: Element,
): { root: Element; exclude: Set<Element> } {
  const parent = best.parentElement;
  // Beside a whole story are other stories, never more of it.
  if (!parent || parent === top || best.matches(ARTICLE_SELECTOR)) return { root: best, exclude: new Set() };
  const threshold = Math.max(10, bestScore * 0.2);
  const bestClass = best.getAttribute('class') ?? '';
  const kept: Element[] = [];
  const left: Element[] = [];
  for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (sibling === best) continue;
    const bonus = bestClass && sibling.getAttribute('class') === bestClass ? bestScore * 0.2 : 0;
    const score = scoreOf(sibling);
    const scoresLikeIt = score !== undefined && score + bonus >= threshold;
    if (scoresLikeIt && !measure.isLinkList(sibling) && !sibling.querySelector(ARTICLE_SELECTOR)) kept.push(sibling);
    else if (nameOf(sibling) === 'p' && isProseParagraph(sibling, measure)) kept.push(sibling);
    else left.push(sibling);
  }
  if (!kept.length) return { root: best, exclude: new Set() };
  return { root: parent, exclude: new Set(left.filter((el) => !holdsHeadline(el))) };
}

function isProseParagraph(p: Element, measure: Measure): boolean {
  const length = measure.textOf(p);
  const density = measure.linkDensity(p);
  if (length > 80) return density < 0.25;
  return length > 0 && density === 0 && /\.( |$)/.test(p.textContent ?? '');
}

function holdsHeadline(el: Element): boolean {
  return nameOf(el) === 'h1' || el.querySelector('h1, [itemprop~="headline"]') !== null;
}

/** What a block brings to the contest before its paragraphs: its tag, and its class and id words. */
function initialScore(el: Element): number {
  let score = 0;
  switch (nameOf(el)) {
    case 'div':
      score = 5;
      break;
    case 'pre': case 'td': case 'blockquote':
      score = 3;
      break;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form':
      score = -3;
      break;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th':
      score = -5;
      break;
  }
  for (const words of [el.getAttribute('class') ?? '', el.id]) {
    if (!words) continue;
    if (NEGATIVE_WORDS.test(words)) score -= 25;
    if (POSITIVE_WORDS.test(words)) score += 25;
  }
  return score;
}

/**
 * Inside the story's root, link lists and teaser cards near its top ("More on this story",
 * related coverage between the body's columns) are left out; a block holding much of the
 * story's prose never is.
 */
function leaveOutListsWithin(choice: ArticleChoice, measure: Measure): ArticleChoice {
  const { root } = choice;
  if (!root) return choice;
  const exclude = new Set(choice.exclude);
  const prose = measure.proseIn(root);
  // Down the blocks that hold the story's prose, looking at what sits beside them.
  const path = [root];
  for (let el = path.pop(); el; el = path.pop()) {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (exclude.has(child) || !LIST_BLOCKS.has(nameOf(child))) continue;
      if (measure.proseIn(child) >= prose * STORY_SHARE) path.push(child);
      else if (isBesideStory(child, prose, measure)) exclude.add(child);
    }
  }
  for (const control of root.querySelectorAll('form, input:not([type="hidden"])')) {
    const widget = widgetAround(control, root, prose, measure);
    if (widget) exclude.add(widget);
  }
  return { ...choice, exclude };
}

/**
 * A story's paragraphs hold no forms: the block around a form or a text field (a newsletter
 * sign-up, a poll) is a widget. It is the largest block around the control that is still short
 * and holds little of the story's prose.
 */
function widgetAround(control: Element, root: Element, storyProse: number, measure: Measure): Element | null {
  let widget: Element | null = null;
  for (let cur: Element | null = control; cur && cur !== root; cur = cur.parentElement) {
    if (measure.textOf(cur) >= WIDGET_CHARS || measure.proseIn(cur) >= storyProse * 0.4) break;
    widget = cur;
  }
  return widget;
}

/** A sign-up box or a poll is shorter than this. */
const WIDGET_CHARS = 1000;

/** Blocks that may hold the story's parts or be a list of links beside them (a `<p>` is neither). */
const LIST_BLOCKS = new Set(['div', 'section', 'ul', 'ol', 'aside', 'article', 'figure', 'table', 'main', 'header']);
/** A block holding this share of the story's prose is part of it, whatever it is called. */
const STORY_SHARE = 0.3;

/** A link list or a teaser card, holding little of the story's prose (`storyProse`). */
function isBesideStory(el: Element, storyProse: number, measure: Measure): boolean {
  if (holdsHeadline(el) || measure.proseIn(el) >= storyProse * STORY_SHARE) return false;
  if (el.matches(ARTICLE_SELECTOR) && measure.textOf(el) < STORY_CHARS) return true;
  return measure.isLinkList(el) || AROUND_STORY_WORDS.test(`${el.getAttribute('class') ?? ''} ${el.id}`);
}

/**
 * Class and id words (anywhere in a name, as Readability reads them: "jp-relatedposts",
 * "sharedaddy") of blocks placed inside a story's container but not part of it.
 */
const AROUND_STORY_WORDS =
  /related|share|social|comment|widget|newsletter|signup|sign-up|subscribe|promo|sponsor|outbrain|taboola|shopping|skyscraper|banner|masthead|footer|sidebar|tags/i;

/**
 * The story's container, headline included: the `<article>` (or schema.org Article) around the
 * body when the body is most of its prose; link lists beside the body are left out.
 */
function snapToArticle(
  body: Element,
  frame: FrameTest,
  measure: Measure,
  rule: ArticleRule,
  exclude: Set<Element> = new Set(),
): ArticleChoice {
  const container = body.parentElement?.closest(ARTICLE_SELECTOR);
  if (!container || frame.within(container)) return { root: body, exclude, rule };
  const inside = measure.proseIn(body);
  // What the container holds beside the body, summed from the body's side (the body's own
  // text, perhaps a megabyte, is not read again).
  let around = 0;
  const besides: Element[] = [];
  for (let cur: Element = body; cur !== container; cur = cur.parentElement!) {
    for (let sibling = cur.parentElement!.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
      if (sibling === cur) continue;
      around += measure.proseIn(sibling);
      besides.push(sibling);
    }
  }
  if (around > inside * 0.2) return { root: body, exclude, rule };
  measure.knowProse(container, inside + around);
  for (const sibling of besides) if (isBesideStory(sibling, inside, measure)) exclude.add(sibling);
  return { root: container, exclude, rule };
}

/**
 * A section front: the best block's prose is short while teasers abound, or most of it sits in
 * teaser cards (short `<article>`s), or it is mostly links.
 */
function isListOfStories(root: Element, doc: Document, frame: FrameTest, measure: Measure): boolean {
  let prose = 0;
  let inTeasers = 0;
  const cards = new Set<Element>();
  for (const p of measure.paragraphs ?? []) {
    if (!root.contains(p.el)) continue;
    prose += p.length;
    const card = p.el.closest(ARTICLE_SELECTOR);
    if (card && card !== root && root.contains(card) && measure.textOf(card) < STORY_CHARS) {
      inTeasers += p.length;
      cards.add(card);
    }
  }
  if (cards.size > 1 && inTeasers > prose / 2) return true;
  if (prose < STORY_CHARS && teaserCount(doc, frame, measure) >= TEASERS_OF_A_FRONT) return true;
  return measure.linkDensity(root) > 0.5;
}

/** Teasers: short `<article>`s, and list items that are a heading with a link. */
function teaserCount(doc: Document, frame: FrameTest, measure: Measure): number {
  let count = 0;
  for (const el of doc.querySelectorAll('article, li')) {
    if (frame.within(el)) continue;
    if (nameOf(el) === 'article') {
      if (measure.textOf(el) < STORY_CHARS) count++;
    } else if (el.querySelector('h2 a, h3 a, h4 a, a h2, a h3, a h4')) {
      count++;
    }
    if (count >= TEASERS_OF_A_FRONT) break;
  }
  return count;
}

/** Pages with no prose to score (a few words in spans, an app): the old order of landmarks. */
function fallback(doc: Document, frame: FrameTest): ArticleChoice {
  const articles = [...doc.querySelectorAll('article')].filter((a) => !frame.within(a));
  const largest = articles.reduce<Element | null>(
    (a, b) => (a && (a.textContent ?? '').length >= (b.textContent ?? '').length ? a : b),
    null,
  );
  const root = largest ?? doc.querySelector('main, [role="main"]') ?? doc.body ?? doc.documentElement;
  return { root, exclude: new Set(), rule: 'fallback' };
}
