/**
 * A lighter tab order (issue 17): one tab stop per entity, the card's "Next mention" and
 * "Previous mention", the options switch that takes every stop away, and the shortcut that
 * replaces them (docs/decisions/2026-11-25-keyboard-access-to-cards.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  focusInCard,
  focusedMentionId,
  mentionLocator,
  mentionsOn,
  openOptions,
  openPage,
  POLL,
  startSession,
  tabIdOf,
  tap,
  waitForCardTitle,
  waitUntilSettled,
  type Session,
} from './harness';
import { currentWorker } from './extension-worker';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** The seed article naming Sir Mark Rowley three times (and 23 other entities). */
const PAGE = 'seed-2-engage-exit';

/**
 * Presses Tab through the whole page once and returns each mention focus landed on, as
 * "entity id #n" (n: its place among that entity's mentions, from 1), in order.
 */
async function tabThroughMentions(page: Page): Promise<string[]> {
  const stops = await page.$$eval('a[href], button, input, textarea, select, [tabindex="0"]', (els) => els.length);
  const landed: string[] = [];
  for (let i = 0; i < stops + 2; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement?.closest('met-mention');
      if (!el) return null;
      const id = el.getAttribute('data-met-id')!;
      const same = [...document.querySelectorAll(`met-mention[role="button"][data-met-id="${id}"]`)];
      return `${id} #${same.indexOf(el) + 1}`;
    });
    if (here) landed.push(here);
  }
  return landed;
}

/** Which mention of its entity has focus, from 1 (0: focus is not on one of its mentions). */
const focusedPlace = (page: Page, id: string) =>
  page.evaluate((entity) => {
    const same = [...document.querySelectorAll(`met-mention[role="button"][data-met-id="${entity}"]`)];
    return same.indexOf(document.activeElement as Element) + 1;
  }, id);

/** The text of the focused control inside the card, or null. */
const focusedInCard = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('met-card');
    return document.activeElement === host ? (host?.shadowRoot?.activeElement?.textContent ?? null) : null;
  });

const position = (page: Page) => page.locator('met-card .mention-steps .position');

/** Enter on the focused mention: focus moves into its card once it is drawn. */
async function enterCard(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
  await expect.poll(() => focusInCard(page), POLL).toBe('surface');
}

async function setTabStops(on: boolean): Promise<void> {
  const options = await openOptions(session);
  const toggle = options.getByRole('switch', { name: 'Mentions are tab stops' });
  if (on) await toggle.check();
  else await toggle.uncheck();
  await options.close();
}

describe('one tab stop per entity', () => {
  it('Tab stops once at the first mention of each entity highlighted, and nowhere else', async () => {
    const page = await openPage(session, PAGE);
    await waitUntilSettled(session, page);
    const mentions = await mentionsOn(page);
    const entities = new Set(mentions.map((m) => m.id));
    expect(mentions.length).toBeGreaterThan(entities.size);
    const landed = await tabThroughMentions(page);
    expect(landed.length).toBe(entities.size);
    expect(new Set(landed.map((l) => l.split(' ')[0]))).toEqual(entities);
    expect(landed.every((l) => l.endsWith(' #1'))).toBe(true);
    await page.close();
  });

  it('a mention out of the tab order is still a button with a popup, and focusing it opens its card', async () => {
    const page = await openPage(session, PAGE);
    const later = page.locator('met-mention[data-met-id="mark-rowley"][role="button"]').nth(1);
    expect(await later.getAttribute('tabindex')).toBe('-1');
    expect(await later.getAttribute('aria-haspopup')).toBe('dialog');
    await later.focus();
    await waitForCardTitle(page, 'Mark Rowley');
    await expect.poll(() => position(page).textContent(), POLL).toBe('2 of 3');
    await page.close();
  });
});

