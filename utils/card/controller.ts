/**
 * Opens one card at a time for the mention under the pointer, in focus, or tapped, with hover
 * intent (a short delay before opening, a grace period before closing so the pointer can
 * travel into the card). While the pointer rests, the entity is fetched, so the card draws in
 * the frame its timer fires. Positions it next to the mention with Floating UI, never over
 * it and inside the viewport, and closes it on Escape (focus returns to the mention), on
 * leaving, on a tap elsewhere, or when the mention scrolls out of view. A card offers the
 * entity's next and previous mention, and the reader's shortcut moves to the next mention of
 * any entity (utils/dom/mention-order.ts). Everything is undone when the signal aborts.
 *
 * Gateway → view-model → renderer: `fetchEntity` (the background's KB) → `buildCardModel`
 * → `CardLayer`.
 */
import type { RefObject } from 'preact';
import type { OpenCard } from '../../components/CardLayer';
import type { CardView } from './view';
import { todayIso } from '../kb/dates';
import { CARD_LOADING, CARD_NOT_IN_KB, cardNotLoaded } from './model';
import { chooseTheme, readPageLook } from './theme';
import { readArticleDate } from '../page/article-date';
import type { EntityReply } from '../messages';
import type { StatReading } from '../match/types';
import type { CorrectionNoticeModel } from '../../components/CardCorrections';
import { doneText, draftCorrection, type CorrectionKind, type StoredCorrection } from '../corrections/correction';
import type { MentionKey } from '../corrections/hide';
import { MENTION_TAG, ATTR_ID, ATTR_EXPANDED, ATTR_PART, INTERACTIVE_SELECTOR, isInControl } from '../dom/mention-element';
import { mentionsOfEntity, navigableMentions, nextMentionAfter, positionOf, stepFrom } from '../dom/mention-order';
import { CARD_CLOSE_DELAY_MS, CARD_ENTITY_CACHE_SIZE, CARD_OPEN_DELAY_MS } from '../constants';

export interface CardSurface {
  /** The element in the page that holds the card (a shadow host in the extension). */
  host: HTMLElement;
  /** Where the card is rendered (inside the shadow root in the extension). */
  container: HTMLElement;
  remove(): void;
}

type Found = EntityReply | null;

/** What the card needs to offer "Wrong highlight?" (absent: it offers nothing). */
export interface CardCorrecting {
  site: string;
  url(): string;
  /** The highlight's text, place and context, as the annotator read it. */
  keyOf(mention: Element): MentionKey | undefined;
  /** Keeps a correction and applies it (resolves once the page shows it). */
  save(correction: StoredCorrection): Promise<void>;
  undo(id: string): Promise<void>;
}

export interface CardDeps {
  doc: Document;
  fetchEntity(id: string): Promise<Found>;
  /** What the page said, for statistics. */
  readingOf(mention: Element): StatReading | undefined;
  createSurface(): Promise<CardSurface>;
  /**
   * The card's drawing code (utils/card/view.ts). In the extension it is loaded on the first
   * sign of intent (see utils/page/lazy-code.ts); the hover-intent delay covers the wait.
   */
  loadView(): Promise<CardView>;
  signal: AbortSignal;
  /** Today as YYYY-MM-DD (tests pin it). */
  today?: () => string;
  correcting?: CardCorrecting;
}

const TITLE_ID = 'met-card-title';
const ENTER_KEYS = new Set(['Enter', ' ']);
/** What Tab stops at inside a card: its chips and its source links. */
const CARD_TAB_STOPS = 'a[href], button';

function mentionOf(target: EventTarget | null): HTMLElement | null {
  const el = target as Element | null;
  if (!el || typeof el.closest !== 'function') return null;
  return el.closest(MENTION_TAG) as HTMLElement | null;
}

/**
 * A mention inside a link or button is not focusable itself (a control inside a control is
 * invalid); focusing the control shows the card of the first mention it holds.
 */
function mentionInControl(target: EventTarget | null): HTMLElement | null {
  const el = target as Element | null;
  if (!el || typeof el.matches !== 'function' || !el.matches(INTERACTIVE_SELECTOR)) return null;
  return el.querySelector<HTMLElement>(`${MENTION_TAG}:not([${ATTR_PART}])`);
}

