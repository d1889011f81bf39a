/**
 * Tells the extension's pages (the side panel) that this page's summary changed, once per
 * change: a re-scan that found the same mentions (a ticking clock, a page re-rendering itself)
 * sends nothing, so an open panel is not asked to re-read the page for no reason.
 */
import type { PageNotice } from '../messages';
import type { PageSummary } from './summary';

export function summaryNotifier(read: () => PageSummary, send: (notice: PageNotice) => Promise<unknown>): () => void {
  let last: string | undefined;
  return () => {
    const now = JSON.stringify(read());
    if (now === last) return;
    last = now;
    // Nobody listening (no panel open) is the usual case, not an error.
    void send({ type: 'pageChanged' }).catch(() => undefined);
  };
}
