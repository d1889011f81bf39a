/**
 * After the browser starts, a tab on a site the reader added can finish loading before the
 * browser has put that site's content-script registration back in force (Chromium restores
 * persisted registrations asynchronously; Firefox gets them from the background afresh). Such
 * a tab stays unannotated until it is reloaded: the restart end-to-end test saw it about one
 * start in six, the tab's address itself hidden from the extension for the first moments.
 * For a short while after start-up, each tab on an added site that has loaded gets the
 * content script if it has none. With every site granted the same holds for every web page
 * off the curated list (the list's sites are the manifest's, in force from the start).
 */
import { isHostOnSites, isListedSite, isScriptablePage } from './sites';

/** Where the registrations the browser restores run: the sites the reader added, or every site. */
export interface Coverage {
  sites: readonly string[];
  everySite: boolean;
}

export interface StartupTabs {
  /** Ids and addresses of the tabs that have finished loading. */
  loadedTabs(): Promise<{ id: number; url: string }[]>;
  /** Calls `listener` as each tab finishes loading; returns what stops it. */
  onTabLoaded(listener: (id: number, url: string) => void): () => void;
  /** Starts the content script in the tab unless it is running there already. */
  injectIfAbsent(id: number): Promise<boolean>;
  /** Resolves after `ms` milliseconds. */
  wait(ms: number): Promise<void>;
}

/** Whether `url` is on one of `sites` (a site covers its subdomains, as its permission does). */
export function isOnSites(url: string, sites: readonly string[]): boolean {
  try {
    return isHostOnSites(new URL(url).hostname, sites);
  } catch {
    return false;
  }
}

/** Whether a tab at `url` is one a restored registration should have reached. */
export function isCovered(url: string, { sites, everySite }: Coverage): boolean {
  if (isOnSites(url, sites)) return true;
  if (!everySite || !isScriptablePage(url)) return false;
  return !isListedSite(new URL(url).hostname);
}

/**
 * Watches tabs for `windowMs` after start-up: each tab that finishes loading, and every
 * `sweepMs` each loaded tab (right after start-up a tab's address can stay hidden until the
 * site's permission is in force, so one look is not enough). `settleMs` is left to a tab
 * before it is checked, so a registration that is in force runs first and nothing is started
 * twice. Resolves when the window closes.
 */
export async function catchUpAfterStartup(
  coverage: Coverage,
  tabs: StartupTabs,
  { windowMs, sweepMs, settleMs }: { windowMs: number; sweepMs: number; settleMs: number },
): Promise<void> {
  if (!coverage.sites.length && !coverage.everySite) return;
  const pending: Promise<void>[] = [];
  const check = (id: number, url: string) => {
    if (!isCovered(url, coverage)) return;
    pending.push(
      // A tab closed or navigated away meanwhile: injecting fails, and there is nothing to do.
      tabs.wait(settleMs).then(() => tabs.injectIfAbsent(id).then(() => undefined, () => undefined)),
    );
  };
  const stop = tabs.onTabLoaded(check);
  for (let waited = 0; waited < windowMs; waited += sweepMs) {
    for (const { id, url } of await tabs.loadedTabs()) check(id, url);
    await tabs.wait(Math.min(sweepMs, windowMs - waited));
  }
  stop();
  await Promise.all(pending);
}
