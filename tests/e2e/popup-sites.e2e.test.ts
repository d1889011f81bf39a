/**
 * Turning Met Context on for a site outside the curated list, from the popup, and off again.
 *
 * Two things a headless test cannot do as a reader would are done as close to it as Chromium
 * allows: the toolbar button is pressed through the DevTools protocol
 * (`Extensions.triggerAction`, which grants `activeTab` exactly as a click does), and the
 * permission prompt, a browser dialog headless Chromium cannot answer, is pre-empted by
 * granting the site the way chrome://extensions does. The popup's own click then calls
 * `permissions.request` for real; Chromium answers it without a prompt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clickToolbarButton,
  grantedOrigins,
  grantSiteAsChromeExtensionsPage,
  openOptions,
  openPopup,
  registeredScripts,
  startSession,
  POLL,
  type Session,
} from './harness';

const UNLISTED = 'http://unlisted.example/news/seed-2-engage-exit.html';
const PATTERN = '*://*.unlisted.example/*';

let session: Session;
/** The first session owns the page server and the profile; a restart reuses both. */
let first: Session;
beforeAll(async () => {
  first = session = await startSession({ toolbar: true });
});
afterAll(async () => {
  if (session !== first) await session?.closeBrowser();
  await first?.close();
});

/** The reader's way to turn the unlisted site on: toolbar button, then "Turn on" in the popup. */
async function turnOnUnlisted(): Promise<{ page: Page; popup: Page }> {
  const page = await session.context.newPage();
  await page.goto(UNLISTED);
  await clickToolbarButton(session, page);
  const popup = await openPopup(session, page);
  await grantSiteAsChromeExtensionsPage(session, PATTERN);
  await popup.getByRole('button', { name: 'Turn on for unlisted.example' }).click();
  await page.waitForSelector('met-mention');
  return { page, popup };
}

describe('a site outside the news-site list', () => {
  it('is off until the reader turns it on from the popup, which asks for that site alone', async () => {
    const page = await session.context.newPage();
    await page.goto(UNLISTED);
    await page.waitForLoadState('load');
    expect(await page.locator('met-mention').count()).toBe(0);

    await clickToolbarButton(session, page);
    const popup = await openPopup(session, page);
    expect(await popup.locator('[data-testid="state"]').innerText()).toMatch(/does not run on unlisted\.example/);
    expect(await grantedOrigins(session)).not.toContain(PATTERN);

    await grantSiteAsChromeExtensionsPage(session, PATTERN);
    await popup.getByRole('button', { name: 'Turn on for unlisted.example' }).click();
    // The open tab is annotated without a reload.
    await page.waitForSelector('met-mention');
    await popup.getByRole('switch', { name: /Annotate on this site/ }).waitFor();
    expect(await popup.getByRole('switch', { name: /Annotate on this site/ }).isChecked()).toBe(true);
    expect(await grantedOrigins(session)).toContain(PATTERN);
    expect((await registeredScripts(session)).flatMap((s) => s.matches)).toEqual([PATTERN]);

    // The registration persists: a reload (and a new tab) is annotated by it.
    await page.reload();
    await page.waitForSelector('met-mention');

    const options = await openOptions(session);
    expect(await options.getByRole('list', { name: 'Sites you added' }).innerText()).toContain('unlisted.example');
    await options.close();

    // Off: highlights go at once, the permission is given back and the registration removed.
    await popup.getByRole('switch', { name: /Annotate on this site/ }).uncheck();
    await expect.poll(() => page.locator('met-mention').count(), POLL).toBe(0);
    await expect.poll(() => grantedOrigins(session), POLL).not.toContain(PATTERN);
    expect(await registeredScripts(session)).toEqual([]);
    await page.reload();
    await page.waitForLoadState('load');
    expect(await page.locator('met-mention').count()).toBe(0);
    await Promise.all([page.close(), popup.close()]);
  });

  it('can be removed from the options page, which gives its access back', async () => {
    const { page, popup } = await turnOnUnlisted();

    const options = await openOptions(session);
    await options.getByRole('button', { name: 'Remove unlisted.example and give back its access' }).click();
    expect(await options.locator('[data-testid="sites-message"]').innerText()).toMatch(/unlisted\.example removed/);
    await expect.poll(() => page.locator('met-mention').count(), POLL).toBe(0);
    expect(await grantedOrigins(session)).not.toContain(PATTERN);
    expect(await registeredScripts(session)).toEqual([]);
    await Promise.all([page.close(), popup.close(), options.close()]);
  });

  it('stays on after a browser restart, from the registration the background keeps in step with the permission', async () => {
    await turnOnUnlisted();

    await session.closeBrowser();
    session = await startSession({ userDataDir: first.userDataDir, port: first.port, toolbar: true });
    const again = await session.context.newPage();
    await again.goto(UNLISTED);
    await again.waitForSelector('met-mention');
    expect(await grantedOrigins(session)).toContain(PATTERN);
    expect((await registeredScripts(session)).flatMap((s) => s.matches)).toEqual([PATTERN]);
    await again.close();
  });
});

describe('every site, chosen from the popup', () => {
  const ELSEWHERE = 'http://stories.elsewhere.example/2025/seed-2-engage-exit.html';
  const EVERY_SITE = '*://*/*';

  it('is offered on a site outside the list, stays on after a browser restart, and is given back from the popup', async () => {
    const page = await session.context.newPage();
    await page.goto(ELSEWHERE);
    await clickToolbarButton(session, page);
    const popup = await openPopup(session, page);
    await grantSiteAsChromeExtensionsPage(session, EVERY_SITE);
    await popup.getByRole('button', { name: 'Turn on for every site' }).click();
    // The open tab is annotated without a reload, and the popup now shows the switch on.
    await page.waitForSelector('met-mention');
    const everySwitch = popup.getByRole('switch', { name: /Run on every site/ });
    await everySwitch.waitFor();
    expect(await everySwitch.isChecked()).toBe(true);
    expect(await grantedOrigins(session)).toContain(EVERY_SITE);

    // After a restart the registration the background keeps is in force on any site.
    await session.closeBrowser();
    session = await startSession({ userDataDir: first.userDataDir, port: first.port, toolbar: true });
    const again = await session.context.newPage();
    await again.goto(ELSEWHERE.replace('stories.', 'www.'));
    await again.waitForSelector('met-mention');
    expect((await registeredScripts(session)).some((s) => s.matches?.includes(EVERY_SITE))).toBe(true);

    // Given back with the popup's switch: highlights go at once, and so do the permission and registration.
    await clickToolbarButton(session, again);
    const popupAgain = await openPopup(session, again);
    await popupAgain.getByRole('switch', { name: /Run on every site/ }).uncheck();
    await expect.poll(() => again.locator('met-mention').count(), POLL).toBe(0);
    await expect.poll(() => grantedOrigins(session), POLL).not.toContain(EVERY_SITE);
    expect((await registeredScripts(session)).some((s) => s.matches?.includes(EVERY_SITE))).toBe(false);
    await again.reload();
    await again.waitForLoadState('load');
    expect(await again.locator('met-mention').count()).toBe(0);
  });
});
