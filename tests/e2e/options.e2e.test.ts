import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { loadBundledKb } from '../helpers/kb';
import { cardText, mentionsOn, openOptions, openPage, openPopup, POLL, type Session, startSession } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const kb = loadBundledKb();

/** The text of the card preview, read from inside its shadow root. */
function previewText(options: Page): Promise<string> {
  return options.locator('[data-testid="card-preview"] .card').innerText();
}

async function exportFile(options: Page): Promise<{ notes: { entityId: string; text: string }[]; entities: { id: string }[] }> {
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export your notes, entries and corrections' }).click(),
  ]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

/** Imports a file and returns the message it brings (each case here says something different). */
async function importText(options: Page, name: string, text: string): Promise<string> {
  const message = options.locator('[data-testid="transfer-message"]');
  const previous = (await message.count()) ? await message.innerText() : '';
  await options.getByLabel('Import a file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect.poll(async () => ((await message.count()) ? message.innerText() : ''), POLL).not.toBe(previous);
  return message.innerText();
}

describe('sites', () => {
  it('lists a site switched off in the popup and switches it back on, live', async () => {
    const page = await openPage(session, 'seed-0-rowley-carrick');
    const count = await page.locator('met-mention').count();
    const popup = await openPopup(session, page);
    await popup.getByRole('switch', { name: /Annotate on this site/ }).uncheck();
    await expect.poll(() => page.locator('met-mention').count(), POLL).toBe(0);

    const options = await openOptions(session);
    expect(await options.getByRole('list', { name: 'Sites you switched off' }).innerText()).toContain('reuters.com');
    await options.getByRole('button', { name: 'Switch reuters.com back on' }).click();
    await expect.poll(() => page.locator('met-mention').count(), POLL).toBe(count);
    expect(await options.getByRole('list', { name: 'Sites you switched off' }).count()).toBe(0);
    await Promise.all([page.close(), popup.close(), options.close()]);
  });
});

describe('what to highlight', () => {
  it('hides a type and changes the highlight style on an open page, live', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    const before = await mentionsOn(page);
    expect(before.some((m) => m.type === 'person')).toBe(true);
    const options = await openOptions(session);

    await options.getByRole('checkbox', { name: 'People' }).uncheck();
    await expect.poll(async () => (await mentionsOn(page)).filter((m) => m.type === 'person').length, POLL).toBe(0);
    expect((await mentionsOn(page)).length).toBe(before.filter((m) => m.type !== 'person').length);

    await options.getByRole('radio', { name: 'Tint' }).check();
    const first = page.locator('met-mention').first();
    await expect.poll(() => first.evaluate((el) => getComputedStyle(el).textDecorationLine), POLL).toBe('none');
    expect(await first.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

    await options.getByRole('radio', { name: 'Underline' }).check();
    await expect.poll(() => first.evaluate((el) => getComputedStyle(el).textDecorationLine), POLL).toBe('underline');
    await options.getByRole('checkbox', { name: 'People' }).check();
    await expect.poll(async () => (await mentionsOn(page)).length, POLL).toBe(before.length);
    await Promise.all([page.close(), options.close()]);
  });
});

describe('the knowledge base', () => {
  it('shows its version and counts, finds an entry by name and shows its card', async () => {
    const options = await openOptions(session);
    expect(await options.locator('[data-testid="kb-version"]').innerText()).toContain(`Version ${kb.version} · ${kb.entities.length} entries`);
    const people = kb.entities.filter((e) => e.type === 'person').length;
    expect(await options.getByRole('list', { name: 'Entries by type' }).innerText()).toContain(`${people} People`);
    await options.getByLabel('Search by name').fill('rowley');
    await options.getByRole('button', { name: /Sir Mark Rowley/ }).click();
    expect(await previewText(options)).toContain('Commissioner of the Metropolitan Police');
    await options.close();
  });

  it('keeps a private note that the entry’s card shows on pages', async () => {
    const options = await openOptions(session);
    await options.getByLabel('Search by name').fill('carrick');
    await options.getByRole('button', { name: /David Carrick/ }).click();
    await options.getByLabel(/Your private note/).fill('Read the Angiolini part 2 report on him.');
    await options.getByRole('button', { name: 'Save note' }).click();
    expect(await options.locator('[data-testid="note-message"]').innerText()).toBe('Note saved.');
    expect(await previewText(options)).toMatch(/Your note\s+Read the Angiolini part 2 report on him\./i);

    const page = await openPage(session, 'seed-0-rowley-carrick');
    await page.locator('met-mention[data-met-id="david-carrick"]').first().hover();
    expect(await cardText(page)).toContain('Read the Angiolini part 2 report on him.');
    await Promise.all([page.close(), options.close()]);
  });

  it('adds the reader’s own entry, which is highlighted on pages like a built-in one', async () => {
    const options = await openOptions(session);
    await options.getByLabel('Type', { exact: true }).selectOption('plan');
    await options.getByLabel('Name', { exact: true }).fill('Registered sex offender management');
    await options.getByLabel(/Other names/).fill('registered sex offenders');
    await options.getByLabel(/Summary/).fill('My own entry: how the force manages registered sex offenders in London.');
    await options.getByLabel('Source publisher').fill('HMICFRS');
    await options.getByLabel('Source title').fill('PEEL inspection of the Metropolitan Police');
    await options.getByLabel(/Source date/).fill('2024-08');
    await options.getByRole('button', { name: 'Add entry' }).click();
    expect(await options.locator('[data-testid="entry-message"]').innerText()).toMatch(/Added “Registered sex offender management”/);

    const page = await openPage(session, 'seed-2-engage-exit');
    const own = page.locator('met-mention[data-met-id="own-registered-sex-offender-management"]');
    expect(await own.first().innerText()).toBe('registered sex offenders');
    await own.first().hover();
    expect(await cardText(page)).toContain('My own entry: how the force manages');
    await Promise.all([page.close(), options.close()]);
  });
});

describe('export and import', () => {
  it('exports the reader’s additions and refuses a broken file without changing anything', async () => {
    const options = await openOptions(session);
    const before = await exportFile(options);
    expect(before.notes.map((n) => n.entityId)).toContain('david-carrick');
    expect(before.entities.map((e) => e.id)).toEqual(['own-registered-sex-offender-management']);

    const valid = { ...before, notes: [{ entityId: 'mark-rowley', text: 'Imported note.', updated: '2026-11-25T10:00:00.000Z' }] };
    const cases: [string, string, RegExp][] = [
      ['broken.json', '{"format": "met-context-user-data", ', /not valid JSON/],
      ['wrong.json', JSON.stringify({ ...valid, entities: [{ id: 'x-1', type: 'person' }] }), /at entities\.0\.name/],
      ['conflict.json', JSON.stringify({ ...valid, entities: [{ ...before.entities[0], id: 'mark-rowley' }] }), /"mark-rowley" conflicts with a built-in entry/],
      ['big.json', JSON.stringify({ ...valid, padding: 'x'.repeat(3 * 1024 * 1024) }), /too large/],
    ];
    for (const [name, text, error] of cases) {
      const message = await importText(options, name, text);
      expect(message).toMatch(error);
      expect(message).toContain('Nothing was changed.');
      expect(await options.getByRole('alert').count()).toBe(1);
    }
    const after = await exportFile(options);
    expect({ notes: after.notes, entities: after.entities }).toEqual({ notes: before.notes, entities: before.entities });

    expect(await importText(options, 'good.json', JSON.stringify(valid))).toBe('Imported 1 note, 1 entry and 0 corrections.');
    expect((await exportFile(options)).notes.map((n) => n.entityId).sort()).toEqual(['david-carrick', 'mark-rowley']);
    await options.close();
  });
});
