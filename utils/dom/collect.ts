/**
 * Reads the article's text from a page: finds the article body, walks its text nodes once
 * (skipping navigation, asides, forms, code, editable regions...), and joins them into one
 * string with a block break between block-level elements, remembering where each node starts
 * so matches can be mapped back to the DOM.
 */
import { BLOCK_BREAK } from '../match/normalize';
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
const NODE_FILTER = { SHOW_ELEMENT: 0x1, SHOW_TEXT: 0x4, FILTER_ACCEPT: 1, FILTER_REJECT: 2, FILTER_SKIP: 3 } as const;
const TEXT_NODE = 3;

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

function blockOf(node: Node, root: Element): Element {
  for (let cur = node.parentElement; cur && cur !== root; cur = cur.parentElement) {
    if (BLOCK_TAGS.has(cur.tagName.toUpperCase())) return cur;
  }
  return root;
}

export function collectText(root: Element): CollectedText {
  const doc = root.ownerDocument;
  const segments: TextSegment[] = [];
  const parts: string[] = [];
  let length = 0;
  let lastBlock: Element | null = null;
  let pendingBreak = false;
  const walker = doc.createTreeWalker(root, NODE_FILTER.SHOW_ELEMENT | NODE_FILTER.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === TEXT_NODE) return NODE_FILTER.FILTER_ACCEPT;
      const el = node as Element;
      if (isSkipped(el)) return NODE_FILTER.FILTER_REJECT;
      // The walker calls this in document order, so a <br> marks a break before the next text.
      if (el.tagName === 'BR') pendingBreak = true;
      return NODE_FILTER.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const block = blockOf(text, root);
    if (lastBlock && (block !== lastBlock || pendingBreak)) {
      parts.push(BLOCK_BREAK);
      length += 1;
    }
    pendingBreak = false;
    lastBlock = block;
    const highlighted = text.parentElement?.tagName === MENTION_TAG.toUpperCase();
    segments.push({ node: text, start: length, highlighted });
    parts.push(text.data);
    length += text.data.length;
  }
  return { text: parts.join(''), segments };
}
