/**
 * The page's frame: what is around a story rather than in it. Navigation, footers, asides,
 * forms, code and media, landmark roles, hidden and editable regions, and blocks whose class or
 * id names them (related stories, comments, share bars...). Choosing the article and reading it
 * both ask this.
 */

/** Never article text, whatever the page: code, forms, media, and the extension's own UI (by local name). */
const FRAME_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'code', 'pre', 'kbd', 'samp', 'var', 'textarea',
  'input', 'select', 'option', 'button', 'svg', 'math', 'iframe', 'object', 'canvas', 'video',
  'audio', 'nav', 'footer', 'aside', 'form', 'dialog', 'met-card',
]);
/** Landmarks that are the page's frame rather than its article. */
const FRAME_ROLES = new Set(['navigation', 'contentinfo', 'complementary', 'banner', 'search', 'form', 'dialog', 'menu', 'menubar']);
/** Class or id words for comment threads: long prose, but readers' rather than the story's. */
const COMMENT_WORDS = /(?:^|[\s_-])(comments?|disqus|replies)(?:$|[\s_-])/i;
/**
 * Class, id or component words for blocks around the article. They also turn up inside the
 * names of a story's own containers ("js-social-anchor-start" around a CNN story,
 * "panel-two-col-sidebar-right-mix" around a Drupal one, "read-more" on a story's
 * continuation), so such a block is frame only when it looks like one: short, or mostly links,
 * and without a story's paragraphs.
 */
const AROUND_WORDS =
  /(?:^|[\s_-])(related|recommended|recirculation|more-stories|read-more|most-read|most-popular|share|sharing|social|newsletter|promo|advert|advertisement|ad-slot|outbrain|taboola|breadcrumbs?|trending|sidebar|signup)(?:$|[\s_-])/i;
/**
 * Words that name a widget wherever they stand first or last in a class token ("sd-sharing",
 * "newsletter-component", data-component="Newsletter"): frame at any size.
 */
const WIDGET_WORDS = new Set([
  'share', 'sharing', 'social', 'newsletter', 'newsletters', 'promo', 'advert', 'advertisement', 'outbrain',
  'taboola', 'breadcrumb', 'breadcrumbs', 'signup', 'subscribe',
]);

/** Prose longer than this is a story's, not a share bar's or a sign-up box's (Readability's bar for an article). */
export const STORY_CHARS = 500;

/** An element's name in lower case (XHTML and XML pages may use upper case). */
export function nameOf(el: Element): string {
  const name = el.localName;
  return name === name.toLowerCase() ? name : name.toLowerCase();
}

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** The words a page names a block by: its class, id and component name. */
function classAndId(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  const component = el.getAttribute('data-component') ?? '';
  return `${cls} ${el.id} ${component}`;
}

