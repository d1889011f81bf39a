/**
 * Corrections ("not this"), as a reader makes them from the card with the mouse, a finger and
 * the keyboard: each hides what it should and only that, at once in every open tab, survives a
 * reload and a browser restart, is undone on the card and from the options page, and travels
 * in the export file (a malformed correction there is named and changes nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  focusInCard,
  mentionsOn,
  openOptions,
  openPage,
  openPopup,
  pageSummary,
  POLL,
  startSession,
  tap,
  waitForCardTitle,
  waitUntilSettled,
  type SeenMention,
  type Session,
} from './harness';

let session: Session;
/** The first session owns the page server and the profile; a restart reuses both. */
let first: Session;
beforeAll(async () => {
  first = session = await startSession();
});
afterAll(async () => {
  if (session !== first) await session?.closeBrowser();
  await first?.close();
});

const key = (m: SeenMention) => `${m.id}:${m.text}`;
const keys = async (page: Page) => (await mentionsOn(page)).map(key);
/** The first piece of every highlight, in page order (as mentionsOn lists them). */
const highlight = (page: Page, index: number) => page.locator('met-mention:not([data-met-part])').nth(index);
const correctButton = (page: Page, kind: string) => page.locator(`met-card button[data-correct="${kind}"]`);
const notice = (page: Page) => page.locator('met-card .correction-notice');

/** The page's text as a reader sees it: a correction must leave it exactly as it was. */
const pageText = (page: Page) => page.evaluate(() => document.body.innerText);

/** What each page showed before any correction, and where the corrected highlights were. */
const pristine: Record<string, string[]> = {};
let notThisIndex = -1;

async function pristineKeys(name: string): Promise<string[]> {
  if (!pristine[name]) {
    const page = await openPage(session, name);
    pristine[name] = await keys(page);
    await page.close();
  }
  return pristine[name]!;
}

/** The pristine highlights of a page without those a test's corrections hide. */
function expectedAfter(name: string, hide: (k: string, i: number) => boolean): string[] {
  return pristine[name]!.filter((k, i) => !hide(k, i));
}
const isNotThisOne = (name: string) => (_: string, i: number) => name === 'seed-0-rowley-carrick' && i === notThisIndex;
const isScotlandYardOnReuters = (name: string) => (k: string) => name === 'seed-0-rowley-carrick' && k.endsWith(':Scotland Yard');
const isSirMarkRowley = () => (k: string) => k === 'mark-rowley:Sir Mark Rowley';
const afterAll3 = (name: string) =>
  expectedAfter(name, (k, i) => isNotThisOne(name)(k, i) || isScotlandYardOnReuters(name)(k) || isSirMarkRowley()(k));

