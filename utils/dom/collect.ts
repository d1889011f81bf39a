/**
 * Reads the article's text from a page: walks the text nodes of the story's root (chosen by
 * find-article.ts) once, skipping the page's frame inside it and the blocks the choice left out,
 * and joins them into one string with a block break between block-level elements, remembering
 * where each node starts so matches can be mapped back to the DOM.
 */
import { BLOCK_BREAK } from '../match/types';
import { MENTION_TAG, isControlElement, isInControl } from './mention-element';
import { isFrame, nameOf } from './page-frame';

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in `CollectedText.text`. */
  start: number;
  /** The node's text when it was read (planning works from this, not from the live node). */
  data: string;
  /** Inside one of the extension's own highlights already. */
  highlighted: boolean;
  /** Inside a link or another control (see isInControl), read here so wrapping need not look up the tree. */
  inControl: boolean;
}

export interface CollectedText {
  text: string;
  segments: TextSegment[];
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'th', 'tr',
  'table', 'section', 'article', 'header', 'figure', 'figcaption', 'dd', 'dt', 'dl', 'main', 'hr',
  'address', 'details', 'summary', 'caption', 'body', 'html',
]);

// Spelled out so this module does not depend on the global NodeFilter (absent in some test DOMs).
const NODE_FILTER = { SHOW_TEXT: 0x4 } as const;

/** What the collector needs to know about a text node's parent element. */
interface ElementInfo {
  /** The element or an ancestor below the root is not article text. */
  skipped: boolean;
  /** Its nearest block-level ancestor (itself included), or the root. */
  block: Element;
  /** It is one of the extension's own highlights. */
  mention: boolean;
  /** It or an ancestor (above the root too) is a link or another control. */
  inControl: boolean;
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
  /** Text nodes share parents, so each element is asked about once (iteratively: pages can nest thousands deep). */
  private readonly infos = new Map<Element, ElementInfo>();
  private readonly rootInfo: ElementInfo;
  private lastParent: Element | null = null;
  private lastInfo: ElementInfo;
  done = false;

  /** @param exclude blocks inside the root that are not the story (they are read as frame). */
  constructor(
    private readonly root: Element,
    private readonly exclude: ReadonlySet<Element> = new Set(),
  ) {
    this.rootInfo = { skipped: false, block: root, mention: false, inControl: isInControl(root) };
    this.lastInfo = this.rootInfo;
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

  private infoOf(el: Element | null): ElementInfo {
    if (el === this.lastParent) return this.lastInfo;
    const chain: Element[] = [];
    let base = this.rootInfo;
    for (let cur = el; cur && cur !== this.root; cur = cur.parentElement) {
      const known = this.infos.get(cur);
      if (known) {
        base = known;
        break;
      }
      chain.push(cur);
    }
    // From the top down: inside a skipped element everything is skipped, and is not asked about.
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i]!;
      if (!base.skipped) {
        base = isFrame(e) || this.exclude.has(e)
          ? { skipped: true, block: base.block, mention: false, inControl: false }
          : {
              skipped: false,
              block: BLOCK_TAGS.has(nameOf(e)) ? e : base.block,
              mention: e.localName === MENTION_TAG,
              inControl: base.inControl || isControlElement(e),
            };
      }
      this.infos.set(e, base);
    }
    this.lastParent = el;
    this.lastInfo = base;
    return base;
  }

  private read(text: Text): void {
    const info = this.infoOf(text.parentElement);
    if (info.skipped) return;
    const block = info.block;
    if (this.lastBlock && (block !== this.lastBlock || isAfterLineBreak(text))) {
      this.parts.push(BLOCK_BREAK);
      this.length += 1;
    }
    this.lastBlock = block;
    const data = text.data;
    this.segments.push({ node: text, start: this.length, data, highlighted: info.mention, inControl: info.inControl });
    this.parts.push(data);
    this.length += data.length;
  }

  result(): CollectedText {
    return { text: this.parts.join(''), segments: this.segments };
  }
}

function isAfterLineBreak(text: Text): boolean {
  const previous = text.previousSibling;
  return previous !== null && previous.nodeType === 1 && nameOf(previous as Element) === 'br';
}

/** Reads an article's text in one go. */
export function collectText(root: Element, exclude?: ReadonlySet<Element>): CollectedText {
  const collector = new TextCollector(root, exclude);
  collector.step();
  return collector.result();
}
