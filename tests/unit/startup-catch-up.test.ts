import { describe, expect, it } from 'vitest';
import { catchUpAfterStartup, isCovered, isOnSites, type StartupTabs } from '../../utils/startup-catch-up';

/** Tabs as the browser reports them, with time under the test's control. */
function fakeTabs(open: { id: number; url: string }[], running: Set<number>) {
  const listeners = new Set<(id: number, url: string) => void>();
  const injected: number[] = [];
  let sweeps = 0;
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const tabs: StartupTabs = {
    loadedTabs: async () => {
      sweeps++;
      return open;
    },
    onTabLoaded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async injectIfAbsent(id) {
      if (id === 99) throw new Error('No tab with id: 99');
      if (running.has(id)) return false;
      running.add(id);
      injected.push(id);
      return true;
    },
    wait: (ms) => new Promise((resolve) => timers.push({ at: now + ms, resolve })),
  };
  /** Moves the clock on in small steps, letting each due wait end (and what it starts run). */
  async function advance(ms: number) {
    const until = now + ms;
    do {
      now = Math.min(until, now + 100);
      for (const t of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.resolve();
      }
      for (let i = 0; i < 10; i++) await Promise.resolve();
    } while (now < until);
  }
  const load = (id: number, url: string) => listeners.forEach((l) => l(id, url));
  return { tabs, injected, advance, load, listening: () => listeners.size, sweeps: () => sweeps, reveal: (id: number, url: string) => open.push({ id, url }) };
}

const options = { windowMs: 20_000, sweepMs: 2_000, settleMs: 1_000 };

describe('catching up after the browser starts', () => {
  it('starts the script in loaded tabs on added sites that lack it, and in those that load within the window', async () => {
    const running = new Set([2]);
    const fake = fakeTabs(
      [
        { id: 1, url: 'http://unlisted.example/news/a.html' },
        { id: 2, url: 'https://www.unlisted.example/b' },
        { id: 3, url: 'https://elsewhere.example/' },
      ],
      running,
    );
    const done = catchUpAfterStartup({ sites: ['unlisted.example'], everySite: false }, fake.tabs, options);
    await fake.advance(0);
    expect(fake.injected).toEqual([]); // each tab is given time for a registration in force to run
    await fake.advance(1_000);
    expect(fake.injected).toEqual([1]);
    fake.load(4, 'https://news.unlisted.example/c');
    fake.load(99, 'https://unlisted.example/closed-meanwhile');
    fake.load(5, 'chrome://newtab/');
    await fake.advance(1_000);
    expect(fake.injected).toEqual([1, 4]);
    await fake.advance(20_000);
    await done;
    expect(fake.listening()).toBe(0);
    expect(fake.sweeps()).toBe(10);
    fake.load(6, 'https://unlisted.example/later');
    await fake.advance(2_000);
    expect(fake.injected).toEqual([1, 4]);
  });

  it('looks again at loaded tabs, whose address may show only once the site’s permission is in force', async () => {
    const fake = fakeTabs([], new Set());
    const done = catchUpAfterStartup({ sites: ['unlisted.example'], everySite: false }, fake.tabs, options);
    await fake.advance(2_000);
    fake.reveal(7, 'http://unlisted.example/news/a.html');
    expect(fake.injected).toEqual([]);
    await fake.advance(2_000);
    await fake.advance(1_000);
    expect(fake.injected).toEqual([7]);
    await fake.advance(20_000);
    await done;
  });

  it('does nothing when no site was added', async () => {
    const fake = fakeTabs([{ id: 1, url: 'https://unlisted.example/' }], new Set());
    await catchUpAfterStartup({ sites: [], everySite: false }, fake.tabs, options);
    expect([fake.injected, fake.listening()]).toEqual([[], 0]);
  });

  it('with every site granted, starts the script in every web page off the curated list', async () => {
    const fake = fakeTabs(
      [
        { id: 1, url: 'https://blog.example/met-story' },
        { id: 2, url: 'https://www.bbc.co.uk/news/uk-england-london-1' },
        { id: 3, url: 'chrome://settings/' },
        { id: 4, url: 'https://chromewebstore.google.com/detail/x' },
      ],
      new Set(),
    );
    const done = catchUpAfterStartup({ sites: [], everySite: true }, fake.tabs, options);
    await fake.advance(0);
    await fake.advance(1_000);
    expect(fake.injected).toEqual([1]);
    fake.load(5, 'http://127.0.0.1:8080/story.html');
    await fake.advance(1_000);
    expect(fake.injected).toEqual([1, 5]);
    await fake.advance(20_000);
    await done;
  });

  it('reads what a restored registration covers', () => {
    const added = { sites: ['unlisted.example'], everySite: false };
    expect(isCovered('https://unlisted.example/a', added)).toBe(true);
    expect(isCovered('https://other.example/a', added)).toBe(false);
    const every = { sites: [], everySite: true };
    expect(isCovered('https://other.example/a', every)).toBe(true);
    // The curated list's sites are the manifest's, never the catch-up's.
    expect(isCovered('https://www.theguardian.com/uk-news/1', every)).toBe(false);
    expect(isCovered('file:///home/reader/page.html', every)).toBe(false);
  });

  it('treats a site as covering its subdomains, and nothing else', () => {
    expect(isOnSites('https://www.unlisted.example/x', ['unlisted.example'])).toBe(true);
    expect(isOnSites('https://a.b.unlisted.example/x', ['unlisted.example'])).toBe(true);
    expect(isOnSites('https://notunlisted.example/x', ['unlisted.example'])).toBe(false);
    expect(isOnSites('not a url', ['unlisted.example'])).toBe(false);
  });
});
