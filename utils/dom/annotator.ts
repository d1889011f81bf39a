/**
 * Annotates the article on a page and keeps it annotated as content appears. A scan reads the
 * article's text, matches it a slice at a time and wraps the mentions a batch at a time,
 * yielding to the page whenever a task has used its budget, so the page never stutters. New
 * content (live blogs, infinite scroll, single-page navigation) triggers a debounced re-scan
 * that wraps only what is new. Aborting the signal removes every highlight, the style element
 * and the observer, leaving the page's DOM as it was.
 */
import { TextCollector } from './collect';
import { ArticleFinder } from './find-article';
import { allHighlights, applyWraps, planWraps, restoreSplitNode, unwrap, type NodeJob } from './highlight';
import type { PageMatcher } from '../match/page-matcher';
import { LocalTextMatcher, type TextMatch, type TextMatcher } from '../match/text-matcher';
import type { Relevance } from '../match/relevance';
import type { Mention } from '../match/types';
import type { EntityType } from '../kb/schema';
import { filterMentionTypes } from '../page/type-filter';
import { ScanKeys, hiddenMentions, type MentionKey, type PagePlace } from '../corrections/hide';
import type { Correction } from '../corrections/correction';
import { WRAP_PASS_MS, MUTATION_DEBOUNCE_MS, MUTATION_MAX_WAIT_MS, PAGE_REMOVAL_LIMIT, TASK_BUDGET_MS } from '../constants';
import { ATTR_PART, MENTION_TAG } from './mention-element';
import { assignTabStops } from './mention-order';
import { yieldToPage, yieldToRendering } from './yield';
import highlightCss from './highlight.css?inline';

const STYLE_ID = 'met-context-highlight-style';
/** A text this long is handed over in a task of its own. */
const LONG_TEXT_CHARS = 100_000;
/** The popup's reason on a section front (see find-article.ts). */
export const NOT_AN_ARTICLE = 'This page lists stories rather than telling one. Open a story to see its context.';

export interface AnnotatorHooks {
  /** Where the page is, for the reader's corrections (its address and site). */
  place?: PagePlace;
  /**
   * Called after each scan and when the annotator gives up on the page: what it found may have
   * changed (the side panel follows the page through it).
   */
  onChange?: () => void;
}

export class Annotator {
  private readonly mentionOf = new WeakMap<Element, Mention>();
  /** What identifies each wrapped mention for a correction (its text, place and context). */
  private readonly keysOf = new WeakMap<Mention, ScanKeys>();
  /** The reader's corrections that apply on this page (utils/corrections/). */
  private corrections: readonly Correction[] = [];
  /**
   * Corrections still on their way when the page is first read: the first wrap waits for them
   * (a highlight the reader hid must not flash up), while the text is read and matched.
   */
  private correctionsArriving?: Promise<void>;
  /** Mentions the corrections hid in the last scan (the popup says how many). */
  hiddenCount = 0;
  private readonly created = new Set<HTMLElement>();
  private observer?: MutationObserver;
  private timer?: ReturnType<typeof setTimeout>;
  private scanning?: Promise<void>;
  private rescanWanted = false;
  /** When the oldest page change not yet scanned happened (for the debounce's maximum wait). */
  private pendingSince?: number;
  /** The page's text nodes that wrapping split, with the nodes it made from each. */
  private readonly splits = new Map<Text, Node[]>();
  /** Times the page removed the extension's own highlight elements. */
  private removals = 0;
  /** Set when annotation stopped because the page keeps removing highlights. */
  private stopped = false;
  /** Scans run so far (tests and the bench read it to see that the page settles). */
  scans = 0;
  /** Whether the first mention of each entity is a tab stop (the reader's "Mentions are tab stops"). */
  private tabStops = true;
  relevance: Relevance = { relevant: false, reason: 'The page has not been read yet.' };

