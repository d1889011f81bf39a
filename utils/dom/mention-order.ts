/**
 * The keyboard's way through the mentions (docs/decisions/2026-11-25-keyboard-access-to-cards.md,
 * 2026-12 section). Only the first mention of each entity is a tab stop, so an article that
 * names four entities seventeen times adds four stops, not seventeen; the others stay focusable
 * (tabindex -1) and are reached from the card ("Next mention") or the extension's shortcut.
 * Works on the page as it is now, so it holds after every scan, rescan and page change.
 */
import { ATTR_ID, MENTION_TAG } from './mention-element';

/**
 * Mentions a reader can focus: the first piece of a mention that is a control of its own
 * (mentions inside links and other controls are not; see decorateMention), in document order.
 */
const NAVIGABLE = `${MENTION_TAG}[role="button"]`;

export function navigableMentions(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(NAVIGABLE)];
}

/**
 * Makes the first mention of each entity the tab stop (tabindex 0) and every other mention
 * focusable but out of the tab order (tabindex -1); with `tabStops` off, none is a stop.
 * One query and a write only where a value changes: cheap enough to run after every wrap pass.
 * Returns the number of tab stops.
 */
export function assignTabStops(root: ParentNode, tabStops: boolean): number {
  const seen = new Set<string>();
  for (const el of navigableMentions(root)) {
    const id = el.getAttribute(ATTR_ID) ?? '';
    const stop = tabStops && !seen.has(id);
    seen.add(id);
    const index = stop ? 0 : -1;
    if (el.tabIndex !== index || !el.hasAttribute('tabindex')) el.tabIndex = index;
  }
  return tabStops ? seen.size : 0;
}

/** Where a mention stands among its entity's mentions: "2 of 5". */
export interface MentionPosition {
  /** 1-based. */
  index: number;
  count: number;
}

/** The navigable mentions of the entity `mention` stands for, in document order. */
export function mentionsOfEntity(root: ParentNode, id: string): HTMLElement[] {
  return navigableMentions(root).filter((el) => el.getAttribute(ATTR_ID) === id);
}

/** The mention's place among its entity's mentions, or null when it is not one of them. */
export function positionOf(siblings: readonly HTMLElement[], mention: HTMLElement): MentionPosition | null {
  const at = siblings.indexOf(mention);
  return at < 0 ? null : { index: at + 1, count: siblings.length };
}

/**
 * The mention `step` places away from `mention` among its siblings, wrapping at either end
 * (as a browser's find bar does; the card shows the position, so the wrap is never a surprise).
 */
export function stepFrom(siblings: readonly HTMLElement[], mention: HTMLElement, step: 1 | -1): HTMLElement | null {
  const at = siblings.indexOf(mention);
  if (at < 0 || siblings.length < 2) return null;
  return siblings[(at + step + siblings.length) % siblings.length]!;
}

/**
 * The next mention after `anchor` in document order (any entity), wrapping to the first. With
 * no anchor, the first whose box is not above the top of the viewport, so the shortcut starts
 * where the reader is reading rather than at the top of the article.
 */
export function nextMentionAfter(mentions: readonly HTMLElement[], anchor: Node | null): HTMLElement | null {
  if (!mentions.length) return null;
  if (anchor) {
    const next = mentions.find((el) => el !== anchor && !el.contains(anchor) && anchor.compareDocumentPosition(el) & 4 /* FOLLOWING */);
    return next ?? mentions[0]!;
  }
  return mentions.find((el) => el.getBoundingClientRect().bottom > 0) ?? mentions[0]!;
}
