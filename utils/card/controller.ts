/**
 * Opens one card at a time for the mention under the pointer, in focus, or tapped, with hover
 * intent (a short delay before opening, a grace period before closing so the pointer can
 * travel into the card). Positions it next to the mention with Floating UI and closes it on
 * Escape, on leaving, on a tap elsewhere, or when the mention scrolls out of view. Everything
 * is undone when the signal aborts.
 */
import { h, render } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { Card } from '../../components/Card';
import { buildCardModel, type CardModel } from './model';
import type { EntityReply } from '../messages';
import type { StatReading } from '../match/types';
import { MENTION_TAG, ATTR_ID } from '../dom/mention-element';
import {
  CARD_CLOSE_DELAY_MS,
  CARD_OFFSET_PX,
  CARD_OPEN_DELAY_MS,
  CARD_VIEWPORT_PADDING_PX,
} from '../constants';

export interface CardSurface {
  /** The element in the page that holds the card (a shadow host in the extension). */
  host: HTMLElement;
  /** Where the card is rendered (inside the shadow root in the extension). */
  container: HTMLElement;
  remove(): void;
}

export interface CardDeps {
  doc: Document;
  fetchEntity(id: string): Promise<EntityReply | null>;
  /** What the page said, for statistics. */
  readingOf(mention: Element): StatReading | undefined;
  createSurface(): Promise<CardSurface>;
  signal: AbortSignal;
}

const TITLE_ID = 'met-card-title';

function mentionOf(target: EventTarget | null): HTMLElement | null {
  const el = target as Element | null;
  if (!el || typeof el.closest !== 'function') return null;
  return el.closest(MENTION_TAG) as HTMLElement | null;
}

export class CardController {
  private openTimer?: ReturnType<typeof setTimeout>;
  private closeTimer?: ReturnType<typeof setTimeout>;
  private current: { mention: HTMLElement; id: string; stopPositioning: () => void } | null = null;
  private surface?: Promise<CardSurface>;
  /** Increments with every open, so a slow fetch for an older mention cannot render over a newer one. */
  private generation = 0;

  constructor(private readonly deps: CardDeps) {
    const { doc, signal } = deps;
    const opts = { signal, capture: true } as const;
    doc.addEventListener('pointerover', (e) => this.onPointerOver(e), opts);
    doc.addEventListener('pointerout', (e) => this.onPointerOut(e), opts);
    doc.addEventListener('focusin', (e) => this.onFocusIn(e), opts);
    doc.addEventListener('pointerdown', (e) => this.onPointerDown(e), opts);
    doc.addEventListener('keydown', (e) => this.onKeyDown(e), opts);
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** The mention whose card is open, if any. */
  get openMention(): HTMLElement | null {
    return this.current?.mention ?? null;
  }

  /** The card's host, once created: events from inside a shadow root are retargeted to it. */
  private host?: HTMLElement;
  private container?: HTMLElement;

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
    if (this.current?.mention === mention) return;
    this.scheduleOpen(mention, CARD_OPEN_DELAY_MS);
  }

  private onPointerOut(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    const fromMention = mentionOf(event.target);
    if (!fromMention && !this.inCard(event)) return;
    const to = event.relatedTarget as Node | null;
    // Moving within the mention, into the card, or from the card back to its mention keeps it.
    if (to && fromMention?.contains(to)) return;
    if (this.isCardNode(to)) return;
    if (this.current && mentionOf(to) === this.current.mention) return;
    clearTimeout(this.openTimer);
    this.scheduleClose();
  }

  private onFocusIn(event: FocusEvent): void {
    if (this.inCard(event)) return this.cancelClose();
    const mention = mentionOf(event.target);
    if (mention) this.scheduleOpen(mention, 0);
    else if (this.current) this.scheduleClose();
  }

  private onPointerDown(event: PointerEvent): void {
    if (this.inCard(event)) return;
    const mention = mentionOf(event.target);
    if (mention && event.pointerType !== 'mouse') {
      // Touch and pen: a tap opens the card at once; there is no hover to wait for.
      this.scheduleOpen(mention, 0);
      return;
    }
    if (!mention && this.current) this.close();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.current) return;
    const mention = this.current.mention;
    const focusWasInCard = this.inCard(event);
    this.close();
    if (focusWasInCard && mention.isConnected) mention.focus?.();
  }

  private scheduleOpen(mention: HTMLElement, delay: number): void {
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => void this.open(mention), delay);
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), CARD_CLOSE_DELAY_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
  }

  private async getSurface(): Promise<CardSurface> {
    this.surface ??= this.deps.createSurface();
    const surface = await this.surface;
    this.host = surface.host;
    this.container = surface.container;
    return surface;
  }

  /** Opens the card for a mention (or for a related entity, anchored to the same mention). */
  async open(mention: HTMLElement, id = mention.getAttribute(ATTR_ID) ?? ''): Promise<void> {
    if (this.deps.signal.aborted || !mention.isConnected) return;
    const generation = ++this.generation;
    this.stopPositioning();
    const surface = await this.getSurface();
    const floating = this.renderInto(surface.container, null, 'Loading…');
    const stopPositioning = this.position(mention, floating);
    this.current = { mention, id, stopPositioning };
    let model: CardModel | null = null;
    let status: string | undefined;
    try {
      const found = await this.deps.fetchEntity(id);
      if (found) {
        const reading = id === mention.getAttribute(ATTR_ID) ? this.deps.readingOf(mention) : undefined;
        model = buildCardModel(found.entity, found.related, reading, found.note);
      } else status = 'This entry is not in the knowledge base.';
    } catch (error) {
      status = `The card could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (generation !== this.generation || !this.current) return;
    this.renderInto(surface.container, model, status);
  }

  private renderInto(container: HTMLElement, model: CardModel | null, status?: string): HTMLElement {
    render(
      h(
        'div',
        { class: 'surface', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': model ? TITLE_ID : undefined, 'aria-label': model ? undefined : 'Met Context' },
        h(Card, {
          model,
          status,
          titleId: TITLE_ID,
          onRelated: (rid: string) => {
            if (this.current) void this.open(this.current.mention, rid);
          },
        }),
      ),
      container,
    );
    return container.firstElementChild as HTMLElement;
  }

  private position(reference: HTMLElement, floating: HTMLElement): () => void {
    const update = () => {
      const rect = reference.getBoundingClientRect();
      const view = reference.ownerDocument.defaultView!;
      // Scrolled out of view, or removed by the page: the card has nothing to point at.
      if (!reference.isConnected || rect.bottom < 0 || rect.top > view.innerHeight) {
        this.close();
        return;
      }
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(CARD_OFFSET_PX), flip({ padding: CARD_VIEWPORT_PADDING_PX }), shift({ padding: CARD_VIEWPORT_PADDING_PX })],
      }).then(({ x, y }) => {
        Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
      });
    };
    return autoUpdate(reference, floating, update);
  }

  private stopPositioning(): void {
    this.current?.stopPositioning();
  }

  close(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.generation++;
    this.stopPositioning();
    this.current = null;
    if (this.container) render(null, this.container);
  }

  private destroy(): void {
    this.close();
    void this.surface?.then((s) => s.remove());
    this.surface = undefined;
    this.host = undefined;
    this.container = undefined;
  }
}
