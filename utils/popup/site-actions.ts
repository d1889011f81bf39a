/**
 * Adding and removing a site outside the curated list, shared by the popup and the options
 * page. The browser calls are passed in, so the order of steps is tested without a browser.
 */
import { browser } from 'wxt/browser';
import { askBackground } from '../messages';
import { setSiteAdded, setSiteEnabled } from '../settings';
import { EVERY_SITE_PATTERN, sitePermissionPattern } from '../sites';

export interface SiteActionDeps {
  requestPermission(origins: string[]): Promise<boolean>;
  removePermission(origins: string[]): Promise<boolean>;
  /** Tells the background to reconcile registrations (and start the script in `tabId`). */
  siteAccessChanged(site: string, tabId?: number): Promise<unknown>;
  /** Tells the background every site was granted or given back (and to start the script in `tabId`). */
  everySiteChanged(tabId?: number): Promise<unknown>;
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

/**
 * The popup's "Annotate on this site" switch. A site the reader added has its own permission:
 * switching it off gives that back (and, with every site chosen, also switches the site off, or
 * every site's permission would keep it annotated); switching on a site outside the list, with
 * every site not chosen, asks for the site's permission. Anything else is only its switch.
 * Returns false when the reader declined a permission.
 */
export async function toggleSite(
  deps: SiteActionDeps,
  site: string,
  enabled: boolean,
  where: { listed: boolean; added: boolean; everySite: boolean },
  tabId?: number,
): Promise<boolean> {
  if (where.added && !enabled) {
    await removeSite(deps, site);
    if (where.everySite) await setSiteEnabled(site, false);
    return true;
  }
  if (enabled && !where.listed && !where.added && !where.everySite) return addSite(deps, site, tabId);
  await setSiteEnabled(site, enabled);
  return true;
}

/**
 * Runs on every site, or gives that back: one permission for all sites, asked for first (in the
 * click's user gesture). Sites the reader added one by one keep their own permissions.
 * Returns false when the reader declined.
 */
export async function chooseEverySite(deps: SiteActionDeps, on: boolean, tabId?: number): Promise<boolean> {
  if (on) {
    if (!(await deps.requestPermission([EVERY_SITE_PATTERN]).catch(() => false))) return false;
  } else {
    await deps.removePermission([EVERY_SITE_PATTERN]);
  }
  await deps.everySiteChanged(tabId);
  return true;
}

/** The real thing, for the popup and options page. */
export function browserSiteActions(): SiteActionDeps {
  return {
    requestPermission: (origins) => browser.permissions.request({ origins }),
    removePermission: (origins) => browser.permissions.remove({ origins }),
    siteAccessChanged: (site, tabId) =>
      askBackground((m) => browser.runtime.sendMessage(m), { type: 'siteAccessChanged', site, ...(tabId === undefined ? {} : { tabId }) }),
    everySiteChanged: (tabId) =>
      askBackground((m) => browser.runtime.sendMessage(m), { type: 'everySiteChanged', ...(tabId === undefined ? {} : { tabId }) }),
  };
}
