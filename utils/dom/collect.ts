/**
 * Reads the article's text from a page: finds the article body, walks its text nodes once
 * (skipping navigation, asides, forms, code, editable regions...), and joins them into one
 * string with a block break between block-level elements, remembering where each node starts
 * so matches can be mapped back to the DOM.
 */
import { BLOCK_BREAK } from '../match/tokens';
import { MENTION_TAG } from './mention-element';

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in `CollectedText.text`. */
  start: number;
  /** Inside one of the extension's own highlights already. */
  highlighted: boolean;
}

export interface CollectedText {
  text: string;
  segments: TextSegment[];
}

/** Never article text, whatever the page: code, forms, media, and the extension's own UI. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'TEXTAREA',
  'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO',
  'AUDIO', 'NAV', 'FOOTER', 'ASIDE', 'FORM', 'DIALOG', 'MET-CARD',
]);
/** Landmarks that are the page's frame rather than its article. */
const SKIP_ROLES = new Set(['navigation', 'contentinfo', 'complementary', 'banner', 'search', 'form', 'dialog', 'menu', 'menubar']);
/** Class or id words that news sites use for blocks around the article (not part of it). */
const SKIP_CLASS_WORDS =
  /(?:^|[\s_-])(related|recommended|recirculation|more-stories|read-more|most-read|most-popular|comments?|share|sharing|social|newsletter|promo|advert|advertisement|ad-slot|outbrain|taboola|breadcrumbs?|trending|sidebar|signup)(?:$|[\s_-])/i;

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TD', 'TH', 'TR',
  'TABLE', 'SECTION', 'ARTICLE', 'HEADER', 'FIGURE', 'FIGCAPTION', 'DD', 'DT', 'DL', 'MAIN', 'HR',
  'ADDRESS', 'DETAILS', 'SUMMARY', 'CAPTION', 'BODY', 'HTML',
]);

// Spelled out so this module does not depend on the global NodeFilter (absent in some test DOMs).
const NODE_FILTER = { SHOW_TEXT: 0x4 } as const;

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

function classAndId(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  return `${cls} ${el.id}`;
}

/** True when an element (and everything in it) is not article text. */
export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.tagName === 'HEADER' && el.querySelector('nav')) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  if (isEditable(el) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  return SKIP_CLASS_WORDS.test(classAndId(el));
}

function textLength(el: Element): number {
  return (el.textContent ?? '').length;
}

/**
 * The element holding the article: the `article` around an `articleBody` if there is one,
 * else the largest `article`, else `main`, else the body. The article element keeps the
 * headline with the body text.
 */
export function findArticleRoot(doc: Document): Element {
  const body = doc.querySelector('[itemprop~="articleBody"]');
  if (body) return body.closest('article') ?? body;
  const articles = [...doc.querySelectorAll('article')].filter((a) => !isSkippedWithin(a, doc.body));
  if (articles.length) return articles.reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
  return doc.querySelector('main, [role="main"]') ?? doc.body ?? doc.documentElement;
}

/** True when the element or an ancestor up to `top` is skipped. */
export function isSkippedWithin(el: Element, top: Element | null): boolean {
  for (let cur: Element | null = el; cur && cur !== top; cur = cur.parentElement) {
    if (isSkipped(cur)) return true;
  }
  return false;
}

/**
 * Answers a question about an element from its ancestors, once per element: text nodes share
 * parents, so a page of 100,000 text nodes asks about far fewer elements. Iterative, because
 * pages can nest thousands of levels deep.
 */
function inheritedFrom<T>(root: Element, own: (el: Element) => T | undefined, fallback: T): (el: Element | null) => T {
  const cache = new Map<Element, T>();
  return (start) => {
    const chain: Element[] = [];
    let value: T | undefined;
    for (let el = start; el && el !== root; el = el.parentElement) {
      value = cache.get(el) ?? own(el);
      if (value !== undefined) break;
      chain.push(el);
    }
    const result = value ?? fallback;
    for (const el of chain) cache.set(el, result);
    return result;
  };
}

/**
 * Reads an article's text a piece at a time: `step` reads text nodes until the deadline passes,
 * so a page with 100,000 text nodes is read in several short tasks.
 */
export class TextCollector {
  private readonly segments: TextSegment[] = [];
  private readonly parts: string[] = [];
  private length = 0;
  private lastBlock: Element | null = null;
  private readonly walker: TreeWalker;
  private readonly skipped: (el: Element | null) => boolean;
  private readonly blockOf: (el: Element | null) => Element;
  done = false;

  constructor(root: Element) {
    // An element is skipped when it or an ancestor below the root is; it belongs to its nearest
    // block-level ancestor (the root when there is none).
    this.skipped = inheritedFrom<boolean>(root, (el) => (isSkipped(el) ? true : undefined), false);
    this.blockOf = inheritedFrom<Element>(root, (el) => (BLOCK_TAGS.has(el.tagName.toUpperCase()) ? el : undefined), root);
    this.walker = root.ownerDocument.createTreeWalker(root, NODE_FILTER.SHOW_TEXT);
  }

  /** Reads text nodes until `deadline` (a performance.now() time) or the end. */
  step(deadline = Infinity): void {
    let n = 0;
    for (let node = this.walker.nextNode(); node; node = this.walker.nextNode()) {
      this.read(node as Text);
      // Checking the clock costs too: look every 256 nodes.
      if ((++n & 255) === 0 && performance.now() > deadline) return;
    }
    this.done = true;
  }

  private read(text: Text): void {
    const parent = text.parentElement;
    if (this.skipped(parent)) return;
    const block = this.blockOf(parent);
    const afterBreak = text.previousSibling?.nodeName === 'BR';
    if (this.lastBlock && (block !== this.lastBlock || afterBreak)) {
      this.parts.push(BLOCK_BREAK);
      this.length += 1;
    }
    this.lastBlock = block;
    this.segments.push({ node: text, start: this.length, highlighted: parent?.localName === MENTION_TAG });
    this.parts.push(text.data);
    this.length += text.data.length;
  }

  result(): CollectedText {
    return { text: this.parts.join(''), segments: this.segments };
  }
}

/** Reads an article's text in one go. */
export function collectText(root: Element): CollectedText {
  const collector = new TextCollector(root);
  collector.step();
  return collector.result();
}