/** A fetched entity, remembered with its outcome so a card whose entity is known draws at once. */
interface Fetch {
  promise: Promise<Found>;
  settled?: { found: Found } | { error: string };
}

export class CardController {
  private openTimer?: ReturnType<typeof setTimeout>;
  /** A card is scheduled to open (its timer has not fired yet). */
  private openPending = false;
  /** The mention an open is scheduled for. */
  private pendingMention: HTMLElement | null = null;
  private closeTimer?: ReturnType<typeof setTimeout>;
  private current: { mention: HTMLElement; id: string; stopPositioning: () => void } | null = null;
  private surface?: Promise<CardSurface>;
  private view?: CardView;
  private host?: HTMLElement;
  private container?: HTMLElement;
  private readonly fetches = new Map<string, Fetch>();
  private readonly surfaceRef: RefObject<HTMLDivElement | null> = { current: null };
  /** Increments with every open and close, so a slow fetch cannot render over a newer card. */
  private generation = 0;
  /** Focus moves into the card once it has drawn (Enter on a mention, a chip inside the card). */
  private focusCardWhenDrawn = false;
  /** The mention whose card the last touch or pen press opened (see onClick). */
  private tapOpened: HTMLElement | null = null;
  /** The mention Escape is handing focus back to (focus events arrive synchronously). */
  private returningFocusTo: HTMLElement | null = null;
  /**
   * The mention focus was just moved to ("Next mention", the shortcut) while the page scrolls
   * it into view: its card waits, hidden, rather than close for a mention out of view.
   */
  private arriving: HTMLElement | null = null;
  /**
   * The mention goTo moved focus to. Its card stays while focus does: the card moved away from
   * under the pointer that pressed "Next mention", which then leaves it without meaning to.
   */
  private movedTo: HTMLElement | null = null;
  /** What the layer shows now, so the correction status can be drawn beside it. */
  private shown: { open: OpenCard | null; announcement: string } = { open: null, announcement: '' };
  /** The status after a correction (with Undo), which outlives the card of the highlight it hid. */
  private notice: CorrectionNoticeModel | null = null;
  private readonly noticeRef: RefObject<HTMLDivElement | null> = { current: null };

