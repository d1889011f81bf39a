/**
 * The extension's own highlight element. A custom tag (never registered: content scripts
 * cannot define custom elements) so page CSS aimed at `span` or `mark` does not reach it.
 */
export const MENTION_TAG = 'met-mention';
/** Entity id and type on every highlight: the popup, the tests and later tooling read these. */
export const ATTR_ID = 'data-met-id';
export const ATTR_TYPE = 'data-met-type';
/** Present on the second and later pieces of a mention split across inline elements. */
export const ATTR_PART = 'data-met-part';
/** Set on statistics whose figure differs from the sourced value. */
export const ATTR_DIFFERS = 'data-met-differs';

export function isMentionElement(node: unknown): node is HTMLElement {
  return (node as Element | null)?.nodeType === 1 && (node as Element).localName === MENTION_TAG;
}

/**
 * Sets the attributes a highlight element carries. The first piece of a mention is the one
 * the card, the popup and assistive technology work with; later pieces of a split mention
 * only mark their text.
 */
export function decorateMention(el: HTMLElement, mention: { entityId: string; type: string; stat?: { differs: boolean } }, part: number): void {
  el.setAttribute(ATTR_ID, mention.entityId);
  el.setAttribute(ATTR_TYPE, mention.type);
  if (part > 0) el.setAttribute(ATTR_PART, String(part));
  if (mention.stat?.differs) el.setAttribute(ATTR_DIFFERS, 'true');
}
