/**
 * The reader's switches, kept in extension storage (WXT's versioned storage items) so they
 * persist across reloads, restarts and updates and reach every open tab: each content script
 * watches them and applies a change without a reload.
 */
import { storage } from 'wxt/utils/storage';
import { siteKey } from './sites';
import { SETTING_FALLBACKS, SETTING_KEYS, type HighlightSettings } from './page-settings';

// How pages read them (the content script reads storage directly): see utils/page-settings.ts.
export * from './page-settings';

function normaliseSites(sites: unknown): string[] {
  if (!Array.isArray(sites)) return [];
  return [...new Set(sites.filter((s): s is string => typeof s === 'string').map(siteKey))].sort();
}

/**
 * Sites the reader has switched off, by site key (host without "www.").
 * v2: keys are normalised, unique and sorted (v1 stored them as given).
 */
export const disabledSites = storage.defineItem<string[]>(`local:${SETTING_KEYS.disabledSites}`, {
  fallback: SETTING_FALLBACKS.disabledSites,
  version: 2,
  migrations: { 2: normaliseSites },
});

/**
 * Sites outside the curated list the reader has turned on (each with its own granted host
 * permission and a registered content script; see utils/site-access.ts).
 */
export const addedSites = storage.defineItem<string[]>(`local:${SETTING_KEYS.addedSites}`, {
  fallback: SETTING_FALLBACKS.addedSites,
  version: 1,
});

/**
 * The reader granted the every-site permission (EVERY_SITE_PATTERN): the extension runs on any
 * site, and the relevance gate decides page by page. A mirror of the permission, which the
 * background keeps in step (content scripts cannot read permissions).
 */
export const everySiteGranted = storage.defineItem<boolean>(`local:${SETTING_KEYS.everySite}`, {
  fallback: SETTING_FALLBACKS.everySite,
  version: 1,
});

/** The one switch for every site at once. */
export const allSitesEnabled = storage.defineItem<boolean>(`local:${SETTING_KEYS.allSitesEnabled}`, {
  fallback: SETTING_FALLBACKS.allSitesEnabled,
  version: 1,
});

/** What to highlight and how. */
export const highlightSettings = storage.defineItem<HighlightSettings>(`local:${SETTING_KEYS.highlight}`, {
  fallback: SETTING_FALLBACKS.highlight,
  version: 1,
});

/**
 * Whether the first mention of each entity is a tab stop. Readers who find the extra stops
 * heavy turn it off and use the "next highlight" shortcut instead (utils/commands.ts).
 */
export const mentionTabStops = storage.defineItem<boolean>(`local:${SETTING_KEYS.mentionTabStops}`, {
  fallback: SETTING_FALLBACKS.mentionTabStops,
  version: 1,
});

export async function isSiteEnabled(hostname: string): Promise<boolean> {
  return !(await disabledSites.getValue()).includes(siteKey(hostname));
}

export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  const key = siteKey(hostname);
  const current = await disabledSites.getValue();
  const next = enabled ? current.filter((s) => s !== key) : [...new Set([...current, key])].sort();
  await disabledSites.setValue(next);
}

export async function setSiteAdded(hostname: string, added: boolean): Promise<void> {
  const key = siteKey(hostname);
  const current = await addedSites.getValue();
  await addedSites.setValue(added ? [...new Set([...current, key])].sort() : current.filter((s) => s !== key));
}

/** Calls `onChange` whenever the site's switch flips, until the signal aborts. */
export function watchSiteEnabled(hostname: string, onChange: (enabled: boolean) => void, signal: AbortSignal): void {
  const key = siteKey(hostname);
  const unwatch = disabledSites.watch((sites) => onChange(!(sites ?? []).includes(key)));
  signal.addEventListener('abort', unwatch, { once: true });
}