  constructor(private readonly deps: CardDeps) {
    const { doc, signal } = deps;
    const opts = { signal, capture: true } as const;
    doc.addEventListener('pointerover', (e) => this.onPointerOver(e), opts);
    doc.addEventListener('pointerout', (e) => this.onPointerOut(e), opts);
    doc.addEventListener('focusin', (e) => this.onFocusIn(e), opts);
    doc.addEventListener('pointerdown', (e) => this.onPointerDown(e), opts);
    doc.addEventListener('click', (e) => this.onClick(e), opts);
    doc.addEventListener('keydown', (e) => this.onKeyDown(e), opts);
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** The mention whose card is open, if any. */
  get openMention(): HTMLElement | null {
    return this.current?.mention ?? null;
  }

  private inCard(event: Event): boolean {
    return Boolean(this.host && event.composedPath().includes(this.host));
  }

  private isCardNode(node: Node | null): boolean {
    return Boolean(node && this.host && (node === this.host || this.host.contains(node)));
  }

  private onPointerOver(event: PointerEvent): void {
    if (this.inCard(event)) {
      this.cancelClose();
      return;
    }
    const mention = mentionOf(event.target);
    if (!mention) return;
    this.cancelClose();
    if (event.pointerType === 'touch') return; // a tap opens through pointerdown instead
    if (this.isOpenFor(mention)) return;
    // Hover intent: use the wait to fetch, make the surface and draw the card hidden, so that
    // when the wait ends it is only placed and shown.
    this.scheduleOpen(mention, CARD_OPEN_DELAY_MS);
    void this.drawAhead(mention, mention.getAttribute(ATTR_ID) ?? '');
  }

  /**
   * Draws the card a hover is waiting to open, hidden (so not focusable, and not read out: the
   * announcement comes when it opens), if nothing else is open by the time its entry is here.
   * The first card then does not pay for its first render after the wait.
   */
  private async drawAhead(mention: HTMLElement, id: string): Promise<void> {
    const fetch = this.prefetch(id);
    const generation = this.generation;
    try {
      await this.getSurface();
      await fetch.promise;
    } catch {
      return; // open() reports it
    }
    if (generation !== this.generation || this.current || !this.openPending || this.pendingMention !== mention || !this.container || !fetch.settled || !mention.isConnected) return;
    this.renderLayer(this.container, this.cardFor(mention, id, fetch.settled, chooseTheme(readPageLook(this.deps.doc))), '');
    const floating = this.surfaceRef.current;
    if (!floating) return;
    floating.style.visibility = 'hidden';
    // Measured once against the mention, unseen, so placing it when it opens is already warm.
    const stop = this.view!.place(mention, floating, () => stop());
  }

  private onPointerOut(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    if (this.movedTo && this.current?.mention === this.movedTo && this.deps.doc.activeElement === this.movedTo) return;
    const fromMention = mentionOf(event.target);
    if (!fromMention && !this.inCard(event)) return;
    const to = event.relatedTarget as Node | null;
    // Moving within the mention, into the card, or from the card back to its mention keeps it.
    if (to && fromMention?.contains(to)) return;
    if (this.isCardNode(to)) return;
    if (this.current && mentionOf(to) === this.current.mention) return;
    this.cancelScheduledOpen();
    this.scheduleClose();
  }

  private onFocusIn(event: FocusEvent): void {
    if (this.inCard(event)) return this.cancelClose();
    const mention = mentionOf(event.target) ?? mentionInControl(event.target);
    if (mention && mention === this.returningFocusTo) return;
    if (mention) {
      this.cancelClose();
      if (!this.isOpenFor(mention)) this.scheduleOpen(mention, 0);
    } else if (this.current) this.scheduleClose();
  }

  private onPointerDown(event: PointerEvent): void {
    this.tapOpened = null;
    if (this.inCard(event)) return;
    const mention = mentionOf(event.target);
    if (mention && event.pointerType !== 'mouse') {
      // Touch and pen: a tap opens the card at once; there is no hover to wait for.
      this.cancelClose();
      if (!this.isOpenFor(mention)) {
        this.tapOpened = mention;
        this.scheduleOpen(mention, 0);
      }
      return;
    }
    if (!mention && this.current) this.close();
  }

  /**
   * The click that ends a tap which opened a card does not also follow the link (or press the
   * control) the mention sits in: with no hover on a touch screen, that tap is the only way to
   * see the card. A second tap, with the card open, follows the link as usual.
   */
  private onClick(event: MouseEvent): void {
    const opened = this.tapOpened;
    this.tapOpened = null;
    if (opened && mentionOf(event.target) === opened && isInControl(opened.parentElement)) event.preventDefault();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !this.current && this.notice && this.inCard(event)) {
      this.dismissNotice();
      return;
    }
    if (event.key === 'Escape' && this.current) {
      const focusWasInCard = this.inCard(event);
      this.closeAndReturnFocus(focusWasInCard);
      return;
    }
    if (event.key === 'Tab' && this.current && this.inCard(event) && this.tabLeavesCard(event.shiftKey)) {
      // The card sits at the end of the document: tabbing out of it would leave the article.
      // Focus goes back to the mention instead, and the next Tab continues from there.
      event.preventDefault();
      this.closeAndReturnFocus(true);
      return;
    }
    // Enter or Space on a focused mention moves focus into its card, to reach its links.
    const mention = mentionOf(event.target);
    if (mention && ENTER_KEYS.has(event.key) && event.target === mention) {
      event.preventDefault();
      this.focusCardWhenDrawn = true;
      if (this.isOpenFor(mention)) this.focusCard();
      else this.scheduleOpen(mention, 0);
    }
  }

  private closeAndReturnFocus(returnFocus: boolean): void {
    const mention = this.current?.mention;
    this.close();
    if (!returnFocus || !mention?.isConnected) return;
    // Focus goes back where it came from; that focus must not open the card again.
    this.returningFocusTo = mention;
    mention.focus();
    this.returningFocusTo = null;
  }

