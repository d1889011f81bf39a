/**
 * An extension update in Chromium with the reader's notes and own entries in IndexedDB: the
 * unpacked directory is replaced by the next build (a bumped version and KB) and Chromium is
 * started again on the same profile, which installs it as an update (`onInstalled`, reason
 * "update"). Nothing of the reader's is lost and the new KB is seeded. (`chrome.runtime.reload()`
 * would be closer to a store update, but Chromium 156 leaves an extension loaded with
 * --load-extension unloaded after it.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/chromium.mjs';
import { cardText, openPage, POLL, startSession, type Session } from './harness';
import { dbOp } from './extension-worker';

const NEXT_SUMMARY = 'Summary as changed in the next knowledge-base release, for the update test.';

let first: Session;
let session: Session;
let extensionDir: string;

beforeAll(async () => {
  extensionDir = path.join(mkdtempSync(path.join(tmpdir(), 'met-ext-')), 'extension');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  first = await startSession({ extensionDir });
  session = first;
});
afterAll(async () => {
  await session?.close();
  await first?.close();
  rmSync(path.dirname(extensionDir), { recursive: true, force: true });
});

const editJson = (file: string, edit: (data: any) => void) => {
  const full = path.join(extensionDir, file);
  const data = JSON.parse(readFileSync(full, 'utf8'));
  edit(data);
  writeFileSync(full, JSON.stringify(data));
};

describe('an extension update', () => {
  it('keeps the reader’s notes and own entries and seeds the new KB', async () => {
    await (await openPage(session, 'seed-2-engage-exit')).close();
    const before = session.worker;
    const oldVersion = ((await dbOp(before, 'meta', 'get', 'kbVersion')) as { value: string }).value;
    const own = { ...((await dbOp(before, 'entities', 'get', 'lee-freeman')) as object), id: 'my-own-entry', name: 'My own entry' };
    const note = { entityId: 'lee-freeman', text: 'My note, written before the update', updated: '2026-11-25' };
    await dbOp(before, 'notes', 'put', note);
    await dbOp(before, 'userEntities', 'put', own);

    // The next build: a bumped extension version and KB version, and one changed summary.
    const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
    const nextVersion = manifest.version.replace(/\d+$/, (n: string) => String(Number(n) + 1));
    editJson('manifest.json', (m) => (m.version = nextVersion));
    editJson('kb/index.json', (index) => (index.version = `${oldVersion}-next`));
    editJson('kb/people.json', (file) => {
      file.entities.find((e: { id: string }) => e.id === 'lee-freeman').summary = NEXT_SUMMARY;
    });

    await first.closeBrowser();
    session = await startSession({ extensionDir, userDataDir: first.userDataDir, port: first.port });
    expect(session.extensionId).toBe(first.extensionId);
    const after = session.worker;
    expect(await after.evaluate(() => chrome.runtime.getManifest().version)).toBe(nextVersion);

    await expect
      .poll(async () => ((await dbOp(after, 'meta', 'get', 'kbVersion')) as { value: string } | undefined)?.value, POLL)
      .toBe(`${oldVersion}-next`);
    expect(await dbOp(after, 'notes', 'getAll')).toEqual([note]);
    expect(await dbOp(after, 'userEntities', 'getAll')).toEqual([own]);

    const page = await openPage(session, 'seed-2-engage-exit');
    await page.hover('met-mention[data-met-id="lee-freeman"]');
    expect(await cardText(page)).toContain(NEXT_SUMMARY);
    await page.close();
  });
});
