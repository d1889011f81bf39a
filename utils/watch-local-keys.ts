import { browser } from 'wxt/browser';

/**
 * Calls `onChange` whenever any of `keys` changes in `storage.local`, until the signal aborts.
 * The content script watches its switches and the corrections signal this way on every page,
 * without WXT's storage library.
 */
export function watchLocalKeys(keys: readonly string[], onChange: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && keys.some((k) => k in changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
