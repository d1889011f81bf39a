/**
 * Running on sites outside the curated list, with the fewest permissions: each such site is
 * one optional host permission the reader grants from the popup, plus one registered content
 * script for it. Granted permissions are the source of truth; `reconcileSites` makes the
 * registrations (and the list of added sites) agree with them, on startup and whenever a
 * permission is granted or taken back (also from the browser's own extension settings).
 */
import { sitePermissionPattern, siteOfPattern } from './sites';

/** The id of the one registration that covers every site the reader added. */
export const USER_SITES_SCRIPT_ID = 'met-context-user-sites';
/** The built content script (WXT writes entrypoints/content/ to this file). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/** The slice of `browser.permissions` and `browser.scripting` this module uses. */
export interface SiteAccessApi {
  grantedOrigins(): Promise<string[]>;
  registered(): Promise<{ id: string; matches?: string[] }[]>;
  register(script: { id: string; matches: string[]; js: string[] }): Promise<void>;
  update(script: { id: string; matches: string[]; js: string[] }): Promise<void>;
  unregister(ids: string[]): Promise<void>;
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
  const matches = sites.map(sitePermissionPattern);
  const existing = (await api.registered()).find((s) => s.id === USER_SITES_SCRIPT_ID);
  if (sites.length === 0) {
    if (existing) await api.unregister([USER_SITES_SCRIPT_ID]);
  } else if (!existing) {
    await api.register({ id: USER_SITES_SCRIPT_ID, matches, js: [CONTENT_SCRIPT_FILE] });
  } else if ([...(existing.matches ?? [])].sort().join() !== [...matches].sort().join()) {
    await api.update({ id: USER_SITES_SCRIPT_ID, matches, js: [CONTENT_SCRIPT_FILE] });
  }
  return sites;
}
