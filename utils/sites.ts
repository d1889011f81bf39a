import { NEWS_SITES } from './news-sites';

export { NEWS_SITES };

/**
 * The sites the content script runs on by default (utils/news-sites.ts, each with its reason).
 * Asking for these hosts only, rather than every site, keeps the install-time permission narrow;
 * every site is the reader's own choice (EVERY_SITE_PATTERN).
 */

/** An entry written with "www." is that one host, under a suffix many sites share ("www.gov.uk"). */
const isOneHost = (site: string) => site.startsWith('www.');

/** The match pattern for a listed site: the site and its subdomains, or that one host. */
export function listedSitePattern(site: string): string {
  return isOneHost(site) ? `*://${site}/*` : `*://*.${site}/*`;
}

/** Match patterns for the manifest. */
export const NEWS_SITE_MATCHES = NEWS_SITES.map(listedSitePattern);

/** The one optional permission that lets the reader run the extension on every site. */
export const EVERY_SITE_PATTERN = '*://*/*';

/** The key the per-site switch is stored under: the host without a leading "www.". */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/**
 * Whether a host is one of `sites` or a subdomain of one (as `*.site` match patterns cover); a
 * "www." entry covers that host alone.
 */
export function isHostOnSites(hostname: string, sites: readonly string[]): boolean {
  const key = siteKey(hostname);
  return sites.some((site) => (isOneHost(site) ? key === siteKey(site) : key === site || key.endsWith(`.${site}`)));
}

/** Whether a host is on the curated list (the content script runs there without asking). */
export function isListedSite(hostname: string): boolean {
  return isHostOnSites(hostname, NEWS_SITES);
}

/** The host permission a site outside the list needs: the site and its subdomains, http and https. */
export function sitePermissionPattern(site: string): string {
  return `*://*.${siteKey(site)}/*`;
}

/** The site a host permission pattern stands for, or null for broader patterns. */
export function siteOfPattern(pattern: string): string | null {
  const m = /^\*:\/\/\*\.([a-z0-9.-]+)\/\*$/.exec(pattern);
  return m ? m[1]! : null;
}

/** Pages an extension can never run on: the browser's own pages, stores and local files. */
export function isScriptablePage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return false;
    return !BROWSER_STORE_HOSTS.some((h) => hostname === h);
  } catch {
    return false;
  }
}

/** Browsers block every extension on their own add-on stores. */
const BROWSER_STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];
