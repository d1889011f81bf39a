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
/** Whether the mention's card is open, for assistive technology (the card controller keeps it). */
export const ATTR_EXPANDED = 'aria-expanded';
/** Controls a mention may sit in: it is then not made a control itself (no control inside a control). */
export const INTERACTIVE_SELECTOR = 'a[href], button, summary, label, select, [role="button"], [role="link"], [contenteditable=""], [contenteditable="true"]';

export function isMentionElement(node: unknown): node is HTMLElement {
  return (node as Element | null)?.nodeType === 1 && (node as Element).localName === MENTION_TAG;
}

/** The tags INTERACTIVE_SELECTOR matches even with no attributes (kept in step by a unit test). */
const BARE_CONTROL_TAGS = new Set(['button', 'summary', 'label', 'select']);

/**
 * `el.matches(INTERACTIVE_SELECTOR)`, without asking the DOM for the many elements with no
 * attributes (the collector asks it of every element of the article).
 */
export function isControlElement(el: Element): boolean {
  return el.hasAttributes() ? el.matches(INTERACTIVE_SELECTOR) : BARE_CONTROL_TAGS.has(el.localName.toLowerCase());
}

/** True when a highlight placed in `parent` would sit inside a link or another control. */
export function isInControl(parent: Element | null): boolean {
  return !!parent?.closest(INTERACTIVE_SELECTOR);
}

/**
 * Sets the attributes a highlight element carries. The first piece of a mention is the one
 * the card, the popup and assistive technology work with; later pieces of a split mention
 * only mark their text. The first piece is a focusable button that opens a dialog (see
 * docs/decisions/2026-11-25-keyboard-access-to-cards.md), unless it sits inside a link or
 * another control (`inControl`, see isInControl), whose focus then opens the card instead.
 * It starts out of the tab order (tabindex -1): assignTabStops (./mention-order.ts) makes the
 * first mention of each entity the tab stop once a wrap pass is done.
 * Decorating before the element is inserted saves the page a style update per attribute.
 */
export function decorateMention(
  el: HTMLElement,
  mention: { entityId: string; type: string; stat?: { differs: boolean } },
  part: number,
  inControl: boolean,
): void {
  el.setAttribute(ATTR_ID, mention.entityId);
  el.setAttribute(ATTR_TYPE, mention.type);
  if (part > 0) el.setAttribute(ATTR_PART, String(part));
  if (mention.stat?.differs) el.setAttribute(ATTR_DIFFERS, 'true');
  if (part === 0 && !inControl) {
    el.tabIndex = -1;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-haspopup', 'dialog');
    el.setAttribute(ATTR_EXPANDED, 'false');
  }
}
