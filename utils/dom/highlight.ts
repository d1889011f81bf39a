/**
 * Wraps matched text ranges in the extension's own element and takes them back out. Works
 * from offsets in the collected text; all offsets are resolved before any node is split, and
 * ranges are wrapped from the last to the first so splitting never moves a range not yet done.
 * Unwrapping puts the original text nodes' content back and merges the pieces, leaving the
 * DOM as it was.
 */
import type { CollectedText, TextSegment } from './collect';
import type { Mention } from '../match/types';
import { MENTION_TAG, decorateMention, isMentionElement } from './mention-element';

interface Piece {
  node: Text;
  from: number;
  to: number;
}

/** The text-node pieces a range covers, or null if any part of it is highlighted already. */
function piecesOf(segments: readonly TextSegment[], start: number, end: number): Piece[] | null {
  // Binary search for the first segment that ends after `start`.
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid]!;
    if (seg.start + seg.node.data.length <= start) lo = mid + 1;
    else hi = mid;
  }
  const pieces: Piece[] = [];
  for (let i = lo; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.start >= end) break;
    const from = Math.max(0, start - seg.start);
    const to = Math.min(seg.node.data.length, end - seg.start);
    if (to <= from) continue;
    if (seg.highlighted) return null;
    // Pure white space between inline elements stays unwrapped.
    if (!seg.node.data.slice(from, to).trim()) continue;
    pieces.push({ node: seg.node, from, to });
  }
  return pieces;
}

export interface Highlight {
  mention: Mention;
  elements: HTMLElement[];
}

export interface WrapPlan {
  mention: Mention;
  pieces: Piece[];
}

/** The read half: where each mention's pieces are, resolved before anything is written. */
export function planWraps(collected: CollectedText, mentions: readonly Mention[]): WrapPlan[] {
  return mentions
    .map((mention) => ({ mention, pieces: piecesOf(collected.segments, mention.start, mention.end) }))
    .filter((p): p is WrapPlan => p.pieces !== null && p.pieces.length > 0);
}

/**
 * The write half: wraps plans [from, to), last first, so splitting a text node never moves a
 * piece not yet wrapped. Call with descending ranges to wrap a page in several tasks. A piece
 * whose text node the page has changed since it was read is left alone (the next scan sees it).
 */
export function applyWraps(plans: readonly WrapPlan[], from: number, to: number): Highlight[] {
  const highlights: Highlight[] = [];
  for (let i = to - 1; i >= from; i--) {
    const { mention, pieces } = plans[i]!;
    if (pieces.some(({ node, to: end }) => !node.isConnected || node.data.length < end)) continue;
    const elements: HTMLElement[] = [];
    for (let k = pieces.length - 1; k >= 0; k--) {
      const { node, from: start, to: end } = pieces[k]!;
      const doc = node.ownerDocument;
      if (end < node.data.length) node.splitText(end);
      const target = start > 0 ? node.splitText(start) : node;
      const el = doc.createElement(MENTION_TAG);
      target.replaceWith(el);
      decorateMention(el, mention, k);
      el.appendChild(target);
      elements.unshift(el);
    }
    highlights.unshift({ mention, elements });
  }
  return highlights;
}

/** Plans and wraps every mention at once. */
export function wrapMentions(collected: CollectedText, mentions: readonly Mention[]): Highlight[] {
  const plans = planWraps(collected, mentions);
  return applyWraps(plans, 0, plans.length);
}

/** Removes highlights, restoring their text in place and merging the split text nodes. */
export function unwrap(elements: Iterable<Element>): void {
  const parents = new Set<Node>();
  for (const el of elements) {
    const parent = el.parentNode;
    if (!parent) continue;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    parent.removeChild(el);
    parents.add(parent);
  }
  for (const parent of parents) mergeTextNodes(parent);
}

/** Joins adjacent text nodes among a parent's direct children (what splitText separated). */
function mergeTextNodes(parent: Node): void {
  let child = parent.firstChild;
  while (child) {
    const next = child.nextSibling;
    if (child.nodeType === 3 && next?.nodeType === 3) {
      (child as Text).appendData((next as Text).data);
      parent.removeChild(next);
      continue;
    }
    child = next;
  }
}

/** Every highlight under a root, for a full clean-up. */
export function allHighlights(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll(MENTION_TAG)].filter(isMentionElement);
}
