/**
 * The side panel: the popup's view of the page, which stays open while reading. Each entry
 * opens its card in place (rendered like the card on pages, KB text as text) and offers "Show on
 * page". Escape closes the open card and gives focus back to its entry. Renders props only.
 */
import { useEffect } from 'preact/hooks';
import { Popup, type PopupProps } from './Popup';
import { CardPreview } from './CardPreview';
import type { PanelCard } from '../utils/popup/panel-card';

export interface SidePanelProps extends Omit<PopupProps, 'panel' | 'onOpenPanel'> {
  /** The open entry's card, or what is said while it loads. */
  card?: PanelCard;
  /** The card's stylesheet, as on pages. */
  cardCss: string;
  onOpenCard(id: string): void;
  onCloseCard(): void;
}

export function SidePanel({ card, cardCss, onOpenCard, onCloseCard, ...props }: SidePanelProps) {
  // On the whole panel: a click on the card's text leaves focus on the body, and Escape still closes it.
  useEffect(() => {
    if (!card) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      onCloseCard();
      document.querySelector<HTMLButtonElement>(`button.entity[data-id="${CSS.escape(card.id)}"]`)?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [card?.id]);
  const content = card && ('model' in card ? <CardPreview model={card.model} css={cardCss} /> : <p class="muted" role="status">{card.status}</p>);
  return (
    <Popup {...props} panel={{ openId: card?.id, card: content, onOpen: (id) => (card?.id === id ? onCloseCard() : onOpenCard(id)) }} />
  );
}
