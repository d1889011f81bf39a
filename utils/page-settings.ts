/**
 * The reader's switches as a page reads them: straight from extension storage, in the format
 * WXT's storage items keep them (each value under its own key, its version beside it under
 * "key$"). The items themselves, with their versions and migrations, are in utils/settings.ts,
 * which the background, popup and options page use; the content script only reads and watches,
 * on every page, so it does without the storage library.
 */
import { browser } from 'wxt/browser';
import { ENTITY_TYPES, type EntityType } from './kb/schema';
import { siteKey } from './sites';
import { watchLocalKeys } from './watch-local-keys';

/** Where each switch is kept in `storage.local`. */
export const SETTING_KEYS = {
  disabledSites: 'disabledSites',
  addedSites: 'addedSites',
  everySite: 'everySite',
  allSitesEnabled: 'allSitesEnabled',
  highlight: 'highlight',
  mentionTabStops: 'mentionTabStops',
} as const;

export const HIGHLIGHT_STYLES = ['underline', 'tint'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface HighlightSettings {
  /** Types the reader does not want highlighted. Stored as the exceptions, so new types default to on. */
  hiddenTypes: EntityType[];
  style: HighlightStyle;
}

export const DEFAULT_HIGHLIGHT: HighlightSettings = { hiddenTypes: [], style: 'underline' };

/** What each switch is until the reader changes it. */
export const SETTING_FALLBACKS = {
  disabledSites: [] as string[],
  addedSites: [] as string[],
  everySite: false,
  allSitesEnabled: true,
  highlight: DEFAULT_HIGHLIGHT,
  mentionTabStops: true,
};

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

const KEYS = Object.values(SETTING_KEYS);

export async function readPageSettings(hostname: string): Promise<PageSettings> {
  const key = siteKey(hostname);
  const stored = await browser.storage.local.get(KEYS);
  const value = <K extends keyof typeof SETTING_KEYS>(name: K): (typeof SETTING_FALLBACKS)[K] =>
    (stored[SETTING_KEYS[name]] as (typeof SETTING_FALLBACKS)[K] | undefined) ?? SETTING_FALLBACKS[name];
  return {
    allSites: value('allSitesEnabled'),
    siteOn: !value('disabledSites').includes(key),
    siteAdded: value('addedSites').includes(key),
    everySite: value('everySite'),
    highlight: value('highlight'),
    tabStops: value('mentionTabStops'),
  };
}

/** Calls `onChange` with fresh settings whenever any of them changes, until the signal aborts. */
export function watchPageSettings(hostname: string, onChange: (settings: PageSettings) => void, signal: AbortSignal): void {
  watchLocalKeys(KEYS, () => void readPageSettings(hostname).then((s) => signal.aborted || onChange(s)), signal);
}

export function shownTypes(settings: HighlightSettings): Set<EntityType> {
  return new Set(ENTITY_TYPES.filter((t) => !settings.hiddenTypes.includes(t)));
}
