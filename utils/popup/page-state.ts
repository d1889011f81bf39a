/** What the popup says about the tab it was opened on, decided from what it could learn. */
import type { PopupState, PopupSwitches } from '../../components/Popup';
import type { PageSummary } from '../page/summary';
import type { PageSettings } from '../settings';
import { isListedSite, isScriptablePage, siteKey } from '../sites';

export const NOT_READ_YET =
  'Met Context has not read this page: it was open before the extension was installed or turned on here. Reload the page to annotate it.';

export interface PopupFacts {
  /** The tab's address; the popup sees it through `activeTab`, so a missing one is a browser page. */
  url?: string;
  /** The content script's answer, if one runs in the tab. */
  summary?: PageSummary;
  /** The reader has granted access to this (unlisted) site. */
  granted: boolean;
}

export function decidePopupState({ url, summary, granted }: PopupFacts): PopupState {
  if (summary) return { kind: 'ready', summary, added: !isListedSite(summary.site) };
  if (!url || !isScriptablePage(url)) return { kind: 'browser-page' };
  const site = siteKey(new URL(url).hostname);
  if (isListedSite(site) || granted) return { kind: 'unavailable', reason: NOT_READ_YET };
  return { kind: 'not-added', site };
}

export function popupSwitches(settings: PageSettings, site: string): PopupSwitches {
  return {
    all: settings.allSites,
    site: settings.siteOn && (isListedSite(site) || settings.siteAdded || settings.everySite),
    everySite: settings.everySite,
  };
}

/**
 * The side panel follows tabs the reader never pressed the toolbar button on, and the extension
 * has no `tabs` permission: it sees the address only of pages on sites it may run on. No summary
 * and no address is a browser page or a site outside the list, and the panel cannot tell which.
 */
export const PANEL_NOT_RUNNING =
  'Met Context is not running on this page: it is a browser page, or a site outside its list of news sites. Press the Met Context toolbar button on the page to see which, and to turn it on for the site.';

export function decidePanelState(facts: PopupFacts): PopupState {
  if (!facts.summary && !facts.url) return { kind: 'unavailable', reason: PANEL_NOT_RUNNING };
  return decidePopupState(facts);
}