  /** Whether Tab (or Shift+Tab) from the focused element would move focus out of the card. */
  private tabLeavesCard(backwards: boolean): boolean {
    const surface = this.surfaceRef.current;
    if (!surface) return false;
    const stops = [...surface.querySelectorAll<HTMLElement>(CARD_TAB_STOPS)];
    const active = (surface.getRootNode() as Document | ShadowRoot).activeElement;
    if (backwards) return active === surface || active === stops[0];
    return !stops.length || active === stops.at(-1);
  }

  private isOpenFor(mention: HTMLElement): boolean {
    return this.current?.mention === mention && this.current.id === mention.getAttribute(ATTR_ID);
  }

  private scheduleOpen(mention: HTMLElement, delay: number): void {
    clearTimeout(this.openTimer);
    this.openPending = true;
    this.pendingMention = mention;
    this.openTimer = setTimeout(() => void this.open(mention), delay);
  }

  private cancelScheduledOpen(): void {
    clearTimeout(this.openTimer);
    this.openPending = false;
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), CARD_CLOSE_DELAY_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
  }

  /** The card's code and its surface, made once (asked for again after a failure). */
  private getSurface(): Promise<CardSurface> {
    this.surface ??= (async () => {
      this.view = await this.deps.loadView();
      const surface = await this.deps.createSurface();
      this.host = surface.host;
      this.container = surface.container;
      // Drawn empty now, during the hover-intent wait, so the first card does not also pay for
      // the layer's first render.
      this.renderLayer(surface.container, null, '');
      return surface;
    })().catch((error: unknown) => {
      this.surface = undefined;
      throw error;
    });
    return this.surface;
  }

  /** Starts fetching an entity, once: a bounded memo of this page's fetches. */
  private prefetch(id: string): Fetch {
    const known = this.fetches.get(id);
    if (known && !(known.settled && 'error' in known.settled)) return known;
    const fetch: Fetch = { promise: this.deps.fetchEntity(id) };
    fetch.promise.then(
      (found) => (fetch.settled = { found }),
      (error: unknown) => (fetch.settled = { error: error instanceof Error ? error.message : String(error) }),
    );
    this.fetches.set(id, fetch);
    if (this.fetches.size > CARD_ENTITY_CACHE_SIZE) this.fetches.delete(this.fetches.keys().next().value!);
    return fetch;
  }

  /** Opens the card for a mention (or for a related entity, anchored to the same mention). */
  async open(mention: HTMLElement, id = mention.getAttribute(ATTR_ID) ?? ''): Promise<void> {
    if (this.deps.signal.aborted || !mention.isConnected) return;
    this.cancelScheduledOpen();
    const generation = ++this.generation;
    this.notice = null;
    const fetch = this.prefetch(id);
    let surface: { container: HTMLElement };
    try {
      surface = this.surface && this.container ? { container: this.container } : await this.getSurface();
    } catch (error) {
      // Nothing to draw with (the background could not give the card's code): the next intent asks again.
      console.warn('Met Context: the card could not be shown.', error);
      return;
    }
    if (generation !== this.generation) return;
    if (this.current?.mention !== mention) this.setExpanded(false);
    this.current?.stopPositioning();
    this.current = { mention, id, stopPositioning: () => undefined };
    this.setExpanded(true);
    const theme = chooseTheme(readPageLook(this.deps.doc));
    if (!fetch.settled) {
      this.draw(surface.container, { model: null, status: CARD_LOADING, theme }, mention);
      await fetch.promise.catch(() => undefined);
      if (generation !== this.generation) return;
    }
    this.draw(surface.container, this.cardFor(mention, id, fetch.settled!, theme), mention);
  }

  private cardFor(mention: HTMLElement, id: string, settled: NonNullable<Fetch['settled']>, theme: OpenCard['theme']): OpenCard {
    if ('error' in settled) return { model: null, status: cardNotLoaded(settled.error), theme };
    if (!settled.found) return { model: null, status: CARD_NOT_IN_KB, theme };
    const own = id === mention.getAttribute(ATTR_ID);
    const reading = own ? this.deps.readingOf(mention) : undefined;
    const model = this.view!.buildModel(settled.found.entity, settled.found.related, {
      reading,
      articleDate: readArticleDate(this.deps.doc),
      today: this.deps.today?.() ?? todayIso(),
      note: settled.found.note,
    });
    // A related entity's card, opened from a chip, is not about this mention: no stepping.
    const position = own ? positionOf(mentionsOfEntity(this.deps.doc, id), mention) : null;
    const key = own ? this.deps.correcting?.keyOf(mention) : undefined;
    return {
      model,
      theme,
      ...(position && position.count > 1 ? { position } : {}),
      ...(key && this.deps.correcting ? { corrections: { text: key.text, site: this.deps.correcting.site } } : {}),
    };
  }

  private draw(container: HTMLElement, open: OpenCard, mention: HTMLElement): void {
    const where = open.position ? ` Mention ${open.position.index} of ${open.position.count}.` : '';
    const announcement = open.model ? `${open.model.typeLabel}: ${open.model.name}. ${open.model.summary}${where}` : '';
    this.renderLayer(container, open, announcement);
    const floating = this.surfaceRef.current;
    if (!floating || !this.current) return;
    this.current.stopPositioning();
    // A hidden element cannot take focus: focus moves in once the card is placed and shown.
    const placed = () => {
      if (open.model && this.focusCardWhenDrawn) this.focusCard();
    };
    const stop = this.position(mention, floating, placed, this.generation);
    // Placing may find the mention gone or scrolled away, and close the card at once.
    if (this.current) this.current.stopPositioning = stop;
    else stop();
  }

  private renderLayer(container: HTMLElement, open: OpenCard | null, announcement: string): void {
    this.shown = { open, announcement };
    const theme = open?.theme ?? chooseTheme(readPageLook(this.deps.doc));
    this.view!.render(container, {
      open,
      announcement,
      notice: this.notice ? { model: this.notice, theme, ref: this.noticeRef } : null,
      onCorrect: (kind: CorrectionKind) => void this.correct(kind),
      onUndo: (id: string) => void this.undo(id),
      onDismiss: () => this.dismissNotice(),
      titleId: TITLE_ID,
      surfaceRef: this.surfaceRef,
      onRelated: (rid: string) => {
        if (!this.current) return;
        // The chip that was clicked goes away with the card it was on: keep focus in the card.
        this.focusCardWhenDrawn = this.isCardNode(this.deps.doc.activeElement);
        void this.open(this.current.mention, rid);
      },
      onStep: (step: 1 | -1) => this.step(step),
    });
  }

  /**
   * "Wrong highlight?": keeps the correction, which removes the highlight (and so its card), and
   * leaves a status with Undo where focus can go, said aloud.
   */
  private async correct(kind: CorrectionKind): Promise<void> {
    const correcting = this.deps.correcting;
    const current = this.current;
    const settled = current && this.fetches.get(current.id)?.settled;
    const key = current && correcting?.keyOf(current.mention);
    if (!correcting || !current || !key || !settled || !('found' in settled) || !settled.found) return;
    const correction = draftCorrection(kind, {
      entityId: current.id,
      entityName: settled.found.entity.name,
      key,
      url: correcting.url(),
      site: correcting.site,
    });
    try {
      await correcting.save(correction);
      this.showNotice({ text: doneText(correction), undoId: correction.id }, `${doneText(correction)} Undo is available.`);
    } catch (error) {
      this.showNotice({ text: `The correction could not be kept: ${error instanceof Error ? error.message : String(error)}`, error: true });
    }
  }

  private async undo(id: string): Promise<void> {
    const correcting = this.deps.correcting;
    if (!correcting) return;
    try {
      await correcting.undo(id);
      this.showNotice({ text: 'Undone: the highlight is back.' });
    } catch (error) {
      this.showNotice({ text: `Undo failed: ${error instanceof Error ? error.message : String(error)}`, error: true });
    }
  }

  /** Closes any card, shows the status, says it, and moves focus to its Undo (or to it). */
  private showNotice(notice: CorrectionNoticeModel, said = notice.text): void {
    if (this.deps.signal.aborted) return;
    this.close();
    this.notice = notice;
    if (this.container) this.renderLayer(this.container, null, said);
    const el = this.noticeRef.current?.querySelector<HTMLElement>('.undo') ?? this.noticeRef.current?.querySelector<HTMLElement>('.correction-notice');
    el?.focus({ preventScroll: true });
  }

  private dismissNotice(): void {
    this.notice = null;
    if (this.container) this.renderLayer(this.container, this.shown.open, '');
  }

  /** "Next mention" / "Previous mention" on the card: the same entity's, wrapping at the ends. */
  private step(step: 1 | -1): void {
    if (!this.current) return;
    const target = stepFrom(mentionsOfEntity(this.deps.doc, this.current.id), this.current.mention, step);
    if (target) this.goTo(target);
  }

  /**
   * The reader's shortcut: the next mention of any entity after the one in focus (or whose card
   * has focus), or, with nothing focused, the first from where the reader is reading.
   */
  focusNextMention(): boolean {
    const { doc } = this.deps;
    const active = doc.activeElement;
    const anchor =
      this.current && this.isCardNode(active) ? this.current.mention : active && active !== doc.body && active !== doc.documentElement ? active : null;
    const next = nextMentionAfter(navigableMentions(doc), anchor);
    if (next) this.goTo(next);
    return Boolean(next);
  }

  /**
   * Moves focus to a mention, scrolls it into view (smoothly, unless the reader asks for
   * reduced motion) and opens its card: focus is intent, as with Tab.
   */
  goTo(mention: HTMLElement): void {
    const reduce = this.deps.doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches ?? false;
    this.arriving = mention;
    this.movedTo = mention;
    mention.scrollIntoView({ block: 'center', behavior: reduce ? 'instant' : 'smooth' });
    mention.focus({ preventScroll: true });
    // Focus opens the card (onFocusIn); a mention that had focus already gets no focus event.
    if (!this.isOpenFor(mention)) this.scheduleOpen(mention, 0);
  }

  private focusCard(): void {
    this.focusCardWhenDrawn = false;
    this.surfaceRef.current?.focus({ preventScroll: true });
  }

  private setExpanded(expanded: boolean): void {
    this.current?.mention.setAttribute(ATTR_EXPANDED, String(expanded));
  }

  /**
   * Places the card drawn at `generation` and keeps it placed. When its mention scrolls away it
   * closes, unless a newer card is already on its way: tabbing to a mention further down scrolls
   * the page, and closing then would also cancel the new mention's card, leaving it without one.
   */
  private position(reference: HTMLElement, floating: HTMLElement, placed: () => void, generation: number): () => void {
    const closeUnlessReplaced = () => {
      // A mention being scrolled to is out of view until it arrives.
      if (reference === this.arriving && reference.isConnected) return;
      if (generation === this.generation && !this.openPending) this.close();
    };
    // Hidden until placed, so the card never shows for a moment where it does not belong.
    floating.style.visibility = 'hidden';
    return this.view!.place(reference, floating, (placement) => {
      if (!placement) return closeUnlessReplaced();
      if (reference === this.arriving) this.arriving = null;
      Object.assign(floating.style, { left: `${placement.x}px`, top: `${placement.y}px`, visibility: 'visible' });
      placed();
    });
  }

  close(): void {
    this.cancelScheduledOpen();
    clearTimeout(this.closeTimer);
    this.generation++;
    this.focusCardWhenDrawn = false;
    this.arriving = null;
    this.movedTo = null;
    this.setExpanded(false);
    this.current?.stopPositioning();
    this.current = null;
    if (this.container) this.renderLayer(this.container, null, '');
  }

  private destroy(): void {
    this.close();
    if (this.container) this.view?.render(this.container, null);
    void this.surface?.then((s) => s.remove());
    this.surface = undefined;
    this.host = undefined;
    this.container = undefined;
    this.fetches.clear();
  }
}
