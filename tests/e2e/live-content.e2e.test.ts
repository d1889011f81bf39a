import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionsOn, openPage, outlast, POLL, startSession, type Session } from './harness';
import { MUTATION_MAX_WAIT_MS } from '../../utils/constants';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('content that appears after load', () => {
  it('annotates live-blog entries as they arrive', async () => {
    const page = await openPage(session, 'live-blog');
    await page.waitForFunction(() => (window as unknown as { entriesAdded?: number }).entriesAdded === 3);
    await expect
      .poll(async () => new Set((await mentionsOn(page)).map((m) => m.id)), POLL)
      .toEqual(new Set(['metropolitan-police', 'scotland-yard', 'hmicfrs-engage', 'mark-rowley', 'sadiq-khan', 'greater-london-authority', 'yvette-cooper']));
    await page.close();
  });

  it('follows single-page navigation to a new article', async () => {
    const page = await openPage(session, 'live-blog');
    await page.evaluate(() => (window as unknown as { navigateToStory(): void }).navigateToStory());
    await expect
      .poll(async () => (await mentionsOn(page)).map((m) => `${m.id}:${m.text}`), POLL)
      .toEqual(['casey-review:Casey Review', 'louise-casey:Baroness Louise Casey', 'metropolitan-police:Metropolitan Police']);
    await page.close();
  });

  it('settles: its own highlighting does not make it scan again', async () => {
    const page = await openPage(session, 'live-blog');
    await page.waitForFunction(() => (window as unknown as { entriesAdded?: number }).entriesAdded === 3);
    // The last entry is highlighted, and the re-scan its arrival asked for has had its time.
    await expect.poll(async () => (await mentionsOn(page)).some((m) => m.id === 'yvette-cooper'), POLL).toBe(true);
    await outlast(page, MUTATION_MAX_WAIT_MS);
    // Count DOM changes over the next two seconds, with the page itself now quiet.
    const changes = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let n = 0;
          const observer = new MutationObserver((records) => (n += records.length));
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          setTimeout(() => {
            observer.disconnect();
            resolve(n);
          }, 2000);
        }),
    );
    expect(changes).toBe(0);
    await page.close();
  });
});