describe('corrections', () => {
  it('"Not this one" (mouse) hides that highlight only, restores the page’s text, is undone on the card, and survives a reload', async () => {
    const before = await pristineKeys('seed-0-rowley-carrick');
    // The second "David Carrick": one highlight among several of the same entity and text.
    notThisIndex = before.map((k, i) => [k, i] as const).filter(([k]) => k === 'david-carrick:David Carrick')[1]![1];
    const page = await openPage(session, 'seed-0-rowley-carrick');
    const text = await pageText(page);

    await highlight(page, notThisIndex).hover();
    await waitForCardTitle(page, 'David Carrick');
    await correctButton(page, 'page').click();
    const after = expectedAfter('seed-0-rowley-carrick', isNotThisOne('seed-0-rowley-carrick'));
    await expect.poll(() => keys(page), POLL).toEqual(after);
    expect(await pageText(page)).toBe(text);
    expect(await notice(page).innerText()).toMatch(/Hidden: “David Carrick” here is not David Carrick\./);
    expect(await focusInCard(page)).toBe('undo');

    // Undo on the card brings it back, then the reader says it again.
    await notice(page).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => keys(page), POLL).toEqual(before);
    expect(await notice(page).innerText()).toMatch(/Undone/);
    await highlight(page, notThisIndex).hover();
    await waitForCardTitle(page, 'David Carrick');
    await correctButton(page, 'page').click();
    await expect.poll(() => keys(page), POLL).toEqual(after);

    const popup = await openPopup(session, page);
    expect(await popup.locator('[data-testid="hidden"]').innerText()).toMatch(/^1 highlight hidden by your corrections/);

    await page.reload();
    await page.waitForSelector('met-mention');
    await waitUntilSettled(session, page);
    expect(await keys(page)).toEqual(after);
    expect((await pageSummary(session, page))?.hidden).toBe(1);
    await Promise.all([page.close(), popup.close()]);
  });

  it('"Never on this site" (touch) hides that text on the site in every open tab at once, and not on another site', async () => {
    const otherSite = await pristineKeys('seed-2-engage-exit');
    expect(otherSite.some((k) => k.endsWith(':Scotland Yard'))).toBe(true);
    const page = await openPage(session, 'seed-0-rowley-carrick');
    const second = await openPage(session, 'seed-0-rowley-carrick');
    const elsewhere = await openPage(session, 'seed-2-engage-exit');
    const index = (await keys(page)).findIndex((k) => k.endsWith(':Scotland Yard'));

    await page.bringToFront();
    await tap(page, highlight(page, index));
    await correctButton(page, 'site').waitFor({ state: 'visible' });
    expect(await correctButton(page, 'site').innerText()).toBe('Never highlight “Scotland Yard” on reuters.com');
    await tap(page, correctButton(page, 'site'));
    const after = expectedAfter('seed-0-rowley-carrick', (k, i) => isNotThisOne('seed-0-rowley-carrick')(k, i) || k.endsWith(':Scotland Yard'));
    await expect.poll(() => keys(page), POLL).toEqual(after);
    await expect.poll(() => keys(second), POLL).toEqual(after);
    await waitUntilSettled(session, elsewhere);
    expect(await keys(elsewhere)).toEqual(otherSite);
    await Promise.all([page.close(), second.close(), elsewhere.close()]);
  });

  it('"Never as this entry" (keyboard) hides that text as that entry on every site, at once, and is said aloud', async () => {
    await pristineKeys('seed-2-engage-exit');
    await pristineKeys('seed-0-rowley-carrick');
    const page = await openPage(session, 'seed-1-new-met-plan');
    const elsewhere = await openPage(session, 'seed-2-engage-exit');
    pristine['seed-1-new-met-plan'] = await keys(page);
    const index = pristine['seed-1-new-met-plan']!.indexOf('mark-rowley:Sir Mark Rowley');
    expect(index).toBeGreaterThanOrEqual(0);

    await page.bringToFront();
    await highlight(page, index).focus();
    await waitForCardTitle(page, 'Sir Mark Rowley');
    await page.keyboard.press('Enter');
    // Tab through the card to its last control: the entry-wide correction.
    for (let stops = 0; stops < 60; stops++) {
      const focused = await page.evaluate(() => document.querySelector('met-card')?.shadowRoot?.activeElement?.getAttribute('data-correct') ?? null);
      if (focused === 'entry') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => keys(page), POLL).toEqual(afterAll3('seed-1-new-met-plan'));
    await expect.poll(() => keys(elsewhere), POLL).toEqual(afterAll3('seed-2-engage-exit'));
    expect(await page.locator('met-card .live').innerText()).toMatch(/“Sir Mark Rowley” is no longer highlighted as Sir Mark Rowley\. Undo is available\./);
    expect(await focusInCard(page)).toBe('undo');
    await Promise.all([page.close(), elsewhere.close()]);
  });

  it('survives a browser restart, is undone from the options page, and round-trips through export and import', async () => {
    await session.closeBrowser();
    session = await startSession({ userDataDir: first.userDataDir, port: first.port });
    const pages: Record<string, Page> = {};
    for (const name of ['seed-0-rowley-carrick', 'seed-1-new-met-plan', 'seed-2-engage-exit']) {
      pages[name] = await openPage(session, name);
      await waitUntilSettled(session, pages[name]!);
      expect(await keys(pages[name]!)).toEqual(afterAll3(name));
    }

    const options = await openOptions(session);
    const list = options.getByRole('list', { name: 'Your corrections' });
    await expect.poll(() => list.locator('li').count(), POLL).toBe(3);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export your notes, entries and corrections' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({ format: 'met-context-user-data', version: 2 });
    expect(exported.corrections.map((c: { kind: string }) => c.kind).sort()).toEqual(['entry', 'page', 'site']);

    const [report] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export corrections for the maintainers' }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/^met-context-corrections-\d{4}-\d{2}-\d{2}\.json$/);
    const sent = JSON.parse(readFileSync((await report.path())!, 'utf8'));
    expect(sent).toMatchObject({ format: 'met-context-corrections', version: 1 });
    expect(sent.corrections).toEqual(exported.corrections);

    // A malformed correction is named and changes nothing.
    const transfer = options.locator('[data-testid="transfer-message"]');
    const bad = { ...exported, corrections: [...exported.corrections, { ...exported.corrections[0], kind: 'everywhere' }] };
    await options.getByLabel('Import a file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(async () => ((await transfer.count()) ? transfer.innerText() : ''), POLL).toMatch(/at corrections\.3\.kind: kind must be one of page, site, entry.*Nothing was changed\./);
    expect(await list.locator('li').count()).toBe(3);

    // Undone one by one from the options page: the open tabs follow at once.
    for (let left = 3; left > 0; left--) {
      await list.getByRole('button', { name: /^Remove: / }).first().click();
      await expect.poll(() => list.locator('li').count(), POLL).toBe(left - 1);
    }
    for (const name of Object.keys(pages)) await expect.poll(() => keys(pages[name]!), POLL).toEqual(pristine[name]);

    // The export file brings them all back.
    await options.getByLabel('Import a file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await expect.poll(async () => ((await transfer.count()) ? transfer.innerText() : ''), POLL).toMatch(/and 3 corrections\./);
    for (const name of Object.keys(pages)) await expect.poll(() => keys(pages[name]!), POLL).toEqual(afterAll3(name));
    await Promise.all([...Object.values(pages).map((p) => p.close()), options.close()]);
  });
});