  /**
   * @param shown the entity types the reader wants highlighted (all when not given); relevance
   *   is still judged on every mention.
   */
  constructor(
    private readonly doc: Document,
    matcher: TextMatcher | PageMatcher,
    private readonly signal: AbortSignal,
    private readonly shown?: ReadonlySet<EntityType>,
    { place, onChange }: AnnotatorHooks = {},
  ) {
    // A compiled matcher given directly (tests, the bench) matches on the page. Told apart by
    // shape: the content script does not carry the matcher's code (utils/page/lazy-code.ts).
    this.matcher = 'start' in matcher ? new LocalTextMatcher(() => matcher) : matcher;
    this.place = place ?? { url: doc.URL, site: '' };
    this.onChange = onChange;
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  private readonly matcher: TextMatcher;
  private readonly place: PagePlace;
  private readonly onChange?: () => void;
  /** Display names of the entities found so far (the popup's summary lists them). */
  private readonly names = new Map<string, string>();
  /** Where the last scan's text was matched (shown to developers in the scan's measure). */
  matchedIn?: TextMatch['where'];

  /** An entity's display name, as the matching gave it. */
  nameOf(id: string): string {
    return this.names.get(id) ?? id;
  }

  /** Annotates the page; resolves when the first scan is complete. */
  async start(): Promise<void> {
    if (this.signal.aborted) return;
    const view = this.doc.defaultView;
    if (view) {
      this.observer = new view.MutationObserver((records) => this.onMutations(records));
      this.observe();
    }
    await this.scan();
  }

  private observe(): void {
    this.observer?.observe(this.doc.body ?? this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]): void {
    // Only changes the page made arrive here: the extension writes while disconnected.
    if (this.stopped) return;
    if (records.some((r) => [...r.removedNodes].some((n) => this.created.has(n as HTMLElement)))) {
      // A page that strips unknown elements would fight every re-scan: after a few rounds,
      // leave it as its owner wants it.
      if (++this.removals >= PAGE_REMOVAL_LIMIT) return this.stop();
    }
    const rewritten = new Set(
      records.filter((r) => r.type === 'characterData' && this.splits.has(r.target as Text)).map((r) => r.target as Text),
    );
    if (rewritten.size) this.write(() => rewritten.forEach((node) => this.restore(node)));
    // The page took away an entity's first mention: its next one becomes the tab stop.
    if (rewritten.size || records.some((r) => r.removedNodes.length > 0)) this.updateTabStops();
    if (records.some((r) => r.type === 'characterData' || r.addedNodes.length > 0)) this.scheduleScan();
  }

  /** The page rewrote a text node that wrapping split: its text is the page's; drop the stale pieces. */
  private restore(node: Text): void {
    const created = this.splits.get(node);
    if (!created) return;
    this.splits.delete(node);
    for (const n of created) this.created.delete(n as HTMLElement);
    restoreSplitNode(node, created);
  }

  /**
   * Debounced, so a burst of changes costs one scan, but never postponed past a maximum wait:
   * a page with a ticking clock changes more often than the debounce.
   */
  private scheduleScan(): void {
    const now = performance.now();
    this.pendingSince ??= now;
    clearTimeout(this.timer);
    const delay = Math.min(MUTATION_DEBOUNCE_MS, Math.max(0, this.pendingSince + MUTATION_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => void this.scan(), delay);
  }

  private stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.observer?.disconnect();
    unwrap(allHighlights(this.doc));
    this.created.clear();
    this.splits.clear();
    this.doc.getElementById(STYLE_ID)?.remove();
    this.relevance = {
      relevant: false,
      reason: 'This page keeps removing highlights, so Met Context has stopped annotating it.',
    };
    this.onChange?.();
  }

  /** Runs a scan, or asks for one more after the scan in progress. */
  scan(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.scanning) {
      this.rescanWanted = true;
      return this.scanning;
    }
    this.scanning = this.runScan().finally(() => {
      this.scanning = undefined;
      if (!this.signal.aborted) this.onChange?.();
      if (this.rescanWanted && !this.signal.aborted) {
        this.rescanWanted = false;
        this.scheduleScan();
      }
    });
    return this.scanning;
  }

