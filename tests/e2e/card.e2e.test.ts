import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, openPage, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** Rewrites one stored entity's summary directly in the extension's IndexedDB. */
async function editStoredSummary(id: string, summary: string): Promise<void> {
  await session.worker.evaluate(
    async ([entityId, text]) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('met-context');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('entities', 'readwrite');
        const store = tx.objectStore('entities');
        const get = store.get(entityId!);
        get.onsuccess = () => store.put({ ...get.result, summary: text });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [id, summary],
  );
}

describe('the hover card', () => {
  it('opens on hover with the entity’s name, summary and sources, read from IndexedDB', async () => {
    // Opening a page first makes sure the background has created and seeded the database.
    await (await openPage(session, 'seed-2-engage-exit')).close();
    await editStoredSummary('lee-freeman', 'Summary as stored in IndexedDB for the end-to-end test.');
    const page = await openPage(session, 'seed-2-engage-exit');
    await page.hover('met-mention[data-met-id="lee-freeman"]');
    const text = await cardText(page);
    expect(text).toContain('Lee Freeman');
    expect(text).toContain('Summary as stored in IndexedDB for the end-to-end test.');
    expect(text).toMatch(/sources[\s\S]+\d{4}/i);
    expect(text).toMatch(/Checked \d+ \w+ \d{4}/);
    await page.close();
  });

  it('shows a differing statistic with the page’s figure and the sourced one', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await page.locator('met-mention[data-met-differs]').first().hover();
    const text = await cardText(page);
    expect(text).toContain('This page gives 77.6% for 2024; the sourced figure for 2024 is 86.2%.');
    await page.close();
  });

  it('closes on Escape and when the pointer leaves', async () => {
    const page = await openPage(session, 'seed-1-new-met-plan');
    await page.hover('met-mention[data-met-id="casey-review"]');
    await cardText(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('met-card .card').count()).toBe(0);

    // Escape holds until the pointer comes back: leave the mention, then return.
    await page.mouse.move(5, 5);
    await page.hover('met-mention[data-met-id="casey-review"]');
    await cardText(page);
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('met-card .card').count(), { timeout: 3000 }).toBe(0);
    await page.close();
  });

  it('stays open while the pointer travels into it', async () => {
    const page = await openPage(session, 'seed-1-new-met-plan');
    await page.hover('met-mention[data-met-id="claire-waxman"]');
    await cardText(page);
    const box = (await page.locator('met-card .card').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 8 });
    await page.waitForTimeout(600);
    expect(await page.locator('met-card .card').count()).toBe(1);
    await page.close();
  });
});
