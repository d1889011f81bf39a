/**
 * The reader's switches, kept in extension storage so they persist across reloads and
 * restarts and reach every open tab (each content script watches them).
 */
import { storage } from 'wxt/utils/storage';
import { siteKey } from './sites';

/** Sites the reader has switched off, by site key (host without "www."). */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', {
  fallback: [],
  version: 1,
});

export async function isSiteEnabled(hostname: string): Promise<boolean> {
  return !(await disabledSites.getValue()).includes(siteKey(hostname));
}

export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  const key = siteKey(hostname);
  const current = await disabledSites.getValue();
  const next = enabled ? current.filter((s) => s !== key) : [...new Set([...current, key])];
  await disabledSites.setValue(next);
}

/** Calls `onChange` whenever the site's switch flips, until the signal aborts. */
export function watchSiteEnabled(hostname: string, onChange: (enabled: boolean) => void, signal: AbortSignal): void {
  const key = siteKey(hostname);
  const unwatch = disabledSites.watch((sites) => onChange(!(sites ?? []).includes(key)));
  signal.addEventListener('abort', unwatch, { once: true });
}
