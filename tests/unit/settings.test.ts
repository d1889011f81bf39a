import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSiteEnabled, setSiteEnabled, watchSiteEnabled } from '../../utils/settings';

describe('the per-site switch', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is on by default and remembers a site switched off, www or not', async () => {
    expect(await isSiteEnabled('www.standard.co.uk')).toBe(true);
    await setSiteEnabled('www.standard.co.uk', false);
    expect(await isSiteEnabled('standard.co.uk')).toBe(false);
    expect(await isSiteEnabled('www.bbc.co.uk')).toBe(true);
    await setSiteEnabled('standard.co.uk', true);
    expect(await isSiteEnabled('www.standard.co.uk')).toBe(true);
  });

  it('tells a watching page when its site flips, until the page stops watching', async () => {
    const seen: boolean[] = [];
    const controller = new AbortController();
    watchSiteEnabled('www.bbc.co.uk', (on) => seen.push(on), controller.signal);
    await setSiteEnabled('bbc.co.uk', false);
    await setSiteEnabled('bbc.co.uk', true);
    controller.abort();
    await setSiteEnabled('bbc.co.uk', false);
    expect(seen).toEqual([false, true]);
  });
});
