/**
 * The card without a mouse: keyboard (every entity reachable with Tab at its first mention,
 * the rest from its card: tests/e2e/tab-order; Enter into the card, Escape back), screen readers (roles and names as the accessibility tree exposes them, a live
 * region) and touch (tap opens, tap elsewhere closes, links inside stay usable, a linked name's
 * first tap shows its card and the second follows the link).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  cardCount,
  cardLocator,
  focusInCard,
  focusedMentionId,
  mentionLocator,
  POLL,
  mentionsOn,
  openPage,
  openPopup,
  PAGE_URLS,
  startSession,
  tap,
  tapAt,
  waitForCardTitle,
  type Session,
} from './harness';

let session: Session;

/** The keyboard way in: focus a mention, wait for its card, press Enter, and see focus inside the card. */
async function enterCard(page: Page, id: string, name: string): Promise<void> {
  await mentionLocator(page, id).focus();
  await waitForCardTitle(page, name);
  await page.keyboard.press('Enter');
  await expect.poll(() => focusInCard(page), POLL).toBe('surface');
}
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('the card by keyboard', () => {
  it('reaches every entity with Tab and opens its card on focus', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    const mentions = await mentionsOn(page);
    const inLinks = await page.$$eval('met-mention:not([data-met-part])', (els) => els.filter((el) => el.closest('a')).length);
    const expected = new Set(mentions.map((m) => m.id));
    const reached = new Set<string>();
    // One stop per entity (its first mention), not one per mention.
    expect(await page.locator('met-mention[tabindex="0"]').count()).toBe(expected.size);
    // Every focusable thing on the page at most once, with room for its links and form.
    const stops = await page.$$eval('a[href], button, input, textarea, select, [tabindex="0"]', (els) => els.length);
    for (let i = 0; i < stops + 2 && reached.size < expected.size; i++) {
      await page.keyboard.press('Tab');
      const id = await focusedMentionId(page);
      if (id) reached.add(id);
    }
    expect(inLinks).toBe(0);
    expect([...expected].filter((id) => !reached.has(id))).toEqual([]);
    // The last mention reached has its card open.
    const last = (await focusedMentionId(page))!;
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('met-mention')?.getAttribute('aria-expanded')), POLL)
      .toBe('true');
    await expect.poll(() => page.locator('met-card .card').getAttribute('data-type').catch(() => null), POLL).toBe(
      (await mentionsOn(page)).find((m) => m.id === last)!.type,
    );
    await page.close();
  });

  it('moves into the card with Enter, through its links with Tab, and back to the mention with Escape', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    const mention = mentionLocator(page, 'lee-freeman');
    await enterCard(page, 'lee-freeman', 'Lee Freeman');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusInCard(page), POLL).toBe('chip');
    expect(await cardCount(page)).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardCount(page), POLL).toBe(0);
    expect(await focusedMentionId(page)).toBe('lee-freeman');
    expect(await mention.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('goes back to the mention when Tab passes the card’s last link, and on to the next mention', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await enterCard(page, 'yvette-cooper', 'Yvette Cooper');
    const stops = await page.locator('met-card .surface').locator('a[href], button').count();
    for (let i = 0; i < stops; i++) await page.keyboard.press('Tab');
    expect(await cardCount(page)).toBe(1);
    await page.keyboard.press('Tab');
    await expect.poll(() => cardCount(page), POLL).toBe(0);
    expect(await focusedMentionId(page)).toBe('yvette-cooper');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedMentionId(page), POLL).not.toBe('yvette-cooper');
    await expect.poll(() => cardCount(page), POLL).toBe(1);
    await page.close();
  });

  it('opens a related entity’s card from a chip with the keyboard', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await enterCard(page, 'lee-freeman', 'Lee Freeman');
    await page.locator('met-card .chip[data-related-id="hmicfrs"]').focus();
    await page.keyboard.press('Enter');
    await waitForCardTitle(page, 'His Majesty');
    expect(await focusInCard(page)).toBe('surface');
    await page.close();
  });
});

