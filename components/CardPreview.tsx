/**
 * A card shown outside a web page (the options page), in its own shadow root with the card's
 * stylesheet, exactly as readers see it on a page and without its styles reaching the host page.
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CardModel } from '../utils/card/model';
import { Card } from './Card';

export function CardPreview({ model, css }: { model: CardModel; css: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    render(
      <>
        <style>{css}</style>
        <Card model={model} titleId="preview-title" />
      </>,
      root,
    );
  }, [model, css]);
  return <div class="card-preview" ref={host} data-testid="card-preview" />;
}
