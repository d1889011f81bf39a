import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardLocator, cardText, openPage, outlast, POLL, startSession, type Session } from './harness';
import { CARD_CLOSE_DELAY_MS } from '../../utils/constants';

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
    expect(text).toContain('This page: 77.6% for 2024. Sourced: 86.2% for 2024 (Police Professional, 23 January 2025).');
    await page.close();
  });

  it('shows a key figure the page gives differently, beside the sourced one, in neutral words', async () => {
    const page = await openPage(session, 'key-figure-differs');
    const differing = page.locator('met-mention[data-met-differs]');
    expect(await differing.count()).toBe(1);
    expect(await differing.innerText()).toBe('48');
    await differing.hover();
    const text = await cardText(page);
    expect(text).toContain('David Carrick');
    expect(text).toContain('This page: 48. Sourced: 49 charges he pleaded guilty to (The Independent, 16 January 2023).');
    expect(text).toContain('36 life sentences he received');
    await page.close();
  });

  it('closes on Escape and when the pointer leaves', async () => {
    const page = await openPage(session, 'seed-1-new-met-plan');
    await page.hover('met-mention[data-met-id="casey-review"]');
    await cardText(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('met-card .card').count(), POLL).toBe(0);

    // Escape holds until the pointer comes back: leave the mention, then return.
    await page.mouse.move(5, 5);
    await page.hover('met-mention[data-met-id="casey-review"]');
    await cardText(page);
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('met-card .card').count(), POLL).toBe(0);
    await page.close();
  });

  it('shows one card at a time as the pointer moves from mention to mention', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await page.hover('met-mention[data-met-id="lee-freeman"]');
    await page.locator('met-card .card h2', { hasText: 'Lee Freeman' }).waitFor();
    // A mention above the first one: the open card (placed below its mention) cannot cover it.
    await page.locator('met-mention[data-met-id="stephen-port"]').first().hover();
    await page.locator('met-card .card h2', { hasText: 'Stephen Port' }).waitFor();
    expect(await cardLocator(page).count()).toBe(1);
    await page.close();
  });

  it('does not open for a pointer that only passes over a mention', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    // Every card heading the page ever shows, recorded as it appears.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenTitles: string[] }).seenTitles = seen;
      const watchCard = (host: Element) =>
        new MutationObserver(() => {
          const title = host.shadowRoot?.querySelector('.card h2')?.textContent;
          if (title && seen.at(-1) !== title) seen.push(title);
        }).observe(host.shadowRoot!, { subtree: true, childList: true, characterData: true });
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if ((n as Element).localName === 'met-card') watchCard(n as Element);
      }).observe(document.body, { childList: true });
    });
    // Over and straight off again, within one task: the intent timer is cancelled before it can fire.
    await page.evaluate(() => {
      const passing = document.querySelector('met-mention[data-met-id="lee-freeman"]')!;
      passing.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }));
      passing.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, pointerType: 'mouse' }));
    });
    // A later rest on another mention opens its card; the passed-over one's timer, set first, would have fired first.
    await page.hover('met-mention[data-met-id="yvette-cooper"]');
    await page.locator('met-card .card h2', { hasText: 'Yvette Cooper' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { seenTitles: string[] }).seenTitles)).toEqual(['Yvette Cooper']);
    await page.close();
  });

  it('stays open while the pointer travels into it', async () => {
    const page = await openPage(session, 'seed-1-new-met-plan');
    await page.hover('met-mention[data-met-id="claire-waxman"]');
    await cardText(page);
    const box = (await page.locator('met-card .card').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 8 });
    await outlast(page, CARD_CLOSE_DELAY_MS);
    expect(await page.locator('met-card .card').count()).toBe(1);
    await page.close();
  });
});

