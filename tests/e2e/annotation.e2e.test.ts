import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_ARTICLE_SELECTORS, SEED_EXPECTATIONS } from '../fixtures/expected';
import { NEGATIVE_PAGES, SEED_PAGES } from '../helpers/fixtures';
import { loadBundledKb } from '../helpers/kb';
import { mentionsOn, openPage, pageSummary, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const types = new Map(loadBundledKb().entities.map((e) => [e.id, e.type]));

describe.each(SEED_PAGES)('seed article %s in Chromium', (name) => {
  const expected = SEED_EXPECTATIONS[name]!;

  it('highlights every expected mention with its id and type, and nothing outside the article', async () => {
    const page = await openPage(session, name);
    const seen = await mentionsOn(page);
    const ids = new Set(seen.map((m) => m.id));
    expect(expected.mustHighlight.filter((id) => !ids.has(id))).toEqual([]);
    for (const m of seen) expect(m.type, m.id).toBe(types.get(m.id));
    for (const selector of NOT_ARTICLE_SELECTORS) {
      expect(await page.locator(`${selector} met-mention`).count(), selector).toBe(0);
    }
    const flagged = [...new Set(seen.filter((m) => m.differs).map((m) => m.id))].sort();
    expect(flagged).toEqual([...(expected.differs ?? [])].sort());
    await page.close();
  });

  it('leaves the visible text of the page unchanged', async () => {
    const page = await openPage(session, name);
    const withHighlights = await page.evaluate(() => document.body.innerText);
    const plain = await session.context.newPage();
    // The same file on a host outside the news-site list, where the extension does not run.
    await plain.goto(`http://unlisted.example/${new URL(page.url()).pathname.split('/').pop()}`);
    expect(await pageSummary(session, plain), 'no content script runs on an unlisted host').toBeNull();
    expect(await plain.locator('met-mention').count()).toBe(0);
    expect(withHighlights).toBe(await plain.evaluate(() => document.body.innerText));
    await Promise.all([page.close(), plain.close()]);
  });
});

describe.each(NEGATIVE_PAGES)('page not about the Met: %s', (name) => {
  it('gets no highlight at all', async () => {
    const page = await openPage(session, name, false);
    expect(await page.locator('met-mention').count()).toBe(0);
    await page.close();
  });
});
