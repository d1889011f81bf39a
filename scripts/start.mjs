// `npm start`: installs what is missing, builds the extension, serves the seed articles on
// 127.0.0.1 and opens one in Chromium with the extension loaded. With a display it leaves the
// browser open for you; without one it runs headless and writes screenshots to a folder.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies } from './lib/deps.mjs';

ensureDependencies();
const { ensureChromium, launchWithExtension } = await import('./lib/chromium.mjs');
const { serveFixtures } = await import('./lib/server.mjs');

ensureChromium();
execSync('npx wxt build', { stdio: 'inherit' });

const server = await serveFixtures();
const ARTICLE = 'http://www.standard.co.uk/news/crime/seed-2-engage-exit.html';
const headless = !process.env.DISPLAY;
const { context, worker, extensionId } = await launchWithExtension({ port: server.port, headless });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(ARTICLE);
await page.waitForSelector('met-mention', { timeout: 15_000 });

if (!headless) {
  console.log(`\nChromium is open on ${ARTICLE} (served from 127.0.0.1:${server.port}).`);
  console.log('Hover a highlighted name or figure for its card; the toolbar button opens the popup.');
  console.log('Close the browser window to stop.');
  await new Promise((resolve) => context.on('close', resolve));
  await server.close();
  process.exit(0);
}

const outDir = path.resolve(process.env.SCREENSHOT_DIR ?? 'screenshots');
mkdirSync(outDir, { recursive: true });
const shot = (p, name) => p.screenshot({ path: path.join(outDir, name) });

await page.setViewportSize({ width: 1100, height: 800 });
await page.locator('met-mention').first().scrollIntoViewIfNeeded();
await shot(page, 'page-highlights.png');

/**
 * One card per type, opened as a reader would: hovering the first mention of each (and, for
 * the types no seed article names, clicking the chip on a related card). Each row: the file
 * name, the article, the mention, the chip (if any) and the colour scheme.
 */
const SEED_1 = 'http://www.londonworld.com/news/crime/seed-1-new-met-plan.html';
const CARDS = [
  { file: 'card-person.png', url: ARTICLE, id: 'mark-rowley' },
  { file: 'card-person-at-article-date.png', url: ARTICLE, id: 'yvette-cooper' },
  { file: 'card-statistic.png', url: ARTICLE, id: 'stat-999-answered-10s', differs: true },
  { file: 'card-monitoring.png', url: ARTICLE, id: 'hmicfrs-engage' },
  { file: 'card-organisation.png', url: ARTICLE, id: 'hmicfrs' },
  { file: 'card-inquiry.png', url: ARTICLE, id: 'elish-angiolini', chip: 'angiolini-inquiry' },
  { file: 'card-report.png', url: ARTICLE, id: 'lee-freeman', chip: 'peel-met-2024' },
  { file: 'card-review.png', url: SEED_1, id: 'casey-review' },
  { file: 'card-plan.png', url: SEED_1, id: 'new-met-for-london' },
  { file: 'card-dark.png', url: ARTICLE, id: 'lee-freeman', colorScheme: 'dark' },
];
const tabs = new Map([[ARTICLE, page]]);
for (const { file, url, id, chip, differs = false, colorScheme = 'light' } of CARDS) {
  let tab = tabs.get(url);
  if (!tab) {
    tab = await context.newPage();
    await tab.setViewportSize({ width: 1100, height: 800 });
    await tab.goto(url);
    await tab.waitForSelector('met-mention', { timeout: 15_000 });
    tabs.set(url, tab);
  }
  await tab.bringToFront();
  await tab.emulateMedia({ colorScheme });
  await tab.keyboard.press('Escape');
  await tab.mouse.move(0, 0);
  const mention = tab.locator(`met-mention[data-met-id="${id}"]:not([data-met-part])${differs ? '[data-met-differs]' : ''}`).first();
  await mention.scrollIntoViewIfNeeded();
  await tab.evaluate(() => window.scrollBy(0, -200));
  await mention.hover();
  await tab.locator('met-card .card h2').waitFor({ timeout: 10_000 });
  if (chip) {
    const before = await tab.locator('met-card .card h2').innerText();
    await tab.locator(`met-card .chip[data-related-id="${chip}"]`).click();
    await tab.waitForFunction(
      (previous) => {
        const heading = document.querySelector('met-card')?.shadowRoot?.querySelector('.card h2');
        return heading && heading.textContent !== previous;
      },
      before,
    );
  }
  // The card appears with a short fade: wait for it to end so the screenshot shows it whole.
  await tab.waitForFunction(() => {
    const card = document.querySelector('met-card')?.shadowRoot?.querySelector('.card');
    return card && card.getAnimations().every((a) => a.playState === 'finished');
  });
  await shot(tab, file);
}
await page.emulateMedia({ colorScheme: 'light' });
await page.mouse.move(0, 0);
await page.keyboard.press('Escape');