/** Every kind of card, as a reader opens it: the mention (and, for types no seed names, a chip on its card). */
const CARDS_BY_TYPE: { type: string; page: string; mention: string; chip?: string; title: string; shows: (string | RegExp)[] }[] = [
  { type: 'person', page: 'seed-2-engage-exit', mention: 'lee-freeman', title: 'Lee Freeman', shows: ['Roles and dates', /2017 – 2023\s*Chief Constable of Humberside Police/] },
  {
    type: 'person, at the article’s date',
    page: 'seed-2-engage-exit',
    mention: 'yvette-cooper',
    title: 'Yvette Cooper',
    shows: ['At the time of this article (March 2025), Yvette Cooper was Home Secretary (until September 2025) and had not yet become Foreign Secretary (from September 2025).', /Foreign Secretary \(after this article\)/],
  },
  { type: 'review', page: 'seed-1-new-met-plan', mention: 'casey-review', title: 'Baroness Casey Review', shows: ['Key dates', 'appointed by the Met Commissioner', 'Latest: Final report published (21 March 2023).'] },
  { type: 'inquiry', page: 'seed-2-engage-exit', mention: 'elish-angiolini', chip: 'angiolini-inquiry', title: 'Angiolini Inquiry', shows: ['Inquiry announced by Home Secretary Priti Patel', 'Part 1 report published', 'Latest: Part 2 list of issues published (22 May 2024).'] },
  { type: 'report', page: 'seed-2-engage-exit', mention: 'lee-freeman', chip: 'peel-met-2024', title: 'PEEL 2023–2025', shows: [/15 August 2024\s*Report published/] },
  { type: 'monitoring', page: 'seed-2-engage-exit', mention: 'hmicfrs-engage', title: 'Engage', shows: ['Met moved into Engage', 'Latest: Removal from Engage announced; Met returned to routine monitoring (23 January 2025).'] },
  { type: 'plan', page: 'seed-1-new-met-plan', mention: 'new-met-for-london', title: 'A New Met for London', shows: [/17 July 2023\s*Plan launched/] },
  { type: 'organisation', page: 'seed-2-engage-exit', mention: 'hmicfrs', title: 'His Majesty', shows: [/^Organisation/i] },
  { type: 'statistic', page: 'seed-1-new-met-plan', mention: 'stat-new-met-budget', title: 'A New Met for London budget', shows: ['Latest sourced: £366 million'] },
];

describe('the card for each type', () => {
  it.each(CARDS_BY_TYPE)('$type: $title', async ({ page: name, mention, chip, title, shows }) => {
    const page = await openPage(session, name);
    await page.locator(`met-mention[data-met-id="${mention}"]:not([data-met-part])`).first().hover();
    if (chip) {
      await cardText(page);
      await page.locator(`met-card .chip[data-related-id="${chip}"]`).click();
    }
    await page.locator('met-card .card h2', { hasText: title }).waitFor();
    const text = await cardLocator(page).innerText();
    // innerText is what is painted: headings are upper-cased by the card's CSS.
    for (const expected of shows) expect(text).toMatch(typeof expected === 'string' ? new RegExp(escapeRegExp(expected), 'i') : expected);
    // Every card: the date it was checked, sources as safe links, related entities as chips.
    expect(text).toMatch(/Checked \d{1,2} \w+ \d{4}/);
    const links = await page.locator('met-card .sources a').evaluateAll((as) =>
      as.map((a) => [a.getAttribute('href')?.startsWith('https://'), a.getAttribute('target'), a.getAttribute('rel'), a.getAttribute('referrerpolicy')]),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toEqual([true, '_blank', 'noopener noreferrer', 'no-referrer']);
    expect(await page.locator('met-card .chip').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('draws a statistic’s dated series as a small chart with a text equivalent', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await page.locator('met-mention[data-met-id="stat-999-answered-10s"]').first().hover();
    await cardText(page);
    const chart = page.locator('met-card svg.sparkline');
    expect(await chart.getAttribute('aria-label')).toMatch(/^Values over time: .*2023: 77\.6%.*2024: 86\.2%/);
    expect(await page.locator('met-card svg.sparkline circle').count()).toBeGreaterThan(1);
    await page.close();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
