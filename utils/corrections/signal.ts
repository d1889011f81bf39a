/**
 * How every open tab learns that the corrections changed: the background bumps this number
 * after each change (a card's correction or undo, the options page, an import), and each
 * content script watches it and asks for its page's corrections again. Extension storage
 * reaches every tab at once; the corrections themselves stay in IndexedDB with the notes.
 */
import { storage } from 'wxt/utils/storage';

export const correctionsRevision = storage.defineItem<number>('local:correctionsRevision', {
  fallback: 0,
  version: 1,
});

export async function announceCorrectionsChanged(): Promise<void> {
  await correctionsRevision.setValue((await correctionsRevision.getValue()) + 1);
}

/** Calls `onChange` after each change, until the signal aborts. */
export function watchCorrections(onChange: () => void, signal: AbortSignal): void {
  const unwatch = correctionsRevision.watch(() => onChange());
  signal.addEventListener('abort', unwatch, { once: true });
}
