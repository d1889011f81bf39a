import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadBundledKb } from '../helpers/kb';
import { mentionsOn, openPage, openPopup, startSession, PAGE_URLS, type Session } from './harness';

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

  it('says when the extension cannot run on a page', async () => {
    const page = await session.context.newPage();
    await page.goto('http://unlisted.example/seed-2-engage-exit.html');
    const popup = await openPopup(session, page);
    expect(await popup.locator('.empty').innerText()).toMatch(/does not run on this page/);
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('the site switch', () => {
  it('removes every highlight live, restoring the page’s DOM exactly, and brings them back', async () => {
    const page = await openPage(session, 'seed-1-new-met-plan');
    const highlighted = (await mentionsOn(page)).length;
    expect(highlighted).toBeGreaterThan(20);
    const popup = await openPopup(session, page);
    await popup.getByRole('switch', { name: /Annotate on this site/ }).uncheck();
    await expect.poll(() => page.locator('met-mention').count()).toBe(0);
    const afterOff = await page.evaluate(() => document.documentElement.outerHTML);

    // The same page loaded while the site is off is the page as its publisher made it.
    const pristine = await session.context.newPage();
    await pristine.goto(PAGE_URLS['seed-1-new-met-plan']!);
    await pristine.waitForTimeout(1000);
    expect(await pristine.locator('met-mention').count()).toBe(0);
    expect(afterOff).toBe(await pristine.evaluate(() => document.documentElement.outerHTML));
    expect(await popup.locator('.empty').innerText()).toMatch(/Annotation is off/);

    await popup.getByRole('switch', { name: /Annotate on this site/ }).check();
    await expect.poll(async () => (await mentionsOn(page)).length).toBe(highlighted);
    await Promise.all([page.close(), popup.close(), pristine.close()]);
  });

  it('keeps the choice across reloads and browser restarts', async () => {
    const page = await openPage(session, 'seed-0-rowley-carrick');
    const popup = await openPopup(session, page);
    await popup.getByRole('switch', { name: /Annotate on this site/ }).uncheck();
    await expect.poll(() => page.locator('met-mention').count()).toBe(0);
    await page.reload();
    await page.waitForTimeout(1500);
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
