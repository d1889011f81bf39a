/**
 * A card shown outside a web page (the options page), in its own shadow root with the card's
 * stylesheet, exactly as readers see it on a page and without its styles reaching the host page.
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CardModel } from '../utils/card/model';
import { Card } from './Card';

/**
 * On a settings page the card is read at length (no scroll box of its own) and sits in the
 * page's flow: the card stylesheet takes its host out of the flow, as a card over an article
 * must be, which here would pin the preview to the window's corner.
 */
const PREVIEW_CSS = `
  :host { position: static !important; width: auto !important; height: auto !important; display: block !important; z-index: auto !important; }
  .card { max-height: none; overflow: visible; }
`;

export function CardPreview({ model, css }: { model: CardModel; css: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    render(
      <>
        <style>{css}</style>
        <style>{PREVIEW_CSS}</style>
        <Card model={model} titleId="preview-title" />
      </>,
      root,
    );
  }, [model, css]);
  return <div class="card-preview" ref={host} data-testid="card-preview" />;
}
