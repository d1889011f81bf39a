/**
 * Adding and removing a site outside the curated list, shared by the popup and the options
 * page. The browser calls are passed in, so the order of steps is tested without a browser.
 */
import { browser } from 'wxt/browser';
import { askBackground } from '../messages';
import { setSiteAdded, setSiteEnabled } from '../settings';
import { sitePermissionPattern } from '../sites';

export interface SiteActionDeps {
  requestPermission(origins: string[]): Promise<boolean>;
  removePermission(origins: string[]): Promise<boolean>;
  /** Tells the background to reconcile registrations (and start the script in `tabId`). */
  siteAccessChanged(site: string, tabId?: number): Promise<unknown>;
}

/**
 * Asks for the one site's permission (this must be the first thing a click does: browsers
 * honour `permissions.request` only during a user gesture), then turns the site on.
 * Returns false when the reader declined.
 */
export async function addSite(deps: SiteActionDeps, site: string, tabId?: number): Promise<boolean> {
  const granted = await deps.requestPermission([sitePermissionPattern(site)]).catch(() => false);
  if (!granted) return false;
  await setSiteAdded(site, true);
  await setSiteEnabled(site, true);
  await deps.siteAccessChanged(site, tabId);
  return true;
}

/** Turns an added site off: forgets it, gives its permission back, removes its registration. */
export async function removeSite(deps: SiteActionDeps, site: string): Promise<void> {
  await setSiteAdded(site, false);
  await deps.removePermission([sitePermissionPattern(site)]);
  await deps.siteAccessChanged(site);
}

/** The real thing, for the popup and options page. */
export function browserSiteActions(): SiteActionDeps {
  return {
    requestPermission: (origins) => browser.permissions.request({ origins }),
    removePermission: (origins) => browser.permissions.remove({ origins }),
    siteAccessChanged: (site, tabId) =>
      askBackground((m) => browser.runtime.sendMessage(m), { type: 'siteAccessChanged', site, ...(tabId === undefined ? {} : { tabId }) }),
  };
}
