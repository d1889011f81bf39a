import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadBundledKb } from '../helpers/kb';
import { cardText, mentionsOn, openPage, openPopup, startSession, PAGE_URLS, POLL, waitForRevealed, waitUntilSettled, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const names = new Map(loadBundledKb().entities.map((e) => [e.id, e.name]));

async function popupCounts(popup: Page): Promise<Record<string, number>> {
  return popup.$$eval('.counts li', (items) =>
    Object.fromEntries(items.map((li) => [li.getAttribute('data-type'), Number(li.querySelector('strong')!.textContent)])),
  );
}

describe('the popup', () => {
  it('shows counts by type and the names that match the page', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    const seen = await mentionsOn(page);
    const expected: Record<string, number> = {};
    for (const id of new Set(seen.map((m) => m.id))) {
      const type = seen.find((m) => m.id === id)!.type;
      expected[type] = (expected[type] ?? 0) + 1;
    }
    const popup = await openPopup(session, page);
    expect(await popupCounts(popup)).toEqual(expected);
    const listed = await popup.$$eval('.entity .name', (els) => els.map((e) => e.textContent));
    expect(listed.sort()).toEqual([...new Set(seen.map((m) => names.get(m.id)))].sort());
    // A figure that differs from its source is listed first among statistics, and marked.
    expect(await popup.locator('.group[data-type="statistic"] .entity').first().innerText()).toContain('figure differs');
    await Promise.all([page.close(), popup.close()]);
  });

  it('says why a page that is not about the Met has no highlights', async () => {
    const page = await openPage(session, 'neg-met-office', false);
    const popup = await openPopup(session, page);
    expect(await popup.locator('[data-testid="reason"]').innerText()).toMatch(/not appear to be about London’s Metropolitan Police/);
    await Promise.all([page.close(), popup.close()]);
  });

  it('says when the page is a browser page no extension may run on', async () => {
    const page = await session.context.newPage();
    await page.goto('chrome://version');
    const popup = await openPopup(session, page);
    expect(await popup.locator('[data-testid="state"]').innerText()).toMatch(/Extensions cannot run on this page/);
    expect(await popup.getByRole('switch').count()).toBe(0);
    await Promise.all([page.close(), popup.close()]);
  });

  it('draws a timeline of the dated events behind the page, with the article’s own date', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    const popup = await openPopup(session, page);
    const figure = popup.getByRole('figure');
    await figure.waitFor();
    // The picture is one labelled image; its text alternative names the article's date.
    expect(await popup.getByRole('img', { name: /^Timeline: .*this article is dated 6 March 2025/ }).count()).toBe(1);
    await popup.getByText('Events as a list').click();
    const rows = await popup.$$eval('.timeline-list li', (items) => items.map((li) => ({ date: li.getAttribute('data-date'), text: li.textContent })));
    // Events are oldest first, and come from the entities the page mentions.
    expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort());
    expect(rows).toContainEqual({ date: '2025-03-06', text: '6 March 2025 — this article' });
    expect(rows.some((r) => r.text?.includes('Sir Mark Rowley: Took the oath and started as Commissioner'))).toBe(true);
    await Promise.all([page.close(), popup.close()]);
  });

  it('jumps to the first mention of an entity, flashes it and opens its card', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await page.setViewportSize({ width: 900, height: 400 });
    const popup = await openPopup(session, page);
    const name = names.get('sadiq-khan')!;
    await popup.getByRole('button', { name: new RegExp(name) }).click();
    await waitForRevealed(page, 'sadiq-khan');
    expect(await cardText(page)).toContain(name);
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('the all-sites switch', () => {
  it('turns annotation off and on in every open tab, without a reload', async () => {
    const a = await openPage(session, 'seed-2-engage-exit');
    const b = await openPage(session, 'seed-1-new-met-plan');
    const counts = [await a.locator('met-mention').count(), await b.locator('met-mention').count()];
    const popup = await openPopup(session, a);
    await popup.getByRole('switch', { name: /Annotate on all sites/ }).uncheck();
    await expect.poll(() => a.locator('met-mention').count(), POLL).toBe(0);
    await expect.poll(() => b.locator('met-mention').count(), POLL).toBe(0);
    expect(await popup.locator('[data-testid="state"]').innerText()).toMatch(/off on every site/);
    await popup.getByRole('switch', { name: /Annotate on all sites/ }).check();
    await expect.poll(() => a.locator('met-mention').count(), POLL).toBe(counts[0]);
    await expect.poll(() => b.locator('met-mention').count(), POLL).toBe(counts[1]);
    await Promise.all([a.close(), b.close(), popup.close()]);
  });
});

describe('the site switch', () => {
  it('removes every highlight live, restoring the page’s DOM exactly, and brings them back', async () => {
    const page = await openPage(session, 'seed-1-new-met-plan');
    const highlighted = (await mentionsOn(page)).length;
    expect(highlighted).toBeGreaterThan(20);
    const popup = await openPopup(session, page);
    await popup.getByRole('switch', { name: /Annotate on this site/ }).uncheck();
    await expect.poll(() => page.locator('met-mention').count(), POLL).toBe(0);
    const afterOff = await page.evaluate(() => document.documentElement.outerHTML);

    // The same page loaded while the site is off is the page as its publisher made it.
    const pristine = await session.context.newPage();
    await pristine.goto(PAGE_URLS['seed-1-new-met-plan']!);
    await waitUntilSettled(session, pristine);
    expect(await pristine.locator('met-mention').count()).toBe(0);
    expect(afterOff).toBe(await pristine.evaluate(() => document.documentElement.outerHTML));
    expect(await popup.locator('.empty').innerText()).toMatch(/Annotation is off/);

    await popup.getByRole('switch', { name: /Annotate on this site/ }).check();
    await expect.poll(async () => (await mentionsOn(page)).length, POLL).toBe(highlighted);
    await Promise.all([page.close(), popup.close(), pristine.close()]);
  });

  it('keeps the choice across reloads and browser restarts', async () => {
    const page = await openPage(session, 'seed-0-rowley-carrick');
    const popup = await openPopup(session, page);
    await popup.getByRole('switch', { name: /Annotate on this site/ }).uncheck();
    await expect.poll(() => page.locator('met-mention').count(), POLL).toBe(0);
    await page.reload();
    await waitUntilSettled(session, page);
    expect(await page.locator('met-mention').count()).toBe(0);
    // Other sites are not affected.
    const other = await openPage(session, 'seed-2-engage-exit');
    expect(await other.locator('met-mention').count()).toBeGreaterThan(0);

    await session.closeBrowser();
    session = await startSession({ userDataDir: session.userDataDir, port: session.port });
    const again = await openPage(session, 'seed-0-rowley-carrick', false);
    expect(await again.locator('met-mention').count()).toBe(0);
    const popupAgain = await openPopup(session, again);
    await popupAgain.getByRole('switch', { name: /Annotate on this site/ }).check();
    await again.waitForSelector('met-mention');
  });
});
