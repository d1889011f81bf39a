/**
 * The card an entry opens in the side panel: the same view-model as on the page, built from the
 * background's KB entry. The panel does not see the page's own figure for a statistic (that is
 * the page's card's), so it shows the sourced values and the article's date.
 */
import { CARD_LOADING, CARD_NOT_IN_KB, buildCardModel, cardNotLoaded, type CardModel } from '../card/model';
import type { EntityReply } from '../messages';

export type PanelCard = { id: string; model: CardModel } | { id: string; status: string };

export const loadingCard = (id: string): PanelCard => ({ id, status: CARD_LOADING });

export async function loadPanelCard(
  id: string,
  fetchEntity: (id: string) => Promise<EntityReply | null>,
  context: { articleDate?: string; today: string },
): Promise<PanelCard> {
  try {
    const found = await fetchEntity(id);
    if (!found) return { id, status: CARD_NOT_IN_KB };
    return { id, model: buildCardModel(found.entity, found.related, { ...context, note: found.note }) };
  } catch (error) {
    return { id, status: cardNotLoaded(error instanceof Error ? error.message : String(error)) };
  }
}