  private async runScan(): Promise<void> {
    if (this.signal.aborted || this.stopped) return;
    this.pendingSince = undefined;
    // Nodes the page has since thrown away (single-page navigation) are not kept alive.
    for (const node of this.splits.keys()) if (!node.isConnected) this.splits.delete(node);
    for (const el of this.created) if (!el.isConnected) this.created.delete(el);
    this.scans++;
    let deadline = performance.now() + TASK_BUDGET_MS;
    const pause = async () => {
      if (performance.now() < deadline) return;
      await yieldToPage();
      deadline = performance.now() + TASK_BUDGET_MS;
    };
    const finder = new ArticleFinder(this.doc);
    while (!finder.done) {
      finder.step(deadline);
      await pause();
      if (this.signal.aborted) return;
    }
    const article = finder.result();
    if (!article.root) {
      this.relevance = { relevant: false, reason: NOT_AN_ARTICLE };
      return;
    }
    const collector = new TextCollector(article.root, article.exclude);
    while (!collector.done) {
      collector.step(deadline);
      await pause();
      if (this.signal.aborted) return;
    }
    const collected = collector.result();
    // Handing a text to the background copies it, at a cost that grows with its length (a
    // megabyte: about 30 ms): a long one starts a task of its own.
    if (collected.text.length >= LONG_TEXT_CHARS) {
      await yieldToPage();
      deadline = performance.now() + TASK_BUDGET_MS;
    } else await pause();
    if (this.signal.aborted) return;
    let result: TextMatch;
    try {
      result = await this.matcher.match(collected.text, this.signal, pause);
    } catch (error) {
      this.relevance = { relevant: false, reason: `The knowledge base could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
      return;
    }
    if (this.signal.aborted) return;
    // The answer usually comes in a task of its own (the background's reply): a fresh budget.
    deadline = performance.now() + TASK_BUDGET_MS;
    this.matchedIn = result.where;
    for (const [id, name] of Object.entries(result.names)) this.names.set(id, name);
    const { mentions: found, relevance } = this.shown ? filterMentionTypes(result, this.shown) : result;
    this.relevance = relevance;
    const keys = new ScanKeys(found, collected.text);
    for (const m of found) this.keysOf.set(m, keys);
    if (this.correctionsArriving) await this.correctionsArriving;
    if (this.signal.aborted) return;
    const corrections = this.corrections;
    const hidden = corrections.length ? hiddenMentions(found, found.map((m) => keys.of(m)!), this.place, corrections) : new Set<number>();
    this.hiddenCount = hidden.size;
    const mentions = hidden.size ? found.filter((_, i) => !hidden.has(i)) : found;
    if (!mentions.length) return;
    // Text nodes may have changed while matching yielded: each job checks its node first.
    const jobs = planWraps(collected, mentions);
    let next = 0;
    while (next < jobs.length) {
      if (this.signal.aborted) return;
      this.write(() => {
        if (this.doc.getElementById(STYLE_ID) === null) this.addStyle();
        // At least one node per task, then as many as the task's budget allows.
        do next = this.wrap(jobs, next);
        while (next < jobs.length && performance.now() < deadline);
      });
      if (next < jobs.length && performance.now() >= deadline) {
        await yieldToRendering(this.doc);
        deadline = performance.now() + WRAP_PASS_MS;
      }
    }
    if (this.signal.aborted) return;
    // The reader's corrections changed while this scan wrapped with the old ones (an import
    // while the page is being read): what they now hide goes at once, not at the next change.
    if (this.corrections !== corrections) this.hideCorrected();
    this.updateTabStops();
  }

  /**
   * Applies the reader's corrections at once: highlights they cover are unwrapped (the page's
   * DOM as it was), and a scan brings back any an undone correction no longer covers.
   */
  setCorrections(corrections: readonly Correction[]): Promise<void> {
    this.correctionsArriving = undefined;
    this.corrections = corrections;
    // Before start(), the first scan applies them.
    if (!this.observer || this.stopped || this.signal.aborted) return Promise.resolve();
    this.hideCorrected();
    return this.scan();
  }

  /**
   * Corrections being read when annotation starts: the scan reads and matches meanwhile, and
   * wraps once they are here. Corrections set meanwhile (a change in another tab) win.
   */
  waitForCorrections(arriving: Promise<readonly Correction[]>): void {
    const settled: Promise<void> = arriving.then((corrections) => {
      if (this.correctionsArriving !== settled) return;
      this.correctionsArriving = undefined;
      this.corrections = corrections;
    });
    this.correctionsArriving = settled;
  }

  /** Unwraps the highlights the current corrections cover (the page's DOM as it was). */
  private hideCorrected(): void {
    if (!this.corrections.length) return;
    const wrapped = this.mentions();
    const hidden = hiddenMentions(
      wrapped,
      wrapped.map((m) => this.keysOf.get(m)?.of(m) ?? { text: '', occurrence: -1, before: '', after: '' }),
      this.place,
      this.corrections,
    );
    if (hidden.size) {
      const gone = new Set([...hidden].map((i) => wrapped[i]!));
      const elements = [...this.created].filter((el) => gone.has(this.mentionOf.get(el)!));
      this.write(() => unwrap(elements));
      for (const el of elements) this.created.delete(el);
      this.updateTabStops();
    }
  }

  /** What identifies a highlight's mention for a correction. */
  keyFor(el: Element): MentionKey | undefined {
    const mention = this.mentionOf.get(el);
    return mention && this.keysOf.get(mention)?.of(mention);
  }

  /** Turns mentions as tab stops on or off, at once. */
  setTabStops(on: boolean): void {
    this.tabStops = on;
    this.updateTabStops();
  }

  /**
   * After every wrap pass and page removal: new mentions may come before an entity's current
   * tab stop (a live blog adds at the top). Attributes are not observed, so no write() is needed.
   */
  private updateTabStops(): void {
    if (!this.stopped) assignTabStops(this.doc, this.tabStops);
  }

  private wrap(jobs: NodeJob[], index: number): number {
    const track = (node: Text, created: Node[]) => this.splits.set(node, [...(this.splits.get(node) ?? []), ...created]);
    for (const { mention, element } of applyWraps(jobs, index, index + 1, track)) {
      this.mentionOf.set(element, mention);
      this.created.add(element);
    }
    return index + 1;
  }

  /** Writes with the observer disconnected, keeping any changes the page made meanwhile. */
  private write(fn: () => void): void {
    const pending = this.observer?.takeRecords() ?? [];
    if (pending.length) this.onMutations(pending);
    this.observer?.disconnect();
    try {
      fn();
    } finally {
      if (this.observer && !this.signal.aborted) this.observe();
    }
  }

  private addStyle(): void {
    const style = this.doc.createElement('style');
    style.id = STYLE_ID;
    // A page that resets everything (`* { all: unset }`) would otherwise show the rules as text.
    style.setAttribute('style', 'display: none !important');
    style.textContent = highlightCss;
    (this.doc.head ?? this.doc.documentElement).appendChild(style);
  }

  /** The mention a highlight element stands for (its statistic reading, for the card). */
  mentionFor(el: Element): Mention | undefined {
    return this.mentionOf.get(el);
  }

  /** Mentions still on the page (the page may have removed some), one per mention, in page order. */
  mentions(): Mention[] {
    // Read only: highlights the page removed stay in `created` until the next scan, so the
    // observer can still tell that the page removed them (a page that strips them is left alone).
    const out: Mention[] = [];
    // The document's own order, in one pass: sorting thousands of highlights by comparing
    // positions cost a 1 MB page a third of a second.
    for (const el of this.doc.querySelectorAll(`${MENTION_TAG}:not([${ATTR_PART}])`)) {
      if (!this.created.has(el as HTMLElement)) continue;
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
    this.splits.clear();
    this.doc.getElementById(STYLE_ID)?.remove();
  }
}
