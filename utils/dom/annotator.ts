/**
 * Annotates the article on a page and keeps it annotated as content appears: collects the
 * text, matches it, wraps the mentions, and re-scans (debounced) when the page changes.
 * Aborting the signal removes every highlight, the style element and the observer, leaving
 * the page's DOM as it was.
 */
import { collectText, findArticleRoot } from './collect';
import { allHighlights, unwrap, wrapMentions } from './highlight';
import type { PageMatcher } from '../match/page-matcher';
import type { Relevance } from '../match/relevance';
import type { Mention } from '../match/types';
import { MUTATION_DEBOUNCE_MS } from '../constants';
import { ATTR_PART } from './mention-element';
import highlightCss from './highlight.css?inline';

const STYLE_ID = 'met-context-highlight-style';

export class Annotator {
  private readonly mentionOf = new WeakMap<Element, Mention>();
  private readonly created = new Set<HTMLElement>();
  private observer?: MutationObserver;
  private timer?: ReturnType<typeof setTimeout>;
  relevance: Relevance = { relevant: false, reason: 'The page has not been read yet.' };

  constructor(
    private readonly doc: Document,
    private readonly matcher: PageMatcher,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  start(): void {
    if (this.signal.aborted) return;
    this.scan();
    const view = this.doc.defaultView;
    if (!view) return;
    this.observer = new view.MutationObserver((records) => {
      // Only changes the page made count: the extension's own writes happen while disconnected.
      if (records.some((r) => r.type === 'characterData' || r.addedNodes.length > 0)) this.scheduleScan();
    });
    this.observe();
  }

  private observe(): void {
    this.observer?.observe(this.doc.body ?? this.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }

  private scheduleScan(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.scan(), MUTATION_DEBOUNCE_MS);
  }

  /** Reads the whole article, then writes: new mentions only, existing highlights stay. */
  scan(): void {
    if (this.signal.aborted) return;
    const root = findArticleRoot(this.doc);
    const collected = collectText(root);
    const { mentions, relevance } = this.matcher.match(collected.text);
    this.relevance = relevance;
    this.observer?.disconnect();
    try {
      if (mentions.length) this.ensureStyle();
      for (const { mention, elements } of wrapMentions(collected, mentions)) {
        for (const el of elements) {
          this.mentionOf.set(el, mention);
          this.created.add(el);
        }
      }
    } finally {
      this.observer?.takeRecords();
      if (this.observer) this.observe();
    }
  }

  private ensureStyle(): void {
    if (this.doc.getElementById(STYLE_ID)) return;
    const style = this.doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = highlightCss;
    (this.doc.head ?? this.doc.documentElement).appendChild(style);
  }

  /** The mention a highlight element stands for (its statistic reading, for the card). */
  mentionFor(el: Element): Mention | undefined {
    return this.mentionOf.get(el);
  }

  /** Mentions still on the page (the page may have removed some), one per mention. */
  mentions(): Mention[] {
    const out: Mention[] = [];
    for (const el of this.created) {
      if (!el.isConnected) {
        this.created.delete(el);
        continue;
      }
      if (el.hasAttribute(ATTR_PART)) continue;
      const mention = this.mentionOf.get(el);
      if (mention) out.push(mention);
    }
    return out;
  }

  private destroy(): void {
    clearTimeout(this.timer);
    this.observer?.disconnect();
    this.observer = undefined;
    unwrap(allHighlights(this.doc));
    this.created.clear();
    this.doc.getElementById(STYLE_ID)?.remove();
  }
}
