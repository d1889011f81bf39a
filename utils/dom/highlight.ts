/**
 * Wraps matched text ranges in the extension's own element and takes them back out. Works
 * from offsets in the collected text; all offsets are resolved before anything is written,
 * and each text node is then rewritten once with all its pieces, so writing one node never
 * moves a piece of another. Unwrapping puts the original text nodes' content back and merges
 * the pieces, leaving the DOM as it was.
 */
import type { CollectedText, TextSegment } from './collect';
import type { Mention } from '../match/types';
import { MENTION_TAG, decorateMention, isMentionElement } from './mention-element';

interface Piece {
  node: Text;
  /** The node's length when it was read. */
  length: number;
  inControl: boolean;
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
    if (seg.start + seg.data.length <= start) lo = mid + 1;
    else hi = mid;
  }
  const pieces: Piece[] = [];
  for (let i = lo; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.start >= end) break;
    const from = Math.max(0, start - seg.start);
    const to = Math.min(seg.data.length, end - seg.start);
    if (to <= from) continue;
    if (seg.highlighted) return null;
    // Pure white space between inline elements stays unwrapped.
    if (isBlank(seg.data, from, to)) continue;
    pieces.push({ node: seg.node, length: seg.data.length, inControl: seg.inControl, from, to });
  }
  return pieces;
}

/** Whether data[from, to) is all white space (as `trim` sees it), without copying it. */
function isBlank(data: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = data.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && (c < 0x1680 || !WHITE_SPACE.test(data[i]!))) return false;
  }
  return true;
}
const WHITE_SPACE = /\s/;

export interface Highlight {
  mention: Mention;
  elements: HTMLElement[];
}

/** One text node and every piece of it to wrap, in order: the unit of writing. */
export interface NodeJob {
  node: Text;
  /** The node's length when it was read: a node the page has changed since is left alone. */
  length: number;
  /** The node sits in a link or another control (its highlights are then not controls themselves). */
  inControl: boolean;
  pieces: { from: number; to: number; mention: Mention; part: number }[];
}

/**
 * The read half: every text node to write to, with its pieces, in page order, resolved before
 * anything is written. Grouping by node lets a node holding many mentions (a long unbroken
 * text) be rebuilt once rather than split once per mention, which copies the node each time.
 */
export function planWraps(collected: CollectedText, mentions: readonly Mention[]): NodeJob[] {
  const jobs = new Map<Text, NodeJob>();
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i]!;
    const pieces = piecesOf(collected.segments, mention.start, mention.end);
    if (!pieces) continue;
    for (let part = 0; part < pieces.length; part++) {
      const { node, length, inControl, from, to } = pieces[part]!;
      let job = jobs.get(node);
      if (!job) jobs.set(node, (job = { node, length, inControl, pieces: [] }));
      job.pieces.push({ from, to, mention, part });
    }
  }
  return [...jobs.values()];
}

function newMention(doc: Document): HTMLElement {
  return doc.createElement(MENTION_TAG);
}

/**
 * Wraps one node's pieces in one pass, however many there are (splitting a node once per piece
 * would copy its text each time). The page's own text node stays in the page (it keeps the
 * text before the first piece, or the first piece itself), so unwrapping can merge everything
 * back into it.
 */
function applyJob(job: NodeJob, created: Node[]): { mention: Mention; part: number; element: HTMLElement }[] {
  const { node, pieces } = job;
  if (!node.isConnected || node.data.length !== job.length) return [];
  const doc = node.ownerDocument;
  const made: { mention: Mention; part: number; element: HTMLElement }[] = [];
  const text = (data: string) => {
    const t = doc.createTextNode(data);
    created.push(t);
    return t;
  };
  const data = node.data;
  const first = pieces[0]!.from;
  // Marks the node's place while the node itself moves into the first highlight.
  const anchor = first === 0 ? doc.createTextNode('') : null;
  if (anchor) node.before(anchor);
  const fragment = doc.createDocumentFragment();
  let at = first;
  for (let i = 0; i < pieces.length; i++) {
    const { from, to, mention, part } = pieces[i]!;
    if (from > at) fragment.appendChild(text(data.slice(at, from)));
    const element = newMention(doc);
    decorateMention(element, mention, part, job.inControl);
    // The first piece at the very start of the node keeps the page's own node.
    element.appendChild(i === 0 && from === 0 ? node : text(data.slice(from, to)));
    fragment.appendChild(element);
    made.push({ mention, part, element });
    at = to;
  }
  if (at < data.length) fragment.appendChild(text(data.slice(at)));
  if (anchor) {
    node.data = data.slice(0, pieces[0]!.to);
    anchor.replaceWith(fragment);
  } else {
    node.data = data.slice(0, first);
    node.after(fragment);
  }
  for (let i = 0; i < made.length; i++) created.push(made[i]!.element);
  return made;
}

/**
 * Puts a page's text node back as the page made it, dropping every node wrapping created from
 * it. For pages that keep their own text node and later rewrite it (as React and Vue do): after
 * such a rewrite the node holds the page's whole new text, and the pieces split off it are stale.
 */
export function restoreSplitNode(node: Text, created: readonly Node[]): void {
  const wrapper = node.parentElement;
  if (wrapper && isMentionElement(wrapper)) wrapper.replaceWith(node);
  for (const n of created) {
    const parent = n.parentElement;
    if (parent && isMentionElement(parent) && parent.firstChild === n && parent.childNodes.length === 1) parent.remove();
    else (n as ChildNode).remove();
  }
}

/**
 * The write half: applies jobs [from, to). Each job touches one text node, so jobs can be
 * applied in any order and across several tasks. A node the page has changed since it was
 * read is left alone (the next scan sees it).
 */
export function applyWraps(
  jobs: readonly NodeJob[],
  from: number,
  to: number,
  onWrapped?: (node: Text, created: Node[]) => void,
): { mention: Mention; element: HTMLElement }[] {
  const made: { mention: Mention; element: HTMLElement }[] = [];
  for (let i = from; i < to; i++) {
    const created: Node[] = [];
    const wrapped = applyJob(jobs[i]!, created);
    for (let j = 0; j < wrapped.length; j++) made.push(wrapped[j]!);
    if (created.length) onWrapped?.(jobs[i]!.node, created);
  }
  return made;
}

/** Plans and wraps every mention at once, returning each mention's elements. */
export function wrapMentions(collected: CollectedText, mentions: readonly Mention[]): Highlight[] {
  const jobs = planWraps(collected, mentions);
  const byMention = new Map<Mention, HTMLElement[]>();
  for (const job of jobs) for (const p of job.pieces) byMention.set(p.mention, []);
  for (const { mention, element } of applyWraps(jobs, 0, jobs.length)) byMention.get(mention)!.push(element);
  return [...byMention].filter(([, elements]) => elements.length).map(([mention, elements]) => ({ mention, elements }));
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
