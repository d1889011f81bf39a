/**
 * Running on sites outside the curated list, with the fewest permissions: each such site is
 * one optional host permission the reader grants from the popup, plus one registered content
 * script for it. Granted permissions are the source of truth; `reconcileSites` makes the
 * registrations (and the list of added sites) agree with them, on startup and whenever a
 * permission is granted or taken back (also from the browser's own extension settings).
 */
import { EVERY_SITE_PATTERN, NEWS_SITE_MATCHES, sitePermissionPattern, siteOfPattern } from './sites';

/** The id of the one registration that covers every site the reader added. */
export const USER_SITES_SCRIPT_ID = 'met-context-user-sites';
/** The id of the registration for every site, when the reader chose that. */
export const EVERY_SITE_SCRIPT_ID = 'met-context-every-site';
/** The built content script (WXT writes entrypoints/content/ to this file). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/** The slice of `browser.permissions` and `browser.scripting` this module uses. */
export interface SiteAccessApi {
  grantedOrigins(): Promise<string[]>;
  registered(): Promise<{ id: string; matches?: string[]; excludeMatches?: string[] }[]>;
  register(script: ScriptRegistration): Promise<void>;
  update(script: ScriptRegistration): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

export interface ScriptRegistration {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  js: string[];
}

/** Sites with a granted optional permission, sorted. */
export async function grantedSites(api: SiteAccessApi): Promise<string[]> {
  const sites = (await api.grantedOrigins()).map(siteOfPattern).filter((s): s is string => Boolean(s));
  return [...new Set(sites)].sort();
}

/**
 * Makes the registration match the granted sites: registers, updates or unregisters the one
 * user-sites script. Returns the sites it now covers.
 */
export async function reconcileSites(api: SiteAccessApi): Promise<string[]> {
  const sites = await grantedSites(api);
  const wanted = sites.length ? { id: USER_SITES_SCRIPT_ID, matches: sites.map(sitePermissionPattern), js: [CONTENT_SCRIPT_FILE] } : null;
  await keepRegistration(api, USER_SITES_SCRIPT_ID, wanted);
  return sites;
}

/** Registers, updates or unregisters one script so it is `wanted` (null: not registered). */
async function keepRegistration(api: SiteAccessApi, id: string, wanted: ScriptRegistration | null): Promise<void> {
  const existing = (await api.registered()).find((s) => s.id === id);
  const patterns = (s: { matches?: string[]; excludeMatches?: string[] }) =>
    JSON.stringify([[...(s.matches ?? [])].sort(), [...(s.excludeMatches ?? [])].sort()]);
  if (!wanted) {
    if (existing) await api.unregister([id]);
  } else if (!existing) {
    await api.register(wanted);
  } else if (patterns(existing) !== patterns(wanted)) {
    await api.update(wanted);
  }
}

/**
 * Makes the every-site registration match the every-site permission. It leaves out the listed
 * sites and the sites the reader added, which have registrations of their own, so no page gets
 * the content script twice. Returns whether every site is on.
 */
export async function reconcileEverySite(api: SiteAccessApi, addedSites: readonly string[]): Promise<boolean> {
  const everySite = (await api.grantedOrigins()).includes(EVERY_SITE_PATTERN);
  const wanted: ScriptRegistration | null = everySite
    ? {
        id: EVERY_SITE_SCRIPT_ID,
        matches: [EVERY_SITE_PATTERN],
        excludeMatches: [...NEWS_SITE_MATCHES, ...addedSites.map(sitePermissionPattern)],
        js: [CONTENT_SCRIPT_FILE],
      }
    : null;
  await keepRegistration(api, EVERY_SITE_SCRIPT_ID, wanted);
  return everySite;
}

/**
 * Runs `work` one call at a time, each after the previous has settled. Reconciling reads the
 * registrations and then changes them; two at once (the permission's `onRemoved` event and the
 * options page's message arrive together when a site is removed) would both see the script and
 * both unregister it, and the second fails ("Nonexistent script ID"), failing the reader's click.
 */
export function oneAtATime<T>(work: () => Promise<T>): () => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
}
