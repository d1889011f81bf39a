/**
 * Everything the extension does on one page, switched on and off as a whole: the annotator
 * and the card share one AbortController, so switching off removes every highlight, listener,
 * observer and the card at once.
 */
import { readArticleDate } from './article-date';
import { ENTITY_TYPES, type EntityType } from '../kb/schema';
import { BACKGROUND_SILENCE_MS, FLASH_DURATION_MS } from '../constants';
import type { PageMatcher } from '../match/page-matcher';
import { BackgroundTextMatcher, FallbackTextMatcher, LocalTextMatcher, type AskBackgroundToMatch, type TextMatcher } from '../match/text-matcher';
import { Annotator } from '../dom/annotator';
import { CardController, type CardSurface } from '../card/controller';
import type { CardView } from '../card/view';
import { summarise, type PageSummary } from './summary';
import { keepCopiesClean } from './clipboard';
import type { EntityReply } from '../messages';
import { ATTR_ID, ATTR_PART, MENTION_TAG } from '../dom/mention-element';
import type { Correction, StoredCorrection } from '../corrections/correction';

/** Set on the document root while annotating: the highlight style the reader chose. */
export const ATTR_HIGHLIGHT_STYLE = 'data-met-highlight';
/** Set for a moment on a mention the popup jumped to. */
export const ATTR_FLASH = 'data-met-flash';

export interface PageLook {
  /** Types to highlight. */
  shown: ReadonlySet<EntityType>;
  style: string;
  /** The first mention of each entity is a tab stop ("Mentions are tab stops"). */
  tabStops: boolean;
}

export interface PageSessionDeps {
  doc: Document;
  site: string;
  /**
   * The page's own matcher, built from the KB's match index, for when the background cannot
   * match (asked for only then: in the extension its code is loaded on that request).
   */
  localMatcher(): Promise<PageMatcher>;
  /** Asks the background to match a text (absent: the page always matches on its own). */
  matchText?: AskBackgroundToMatch;
  fetchEntity(id: string): Promise<EntityReply | null>;
  createSurface(): Promise<CardSurface>;
  /** The card's drawing code (see CardDeps.loadView). */
  loadCardView(): Promise<CardView>;
  /** What `summary()` says may have changed: the settings were applied, or the page was read again. */
  onChange?(): void;
  /** The reader's corrections that apply on this page (from the background); without them, none. */
  getCorrections?(): Promise<Correction[]>;
  saveCorrection?(correction: StoredCorrection): Promise<void>;
  removeCorrection?(id: string): Promise<void>;
}

export class PageSession {
  private controller?: AbortController;
  private annotator?: Annotator;
  private card?: CardController;
  /** The page's own matcher, built only if the background cannot match (then kept). */
  private localMatcher?: Promise<PageMatcher>;
  /** Set once the background failed: this page matches on its own from then on. */
  private backgroundFailed = false;
  private look: PageLook = { shown: new Set(ENTITY_TYPES), style: 'underline', tabStops: true };
  /** The reader's settings have been applied once: the page is annotated (first read done) or left alone. */
  private settled = false;
  private corrections: readonly Correction[] = [];
  private correctionsRead = false;

  constructor(private readonly deps: PageSessionDeps) {}

  /**
   * Applies the reader's highlight settings live: a style change only flips the root
   * attribute, the tab-stop switch only the mentions' tabindex; a change of types re-reads the
   * page with the new filter.
   */
  async setLook(look: PageLook): Promise<void> {
    const typesChanged = [...ENTITY_TYPES].some((t) => look.shown.has(t) !== this.look.shown.has(t));
    this.look = look;
    if (!this.running) return;
    this.deps.doc.documentElement.setAttribute(ATTR_HIGHLIGHT_STYLE, look.style);
    this.annotator?.setTabStops(look.tabStops);
    if (typesChanged) {
      this.stop();
      await this.start();
    }
  }

  /** Applies the reader's settings: the look, then annotating or not. */
  async apply(look: PageLook, annotate: boolean): Promise<void> {
    await this.setLook(look);
    if (annotate) await this.start();
    else this.stop();
    this.settled = true;
    this.deps.onChange?.();
  }

  get running(): boolean {
    return Boolean(this.controller && !this.controller.signal.aborted);
  }

