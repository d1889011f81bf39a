/**
 * Reach: the first-run page, the every-site choice (one permission, given back with one switch)
 * and sites newly on the curated list, as a reader meets them.
 *
 * (Hosts on Chromium's HSTS preload list, Wikipedia and GOV.UK among them, cannot be served
 * over plain http here; their entries are checked by the list's unit test.)
 *
 * Chromium shows `permissions.request`'s prompt as a browser dialog a headless test cannot
 * answer; the access is first granted the way chrome://extensions does, and the page's real
 * click on the choice then gets its answer from Chromium without a prompt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  grantedOrigins,
  grantSiteAsChromeExtensionsPage,
  mentionsOn,
  openOptions,
  POLL,
  registeredScripts,
  startSession,
  waitUntilSettled,
  type Session,
} from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const EVERY_SITE = '*://*/*';
const welcomePage = () => session.context.pages().find((p) => p.url().endsWith('/welcome.html'));

describe('the first run', () => {
  it('opens a page that says what the extension does, that nothing leaves the browser, and offers the two choices', async () => {
    await expect.poll(() => Boolean(welcomePage()), POLL).toBe(true);
    const welcome = welcomePage()!;
    await welcome.getByRole('heading', { name: 'Met Context is installed' }).waitFor();
    const text = await welcome.locator('main').innerText();
    expect(text).toContain('Nothing you read leaves your browser.');
    expect(text).toMatch(/On \d+ news sites \(recommended\)/);
    expect(text).toContain('On every site');
    expect(await welcome.getByRole('button', { name: 'Run on every site' }).count()).toBe(1);
  });
});

describe('every site, by the reader’s choice', () => {
  it('runs on any site once chosen, the relevance gate deciding page by page, and gives it all back with one switch', async () => {
    const story = await session.context.newPage();
    await story.goto('http://blog.unlisted.example/posts/seed-2-engage-exit.html');
    const weather = await session.context.newPage();
    await weather.goto('http://weather.unlisted.example/today/neg-met-office.html');
    expect(await story.locator('met-mention').count()).toBe(0);

    const welcome = welcomePage()!;
    await grantSiteAsChromeExtensionsPage(session, EVERY_SITE);
    await welcome.getByRole('button', { name: 'Run on every site' }).click();
    await expect.poll(() => welcome.getByTestId('welcome-message').innerText().catch(() => ''), POLL).toBe('Met Context now runs on every site.');
    expect(await grantedOrigins(session)).toContain(EVERY_SITE);
    const every = (await registeredScripts(session)).find((s) => s.matches?.includes(EVERY_SITE));
    expect(every, 'one registration for every site').toBeTruthy();

    // Pages loaded from now on: a Met story is highlighted, a weather page stays dark.
    await story.reload();
    await story.waitForSelector('met-mention');
    expect((await mentionsOn(story)).map((m) => m.id)).toContain('hmicfrs-engage');
    await weather.reload();
    const dark = await waitUntilSettled(session, weather);
    expect(dark).toMatchObject({ enabled: true, relevant: false });
    expect(await weather.locator('met-mention').count()).toBe(0);

    // Given back from the options page: highlights go at once, the permission and registration too.
    const options = await openOptions(session);
    const everySwitch = options.getByRole('switch', { name: /Run on every site/ });
    expect(await everySwitch.isChecked()).toBe(true);
    await everySwitch.uncheck();
    await expect.poll(() => story.locator('met-mention').count(), POLL).toBe(0);
    await expect.poll(() => grantedOrigins(session), POLL).not.toContain(EVERY_SITE);
    expect((await registeredScripts(session)).some((s) => s.matches?.includes(EVERY_SITE))).toBe(false);
    expect(await options.getByTestId('sites-message').innerText()).toMatch(/access was given back/);
    await story.reload();
    await story.waitForLoadState('load');
    expect(await story.locator('met-mention').count()).toBe(0);
    await Promise.all([story.close(), weather.close(), options.close()]);
  });
});

describe('sites newly on the curated list', () => {
  it.each([
    ['Hansard', 'http://hansard.parliament.uk/commons/2025-03-06/debates/seed-2-engage-exit.html'],
    ['The Independent’s newer domain', 'http://www.the-independent.com/news/uk/crime/seed-2-engage-exit.html'],
    ['the Met’s own news site', 'http://news.met.police.uk/news/seed-2-engage-exit.html'],
    ['policing trade press', 'http://www.policeprofessional.com/news/seed-2-engage-exit.html'],
    ['London local news', 'http://www.thisislocallondon.co.uk/news/seed-2-engage-exit.html'],
  ])('annotates a Met story on %s out of the box', async (_, url) => {
    const page = await session.context.newPage();
    await page.goto(url);
    await page.waitForSelector('met-mention');
    expect((await mentionsOn(page)).map((m) => m.id)).toContain('hmicfrs-engage');
    await page.close();
  });
});