describe('the card for screen readers', () => {
  it('exposes mentions as buttons that open a dialog named after the entity, and announces it', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    const button = page.getByRole('button', { name: 'Yvette Cooper' }).first();
    expect(await button.getAttribute('aria-haspopup')).toBe('dialog');
    await button.focus();
    const dialog = page.getByRole('dialog', { name: 'Yvette Cooper' });
    await dialog.waitFor();
    const tree = await dialog.ariaSnapshot();
    expect(tree).toContain('heading "Yvette Cooper"');
    expect(tree).toMatch(/link "[^"]+"/);
    expect(tree).toMatch(/button "[^"]+"/); // related chips
    const live = page.locator('met-card [aria-live="polite"]');
    await expect.poll(() => live.textContent(), POLL).toMatch(/^Person: Yvette Cooper\. /);
    await page.close();
  });
});

describe('the card by touch', () => {
  it('opens on a tap, keeps its links usable, and closes on a tap elsewhere', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await page.setViewportSize({ width: 390, height: 740 });
    await tap(page, mentionLocator(page, 'hmicfrs-engage'));
    await waitForCardTitle(page, 'Engage');
    // A link in the card opens in a new tab when tapped.
    const link = page.locator('met-card .sources a').first();
    await link.scrollIntoViewIfNeeded();
    const box = (await link.boundingBox())!;
    const href = (await link.getAttribute('href'))!;
    // The source's site is not reachable from the test machine: answer for it, so the new tab shows where it went.
    await session.context.route('https://**/*', (route) => route.fulfill({ contentType: 'text/html', body: '<title>source</title>' }));
    const [opened] = await Promise.all([session.context.waitForEvent('page'), tapAt(page, box.x + 4, box.y + box.height / 2)]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(href);
    expect(await opened.evaluate(() => [document.referrer, window.opener])).toEqual(['', null]);
    await opened.close();
    await session.context.unrouteAll();
    expect(await cardCount(page)).toBe(1);
    // A tap on plain article text closes it.
    const plain = page.locator('.article-body p').first();
    const pbox = (await plain.boundingBox())!;
    await tapAt(page, pbox.x + 2, pbox.y + 2);
    await expect.poll(() => cardCount(page), POLL).toBe(0);
    await page.close();
  });

  it('a first tap on a mention inside a link shows the card, a second follows the link', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    // News sites often link a name to a topic page; this paragraph arrives as live content.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = 'Profile: <a id="topic-link" href="#topic-lee-freeman">Lee Freeman</a>.';
      document.querySelector('[itemprop="articleBody"]')!.append(p);
    });
    const linked = page.locator('#topic-link met-mention[data-met-id="lee-freeman"]');
    await linked.waitFor();
    await tap(page, linked);
    await waitForCardTitle(page, 'Lee Freeman');
    expect(await page.evaluate(() => location.hash)).toBe('');
    await tap(page, linked);
    await expect.poll(() => page.evaluate(() => location.hash), POLL).toBe('#topic-lee-freeman');
    await page.close();
  });

  it('a tap on another mention replaces the card', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await tap(page, mentionLocator(page, 'lee-freeman'));
    await waitForCardTitle(page, 'Lee Freeman');
    await tap(page, mentionLocator(page, 'yvette-cooper'));
    await waitForCardTitle(page, 'Yvette Cooper');
    expect(await cardLocator(page).count()).toBe(1);
    await page.close();
  });
});

describe('switching the site off', () => {
  it('removes an open card and everything the card added, leaving the page as its publisher made it', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await enterCard(page, 'lee-freeman', 'Lee Freeman');
    const popup = await openPopup(session, page);
    const toggle = popup.getByRole('switch', { name: /Annotate on this site/ });
    await toggle.uncheck();
    await expect.poll(() => page.locator('met-card, met-mention').count(), POLL).toBe(0);
    const afterOff = await page.evaluate(() => document.documentElement.outerHTML);
    // The same article opened while the site is off: no extension markup at all.
    const pristine = await session.context.newPage();
    await pristine.goto(PAGE_URLS['seed-2-engage-exit']!);
    await pristine.waitForLoadState('load');
    expect(afterOff).toBe(await pristine.evaluate(() => document.documentElement.outerHTML));
    await toggle.check();
    await expect.poll(() => page.locator('met-mention').count(), POLL).toBeGreaterThan(0);
    await Promise.all([page.close(), popup.close(), pristine.close()]);
  });
});
