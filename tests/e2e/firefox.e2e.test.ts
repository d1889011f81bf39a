/**
 * Firefox ESR: the built Firefox package, installed as a temporary add-on, annotates a seed
 * article served under a news site's name, a hover opens its card, and the sidebar's page lists
 * what the article mentions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../../scripts/lib/firefox.mjs';
import { serveFixtures } from '../../scripts/lib/server.mjs';
import { PAGE_URLS, POLL, WAIT_MS } from './harness';

/** Pinned, so the test can open the sidebar's page at a known address. */
const EXTENSION_UUID = '6f1b2c4e-3d5a-4e8f-9a7b-1c2d3e4f5a6b';

let browser: Browser;
let server: { port: number; close(): Promise<void> };

beforeAll(async () => {
  if (!existsSync('.output/firefox-mv2/manifest.json')) execSync('npx wxt build -b firefox', { stdio: 'inherit' });
  server = await serveFixtures();
  ({ browser } = await launchFirefoxWithExtension({ port: server.port, extensionUuid: EXTENSION_UUID }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Firefox ESR', () => {
  it('annotates a seed article and opens a card on hover', async () => {
    const page = await browser.newPage();
    await page.goto(PAGE_URLS['seed-2-engage-exit']!);
    await page.waitForSelector('met-mention[data-met-id="lee-freeman"]', { timeout: WAIT_MS });
    const ids = await page.$$eval('met-mention:not([data-met-part])', (els) => els.map((el) => el.getAttribute('data-met-id')));
    expect(ids).toContain('lee-freeman');

    await page.hover('met-mention[data-met-id="lee-freeman"]');
    const handle = await page.waitForFunction(
      () => document.querySelector('met-card')?.shadowRoot?.querySelector('.card h2')?.textContent ?? '',
      { timeout: WAIT_MS },
    );
    expect(await handle.jsonValue()).toContain('Lee Freeman');
    await page.close();
  });

  it('has the sidebar, whose page follows the active tab and lists the article’s entities', async () => {
    const manifest = JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8'));
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    expect(manifest.permissions).not.toContain('sidePanel');

    const page = await browser.newPage();
    await page.goto(PAGE_URLS['seed-2-engage-exit']!);
    await page.waitForSelector('met-mention[data-met-id="lee-freeman"]', { timeout: WAIT_MS });
    const ids = await page.$$eval('met-mention:not([data-met-part])', (els) => [...new Set(els.map((el) => el.getAttribute('data-met-id')))]);

    // The sidebar's page in a tab of the same window: once the article's tab is active again, it
    // describes that tab, as the sidebar does.
    const panel = await browser.newPage();
    // Firefox may never report an extension page's navigation as done: wait for its content
    // instead. Asked afresh at each poll: while the tab moves from about:blank to the panel, an
    // evaluation can meet a document being replaced, and Firefox's WebDriver BiDi then fails it
    // ("right-hand side of 'in' should be an object") rather than waiting for the new one.
    void panel.goto(`moz-extension://${EXTENSION_UUID}/sidepanel.html`, { timeout: WAIT_MS }).catch(() => undefined);
    const entitiesListed = () => panel.evaluate(() => document.querySelectorAll('.side-panel button.entity').length).catch(() => -1);
    await expect.poll(() => panel.evaluate(() => document.querySelector('.side-panel') !== null).catch(() => false), POLL).toBe(true);
    await page.bringToFront();
    await expect.poll(entitiesListed, POLL).toBe(ids.length);
    const listed = await panel.$$eval('.side-panel button.entity', (els) => els.map((el) => el.getAttribute('data-id')));
    expect(listed.sort()).toEqual([...ids].sort());
    await Promise.all([page.close(), panel.close()]);
  });
});