  async start(): Promise<void> {
    if (this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    const root = this.deps.doc.documentElement;
    root.setAttribute(ATTR_HIGHLIGHT_STYLE, this.look.style);
    controller.signal.addEventListener('abort', () => root.removeAttribute(ATTR_HIGHLIGHT_STYLE), { once: true });
    const place = { url: this.deps.doc.URL, site: this.deps.site };
    const annotator = new Annotator(this.deps.doc, this.textMatcher(), controller.signal, this.look.shown, {
      place,
      onChange: () => this.deps.onChange?.(),
    });
    annotator.setTabStops(this.look.tabStops);
    // Asked for once, while the page is read and matched (the first wrap waits for them); later
    // restarts (a change of types) reuse them, kept fresh by refreshCorrections.
    if (this.correctionsRead) void annotator.setCorrections(this.corrections);
    else annotator.waitForCorrections(this.readLatestCorrections().then(() => this.corrections, () => this.corrections));
    this.annotator = annotator;
    this.card = new CardController({
      doc: this.deps.doc,
      fetchEntity: this.deps.fetchEntity,
      readingOf: (el) => annotator.mentionFor(el)?.stat,
      createSurface: this.deps.createSurface,
      loadView: this.deps.loadCardView,
      signal: controller.signal,
      correcting: this.deps.saveCorrection && this.deps.removeCorrection && {
        site: this.deps.site,
        url: () => this.deps.doc.URL,
        keyOf: (el) => annotator.keyFor(el),
        save: async (correction) => {
          await this.deps.saveCorrection!(correction);
          await this.refreshCorrections();
        },
        undo: async (id) => {
          await this.deps.removeCorrection!(id);
          await this.refreshCorrections();
        },
      },
    });
    keepCopiesClean(this.deps.doc, controller.signal);
    await annotator.start();
  }

  /**
   * The background's warm matcher first (the page never loads the match index then); the
   * page's own when the background is gone, silent or answers out of shape.
   */
  private textMatcher(): TextMatcher {
    const page = { site: this.deps.site, articleDate: readArticleDate(this.deps.doc) };
    // A failure (the background gone for a moment) is not kept: the next scan asks again.
    const local = new LocalTextMatcher(
      () =>
        (this.localMatcher ??= this.deps.localMatcher().catch((error: unknown) => {
          this.localMatcher = undefined;
          throw error;
        })),
      page,
    );
    const { matchText } = this.deps;
    if (!matchText || this.backgroundFailed) return local;
    return new FallbackTextMatcher(new BackgroundTextMatcher(matchText, page, BACKGROUND_SILENCE_MS), local, (reason) => {
      this.backgroundFailed = true;
      console.debug(`Met Context: matching on the page (${reason}).`);
    });
  }

  /** Asks for the page's corrections again (one changed, in this tab or another) and applies them at once. */
  async refreshCorrections(): Promise<void> {
    // Changes come in bursts (an undo from the options page, then an import): answers can arrive
    // out of order, and only the latest question's answer may be applied.
    if (await this.readLatestCorrections()) await this.annotator?.setCorrections(this.corrections);
  }
  private correctionsAsked = 0;

  /**
   * Reads the corrections and keeps them, unless a later read was asked for meanwhile (answers
   * can arrive out of order). Resolves true when this read's answer was kept.
   */
  private async readLatestCorrections(): Promise<boolean> {
    const asked = ++this.correctionsAsked;
    const corrections = await this.readCorrections();
    if (asked !== this.correctionsAsked) return false;
    this.corrections = corrections;
    this.correctionsRead = true;
    return true;
  }

  private readCorrections(): Promise<Correction[]> {
    return this.deps.getCorrections?.() ?? Promise.resolve([]);
  }

  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.annotator = undefined;
    this.card = undefined;
  }

  summary(): PageSummary {
    const articleDate = readArticleDate(this.deps.doc);
    const base = { site: this.deps.site, enabled: this.running, settled: this.settled, ...(articleDate ? { articleDate } : {}) };
    if (!this.running || !this.annotator) {
      return { ...base, relevant: false, reason: 'Annotation is switched off on this site.', counts: {}, entities: [] };
    }
    const annotator = this.annotator;
    return {
      ...base,
      relevant: annotator.relevance.relevant,
      reason: annotator.relevance.reason,
      ...(annotator.matchedIn ? { matchedIn: annotator.matchedIn } : {}),
      ...summarise(annotator.mentions(), (id) => annotator.nameOf(id)),
      hidden: annotator.hiddenCount,
    };
  }

  /**
   * The reader's "next highlight" shortcut: focuses the next mention on the page (any entity)
   * and opens its card. False when the page has none.
   */
  focusNextMention(): boolean {
    return this.card?.focusNextMention() ?? false;
  }

  /** Scrolls to the first mention of an entity, flashes it and opens its card. */
  reveal(id: string): boolean {
    const first = [...this.deps.doc.querySelectorAll<HTMLElement>(`${MENTION_TAG}:not([${ATTR_PART}])`)].find(
      (el) => el.getAttribute(ATTR_ID) === id,
    );
    if (!first || !this.card) return false;
    first.scrollIntoView({ block: 'center' });
    flash(first);
    void this.card.open(first);
    return true;
  }
}

/** Marks a mention for a moment so the eye finds it after the jump (CSS animates it). */
function flash(el: HTMLElement): void {
  el.removeAttribute(ATTR_FLASH);
  el.setAttribute(ATTR_FLASH, '');
  setTimeout(() => el.removeAttribute(ATTR_FLASH), FLASH_DURATION_MS);
}