/** A token's first and last words ("sd-sharing-enabled": sd, enabled; "relatedPosts": related, posts). */
function namesWidget(words: string): boolean {
  for (const token of words.split(/\s+/)) {
    if (!token) continue;
    const parts = token.split(/[-_]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
    if (!parts.length) continue;
    if (WIDGET_WORDS.has(parts[0]!.toLowerCase()) || WIDGET_WORDS.has(parts[parts.length - 1]!.toLowerCase())) return true;
  }
  return false;
}

/** Text length with runs of white space counted once (markup indentation is not prose). */
export function proseLength(text: string): number {
  // Native string work (this runs over whole pages in code that is still cold), and only
  // indentation's runs are matched: prose has a single space between most words.
  const trimmed = text.trim();
  let length = trimmed.length;
  for (const run of trimmed.match(/\s\s+/g) ?? []) length -= run.length - 1;
  return length;
}

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT

/**
 * `proseLength` of an element's whole text, counted a few text nodes at a time: reading a 1 MB
 * article's `textContent` is one native call of 25-50 ms, a long task on its own.
 */
export class ProseCounter {
  done = false;
  private length = 0;
  /** Prose has been counted, and white space since the last of it is owed one character. */
  private started = false;
  private spaceOwed = false;
  private readonly walker: TreeWalker;

  constructor(readonly el: Element) {
    this.walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  }

  /** Counts text nodes until `deadline` (a performance.now() time) or the end. */
  step(deadline = Infinity): void {
    let n = 0;
    for (let node = this.walker.nextNode(); node; node = this.walker.nextNode()) {
      this.count((node as Text).data);
      if ((++n & 63) === 0 && performance.now() > deadline) return;
    }
    this.done = true;
  }

  result(): number {
    return this.length;
  }

  /** One node's text, joined to what came before as if the whole text were one string. */
  private count(data: string): void {
    const core = data.trim();
    if (!core) {
      if (data && this.started) this.spaceOwed = true;
      return;
    }
    if (this.started && (this.spaceOwed || core.length !== data.length && /^\s/.test(data))) this.length += 1;
    this.length += proseLength(core);
    this.started = true;
    this.spaceOwed = /\s$/.test(data);
  }
}

/**
 * The share of an element's text that sits in links; in-page links ("#...") count for less, as
 * footnotes and tables of contents are part of a story.
 */
export function linkDensity(el: Element, textLength = proseLength(el.textContent ?? '')): number {
  if (textLength === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    linked += proseLength(a.textContent ?? '') * (href.startsWith('#') ? 0.3 : 1);
  }
  return Math.min(1, linked / textLength);
}

export function commaCount(text: string): number {
  return text.match(/[,\uff0c\u060c]/g)?.length ?? 0;
}

/**
 * A block that reads as a list of links or a short aside rather than prose: mostly links, or
 * link-heavy without the commas of sentences (the tests Readability uses to clean a story).
 */
export function isLinkList(el: Element, textLength = proseLength(el.textContent ?? '')): boolean {
  return readsAsLinkList(linkDensity(el, textLength), el.textContent ?? '');
}

export function readsAsLinkList(density: number, text: string): boolean {
  return density > 0.5 || (density > 0.2 && commaCount(text) < 10);
}

function looksAround(el: Element): boolean {
  const length = proseLength(el.textContent ?? '');
  if (length >= STORY_CHARS && !isLinkList(el, length)) return false;
  // A layout wrapper holds the story's paragraphs, however many links sit beside them.
  let prose = 0;
  for (const p of el.querySelectorAll('p')) {
    const text = p.textContent ?? '';
    if (text.length >= 80 && linkDensity(p) < 0.25) prose += proseLength(text);
    if (prose >= STORY_CHARS) return false;
  }
  return true;
}

/** True when an element (and everything in it) is not article text. */
export function isFrame(el: Element): boolean {
  const name = nameOf(el);
  if (FRAME_TAGS.has(name)) return true;
  if (name === 'header' && el.querySelector('nav')) return true;
  // Most elements in an article carry no attributes at all: nothing more to ask.
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role && FRAME_ROLES.has(role)) return true;
  if (isEditable(el) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const words = classAndId(el);
  if (COMMENT_WORDS.test(words) || namesWidget(words)) return true;
  return AROUND_WORDS.test(words) && looksAround(el);
}

/** Remembers, per element, whether it or an ancestor (below `top`) is frame. */
export class FrameTest {
  private readonly known = new Map<Element, boolean>();

  constructor(private readonly top: Element) {}

  /** True when the element or an ancestor below `top` is frame. */
  within(el: Element): boolean {
    const chain: Element[] = [];
    let inFrame = false;
    for (let cur: Element | null = el; cur && cur !== this.top; cur = cur.parentElement) {
      const known = this.known.get(cur);
      if (known !== undefined) {
        inFrame = known;
        break;
      }
      chain.push(cur);
    }
    // From the top down (iteratively: pages can nest thousands deep).
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i]!;
      inFrame = inFrame || isFrame(e);
      this.known.set(e, inFrame);
    }
    return inFrame;
  }
}
