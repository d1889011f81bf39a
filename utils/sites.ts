/**
 * The news sites the content script runs on by default. Asking for these hosts only (rather
 * than every site) keeps the install-time permission narrow; the list covers UK nationals and
 * regionals, wires, broadcasters and international outlets that regularly report on the Met.
 */
export const NEWS_SITES = [
  'bbc.co.uk',
  'bbc.com',
  'theguardian.com',
  'standard.co.uk',
  'independent.co.uk',
  'telegraph.co.uk',
  'thetimes.com',
  'thetimes.co.uk',
  'dailymail.co.uk',
  'mirror.co.uk',
  'thesun.co.uk',
  'express.co.uk',
  'inews.co.uk',
  'nationalworld.com',
  'londonworld.com',
  'mylondon.news',
  'cityam.com',
  'news.sky.com',
  'itv.com',
  'channel4.com',
  'lbc.co.uk',
  'gbnews.com',
  'reuters.com',
  'apnews.com',
  'ft.com',
  'economist.com',
  'newstatesman.com',
  'spectator.co.uk',
  'huffingtonpost.co.uk',
  'theweek.com',
  'politico.eu',
  'cnn.com',
  'nytimes.com',
  'washingtonpost.com',
  'bloomberg.com',
  'aljazeera.com',
  'france24.com',
  'dw.com',
  'news.yahoo.com',
  'uk.news.yahoo.com',
  'msn.com',
  'london.gov.uk',
  'met.police.uk',
  'hmicfrs.justiceinspectorates.gov.uk',
  'policeconduct.gov.uk',
] as const;

/** Match patterns for the manifest: `*.host` covers the host itself and its subdomains. */
export const NEWS_SITE_MATCHES = NEWS_SITES.map((host) => `*://*.${host}/*`);

/** The key the per-site switch is stored under: the host without a leading "www.". */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** Whether a host is one of `sites` or a subdomain of one (as `*.site` match patterns cover). */
export function isHostOnSites(hostname: string, sites: readonly string[]): boolean {
  const key = siteKey(hostname);
  return sites.some((site) => key === site || key.endsWith(`.${site}`));
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