describe('"Next mention" and "Previous mention" on the card', () => {
  it('by keyboard: Tab to a mention, into its card, Next: focus is on the second mention and its card shows', async () => {
    const page = await openPage(session, PAGE);
    await waitUntilSettled(session, page);
    const stops = await page.$$eval('[tabindex="0"], a[href], button', (els) => els.length);
    for (let i = 0; i < stops && (await focusedMentionId(page)) !== 'mark-rowley'; i++) await page.keyboard.press('Tab');
    expect(await focusedPlace(page, 'mark-rowley')).toBe(1);
    await waitForCardTitle(page, 'Mark Rowley');
    await expect.poll(() => position(page).textContent(), POLL).toBe('1 of 3');
    await enterCard(page);
    await page.keyboard.press('Tab');
    expect(await focusedInCard(page)).toBe('Previous mention');
    await page.keyboard.press('Tab');
    expect(await focusedInCard(page)).toBe('Next mention');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedPlace(page, 'mark-rowley'), POLL).toBe(2);
    await expect.poll(() => position(page).textContent(), POLL).toBe('2 of 3');
    await waitForCardTitle(page, 'Mark Rowley');
    const second = page.locator('met-mention[data-met-id="mark-rowley"][role="button"]').nth(1);
    expect(await second.getAttribute('aria-expanded')).toBe('true');
    // In view: the page scrolled to it.
    await expect.poll(() => second.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight), POLL).toBe(true);
    // Previous from the first wraps round to the last, as the position says.
    await enterCard(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedPlace(page, 'mark-rowley'), POLL).toBe(1);
    await expect.poll(() => position(page).textContent(), POLL).toBe('1 of 3');
    await enterCard(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedPlace(page, 'mark-rowley'), POLL).toBe(3);
    await expect.poll(() => position(page).textContent(), POLL).toBe('3 of 3');
    await page.close();
  });

  it('by pointer and by touch, named for assistive technology; not offered for an entity named once', async () => {
    const page = await openPage(session, PAGE);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await mentionLocator(page, 'sadiq-khan').hover();
    await waitForCardTitle(page, 'Sadiq Khan');
    const steps = page.getByRole('navigation', { name: 'Mentions of Sir Sadiq Khan on this page' });
    await steps.getByRole('button', { name: 'Next mention' }).click();
    await expect.poll(() => focusedPlace(page, 'sadiq-khan'), POLL).toBe(2);
    await expect.poll(() => position(page).textContent(), POLL).toBe('2 of 3');
    await tap(page, page.locator('met-card').getByRole('button', { name: 'Next mention' }));
    await expect.poll(() => focusedPlace(page, 'sadiq-khan'), POLL).toBe(3);
    await expect.poll(() => position(page).textContent(), POLL).toBe('3 of 3');

    await mentionLocator(page, 'yvette-cooper').focus();
    await waitForCardTitle(page, 'Yvette Cooper');
    expect(await page.locator('met-card .mention-steps').count()).toBe(0);
    await page.close();
  });
});

describe('the switch "Mentions are tab stops", and the shortcut', () => {
  it('off: no mention is a tab stop in an open tab, at once; on again: one per entity', async () => {
    const page = await openPage(session, PAGE);
    await waitUntilSettled(session, page);
    const entities = new Set((await mentionsOn(page)).map((m) => m.id)).size;
    try {
      await setTabStops(false);
      await expect.poll(() => page.locator('met-mention[tabindex="0"]').count(), POLL).toBe(0);
      expect(await page.locator('met-mention[role="button"]').count()).toBe(await page.locator('met-mention[tabindex="-1"]').count());
      expect(await tabThroughMentions(page)).toEqual([]);
      await setTabStops(true);
      await expect.poll(() => page.locator('met-mention[tabindex="0"]').count(), POLL).toBe(entities);
    } finally {
      await setTabStops(true);
    }
    await page.close();
  });

  it('the browser gives the shortcut its default key, and the shortcut walks the page from mention to mention', async () => {
    const worker = await currentWorker(session.context, session.extensionId);
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'next-mention')).toMatchObject({
      shortcut: 'Alt+Shift+J',
      description: 'Move to the next highlight and open its card',
    });
    const page = await openPage(session, PAGE);
    const mentions = await mentionsOn(page);
    try {
      await setTabStops(false);
      await expect.poll(() => page.locator('met-mention[tabindex="0"]').count(), POLL).toBe(0);
      // What the background sends the active tab when the shortcut is pressed (utils/commands.ts).
      const tabId = await tabIdOf(session, page);
      const press = () => worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'focusNextMention' }), tabId);
      expect(await press()).toEqual({ ok: true, value: true });
      await expect.poll(() => focusedMentionId(page), POLL).toBe(mentions[0]!.id);
      await expect.poll(() => page.locator('met-card .card').getAttribute('data-type').catch(() => null), POLL).toBe(mentions[0]!.type);
      await press();
      const secondIsFocused = () => page.evaluate(() => document.activeElement === document.querySelectorAll('met-mention[role="button"]')[1]);
      await expect.poll(secondIsFocused, POLL).toBe(true);
      await expect.poll(() => page.locator('met-card .card').getAttribute('data-type').catch(() => null), POLL).toBe(mentions[1]!.type);
    } finally {
      await setTabStops(true);
    }
    await page.close();
  });
});
