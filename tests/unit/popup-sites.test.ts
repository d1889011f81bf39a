import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageListener, type BackgroundReplies } from '../../utils/messages';
import { BackgroundRequest, EXTENSION_PAGE_ONLY } from '../../utils/background-requests';
import { CONTENT_SCRIPT_FILE, EVERY_SITE_SCRIPT_ID, USER_SITES_SCRIPT_ID, oneAtATime, reconcileEverySite, reconcileSites, type SiteAccessApi } from '../../utils/site-access';
import { EVERY_SITE_PATTERN, NEWS_SITE_MATCHES } from '../../utils/sites';
import { addSite, chooseEverySite, removeSite, toggleSite, type SiteActionDeps } from '../../utils/popup/site-actions';
import { UNIT_WAIT } from '../helpers/wait';
import { announceCorrectionsChanged, watchCorrections } from '../../utils/corrections/signal';
import {
  addedSites,
  allSitesEnabled,
  disabledSites,
  highlightSettings,
  readPageSettings,
  shownTypes,
  watchPageSettings,
  type PageSettings,
} from '../../utils/settings';

/** The browser's permissions and registrations, as plain state. */
function fakeAccess(granted: string[] = []) {
  const state = { granted: [...granted], scripts: [] as { id: string; matches: string[]; excludeMatches?: string[]; js: string[] }[] };
  const api: SiteAccessApi = {
    grantedOrigins: async () => state.granted,
    registered: async () => state.scripts,
    // Each call reads and writes across a turn of the event loop, and refuses what Chromium
    // refuses, so interleaved calls fail here as they do there.
    register: async (s) => {
      await Promise.resolve();
      if (state.scripts.some((x) => x.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      state.scripts.push(s);
    },
    update: async (s) => void (state.scripts = state.scripts.map((x) => (x.id === s.id ? { ...x, ...s } : x))),
    unregister: async (ids) => {
      await Promise.resolve();
      const missing = ids.find((id) => !state.scripts.some((s) => s.id === id));
      if (missing) throw new Error(`Nonexistent script ID '${missing}'`);
      state.scripts = state.scripts.filter((s) => !ids.includes(s.id));
    },
  };
  const deps: SiteActionDeps = {
    requestPermission: async (origins) => {
      state.granted.push(...origins);
      return true;
    },
    removePermission: async (origins) => {
      state.granted = state.granted.filter((o) => !origins.includes(o));
      return true;
    },
    siteAccessChanged: () => reconcileSites(api),
    everySiteChanged: async () => reconcileEverySite(api, await reconcileSites(api)),
  };
  return { state, api, deps };
}

beforeEach(() => fakeBrowser.reset());

describe('sites the reader adds', () => {
  it('registers one content script for every granted site, and removes it with the last', async () => {
    const { state, api } = fakeAccess(['*://*.one.example/*']);
    expect(await reconcileSites(api)).toEqual(['one.example']);
    expect(state.scripts).toEqual([{ id: USER_SITES_SCRIPT_ID, matches: ['*://*.one.example/*'], js: [CONTENT_SCRIPT_FILE] }]);
    state.granted.push('*://*.two.example/*');
    await reconcileSites(api);
    expect(state.scripts[0]!.matches).toEqual(['*://*.one.example/*', '*://*.two.example/*']);
    state.granted = [];
    await reconcileSites(api);
    expect(state.scripts).toEqual([]);
  });

  it('reconciles one call at a time: a removal’s permission event and message arriving together both succeed', async () => {
    const { state, api } = fakeAccess(['*://*.one.example/*']);
    await reconcileSites(api);
    state.granted = [];
    // Unserialised, both calls see the script and the second unregister fails.
    await expect(Promise.all([reconcileSites(api), reconcileSites(api)])).rejects.toThrow(/Nonexistent script ID/);
    state.scripts.push({ id: USER_SITES_SCRIPT_ID, matches: ['*://*.one.example/*'], js: [CONTENT_SCRIPT_FILE] });
    const reconcile = oneAtATime(() => reconcileSites(api));
    await expect(Promise.all([reconcile(), reconcile()])).resolves.toEqual([[], []]);
    expect(state.scripts).toEqual([]);
    // A failed call does not block the next one.
    const failing = oneAtATime(async () => {
      throw new Error('boom');
    });
    await expect(failing()).rejects.toThrow('boom');
    await expect(failing()).rejects.toThrow('boom');
  });

  it('every site: one permission, one registration that leaves out the listed and added sites, all given back with one switch', async () => {
    const { state, deps } = fakeAccess(['*://*.one.example/*']);
    expect(await chooseEverySite(deps, true)).toBe(true);
    expect(state.granted).toEqual(['*://*.one.example/*', EVERY_SITE_PATTERN]);
    const every = state.scripts.find((s) => s.id === EVERY_SITE_SCRIPT_ID)!;
    expect(every.matches).toEqual([EVERY_SITE_PATTERN]);
    expect(every.excludeMatches).toEqual([...NEWS_SITE_MATCHES, '*://*.one.example/*']);
    expect(state.scripts.map((s) => s.id).sort()).toEqual([EVERY_SITE_SCRIPT_ID, USER_SITES_SCRIPT_ID].sort());

    expect(await chooseEverySite(deps, false)).toBe(true);
    expect(state.granted).toEqual(['*://*.one.example/*']);
    expect(state.scripts.map((s) => s.id)).toEqual([USER_SITES_SCRIPT_ID]);
  });

  it('the site switch: only its own switch, unless the site has a permission of its own to give back or to ask for', async () => {
    const { state, deps } = fakeAccess();
    // A listed site.
    await toggleSite(deps, 'bbc.co.uk', false, { listed: true, added: false, everySite: false });
    expect(await disabledSites.getValue()).toEqual(['bbc.co.uk']);
    // A site reached through every site: its switch alone, both ways.
    await toggleSite(deps, 'blog.example', false, { listed: false, added: false, everySite: true });
    expect(await disabledSites.getValue()).toEqual(['bbc.co.uk', 'blog.example']);
    await toggleSite(deps, 'blog.example', true, { listed: false, added: false, everySite: true });
    expect(await disabledSites.getValue()).toEqual(['bbc.co.uk']);
    expect(state.granted).toEqual([]);
    // An unlisted site without every site: its permission is asked for.
    expect(await toggleSite(deps, 'one.example', true, { listed: false, added: false, everySite: false })).toBe(true);
    expect(state.granted).toEqual(['*://*.one.example/*']);
    expect(await addedSites.getValue()).toEqual(['one.example']);
    // Switched off with every site chosen: the permission goes back and the site is off too.
    await toggleSite(deps, 'one.example', false, { listed: false, added: true, everySite: true });
    expect(state.granted).toEqual([]);
    expect(await addedSites.getValue()).toEqual([]);
    expect(await disabledSites.getValue()).toEqual(['bbc.co.uk', 'one.example']);
  });

  it('every site declined: nothing changes', async () => {
    const { state, deps } = fakeAccess();
    deps.requestPermission = async () => false;
    expect(await chooseEverySite(deps, true)).toBe(false);
    expect(state).toEqual({ granted: [], scripts: [] });
  });

  it('turning a site on asks for that one site, remembers it and registers it; off gives it all back', async () => {
    const { state, deps } = fakeAccess();
    expect(await addSite(deps, 'www.unlisted.example')).toBe(true);
    expect(state.granted).toEqual(['*://*.unlisted.example/*']);
    expect(await addedSites.getValue()).toEqual(['unlisted.example']);
    expect(state.scripts.map((s) => s.matches)).toEqual([['*://*.unlisted.example/*']]);
    await removeSite(deps, 'unlisted.example');
    expect(state.granted).toEqual([]);
    expect(await addedSites.getValue()).toEqual([]);
    expect(state.scripts).toEqual([]);
  });

  it('changes nothing when the reader declines the permission', async () => {
    const { state, deps } = fakeAccess();
    expect(await addSite({ ...deps, requestPermission: async () => false }, 'unlisted.example')).toBe(false);
    expect(await addedSites.getValue()).toEqual([]);
    expect(state.scripts).toEqual([]);
  });
});

describe('settings', () => {
  it('migrates the v1 list of switched-off sites to normalised, unique keys', async () => {
    await fakeBrowser.storage.local.set({
      disabledSites: ['www.BBC.co.uk', 'bbc.co.uk', 'standard.co.uk'],
      disabledSites$: { v: 1 },
    });
    await disabledSites.migrate();
    expect(await disabledSites.getValue()).toEqual(['bbc.co.uk', 'standard.co.uk']);
  });

  it('reads everything a page needs at once, with defaults', async () => {
    expect(await readPageSettings('www.bbc.co.uk')).toEqual({
      allSites: true,
      siteOn: true,
      siteAdded: false,
      everySite: false,
      highlight: { hiddenTypes: [], style: 'underline' },
      tabStops: true,
    });
    await highlightSettings.setValue({ hiddenTypes: ['person'], style: 'tint' });
    expect([...shownTypes((await readPageSettings('bbc.co.uk')).highlight)]).not.toContain('person');
  });

  it('tells a watching page about any change until it stops watching', async () => {
    const seen: PageSettings[] = [];
    const controller = new AbortController();
    watchPageSettings('bbc.co.uk', (s) => seen.push(s), controller.signal);
    await allSitesEnabled.setValue(false);
    await expect.poll(() => seen.at(-1)?.allSites, UNIT_WAIT).toBe(false);
    await highlightSettings.setValue({ hiddenTypes: [], style: 'tint' });
    await expect.poll(() => seen.at(-1)?.highlight.style, UNIT_WAIT).toBe('tint');
    controller.abort();
    const count = seen.length;
    await allSitesEnabled.setValue(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.length).toBe(count);
  });
});

describe('the corrections signal', () => {
  it('reaches every watcher once per change, even two changes in the same millisecond, until it stops watching', async () => {
    let heard = 0;
    const controller = new AbortController();
    watchCorrections(() => heard++, controller.signal);
    await announceCorrectionsChanged();
    await announceCorrectionsChanged();
    await expect.poll(() => heard, UNIT_WAIT).toBe(2);
    await allSitesEnabled.setValue(false);
    controller.abort();
    await announceCorrectionsChanged();
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toBe(2);
  });
});

describe('who may change the reader’s data', () => {
  const ORIGIN = 'chrome-extension://test-id/';
  const saved: string[] = [];
  const handle = createMessageListener<BackgroundRequest, BackgroundReplies>(
    BackgroundRequest,
    {
      getMatchIndex: () => ({ kbVersion: 'x', entities: [], aliases: [], stats: [], surnames: [] }),
      matchText: () => ({ mentions: [], relevance: { relevant: false, reason: 'x' }, names: {} }),
      getEntity: () => null,
      loadCode: () => null,
      getStatus: () => ({ storage: 'indexeddb', kbVersion: 'x', entityCount: 0 }),
      siteAccessChanged: () => ({ sites: [], injected: false }),
      everySiteChanged: () => ({ everySite: false, injected: false }),
      getKbOverview: () => ({ status: { storage: 'indexeddb', kbVersion: 'x', entityCount: 0 }, counts: {}, entries: [] }),
      saveNote: ({ id }) => {
        saved.push(id);
        return null;
      },
      saveUserEntity: () => ({ id: 'x' }),
      deleteUserEntity: () => null,
      getUserData: () => ({ format: 'met-context-user-data', version: 2, notes: [], entities: [], corrections: [] }),
      importUserData: () => ({ notes: 0, entities: 0, corrections: 0 }),
      getCorrections: () => [],
      addCorrection: () => {
        throw new Error('not in this test');
      },
      removeCorrection: () => null,
    },
    'test-id',
    { types: EXTENSION_PAGE_ONLY, extensionOrigin: ORIGIN },
  );

  it('answers data-changing requests from the extension’s own pages only, never from a content script', async () => {
    const request = { type: 'saveNote', id: 'mark-rowley', text: 'x' };
    expect(handle(request, { id: 'test-id', url: 'https://www.bbc.co.uk/news' })).toBeUndefined();
    expect(saved).toEqual([]);
    await expect(handle(request, { id: 'test-id', url: `${ORIGIN}options.html` })).resolves.toEqual({ ok: true, value: null });
    expect(saved).toEqual(['mark-rowley']);
    // Reading stays open to content scripts.
    expect(handle({ type: 'getStatus' }, { id: 'test-id', url: 'https://www.bbc.co.uk/news' })).toBeDefined();
  });
});