await page.bringToFront();
const [tabId] = await worker.evaluate(async () =>
  (await chrome.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => t.id),
);
const popup = await context.newPage();
await popup.setViewportSize({ width: 380, height: 640 });
await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
await popup.waitForSelector('.counts');
await popup.waitForSelector('.timeline svg');
await shot(popup, 'popup.png');

// The side panel, with one entry's card open. Its page is opened in a window of its own that
// follows the article's window (a real side panel opens only from a reader's click).
await page.bringToFront();
const windowId = await worker.evaluate((id) => chrome.tabs.get(id).then((t) => t.windowId), tabId);
const [panel] = await Promise.all([
  context.waitForEvent('page'),
  worker.evaluate((id) => chrome.windows.create({ url: chrome.runtime.getURL(`sidepanel.html?window=${id}`), type: 'popup' }), windowId),
]);
await panel.setViewportSize({ width: 400, height: 1100 });
await panel.waitForSelector('.side-panel .timeline svg');
await panel.locator('button.entity[data-id="stat-999-answered-10s"]').click();
// The card appears with a short fade: wait for it to end so the screenshot shows it whole.
await panel.waitForFunction(() => {
  const card = document.querySelector('[data-testid="card-preview"]')?.shadowRoot?.querySelector('.card');
  return card && card.getAnimations().every((a) => a.playState === 'finished');
});
await shot(panel, 'side-panel.png');

// The options page: the knowledge base with one entry's card open.
const options = await context.newPage();
await options.setViewportSize({ width: 900, height: 800 });
await options.goto(`chrome-extension://${extensionId}/options.html`);
await options.waitForSelector('[data-testid="kb-version"]');
await options.getByLabel('Search by name').fill('Casey');
await options.locator('.results .entity').first().click();
await options.waitForSelector('[data-testid="card-preview"]');
await options.evaluate(() => document.getElementById('kb-heading').scrollIntoView({ block: 'start' }));
await shot(options, 'options-kb.png');
await options.evaluate(() => window.scrollTo(0, 0));
await shot(options, 'options-sites.png');

// A correction, made last so no other screenshot shows it: the card's "Wrong highlight?" and
// the status with Undo once one mention of the force is said not to be it.
await page.bringToFront();
await page.mouse.move(0, 0);
const wrong = page.locator('met-mention[data-met-id="metropolitan-police"]:not([data-met-part])').nth(1);
await wrong.scrollIntoViewIfNeeded();
await page.evaluate(() => window.scrollBy(0, -200));
await wrong.hover();
await page.locator('met-card .corrections').waitFor({ timeout: 10_000 });
await page.locator('met-card .corrections').scrollIntoViewIfNeeded();
await page.waitForFunction(() => {
  const card = document.querySelector('met-card')?.shadowRoot?.querySelector('.card');
  return card && card.getAnimations().every((a) => a.playState === 'finished');
});
await shot(page, 'correction-card.png');
await page.locator('met-card button[data-correct="page"]').click();
await page.locator('met-card .correction-notice .undo').waitFor({ timeout: 10_000 });
await page.waitForFunction(() => {
  const notice = document.querySelector('met-card')?.shadowRoot?.querySelector('.correction-notice');
  return notice && notice.getAnimations().every((a) => a.playState === 'finished');
});
await shot(page, 'correction.png');

await context.close();
await server.close();
console.log(`\nNo display found, so Chromium ran headless. Screenshots are in:\n  ${outDir}`);
