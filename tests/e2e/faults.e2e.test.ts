/**
 * Faults a reader's browser really has: the service worker stopped mid-session, IndexedDB out
 * of quota, damaged records in IndexedDB. Cards keep working and the popup says what happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, openPage, openPopup, POLL, startSession, waitUntilSettled, type Session } from './harness';
import type { Page } from 'playwright-core';
import { SEED_EXPECTATIONS } from '../fixtures/expected';
import { BACKGROUND_SILENCE_MS } from '../../utils/constants';
import { currentWorker, dbOp, stopServiceWorker } from './extension-worker';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});


describe('faults', () => {
  it('the service worker is stopped mid-session: the next hover still opens its card', async () => {
    const page = await openPage(session, 'seed-1-new-met-plan');
    await page.hover('met-mention[data-met-id="casey-review"]');
    expect(await cardText(page)).toContain('Casey');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);

    await stopServiceWorker(session.context, page, session.extensionId);
    await page.hover('met-mention[data-met-id="claire-waxman"]');
    expect(await cardText(page)).toContain('Claire Waxman');
    await page.close();
  });

  it('matching happens in the background; right after the worker was stopped, the page still gets every highlight', async () => {
    const expected = SEED_EXPECTATIONS['seed-0-rowley-carrick']!.mustHighlight;
    const ids = (page: Page) => page.$$eval('met-mention', (els) => [...new Set(els.map((el) => el.getAttribute('data-met-id')))]);
    const warm = await openPage(session, 'seed-0-rowley-carrick');
    expect(await waitUntilSettled(session, warm)).toMatchObject({ relevant: true, matchedIn: 'background' });
    expect((await ids(warm)).sort()).toEqual([...expected].sort());
    await warm.close();

    // The page's request is what starts the stopped worker again; the matches are the same
    // whether the fresh worker answers within the page's patience or the page matched on its own.
    const probe = await session.context.newPage();
    await stopServiceWorker(session.context, probe, session.extensionId);
    const cold = await openPage(session, 'seed-0-rowley-carrick');
    expect(await waitUntilSettled(session, cold)).toMatchObject({ relevant: true });
    expect((await ids(cold)).sort()).toEqual([...expected].sort());
    await cold.close();
    await probe.close();
  });

  it('a background too busy to answer in time: the page matches what is new on its own, loading the matcher’s code then', async () => {
    const page = await openPage(session, 'seed-0-rowley-carrick');
    expect(await waitUntilSettled(session, page)).toMatchObject({ relevant: true, matchedIn: 'background' });
    // A real silence, nothing stubbed: the worker's thread is kept busy for twice the page's
    // patience, and the page then gets a new paragraph to read (as a live page would).
    const worker = await currentWorker(session.context, session.extensionId);
    void worker
      .evaluate((ms) => {
        const end = Date.now() + ms;
        while (Date.now() < end);
      }, BACKGROUND_SILENCE_MS * 2)
      .catch(() => undefined);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'The Casey Review found the Met to be institutionally racist, misogynist and homophobic.';
      [...document.querySelectorAll('p')].find((q) => q.querySelector('met-mention'))!.after(p);
    });
    await page.locator('met-mention[data-met-id="casey-review"]').first().waitFor();
    expect(await waitUntilSettled(session, page)).toMatchObject({ relevant: true, matchedIn: 'page' });
    // Everything found before is still there, and a card opens as ever.
    const ids = await page.$$eval('met-mention', (els) => [...new Set(els.map((el) => el.getAttribute('data-met-id')))]);
    expect(ids).toEqual(expect.arrayContaining([...SEED_EXPECTATIONS['seed-0-rowley-carrick']!.mustHighlight, 'casey-review']));
    await page.hover('met-mention[data-met-id="casey-review"]');
    expect(await cardText(page)).toContain('Casey');
    await page.close();
  });

  it('damaged records in IndexedDB are repaired from the bundle; the reader’s notes stay', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    const worker = await currentWorker(session.context, session.extensionId);
    const stored = (await dbOp(worker, 'entities', 'get', 'lee-freeman')) as Record<string, unknown>;
    await dbOp(worker, 'notes', 'put', { entityId: 'lee-freeman', text: 'My note on Lee Freeman', updated: '2026-11-25' });
    await dbOp(worker, 'entities', 'put', { id: 'lee-freeman', type: 'person', name: 12345 });

    await page.hover('met-mention[data-met-id="lee-freeman"]');
    const text = await cardText(page);
    expect(text).toContain('Lee Freeman');
    expect(text).toContain(String(stored.summary).slice(0, 60));
    expect(await dbOp(worker, 'entities', 'get', 'lee-freeman')).toEqual(stored);
    expect(await dbOp(worker, 'notes', 'get', 'lee-freeman')).toMatchObject({ text: 'My note on Lee Freeman' });
    await page.close();
  });

  it('IndexedDB cannot be opened: cards work from the bundled KB and the popup says so', async () => {
    // A real failure, with no test hook in the extension: the database on disk is at a newer
    // version than this build knows (a reader went back to an older build after an update), so
    // opening it fails with a VersionError. Chromium's quota override does not apply to
    // extension origins (they report the default pool quota whatever is set), so a quota error
    // cannot be produced the same way.
    const page = await openPage(session, 'seed-2-engage-exit');
    await stopServiceWorker(session.context, page, session.extensionId);
    const setDatabase = async (version: number | null) => {
      const tab = await session.context.newPage();
      await tab.goto(`chrome-extension://${session.extensionId}/manifest.json`);
      await tab.evaluate(async (v) => {
        await new Promise((resolve) => {
          const del = indexedDB.deleteDatabase('met-context');
          del.onsuccess = del.onerror = del.onblocked = resolve;
        });
        if (v === null) return;
        await new Promise((resolve, reject) => {
          const open = indexedDB.open('met-context', v);
          open.onsuccess = () => resolve(open.result.close());
          open.onerror = () => reject(open.error);
        });
      }, version);
      await tab.close();
    };
    await setDatabase(99);
    try {
      const fresh = await openPage(session, 'seed-2-engage-exit');
      await fresh.hover('met-mention[data-met-id="lee-freeman"]');
      expect(await cardText(fresh)).toContain('Lee Freeman');

      const popup = await openPopup(session, fresh);
      await expect.poll(() => popup.locator('.popup').innerText(), POLL).toMatch(/IndexedDB could not be used.*VersionError.*served from memory/s);
      await popup.close();
      await fresh.close();
    } finally {
      // Back to a fresh start for what runs next: no database, and a worker that seeds anew.
      await stopServiceWorker(session.context, page, session.extensionId);
      await setDatabase(null);
      await page.close();
    }
  });
});
