/**
 * Copying highlighted text gives the reader the page's own text and markup. Left alone, the
 * browser copies the extension's highlight elements (with their attributes and underline) as
 * rich text, and they travel into whatever the reader pastes into (an e-mail, a document).
 */
import { MENTION_TAG } from '../dom/mention-element';
import { unwrap } from '../dom/highlight';

/** True when the range covers (part of) one of the extension's highlights. */
function touchesHighlight(range: Range, doc: Document): boolean {
  const inside = (node: Node) => (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest(MENTION_TAG);
  if (inside(range.startContainer) || inside(range.endContainer)) return true;
  return [...doc.querySelectorAll(MENTION_TAG)].some((el) => range.intersectsNode(el));
}

/** Puts the selection on the clipboard without the extension's elements, until `signal` aborts. */
export function keepCopiesClean(doc: Document, signal: AbortSignal): void {
  doc.addEventListener(
    'copy',
    (event) => {
      // A page that writes the clipboard itself has the last word.
      if (event.defaultPrevented || !event.clipboardData) return;
      const selection = doc.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
      const ranges = Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i));
      if (!ranges.some((range) => touchesHighlight(range, doc))) return;
      const holder = doc.createElement('div');
      for (const range of ranges) holder.append(range.cloneContents());
      unwrap(holder.querySelectorAll(MENTION_TAG));
      event.clipboardData.setData('text/plain', selection.toString());
      event.clipboardData.setData('text/html', holder.innerHTML);
      event.preventDefault();
    },
    { signal },
  );
}
