import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadBundledKb } from '../helpers/kb';
import { openPage, openPopup, openSidePanel, startSession, waitForRevealed, windowIdOf, PAGE_URLS, POLL, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const names = new Map(loadBundledKb().entities.map((e) => [e.id, e.name]));

/** What a view lists: each group's type and its entries' names with their mention counts. */
function listed(view: Page): Promise<string[]> {
  return view.$$eval('.group', (groups) =>
    groups.flatMap((g) =>
      [...g.querySelectorAll('button.entity')].map(
        (b) => `${g.getAttribute('data-type')}: ${b.querySelector('.name')!.textContent} (${b.querySelector('.count')!.textContent})`,
      ),
    ),
  );
}

const listedNames = (view: Page) => view.$$eval('button.entity .name', (els) => els.map((e) => e.textContent));

describe('the side panel', () => {
  it('lists what the popup lists, follows tab switches, navigations and the page’s own changes', async () => {
    const a = await openPage(session, 'seed-2-engage-exit');
    const popup = await openPopup(session, a);
    const fromPopup = await listed(popup);
    const popupCounts = await popup.locator('.counts').innerText();
    await popup.close();
    const b = await openPage(session, 'seed-1-new-met-plan');
    const bPopup = await openPopup(session, b);
    const fromPopupB = await listed(bPopup);
    await bPopup.close();
    const windowId = await windowIdOf(session, a);

    const panel = await openSidePanel(session, windowId);
    await expect.poll(() => listed(panel), POLL).toEqual(fromPopup);
    expect(await panel.locator('.counts').innerText()).toBe(popupCounts);
    // Figures that differ come first, and the timeline carries the article's date.
    expect(await panel.locator('.group[data-type="statistic"] .entity').first().innerText()).toContain('figure differs');
    await panel.getByRole('img', { name: /this article is dated 6 March 2025/ }).waitFor();

    // A tab switch: the panel follows.
    await b.bringToFront();
    await expect.poll(() => listed(panel), POLL).toEqual(fromPopupB);
    await a.bringToFront();
    await expect.poll(() => listed(panel), POLL).toEqual(fromPopup);

    // A navigation in the same tab, to a page that is not about the Met: the panel says why.
    await a.goto(PAGE_URLS['neg-met-office']!);
    await expect.poll(() => panel.locator('[data-testid="reason"]').innerText(), POLL).toMatch(/not appear to be about London’s Metropolitan Police/);
    expect(await panel.locator('button.entity').count()).toBe(0);

    // A single-page navigation: no tab event, only the page's own notice tells the panel.
    await a.goto(PAGE_URLS['live-blog']!);
    await expect.poll(() => listedNames(panel), POLL).toContain(names.get('sadiq-khan'));
    await a.evaluate(() => (window as unknown as { navigateToStory(): void }).navigateToStory());
    await expect
      .poll(async () => (await listedNames(panel)).sort(), POLL)
      .toEqual(['casey-review', 'louise-casey', 'metropolitan-police'].map((id) => names.get(id)).sort());
    await Promise.all([a.close(), b.close(), panel.close()]);
  });

  it('follows annotation switched off and on, and says why a page has nothing', async () => {
    const page = await openPage(session, 'seed-0-rowley-carrick');
    const panel = await openSidePanel(session, await windowIdOf(session, page));
    await expect.poll(() => panel.locator('button.entity').count(), POLL).toBeGreaterThan(0);
    const before = await listed(panel);
    await panel.getByRole('switch', { name: /Annotate on this site/ }).uncheck();
    await expect.poll(() => page.locator('met-mention').count(), POLL).toBe(0);
    await expect.poll(() => panel.locator('.empty').innerText(), POLL).toMatch(/Annotation is off for reuters\.com/);
    await panel.getByRole('switch', { name: /Annotate on this site/ }).check();
    await expect.poll(() => listed(panel), POLL).toEqual(before);

    // A browser page: the panel cannot see its address (no "tabs" permission) and says what it may be.
    await page.goto('chrome://version');
    await expect.poll(() => panel.locator('[data-testid="state"]').innerText(), POLL).toMatch(/not running on this page: it is a browser page, or a site outside its list/);
    await Promise.all([page.close(), panel.close()]);
  });

  it('“Show on page” scrolls to the first mention and flashes it; an entry opens its card in the panel', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await page.setViewportSize({ width: 900, height: 400 });
    const panel = await openSidePanel(session, await windowIdOf(session, page));
    const name = names.get('sadiq-khan')!;
    await panel.getByRole('button', { name: `Show ${name} on the page` }).click();
    await waitForRevealed(page, 'sadiq-khan');

    // The entry opens its card in the panel, in place, from the keyboard too; Escape closes it.
    const entry = panel.locator('button.entity[data-id="sadiq-khan"]');
    await entry.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => entry.getAttribute('aria-expanded'), POLL).toBe('true');
    const card = panel.locator('[data-testid="card-preview"] .card');
    await expect.poll(() => card.locator('h2').innerText(), POLL).toBe(name);
    expect(await card.innerText()).toMatch(/Mayor of London/);
    await card.locator('h2').click();
    await panel.keyboard.press('Escape');
    await expect.poll(() => panel.locator('[data-testid="card-preview"]').count(), POLL).toBe(0);
    expect(await entry.evaluate((el) => el === document.activeElement)).toBe(true);
    await Promise.all([page.close(), panel.close()]);
  });
});
