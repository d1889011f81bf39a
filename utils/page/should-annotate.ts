import type { PageSettings } from '../settings';

/**
 * Whether a page is annotated: every site switched on, this site not switched off, and (for a
 * site outside the curated list) the reader has added it or chose every site.
 */
export function shouldAnnotate(settings: PageSettings, listedSite: boolean): boolean {
  return settings.allSites && settings.siteOn && (listedSite || settings.siteAdded || settings.everySite);
}
