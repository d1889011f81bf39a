/**
 * How every open tab learns that the corrections changed: the background bumps this number
 * after each change (a card's correction or undo, the options page, an import), and each
 * content script watches it and asks for its page's corrections again. Extension storage
 * reaches every tab at once; the corrections themselves stay in IndexedDB with the notes.
 */
import { browser } from 'wxt/browser';
import { watchLocalKeys } from '../watch-local-keys';

/**
 * Kept in `storage.local` directly rather than as a WXT storage item: the content script
 * watches it on every page and does without the storage library (see utils/page-settings.ts).
 */
const REVISION_KEY = 'correctionsRevision';

let lastRevision = 0;

/**
 * A new revision each time, without reading the old one: two changes in quick succession (an
 * undo, then another) must not both write the same number, or the second would reach no tab.
 */
export async function announceCorrectionsChanged(): Promise<void> {
  lastRevision = Math.max(Date.now(), lastRevision + 1);
  await browser.storage.local.set({ [REVISION_KEY]: lastRevision });
}

/** Calls `onChange` after each change, until the signal aborts. */
export function watchCorrections(onChange: () => void, signal: AbortSignal): void {
  watchLocalKeys([REVISION_KEY], onChange, signal);
}
