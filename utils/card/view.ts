/**
 * The card's drawing and placing: everything of the card that needs Preact, Floating UI, the
 * card's styles and its wording. Kept out of the content script (see utils/page/lazy-code.ts):
 * the card controller, which is, only listens for intent and decides; this draws.
 */
import { h, render } from 'preact';
import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardLayer, type CardLayerProps } from '../../components/CardLayer';
import cardCss from '../../components/card.css?inline';
import { buildCardModel } from './model';
import type { CardSurface } from './controller';
import { CARD_MAX_WIDTH_PX, CARD_MIN_HEIGHT_PX, CARD_OFFSET_PX, CARD_VIEWPORT_PADDING_PX } from '../constants';

/** Where the card goes, or null when its mention is out of sight (scrolled away, removed, hidden). */
export type Placement = { x: number; y: number } | null;

export interface CardView {
  /** The card's surface in a page: a shadow root at the end of the body, holding the card's styles. */
  createSurface(ctx: ContentScriptContext): Promise<CardSurface>;
  /** Draws the layer (the live region, the card, the correction status); null clears it. */
  render(container: HTMLElement, props: CardLayerProps | null): void;
  /** Places `floating` against `reference` and keeps it placed; returns the function that stops. */
  place(reference: HTMLElement, floating: HTMLElement, onPlaced: (placement: Placement) => void): () => void;
  buildModel: typeof buildCardModel;
}

export const cardView: CardView = {
  async createSurface(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'met-card',
      position: 'inline',
      anchor: 'body',
      // The card's CSS goes into its shadow root as text; nothing is injected into the page's styles.
      css: cardCss,
      onMount: () => undefined,
    });
    ui.mount();
    return { host: ui.shadowHost, container: ui.uiContainer, remove: () => ui.remove() };
  },

  render(container, props) {
    render(props ? h(CardLayer, props) : null, container);
  },

  place(reference, floating, onPlaced) {
    const view = reference.ownerDocument.defaultView!;
    const update = () => {
      const rect = reference.getBoundingClientRect();
      // Scrolled out of view, or removed by the page: the card has nothing to point at.
      if (!reference.isConnected || rect.bottom < 0 || rect.top > view.innerHeight) return onPlaced(null);
      // Measure the card at its natural height, or flip() would see the height size() last
      // allowed on this side, find that it fits, and never move a grown card to the roomier side.
      floating.style.removeProperty('--available-height');
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          // A mention that wraps onto two lines: place against the line the pointer is on.
          inline(),
          offset(CARD_OFFSET_PX),
          flip({ padding: CARD_VIEWPORT_PADDING_PX }),
          shift({ padding: CARD_VIEWPORT_PADDING_PX }),
          // Never taller or wider than the room on the chosen side: it scrolls inside instead of covering the mention.
          size({
            padding: CARD_VIEWPORT_PADDING_PX,
            apply({ availableHeight, availableWidth }) {
              floating.style.setProperty('--available-height', `${Math.max(CARD_MIN_HEIGHT_PX, availableHeight)}px`);
              floating.style.setProperty('--available-width', `${Math.min(CARD_MAX_WIDTH_PX, availableWidth)}px`);
            },
          }),
          // A mention scrolled out of sight inside a scrolling box of the page (not the window).
          hide({ strategy: 'referenceHidden' }),
        ],
      }).then(({ x, y, middlewareData }) => onPlaced(middlewareData.hide?.referenceHidden ? null : { x, y }));
    };
    return autoUpdate(reference, floating, update);
  },

  buildModel: buildCardModel,
};
