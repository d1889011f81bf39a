/**
 * The reader's switches, kept in extension storage (WXT's versioned storage items) so they
 * persist across reloads, restarts and updates and reach every open tab: each content script
 * watches them and applies a change without a reload.
 */
import { storage } from 'wxt/utils/storage';
import { ENTITY_TYPES, type EntityType } from './kb/schema';
import { siteKey } from './sites';

function normaliseSites(sites: unknown): string[] {
  if (!Array.isArray(sites)) return [];
  return [...new Set(sites.filter((s): s is string => typeof s === 'string').map(siteKey))].sort();
}

/**
 * Sites the reader has switched off, by site key (host without "www.").
 * v2: keys are normalised, unique and sorted (v1 stored them as given).
 */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', {
  fallback: [],
  version: 2,
  migrations: { 2: normaliseSites },
});

/**
 * Sites outside the curated list the reader has turned on (each with its own granted host
 * permission and a registered content script; see utils/site-access.ts).
 */
export const addedSites = storage.defineItem<string[]>('local:addedSites', {
  fallback: [],
  version: 1,
});

/**
 * The reader granted the every-site permission (EVERY_SITE_PATTERN): the extension runs on any
 * site, and the relevance gate decides page by page. A mirror of the permission, which the
 * background keeps in step (content scripts cannot read permissions).
 */
export const everySiteGranted = storage.defineItem<boolean>('local:everySite', {
  fallback: false,
  version: 1,
});

/** The one switch for every site at once. */
export const allSitesEnabled = storage.defineItem<boolean>('local:allSitesEnabled', {
  fallback: true,
  version: 1,
});

export const HIGHLIGHT_STYLES = ['underline', 'tint'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface HighlightSettings {
  /** Types the reader does not want highlighted. Stored as the exceptions, so new types default to on. */
  hiddenTypes: EntityType[];
  style: HighlightStyle;
}

export const DEFAULT_HIGHLIGHT: HighlightSettings = { hiddenTypes: [], style: 'underline' };

/** What to highlight and how. */
export const highlightSettings = storage.defineItem<HighlightSettings>('local:highlight', {
  fallback: DEFAULT_HIGHLIGHT,
  version: 1,
});

/**
 * Whether the first mention of each entity is a tab stop. Readers who find the extra stops
 * heavy turn it off and use the "next highlight" shortcut instead (utils/commands.ts).
 */
export const mentionTabStops = storage.defineItem<boolean>('local:mentionTabStops', {
  fallback: true,
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

/** Everything that decides whether a page is annotated and how, read at once. */
export interface PageSettings {
  allSites: boolean;
  siteOn: boolean;
  /** For sites outside the curated list: the reader has turned this one on. */
  siteAdded: boolean;
  /** The reader chose to run on every site. */
  everySite: boolean;
  highlight: HighlightSettings;
  /** The first mention of each entity is a tab stop. */
  tabStops: boolean;
}

export async function readPageSettings(hostname: string): Promise<PageSettings> {
  const key = siteKey(hostname);
  const [allSites, disabled, added, everySite, highlight, tabStops] = await Promise.all([
    allSitesEnabled.getValue(),
    disabledSites.getValue(),
    addedSites.getValue(),
    everySiteGranted.getValue(),
    highlightSettings.getValue(),
    mentionTabStops.getValue(),
  ]);
  return { allSites, siteOn: !disabled.includes(key), siteAdded: added.includes(key), everySite, highlight, tabStops };
}

/** Calls `onChange` with fresh settings whenever any of them changes, until the signal aborts. */
export function watchPageSettings(hostname: string, onChange: (settings: PageSettings) => void, signal: AbortSignal): void {
  const reread = () => void readPageSettings(hostname).then((s) => signal.aborted || onChange(s));
  const unwatchers = [allSitesEnabled, disabledSites, addedSites, everySiteGranted, highlightSettings, mentionTabStops].map((item) =>
    (item as { watch(cb: () => void): () => void }).watch(reread),
  );
  signal.addEventListener('abort', () => unwatchers.forEach((u) => u()), { once: true });
}

export function shownTypes(settings: HighlightSettings): Set<EntityType> {
  return new Set(ENTITY_TYPES.filter((t) => !settings.hiddenTypes.includes(t)));
}
